/**
 * temporal-ha-constructs/cdktf: the CDK for Terraform flavour. The same plan and rules as the AWS
 * CDK flavour (lib/core), rendered with `@cdktf/provider-aws` into one TerraformStack with one
 * aliased AWS provider per region.
 *
 * Loads `cdktf`, `constructs` and the provider's per-resource modules it uses; never `aws-cdk-lib`,
 * never the provider's root barrel.
 */
// The engine-neutral vocabulary (the same values as the root entry's).
export * from '../core/model';
export { ReplicationGroup, REGIONAL_ENDPOINT_ZONE, TEMPORAL_GRPC_PORT, allRegions, findRegion, regionalEndpointHost } from '../core/regions';
export type { TemporalRegionInfo } from '../core/regions';
export { CredentialPart, TemporalEnv } from '../core/worker-config';
export { TemporalHaValidationError, formatFinding } from '../core/findings';
export type { Finding } from '../core/findings';
export type { DeploymentPlan, ShardRequest } from '../core/plan';
export { CpuArchitecture } from '../core/components/service';
export type {
  DeploymentOptions, NamespaceOptions, ActiveHotOptions, ActiveColdOptions, ActiveActiveOptions, ShardOptions,
  ServerlessBuildOptions, StarterPlacementOptions, FailoverOptions, CloudOpsApiOptions,
} from '../core/pattern-options';
export type { WorkerServiceInput } from '../core/components/worker-service';
export type { ServerlessFunctionInput, ServerlessWorkerInput } from '../core/components/serverless-worker';
export { INVOKER_ACTIONS, ServerlessEnv, TEMPORAL_CLOUD_INVOKER_PRINCIPALS } from '../core/serverless';
export type { ContainerHealthCheck, FleetSizing, ResolvedHealthCheck } from '../core/components/service';
// The flavour.
export * from './options';
export * from './blocks';
export * from './patterns';
export { regionalProvider, providerAlias } from './providers';

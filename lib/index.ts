/**
 * temporal-ha-constructs: the application side of Temporal Cloud high availability, as constructs.
 *
 * Root entry (jsii assembly, API.md): the engine-neutral vocabulary and the AWS CDK flavour.
 * The CDK for Terraform flavour is the subpath `temporal-ha-constructs/cdktf`.
 */
export * from './core/model';
export { ReplicationGroup } from './core/regions';
export type { TemporalRegionInfo } from './core/regions';
export { CredentialPart } from './core/worker-config';
export type { Finding } from './core/findings';
export type { ShardRequest } from './core/plan';
export type {
  DeploymentOptions, NamespaceOptions, ActiveHotOptions, ActiveColdOptions, ActiveActiveOptions, ShardOptions,
  ServerlessBuildOptions, StarterPlacementOptions, FailoverOptions, CloudOpsApiOptions,
} from './core/pattern-options';
export type { WorkerServiceInput } from './core/components/worker-service';
export type { ServerlessFunctionInput, ServerlessWorkerInput } from './core/components/serverless-worker';
export { CpuArchitecture } from './core/components/service';
export type { ContainerHealthCheck, FleetSizing, ResolvedHealthCheck } from './core/components/service';
export * from './aws-cdk';

/**
 * The engine-neutral part of every pattern construct's props. Both flavours' props extend these and
 * add only engine objects (images, secrets, stacks or providers), so a prop and its doc exist once.
 */
import { Connectivity } from './connectivity';
import { ComponentRouting, DeploymentPattern, EndpointKind, NamespaceSpec, WorkerEgress } from './model';

/** What every pattern construct takes, whichever engine renders it. */
export interface DeploymentOptions {
  /** How Workers reach Temporal Cloud. @default Connectivity.public() */
  readonly connectivity?: Connectivity;
  /**
   * How Workers and components reach AWS services. `WorkerEgress.VPC_ENDPOINTS`: no internet egress; a VPC the construct creates gets isolated
   * subnets and the AWS service endpoints Fargate tasks and functions need (ECR, S3, CloudWatch Logs, Secrets Manager, STS); a supplied VPC gets
   * them too unless its region says `createAwsServiceEndpoints: false`. It needs `Connectivity.privateLink()` (Temporal Cloud's public endpoints
   * are on the internet).
   * @default WorkerEgress.NAT_GATEWAY
   */
  readonly egress?: WorkerEgress;
  /** How Workers find the codec server and proxy of the active region. @default ComponentRouting.PER_REGION_CONFIG */
  readonly componentRouting?: ComponentRouting;
  /**
   * With `ComponentRouting.FAILOVER_DNS`: the private DNS domain of the failover names (`codec.<domain>`, `proxy.<domain>`), a private zone
   * associated with each worker VPC. Each name answers the primary region's instance while it is healthy (CloudWatch-alarm health checks), else the
   * secondary's. Workers themselves always use their own region's instance.
   * @default - `<construct id, lower case>.temporal.internal`
   */
  readonly failoverDomainName?: string;
  /** Warnings acknowledged by rule id, with the reason (see RULES.md). @default - none */
  readonly acknowledgeWarnings?: { [ruleId: string]: string };
  /**
   * The hardened profile, for deployments that must pass cdk-nag's NIST 800-53 R5 pack (AWS CDK: add `TemporalHaNagFindings.acknowledgeHardened`
   * for the findings that stay by design). Every log group is encrypted with a customer-managed KMS key (one per region, yearly rotation), load
   * balancers get deletion protection, the codec server's access-log bucket versioning, serverless Worker functions reserved concurrency (100)
   * and a dead-letter queue, and public subnets assign no public IPs. Pair it with `Connectivity.privateLink()` (functions then run in the VPC)
   * and `egress: WorkerEgress.VPC_ENDPOINTS` (a VPC the construct creates then has isolated subnets only, unless an internet-facing codec server
   * needs public ones). Costs: a KMS key per region; deletion protection must be turned off before the stacks can be destroyed.
   * @default false
   */
  readonly hardened?: boolean;
  /**
   * The failover state and runbooks: which region is active (kept in an SSM parameter per region, read by every deploy, written by the runbooks),
   * the SSM Automation runbooks deployed in each region, and the optional Cloud Ops API step. See the README's "Failing over".
   * @default - the namespace's primary region is active; names from the construct id; no Cloud Ops API step
   */
  readonly failover?: FailoverOptions;
}

/** How a deployment fails over: its state, its runbooks' names and the optional Cloud Ops API step. */
export interface FailoverOptions {
  /**
   * The name of the deployment's failover resources: the state parameter `/temporal-ha/<name>/<unit>/active-region`, the runbooks
   * `<name>-activate-<region>` and `<name>-standby-<region>`, the role `<name>-failover-<region>`. Lower case letters, digits and hyphens, unique
   * in the account.
   * @default - the construct id, lower case, other characters replaced by hyphens
   */
  readonly name?: string;
  /**
   * The region the deployment declares active: the namespace's primary or replica region (Active/Cold on another cloud: `standbyRegion`).
   * Deploying with another value makes that region's fleets and components active and the other region's cold, and moves the failover names.
   * A deploy that leaves the value unchanged never undoes a runbook's failover: the template reads the live state at deploy time.
   * @default - the namespace's primary region
   */
  readonly activeRegion?: string;
  /**
   * Opt-in: the runbooks can trigger, or verify, the namespace's region failover through Temporal's Cloud Ops API
   * (`POST /cloud/namespaces/<namespace>/failover-region`), with an API key read from Secrets Manager in the runbook's region.
   * @default - no Cloud Ops API step: fail the namespace over in the Temporal Cloud UI, with tcld or the API yourself
   */
  readonly cloudOpsApi?: CloudOpsApiOptions;
  /**
   * The TTL of the failover names' records (`ComponentRouting.FAILOVER_DNS`), in seconds, 0 to 300: how long a resolver keeps the former
   * region's address after the name moves. It is a part of the recovery-time estimate.
   * @default 30
   */
  readonly recordTtlSeconds?: number;
}

/** The Cloud Ops API step of the failover runbooks. */
export interface CloudOpsApiOptions {
  /**
   * The name of the Secrets Manager secret holding a Temporal Cloud API key (the whole secret string is the key) that may fail the namespace
   * over, present in every region of the deployment (a replicated secret): the runbook reads it in its own region.
   */
  readonly apiKeySecretName: string;
  /** The Cloud Ops API's base URL. @default 'https://saas-api.tmprl.cloud' */
  readonly baseUrl?: string;
  /** The `temporal-cloud-api-version` header. @default - the version this library was tested with (see the README) */
  readonly apiVersion?: string;
}

/** The namespace of a single-namespace pattern. */
export interface NamespaceOptions {
  /**
   * The namespace, as configured in Temporal Cloud: its primary and replica region and its poller
   * forwarding setting (set it with the Cloud Ops API, `tcld` or the web UI; deployment tools cannot).
   */
  readonly namespace: NamespaceSpec;
}

/** Active/Passive (Hot): what the pattern adds. */
export interface ActiveHotOptions extends NamespaceOptions {
  /** The endpoint Workers dial. @default EndpointKind.REGIONAL - each fleet its own region's Regional Endpoint */
  readonly endpoint?: EndpointKind;
}

/** Active/Passive (Cold): what the pattern adds. */
export interface ActiveColdOptions extends NamespaceOptions {
  /** The endpoint Workers dial. @default EndpointKind.NAMESPACE - follows a failover with no change to the Workers */
  readonly endpoint?: EndpointKind;
  /**
   * The AWS region of the standby fleet (deployed at zero tasks) when the namespace's replica is on another
   * cloud (multi-cloud replication, e.g. `replicaRegion: 'gcp-us-central1'`): this library runs Workers on AWS
   * only, so it cannot place them beside that replica. The fleet dials the Namespace Endpoint, which follows the
   * failover to the other cloud. Choose an AWS region other than the primary (one the replica's region
   * replicates with is closest). Required when the replica is on another cloud (`TEMPORAL_OTHER_CLOUD_FLEET_REGION`);
   * with an AWS replica the standby fleet runs in the replica region and this must be unset or equal to it.
   * @default - the replica region (an AWS replica)
   */
  readonly standbyRegion?: string;
}

/** Active/Active: what the pattern adds. */
export interface ActiveActiveOptions extends NamespaceOptions {
  /**
   * AWS regions to run Worker fleets in. Required when a namespace region is on another cloud (multi-cloud
   * replication, e.g. `gcp-us-central1`): fleets run on AWS only and dial the Namespace Endpoint, which
   * follows the active replica to either cloud.
   * @default - the namespace's primary and replica regions (both on AWS)
   */
  readonly workerRegions?: string[];
  /** The endpoint Workers dial. @default EndpointKind.NAMESPACE - every fleet follows the active region */
  readonly endpoint?: EndpointKind;
}

/** One shard of `RegionallyShardedNamespaces`: its own namespace, home region, replica and Worker pattern. */
export interface ShardOptions {
  /** A short name for the shard (prefixes its fleets, `<name>-workers`, and names its stacks), e.g. `eu`. */
  readonly name: string;
  /** The shard's namespace; `primaryRegion` is its home region. */
  readonly namespace: NamespaceSpec;
  /** The shard's Worker pattern: SINGLE_REGION, ACTIVE_COLD or ACTIVE_HOT (Active/Active is not a shard pattern). */
  readonly pattern: DeploymentPattern;
  /** The endpoint the shard's Workers dial. @default - the shard pattern's documented default */
  readonly endpoint?: EndpointKind;
  /**
   * ACTIVE_COLD shards whose replica is on another cloud: the AWS region of the standby fleet (see `ActiveColdOptions.standbyRegion`).
   * @default - the replica region (an AWS replica)
   */
  readonly standbyRegion?: string;
  /**
   * The shard's declared active region (see `FailoverOptions.activeRegion`).
   * @default - the shard namespace's primary region
   */
  readonly activeRegion?: string;
}

/** Where Workflow starters dial (both flavours' `StarterOptions` extend this with the image and sizing). */
export interface StarterPlacementOptions {
  /**
   * Pin the starters to this region's Regional Endpoint instead of the Namespace Endpoint (only
   * when a Client must stay in one region; starts and signals are always forwarded to the active region).
   * @default - the Namespace Endpoint: follows the active region with no configuration change
   */
  readonly pinnedRegion?: string;
}

/** The Build ID(s) serverless Workers are registered under. */
export interface ServerlessBuildOptions {
  /**
   * The Build ID every region's function is registered under (one Worker Deployment Version spans regions). Set this or `buildIds`.
   * @default - `buildIds` is required
   */
  readonly buildId?: string;
  /**
   * Build ID per AWS region, for staged rollouts. All must be equal: different Build IDs across
   * regions are an error (`TEMPORAL_SERVERLESS_ONE_BUILD_ID`).
   * @default - `buildId` in every namespace region
   */
  readonly buildIds?: { [awsRegion: string]: string };
}

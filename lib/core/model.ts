/**
 * The engine-neutral vocabulary of the library: what a user declares about a namespace and a
 * deployment, and the enums the plan is written in. Pure data; no engine import.
 */

/** How a Worker or Client authenticates to Temporal Cloud. */
export enum AuthMethod {
  /** An API key, sent as a bearer token over TLS. */
  API_KEY = 'api-key',
  /** A client certificate and key (mTLS). */
  MTLS = 'mtls',
}

/**
 * The namespace's setting for forwarding Worker polls that reach the passive replica (`spec.highAvailability.disablePassivePollerForwarding`). Start,
 * signal, query and the other API calls are always forwarded; only Worker polls are affected.
 */
export enum PollerForwarding {
  /** Temporal Cloud's default: polls reaching the passive replica are forwarded to the active region. */
  ENABLED = 'enabled',
  /** Polls reaching the passive replica wait there (`NamespaceNotActive`) until it becomes active. */
  DISABLED = 'disabled',
}

/** The Worker deployment patterns Temporal documents (https://docs.temporal.io/cloud/high-availability/architecture-patterns). */
export enum DeploymentPattern {
  /** Workers in one region only, no replica (a shard that only needs local, low-latency processing). */
  SINGLE_REGION = 'single-region',
  /** Active/Passive (Cold): Workers run in the active region only and are started in the other on failover. */
  ACTIVE_COLD = 'active-cold',
  /** Active/Passive (Hot): full fleets in both namespace regions; only the active one processes. */
  ACTIVE_HOT = 'active-hot',
  /** Active/Active: fleets in any number of regions, all processing against the one active replica. */
  ACTIVE_ACTIVE = 'active-active',
}

/** Which Temporal Cloud endpoint a fleet dials. */
export enum EndpointKind {
  /** `<namespace>.<account>.tmprl.cloud:7233`: follows the active region on failover. */
  NAMESPACE = 'namespace',
  /** `aws-<region>.region.tmprl.cloud:7233`: pinned to the replica in that region. */
  REGIONAL = 'regional',
}

/** How a fleet's traffic reaches Temporal Cloud. */
export enum NetworkPath {
  /** Over the internet (through NAT). */
  PUBLIC = 'public',
  /** Through an AWS PrivateLink interface endpoint to Temporal Cloud. */
  PRIVATE_LINK = 'private-link',
}

/** How a worker VPC reaches another region's Temporal VPC endpoint. */
export enum CrossRegionRouteKind {
  /** An inter-region VPC peering connection created by the library. */
  VPC_PEERING = 'vpc-peering',
  /** A Transit Gateway (with inter-region peering) the user already runs. */
  TRANSIT_GATEWAY = 'transit-gateway',
  /**
   * AWS's native cross-region interface endpoints. Temporal Cloud does NOT support them; the
   * value exists so that asking for it is rejected with an explanation instead of silently ignored.
   */
  NATIVE_CROSS_REGION_ENDPOINT = 'native-cross-region-endpoint',
}

/** What a fleet is doing during normal operation. */
export enum FleetState {
  /** Running and processing Workflows (or, for Active/Active, processing against the active replica). */
  ACTIVE = 'active',
  /** Running, connected and warm, but idle until its region's replica becomes active (Active/Hot). */
  HOT_STANDBY = 'hot-standby',
  /** Deployed at zero tasks, ready to be scaled up on failover (Active/Cold). */
  COLD_STANDBY = 'cold-standby',
}

/** What a fleet runs. */
export enum FleetRole {
  /** Workers: poll Task Queues and execute Workflows and Activities. */
  WORKER = 'worker',
  /** Workflow starters and Clients: start and signal Workflows. */
  STARTER = 'starter',
}

/** What runs the Worker code. */
export enum WorkerRuntime {
  /** Long-lived Workers on ECS Fargate. */
  FARGATE = 'fargate',
  /** Serverless Workers: AWS Lambda functions that Temporal Cloud invokes. */
  LAMBDA = 'lambda',
}

/** How Workers find the codec server and proxy of the active region. */
export enum ComponentRouting {
  /** Each Worker is given its own region's address as configuration (always true for Workers). */
  PER_REGION_CONFIG = 'per-region-config',
  /**
   * In addition, one name per component (`codec.<domain>`, `proxy.<domain>`) with Route 53 failover records (PRIMARY/SECONDARY) that follows the
   * healthy region, for people and tools. Workers still use their own region's instance.
   */
  FAILOVER_DNS = 'failover-dns',
}

/**
 * How Workers and components reach AWS services (image registry, logs, secrets) and, on the public path, Temporal Cloud. The AWS service endpoints
 * `VPC_ENDPOINTS` creates are listed once, with why each is needed, in `AWS_SERVICE_ENDPOINTS` (lib/core/components/network.ts).
 */
export enum WorkerEgress {
  /** Private subnets with a route to the internet through a NAT gateway per Availability Zone. */
  NAT_GATEWAY = 'nat-gateway',
  /**
   * No internet egress: isolated subnets (no NAT gateway; no internet gateway, unless an internet-facing codec server needs public subnets for
   * its load balancer), AWS services through VPC endpoints, Temporal Cloud through AWS PrivateLink (`Connectivity.privateLink()`). Images must
   * come from Amazon ECR in the same region (a public registry is unreachable).
   */
  VPC_ENDPOINTS = 'vpc-endpoints',
}

/** Severity of a finding. */
export enum Severity {
  /** Synthesis fails: the deployment would not fail over (or would not work). */
  ERROR = 'error',
  /** Synthesis continues with an annotation that can be acknowledged with a reason. */
  WARNING = 'warning',
}

/** A declared Temporal Cloud namespace (as configured in Temporal Cloud; this library does not create it). */
export interface NamespaceSpec {
  /** The namespace name without the account suffix, e.g. `orders`. */
  readonly name: string;
  /** The Temporal Cloud account id, e.g. `a1b2c`. */
  readonly accountId: string;
  /**
   * The namespace's active (preferred) region: AWS name (`us-east-1`) or Temporal id (`aws-us-east-1`; a region on
   * another cloud by its Temporal id, e.g. `gcp-us-central1`, for `ActiveActiveDeployment` whose fleets run on AWS).
   * Must be known at synth (`TEMPORAL_KNOWN_AT_SYNTH`).
   */
  readonly primaryRegion: string;
  /**
   * The namespace's replica region (High Availability): another AWS region (multi-region replication), a region
   * on another cloud by its Temporal id such as `gcp-us-central1` (multi-cloud replication: fleets stay on AWS and
   * dial the Namespace Endpoint; see `standbyRegion` and `workerRegions`), or the primary region itself
   * (same-region replication, Preview, where offered: protects against a cell failure, not a region outage;
   * Active/Cold and Active/Active on the Namespace Endpoint only). See https://docs.temporal.io/cloud/regions.
   * @default - none: a single-region namespace
   */
  readonly replicaRegion?: string;
  /**
   * The namespace's poller-forwarding setting, as configured in Temporal Cloud. Declare it: messages report an
   * undeclared setting as "not declared (Temporal's default: enabled)".
   * @default PollerForwarding.ENABLED (Temporal Cloud's default)
   */
  readonly pollerForwarding?: PollerForwarding;
}

/**
 * Props shared by the CDK for Terraform pattern constructs. They mirror the AWS CDK flavour's props (lib/aws-cdk/options.ts) with Terraform-native
 * types: images are registry strings, secrets are Secrets Manager names, certificates are ARNs per region, VPCs and clusters are ids, and each region
 * is addressed through an `AwsProvider` instead of a stack.
 */
import type { ServerlessWorkerCode } from './blocks/serverless-worker';
import type { AwsProvider } from './engine';
import type { CodecServerSettingsInput } from '../core/components/codec-server';
import type { ProxySettingsInput } from '../core/components/proxy';
import type { ServerlessFunctionInput } from '../core/components/serverless-worker';
import type { FleetSizing } from '../core/components/service';
import type { DeploymentOptions, NamespaceOptions, ServerlessBuildOptions, ShardOptions, StarterPlacementOptions } from '../core/pattern-options';

import type { TemporalCredentials } from './blocks/credentials';

export { Connectivity, CrossRegionRoute } from '../core/connectivity';
export type { PrivateLinkOptions } from '../core/connectivity';

/** The Worker fleet each region runs: its image, and its sizing (engine-neutral, `FleetSizing`). */
export interface WorkerFleetOptions extends FleetSizing {
  /** The Worker image (`registry/repository:tag`): an unmodified Temporal SDK worker reads its connection from the standard environment. */
  readonly image: string;
}

/** The codec server each Worker region runs: the user's image, and its settings (engine-neutral). */
export interface CodecServerOptions extends CodecServerSettingsInput {
  /** The codec server image. It serves `POST /encode` and `POST /decode`. */
  readonly image: string;
  /**
   * The id of the Route 53 hosted zone of `domainNames`: each region's name gets an alias A record to its load balancer there, and a region
   * without a certificate in `certificateArns` gets a certificate validated through it. A public zone, or a private zone of the network
   * people's browsers resolve (not the worker VPCs'); validating a certificate needs a public zone.
   * @default - no records: create them yourself for `domainNames`
   */
  readonly hostedZoneId?: string;
}

/** The proxy between Workers and Temporal Cloud (a TCP passthrough or forward proxy image of the user's). */
export interface ProxyOptions extends ProxySettingsInput {
  /** The proxy image. It reads its upstream from `TEMPORAL_PROXY_UPSTREAM` (`host:port`). */
  readonly image: string;
}

/** A VPC the platform team already runs, by id. */
export interface ExistingVpc {
  /** The VPC id (`vpc-...`), or a reference to a `Vpc` resource's `id`. */
  readonly vpcId: string;
  /** The VPC's IPv4 CIDR. When it is a literal, overlapping peered VPCs are reported at synth; a reference (token) is not checked. */
  readonly cidrBlock: string;
  /**
   * Private subnets (two or more AZs) for the tasks, endpoints and internal load balancers: the default of a region's `workerSubnetIds` and
   * `componentSubnetIds`. With a route to the internet (NAT), or isolated with `egress: WorkerEgress.VPC_ENDPOINTS`.
   */
  readonly privateSubnetIds: string[];
  /**
   * Route tables of the private subnets: where cross-region routes and the S3 gateway endpoint (`egress: WorkerEgress.VPC_ENDPOINTS`) are added.
   * @default - none; required when the pattern adds cross-region routes or the S3 gateway endpoint to this VPC
   */
  readonly privateRouteTableIds?: string[];
  /** Public subnets, for an internet-facing codec server. @default - none; required for `codecServer.internetFacing` */
  readonly publicSubnetIds?: string[];
}

/** Where one region's resources go, when the platform team supplies them. */
export interface RegionPlacement {
  /**
   * The AWS provider for this region (its `region` must be this region).
   * @default - an aliased provider created once per stack and region (alias = the region name)
   */
  readonly provider?: AwsProvider;
  /** The VPC Workers run in. @default - a new VPC with a CIDR distinct per region, two AZs, NAT and flow logs */
  readonly vpc?: ExistingVpc;
  /** Subnets of `vpc` for Worker and starter tasks (and serverless Worker functions in the VPC). @default - `vpc.privateSubnetIds` */
  readonly workerSubnetIds?: string[];
  /**
   * Subnets of `vpc` for codec server and proxy tasks, internal load balancers, the Temporal VPC endpoint and the AWS service endpoints (one
   * subnet per Availability Zone). An internet-facing codec server's load balancer stays in `vpc.publicSubnetIds`.
   * @default - `vpc.privateSubnetIds`
   */
  readonly componentSubnetIds?: string[];
  /** Security groups of Worker and starter tasks (in `vpc`). @default - a new security group per service, all outbound traffic, no inbound */
  readonly workerSecurityGroupIds?: string[];
  /**
   * With `egress: WorkerEgress.VPC_ENDPOINTS`: create the AWS service endpoints (ECR, S3, CloudWatch Logs, Secrets Manager, STS) in `vpc`. Set
   * `false` when the VPC already has them (with private DNS on); only for a supplied VPC.
   * @default true
   */
  readonly createAwsServiceEndpoints?: boolean;
  /** The ARN of the ECS cluster Workers run in (must be in `vpc`). @default - a new cluster with Container Insights */
  readonly clusterArn?: string;
  /**
   * The id of the private hosted zone named `region.tmprl.cloud` already associated with `vpc` (e.g. the platform team's): the deployment writes
   * its Regional Endpoint records into it and creates no zone or association. Needs `vpc` (the VPC the zone is associated with). Route 53 allows
   * one private zone of a name per VPC, so a VPC that already has this zone must supply it here.
   * @default - one zone per VPC, shared by every deployment in the app that uses the VPC (same `vpcId`): created by the first, in its stack,
   * together with the VPC's one Temporal PrivateLink endpoint
   */
  readonly privateZoneId?: string;
}

/** Serverless Workers: a Lambda function per namespace region that Temporal Cloud invokes. */
export interface ServerlessWorkerOptions extends ServerlessFunctionInput, ServerlessBuildOptions {
  /**
   * The Worker code per AWS region (Lambda reads code from a bucket or repository in its own region): every namespace region needs an entry, e.g. `{
   * 'us-east-1': ServerlessWorkerCode.fromS3('artifacts-us-east-1', 'worker-1.4.2.zip') }`.
   */
  readonly code: { [awsRegion: string]: ServerlessWorkerCode };
  /** Lambda runtime (zip archives). @default 'nodejs22.x' */
  readonly runtime?: string;
  /** Timeout, in seconds. @default 90 */
  readonly timeoutSeconds?: number;
  /** Instruction set (`x86_64` or `arm64`). @default 'x86_64' */
  readonly architecture?: string;
  /** The function name (the same in every region). @default - derived from the construct path */
  readonly functionName?: string;
}

/** Workflow starters / Clients: a service per Worker region, following the Workers' pattern. */
export interface StarterOptions extends WorkerFleetOptions, StarterPlacementOptions {}

/** Props every pattern construct shares, the Worker fleet aside. */
export interface TemporalDeploymentSharedProps extends DeploymentOptions {
  /** A codec server in each region that runs Workers. @default - none */
  readonly codecServer?: CodecServerOptions;
  /**
   * A proxy in each region that runs Workers; Workers dial it and it dials the endpoint the pattern requires.
   * @default - none: Workers dial Temporal Cloud directly
   */
  readonly proxy?: ProxyOptions;
  /** Providers, VPCs and clusters the platform team supplies, per AWS region. @default - the construct creates what each region needs */
  readonly regions?: { [awsRegion: string]: RegionPlacement };
  /** Tags for every resource that takes them. @default - none beyond the library's own `TemporalDeployment` tag */
  readonly tags?: { [key: string]: string };
  /**
   * The Worker side's recovery-time objective, in seconds: when the deployment's recovery-time estimate (see the generated runbook) exceeds it,
   * synthesis fails naming the largest part of the estimate and the change that would meet it (rule `TEMPORAL_RECOVERY_TIME_OBJECTIVE`).
   * @default - none: the estimate is only reported
   */
  readonly recoveryTimeObjectiveSeconds?: number;
}

/** Props of the single-namespace pattern constructs. */
export interface TemporalDeploymentCommonProps extends TemporalDeploymentSharedProps {
  /** How Workers authenticate: an API key or an mTLS certificate and key, from Secrets Manager. */
  readonly credentials: TemporalCredentials;
  /** The Worker fleet on ECS Fargate. Set this or `serverlessWorkers`. @default - none: `serverlessWorkers` is required */
  readonly workers?: WorkerFleetOptions;
  /**
   * Serverless Workers instead of a fleet: Temporal Cloud invokes a Lambda function in whichever
   * namespace region is active, so the Workers fail over with the namespace. Set this or `workers`.
   * @default - none: `workers` is required
   */
  readonly serverlessWorkers?: ServerlessWorkerOptions;
  /** Workflow starters / Clients, deployed with the Workers' regional pattern (same regions, and cold where the Workers are cold). @default - none */
  readonly starters?: StarterOptions;
}

/** Props of `ServerlessWorkers`. */
export interface ServerlessWorkersProps extends TemporalDeploymentSharedProps, NamespaceOptions {
  /** Credentials the function reads from Secrets Manager at cold start. */
  readonly credentials: TemporalCredentials;
  /** The function code per region, Build ID and invoker role's external ID. */
  readonly serverlessWorkers: ServerlessWorkerOptions;
}

/** One shard: its options (engine-neutral) and its Workers' engine objects. */
export interface NamespaceShard extends ShardOptions {
  /** The shard's credentials. */
  readonly credentials: TemporalCredentials;
  /** The shard's Worker fleet. */
  readonly workers: WorkerFleetOptions;
}

/** Props of `RegionallyShardedNamespaces`. */
export interface RegionallyShardedNamespacesProps extends TemporalDeploymentSharedProps {
  /** The shards. */
  readonly shards: NamespaceShard[];
}

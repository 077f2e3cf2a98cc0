/**
 * Props shared by the AWS CDK pattern constructs. Engine-neutral choices (regions, endpoint kind,
 * forwarding) are the core's types; what only AWS CDK knows (images, stacks, VPCs, secrets) is here.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as route53 from 'aws-cdk-lib/aws-route53';
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
  /** The Worker image: an unmodified Temporal SDK worker reads its connection from the standard environment. */
  readonly image: ecs.ContainerImage;
}

/** Serverless Workers: a Lambda function per namespace region that Temporal Cloud invokes. */
export interface ServerlessWorkerOptions extends ServerlessFunctionInput, ServerlessBuildOptions {
  /**
   * The Worker code: a directory or .zip file with a handler that runs a Temporal Serverless Worker.
   * It is published as an asset in each region (Lambda reads code from a bucket in its own region).
   */
  readonly codePath: string;
  /** Lambda runtime. @default - the block's default (a current Node.js runtime) */
  readonly runtime?: lambda.Runtime;
  /** Timeout. @default Duration.seconds(90) */
  readonly timeout?: Duration;
}

/** Workflow starters / Clients: a service per Worker region, following the Workers' pattern. */
export interface StarterOptions extends WorkerFleetOptions, StarterPlacementOptions {}

/** The codec server each Worker region runs: the user's image, and its settings (engine-neutral). */
export interface CodecServerOptions extends CodecServerSettingsInput {
  /** The codec server image. It serves `POST /encode` and `POST /decode`. */
  readonly image: ecs.ContainerImage;
  /**
   * The hosted zone of `domainNames`: each region's name gets an alias A record to its load balancer there, and a region without a certificate
   * in `certificateArns` gets a certificate validated through it. A public zone, or a private zone of the network people's browsers resolve
   * (not the worker VPCs'); validating a certificate needs a public zone. Import it with `HostedZone.fromHostedZoneAttributes` to use it from
   * every region's stack.
   * @default - no records: create them yourself for `domainNames`
   */
  readonly hostedZone?: route53.IHostedZone;
}

/** The proxy between Workers and Temporal Cloud (a TCP passthrough or forward proxy image of the user's). */
export interface ProxyOptions extends ProxySettingsInput {
  /** The proxy image. It reads its upstream from `TEMPORAL_PROXY_UPSTREAM` (`host:port`). */
  readonly image: ecs.ContainerImage;
}

/** Where one region's resources go, when the platform team supplies them. */
export interface RegionPlacement {
  /**
   * The stack for this region (its env.region must be this region).
   * @default - the construct creates a stack under its scope (which must then be an App or Stage)
   */
  readonly stack?: Stack;
  /** The VPC Workers run in (private subnets with egress). @default - a new VPC with a CIDR distinct per region, two AZs, flow logs */
  readonly vpc?: ec2.IVpc;
  /**
   * Subnets of `vpc` for Worker and starter tasks (and serverless Worker functions in the VPC).
   * @default - the VPC's private subnets with egress; with `egress: WorkerEgress.VPC_ENDPOINTS`, its isolated subnets
   */
  readonly workerSubnets?: ec2.SubnetSelection;
  /**
   * Subnets of `vpc` for codec server and proxy tasks, internal load balancers, the Temporal VPC endpoint and the AWS service endpoints.
   * An internet-facing codec server's load balancer stays in the public subnets.
   * @default - the VPC's private subnets with egress; with `egress: WorkerEgress.VPC_ENDPOINTS`, its isolated subnets
   */
  readonly componentSubnets?: ec2.SubnetSelection;
  /** Security groups of Worker and starter tasks (in `vpc`). @default - a new security group per service, all outbound traffic, no inbound */
  readonly workerSecurityGroups?: ec2.ISecurityGroup[];
  /**
   * With `egress: WorkerEgress.VPC_ENDPOINTS`: create the AWS service endpoints (ECR, S3, CloudWatch Logs, Secrets Manager, STS) in `vpc`. Set
   * `false` when the VPC already has them (with private DNS on); only for a supplied VPC.
   * @default true
   */
  readonly createAwsServiceEndpoints?: boolean;
  /** The ECS cluster Workers run in (must be in `vpc`). @default - a new cluster with Container Insights */
  readonly cluster?: ecs.ICluster;
  /**
   * The private hosted zone named `region.tmprl.cloud` already associated with `vpc` (e.g. the platform team's): the deployment writes its
   * Regional Endpoint records into it and creates no zone or association. Needs `vpc` (the VPC the zone is associated with). Route 53 allows one
   * private zone of a name per VPC, so a VPC that already has this zone must supply it here.
   * @default - one zone per VPC, shared by every deployment in the app that uses the VPC: created by the first, with the VPC (in the VPC's stack),
   * together with the VPC's one Temporal PrivateLink endpoint
   */
  readonly privateZone?: route53.IHostedZone;
}

/** Props every pattern construct shares, the Worker fleet aside. */
export interface TemporalDeploymentSharedProps extends DeploymentOptions {
  /** A codec server in each region that runs Workers. @default - none */
  readonly codecServer?: CodecServerOptions;
  /**
   * A proxy in each region that runs Workers; Workers dial it and it dials the endpoint the pattern requires.
   * @default - none: Workers dial Temporal Cloud directly
   */
  readonly proxy?: ProxyOptions;
  /** Stacks, VPCs and clusters the platform team supplies, per AWS region. @default - the construct creates what each region needs */
  readonly regions?: { [awsRegion: string]: RegionPlacement };
  /** Account for the stacks the construct creates. @default - CDK_DEFAULT_ACCOUNT (the CLI's current account), else account-agnostic */
  readonly account?: string;
  /**
   * The Worker side's recovery-time objective: when the deployment's recovery-time estimate (see the generated runbook) exceeds it, synthesis fails
   * naming the largest part of the estimate and the change that would meet it (rule `TEMPORAL_RECOVERY_TIME_OBJECTIVE`).
   * @default - none: the estimate is only reported
   */
  readonly recoveryTimeObjective?: Duration;
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
  /** The function, Build ID and invoker role's external ID. */
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

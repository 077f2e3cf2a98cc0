/**
 * Props shared by the CDK for Terraform pattern constructs. They mirror the AWS CDK flavour's props
 * (lib/aws-cdk/options.ts) with Terraform-native types: images are registry strings, secrets are
 * Secrets Manager names, certificates are ARNs per region, VPCs and clusters are ids, and each
 * region is addressed through an `AwsProvider` instead of a stack.
 */
import type { ServerlessWorkerCode } from './blocks/serverless-worker';
import type { AwsProvider } from './engine';
import { ComponentRouting, CrossRegionRouteKind, NetworkPath } from '../core/model';

/** The Worker fleet each region runs. */
export interface WorkerFleetOptions {
  /** The Worker image (`registry/repository:tag`): an unmodified Temporal SDK worker reads its connection from the standard environment. */
  readonly image: string;
  /**
   * Fargate CPU units per task.
   * @default 512
   */
  readonly cpu?: number;
  /**
   * Memory per task, in MiB.
   * @default 1024
   */
  readonly memoryLimitMiB?: number;
  /**
   * Tasks per running fleet (the desired count of active and hot-standby fleets; cold fleets run 0).
   * @default 2
   */
  readonly minCapacity?: number;
  /**
   * Upper bound of CPU autoscaling.
   * @default 10
   */
  readonly maxCapacity?: number;
  /**
   * Target CPU utilization for autoscaling.
   * @default 60
   */
  readonly targetCpuUtilizationPercent?: number;
  /**
   * Extra, non-secret environment variables for the Worker (task queue names and the like).
   * @default - none
   */
  readonly environment?: { [key: string]: string };
  /**
   * CPU architecture of the image (`X86_64` or `ARM64`).
   * @default 'X86_64'
   */
  readonly cpuArchitecture?: string;
}

/** The codec server each Worker region runs (the user's image; the library runs and exposes it). */
export interface CodecServerOptions {
  /** The codec server image. It serves `POST /encode` and `POST /decode`. */
  readonly image: string;
  /**
   * HTTPS certificate ARN per AWS region (ACM certificates are regional), e.g.
   * `{ 'us-east-1': 'arn:aws:acm:us-east-1:111111111111:certificate/...' }`.
   */
  readonly certificateArns: { [awsRegion: string]: string };
  /**
   * Port the container listens on (`PORT`).
   * @default 8080
   */
  readonly containerPort?: number;
  /**
   * Health check path.
   * @default '/health'
   */
  readonly healthCheckPath?: string;
  /**
   * Origins allowed by CORS (`CORS_ALLOWED_ORIGINS`; the Temporal Cloud web UI calls the codec server from the browser).
   * @default ['https://cloud.temporal.io']
   */
  readonly corsAllowedOrigins?: string[];
  /**
   * Whether the load balancer is internet-facing (it then uses the VPC's public subnets).
   * @default false - reached over a private network (VPN, Direct Connect)
   */
  readonly internetFacing?: boolean;
  /**
   * IPv4 CIDRs allowed to reach the codec server over HTTPS.
   * @default - the worker VPC's CIDR (or anywhere when internet-facing)
   */
  readonly allowedCidrs?: string[];
}

/** The proxy between Workers and Temporal Cloud (a TCP passthrough or forward proxy image of the user's). */
export interface ProxyOptions {
  /** The proxy image. It reads its upstream from `TEMPORAL_PROXY_UPSTREAM` (`host:port`). */
  readonly image: string;
  /**
   * Port the container listens on (`TEMPORAL_PROXY_LISTEN_PORT`).
   * @default 7233
   */
  readonly containerPort?: number;
}

/** How a worker VPC reaches another region's Temporal VPC endpoint. */
export class CrossRegionRoute {
  /** An inter-region VPC peering connection (requester and accepter), routes both ways and security group rules (the default). */
  public static vpcPeering(): CrossRegionRoute {
    return new CrossRegionRoute(CrossRegionRouteKind.VPC_PEERING, {});
  }

  /**
   * A Transit Gateway (with inter-region peering and VPC attachments) the platform team already runs.
   * The library adds the routes to it in each worker VPC and the security group rules.
   *
   * @param transitGatewayIds the Transit Gateway id per AWS region, e.g. `{ 'us-east-1': 'tgw-0123...' }`
   */
  public static transitGateway(transitGatewayIds: { [awsRegion: string]: string }): CrossRegionRoute {
    return new CrossRegionRoute(CrossRegionRouteKind.TRANSIT_GATEWAY, transitGatewayIds);
  }

  /**
   * AWS native cross-region interface endpoints. Temporal Cloud does not support them: choosing this
   * fails synthesis with an explanation (it exists so the choice is rejected, not ignored).
   */
  public static nativeCrossRegionEndpoint(): CrossRegionRoute {
    return new CrossRegionRoute(CrossRegionRouteKind.NATIVE_CROSS_REGION_ENDPOINT, {});
  }

  /** No cross-region route. Patterns that need one (Active/Cold, Active/Active under PrivateLink) reject it. */
  public static none(): CrossRegionRoute {
    return new CrossRegionRoute(undefined, {});
  }

  private constructor(
    /** The route kind; undefined for `none()`. */
    public readonly kind: CrossRegionRouteKind | undefined,
    /** Transit Gateway ids by AWS region (Transit Gateway routes only). */
    public readonly transitGatewayIds: { [awsRegion: string]: string },
  ) {}
}

/** Options for PrivateLink connectivity. */
export interface PrivateLinkOptions {
  /**
   * How worker VPCs reach other regions' Temporal VPC endpoints, where the pattern needs it.
   * @default CrossRegionRoute.vpcPeering()
   */
  readonly crossRegionRoute?: CrossRegionRoute;
}

/** How Workers reach Temporal Cloud. */
export class Connectivity {
  /** Over the internet, through each VPC's NAT gateways. */
  public static public(): Connectivity {
    return new Connectivity(NetworkPath.PUBLIC, {});
  }

  /**
   * Through AWS PrivateLink: an interface endpoint per region, a `region.tmprl.cloud` private zone
   * per worker VPC, and cross-region routes where the pattern needs them.
   */
  public static privateLink(options: PrivateLinkOptions = {}): Connectivity {
    return new Connectivity(NetworkPath.PRIVATE_LINK, options);
  }

  private constructor(
    /** The network path. */
    public readonly networkPath: NetworkPath,
    /** PrivateLink options. */
    public readonly privateLinkOptions: PrivateLinkOptions,
  ) {}
}

/** A VPC the platform team already runs, by id. */
export interface ExistingVpc {
  /** The VPC id (`vpc-...`), or a reference to a `Vpc` resource's `id`. */
  readonly vpcId: string;
  /**
   * The VPC's IPv4 CIDR. When it is a literal, overlapping peered VPCs are reported at synth; a
   * reference (token) is not checked.
   */
  readonly cidrBlock: string;
  /** Private subnets with egress (two or more AZs) for the tasks, endpoints and internal load balancers. */
  readonly privateSubnetIds: string[];
  /**
   * Route tables of the private subnets: where cross-region routes are added.
   * @default - none; required when the pattern adds cross-region routes to this VPC
   */
  readonly privateRouteTableIds?: string[];
  /**
   * Public subnets, for an internet-facing codec server.
   * @default - none; required for `codecServer.internetFacing`
   */
  readonly publicSubnetIds?: string[];
}

/** Where one region's resources go, when the platform team supplies them. */
export interface RegionPlacement {
  /**
   * The AWS provider for this region (its `region` must be this region).
   * @default - an aliased provider created once per stack and region (alias = the region name)
   */
  readonly provider?: AwsProvider;
  /**
   * The VPC Workers run in.
   * @default - a new VPC with a CIDR distinct per region, two AZs, NAT and flow logs
   */
  readonly vpc?: ExistingVpc;
  /**
   * The ARN of the ECS cluster Workers run in (must be in `vpc`).
   * @default - a new cluster with Container Insights
   */
  readonly clusterArn?: string;
}

/** Serverless Workers: a Lambda function per namespace region that Temporal Cloud invokes. */
export interface ServerlessWorkerOptions {
  /**
   * The Worker code per AWS region (Lambda reads code from a bucket or repository in its own
   * region): every namespace region needs an entry, e.g.
   * `{ 'us-east-1': ServerlessWorkerCode.fromS3('artifacts-us-east-1', 'worker-1.4.2.zip') }`.
   */
  readonly code: { [awsRegion: string]: ServerlessWorkerCode };
  /**
   * The handler (zip archives), e.g. `index.handler`.
   * @default 'index.handler'
   */
  readonly handler?: string;
  /**
   * The Build ID every region's function is registered under (one Worker Deployment Version spans regions).
   * Set this or `buildIds`.
   * @default - `buildIds` is required
   */
  readonly buildId?: string;
  /**
   * Build ID per AWS region, for staged rollouts. All must be equal: different Build IDs across
   * regions are an error (`TEMPORAL_SERVERLESS_ONE_BUILD_ID`).
   * @default - `buildId` in every namespace region
   */
  readonly buildIds?: { [awsRegion: string]: string };
  /** The external ID Temporal Cloud presents to assume the invoker role (5-45 characters). */
  readonly externalId: string;
  /**
   * The Worker Deployment name (for the registration command).
   * @default - none
   */
  readonly deploymentName?: string;
  /**
   * Lambda runtime (zip archives).
   * @default 'nodejs22.x'
   */
  readonly runtime?: string;
  /**
   * Memory in MiB.
   * @default 1024
   */
  readonly memorySize?: number;
  /**
   * Timeout, in seconds.
   * @default 90
   */
  readonly timeoutSeconds?: number;
  /**
   * Instruction set (`x86_64` or `arm64`).
   * @default 'x86_64'
   */
  readonly architecture?: string;
  /**
   * The function name (the same in every region).
   * @default - derived from the construct path
   */
  readonly functionName?: string;
  /**
   * Extra environment variables.
   * @default - none
   */
  readonly environment?: { [key: string]: string };
}

/** Workflow starters / Clients: a service per Worker region, following the Workers' pattern. */
export interface StarterOptions extends WorkerFleetOptions {
  /**
   * Pin the starters to this region's Regional Endpoint instead of the Namespace Endpoint (only
   * when a Client must stay in one region; starts and signals are always forwarded to the active region).
   * @default - the Namespace Endpoint: follows the active region with no configuration change
   */
  readonly pinnedRegion?: string;
}

/** Props every pattern construct shares, the Worker fleet aside. */
export interface TemporalDeploymentSharedProps {
  /**
   * How Workers reach Temporal Cloud.
   * @default Connectivity.public()
   */
  readonly connectivity?: Connectivity;
  /**
   * A codec server in each region that runs Workers.
   * @default - none
   */
  readonly codecServer?: CodecServerOptions;
  /**
   * A proxy in each region that runs Workers; Workers dial it and it dials the endpoint the pattern requires.
   * @default - none: Workers dial Temporal Cloud directly
   */
  readonly proxy?: ProxyOptions;
  /**
   * How Workers find the codec server and proxy of the active region.
   * @default ComponentRouting.PER_REGION_CONFIG
   */
  readonly componentRouting?: ComponentRouting;
  /**
   * With `ComponentRouting.FAILOVER_DNS`: the private DNS domain of the failover names
   * (`codec.<domain>`, `proxy.<domain>`), a private zone associated with each worker VPC. Each name
   * answers the primary region's instance while it is healthy (CloudWatch-alarm health checks), else
   * the secondary's. Workers themselves always use their own region's instance.
   * @default - `<construct id, lower case>.temporal.internal`
   */
  readonly failoverDomainName?: string;
  /**
   * Providers, VPCs and clusters the platform team supplies, per AWS region.
   * @default - the construct creates what each region needs
   */
  readonly regions?: { [awsRegion: string]: RegionPlacement };
  /**
   * Warnings acknowledged by rule id, with the reason (see RULES.md).
   * @default - none
   */
  readonly acknowledgeWarnings?: { [ruleId: string]: string };
  /**
   * Tags for every resource that takes them.
   * @default - none beyond the library's own `TemporalDeployment` tag
   */
  readonly tags?: { [key: string]: string };
}

/** Props of the single-namespace pattern constructs. */
export interface TemporalDeploymentCommonProps extends TemporalDeploymentSharedProps {
  /**
   * The Worker fleet on ECS Fargate. Set this or `serverlessWorkers`.
   * @default - none: `serverlessWorkers` is required
   */
  readonly workers?: WorkerFleetOptions;
  /**
   * Serverless Workers instead of a fleet: Temporal Cloud invokes a Lambda function in whichever
   * namespace region is active, so the Workers fail over with the namespace. Set this or `workers`.
   * @default - none: `workers` is required
   */
  readonly serverlessWorkers?: ServerlessWorkerOptions;
  /**
   * Workflow starters / Clients, deployed with the Workers' regional pattern (same regions, and cold
   * where the Workers are cold).
   * @default - none
   */
  readonly starters?: StarterOptions;
}

/**
 * The network of one region: the subnets Workers and components run in, whether a VPC the construct creates has internet egress (NAT gateways) or
 * not, and, without egress, the AWS service endpoints the tasks and functions need. Written once here; both engines emit what `regionNetwork` says.
 */
import { WorkerEgress, WorkerRuntime } from '../model';
import type { DeploymentPlan, RegionPlan } from '../plan';

/** What an AWS service endpoint serves: Fargate tasks only, or Fargate tasks and Lambda functions in the VPC. */
export enum ServiceEndpointUser {
  /** Fargate tasks (Workers, starters, codec servers, proxies). */
  TASKS = 'tasks',
  /** Fargate tasks and serverless Worker functions in the VPC. */
  TASKS_AND_FUNCTIONS = 'tasks-and-functions',
}

/** How a VPC endpoint reaches its service. */
export enum ServiceEndpointType {
  /** Network interfaces in the subnets, with private DNS on. */
  INTERFACE = 'Interface',
  /** Routes in the route tables of the subnets (S3, DynamoDB). */
  GATEWAY = 'Gateway',
}

/** One AWS service endpoint a VPC without internet egress needs. */
export interface AwsServiceEndpointSpec {
  /** The service's short name: the endpoint service is `com.amazonaws.<region>.<service>`. */
  readonly service: string;
  /** Interface (network interfaces in the subnets, private DNS on) or gateway (routes in the subnets' route tables). */
  readonly type: ServiceEndpointType;
  /** What needs it. */
  readonly usedBy: ServiceEndpointUser;
  /** Why it is needed, for docs and the endpoint's description. */
  readonly reason: string;
}

/**
 * The AWS service endpoints of a VPC without internet egress, from AWS's documentation:
 * https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html (Fargate platform 1.4.0+ pulls images through `ecr.api` and `ecr.dkr`,
 * and the image layers from S3 through the gateway endpoint; tasks sending logs with the awslogs driver need `logs`) and
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/vpc-endpoints.html (Fargate tasks reading container secrets need `secretsmanager`;
 * the `ecs`, `ecs-agent` and `ecs-telemetry` endpoints serve the container agent of EC2 instances, which Fargate does not need).
 * CloudWatch monitoring (`monitoring`) is not needed: Container Insights and the load balancers' metrics are published by AWS, not from the VPC.
 */
export const AWS_SERVICE_ENDPOINTS: readonly AwsServiceEndpointSpec[] = [
  { service: 'ecr.api', type: ServiceEndpointType.INTERFACE, usedBy: ServiceEndpointUser.TASKS, reason: 'Fargate pulls images from Amazon ECR (authorization, manifests)' },
  { service: 'ecr.dkr', type: ServiceEndpointType.INTERFACE, usedBy: ServiceEndpointUser.TASKS, reason: 'Fargate pulls images from Amazon ECR (Docker registry API)' },
  { service: 's3', type: ServiceEndpointType.GATEWAY, usedBy: ServiceEndpointUser.TASKS, reason: 'Amazon ECR serves image layers from Amazon S3' },
  { service: 'logs', type: ServiceEndpointType.INTERFACE, usedBy: ServiceEndpointUser.TASKS, reason: 'containers log to CloudWatch Logs (awslogs driver)' },
  {
    service: 'secretsmanager',
    type: ServiceEndpointType.INTERFACE,
    usedBy: ServiceEndpointUser.TASKS_AND_FUNCTIONS,
    reason: 'ECS injects the Temporal credentials from Secrets Manager; serverless Workers read them at cold start',
  },
  {
    service: 'sts',
    type: ServiceEndpointType.INTERFACE,
    usedBy: ServiceEndpointUser.TASKS,
    reason: 'AWS SDKs in Workers and codec servers assume roles and get caller identity through the regional STS endpoint',
  },
];

/** The HTTPS port of interface endpoints. */
export const AWS_SERVICE_ENDPOINT_PORT = 443;

/** The description of the endpoints' security group (a change replaces the group). */
export const AWS_SERVICE_ENDPOINTS_SECURITY_GROUP_DESCRIPTION = 'AWS service endpoints of the Temporal Workers: HTTPS from the VPC';

/** The endpoint service name of an AWS service in a region: `com.amazonaws.us-east-1.ecr.api`. */
export function awsServiceEndpointName(awsRegion: string, service: string): string {
  return `com.amazonaws.${awsRegion}.${service}`;
}

/** The subnets Workers and components run in by default, and the kind of subnets a VPC the construct creates has. */
export enum SubnetKind {
  /** Private subnets with a route to the internet through NAT. */
  PRIVATE_WITH_EGRESS = 'private-with-egress',
  /** Isolated subnets: no route to the internet. */
  ISOLATED = 'isolated',
}

/** One region's network, as both engines emit it. */
export interface RegionNetwork {
  readonly egress: WorkerEgress;
  /** The default subnets of Workers and components, and the private subnets of a VPC the construct creates. */
  readonly subnets: SubnetKind;
  /** A VPC the construct creates has public subnets (for its NAT gateways, or an internet-facing codec server's load balancer). */
  readonly publicSubnets: boolean;
  /** A VPC the construct creates has a NAT gateway per Availability Zone. */
  readonly natGateways: boolean;
  /** The AWS service endpoints to create in the region's VPC (the construct's or a supplied one); empty: none. */
  readonly serviceEndpoints: AwsServiceEndpointSpec[];
}

/** The egress a request asks for (`NAT_GATEWAY` when not set). */
export function egressOf(plan: DeploymentPlan): WorkerEgress {
  return plan.request.egress ?? WorkerEgress.NAT_GATEWAY;
}

/** Whether a region runs Fargate tasks (Workers, starters, codec servers or proxies). */
export function runsTasks(region: RegionPlan): boolean {
  return region.fleets.some((f) => f.runtime === WorkerRuntime.FARGATE && f.service !== undefined)
    || region.codecServers.length > 0 || region.proxies.length > 0;
}

/** Whether a region's serverless functions run in its VPC (under PrivateLink, where the private zone resolves Temporal Cloud). */
export function functionsInVpc(region: RegionPlan): boolean {
  return region.functions.length > 0 && region.privateLinkEndpoint !== undefined;
}

/** The network of one region of a plan. */
export function regionNetwork(plan: DeploymentPlan, region: RegionPlan): RegionNetwork {
  const egress = egressOf(plan);
  const isolated = egress === WorkerEgress.VPC_ENDPOINTS;
  const placement = plan.placements.find((p) => p.awsRegion === region.awsRegion);
  const create = isolated && region.needsVpc && (placement?.createAwsServiceEndpoints ?? true);
  const tasks = runsTasks(region);
  const functions = functionsInVpc(region);
  const internetFacingCodec = region.codecServers.some((c) => c.settings.internetFacing);
  return {
    egress,
    subnets: isolated ? SubnetKind.ISOLATED : SubnetKind.PRIVATE_WITH_EGRESS,
    publicSubnets: !isolated || internetFacingCodec,
    natGateways: !isolated,
    serviceEndpoints: create
      ? AWS_SERVICE_ENDPOINTS.filter((e) => tasks || (functions && e.usedBy === ServiceEndpointUser.TASKS_AND_FUNCTIONS))
      : [],
  };
}

/** The names of the network props a region's placement gives besides its VPC (for `PlacementFact.networkProps`). */
export function givenNetworkProps<T extends object>(placement: T, names: ReadonlyArray<keyof T & string>): string[] {
  return names.filter((n) => placement[n] !== undefined);
}

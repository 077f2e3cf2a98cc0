import { Construct } from 'constructs';
import { loadBalancedService } from './load-balanced';
import { AwsProvider, EcsService, Lb, LbTargetGroup, Token } from '../engine';
import { awsName, checkInteger, throwIfErrors } from '../util';

/** Construction properties of `TemporalCodecServer`. */
export interface TemporalCodecServerProps {
  /** The provider of the region. */
  readonly provider: AwsProvider;
  /** The ARN of the ECS cluster to run in. */
  readonly clusterArn: string;
  /** The VPC. */
  readonly vpcId: string;
  /** Private subnets with egress for the tasks (and for an internal load balancer). */
  readonly subnetIds: string[];
  /**
   * Subnets for the load balancer.
   * @default subnetIds (public subnets are needed when internetFacing)
   */
  readonly loadBalancerSubnetIds?: string[];
  /** The codec server image: serves `POST /encode` and `POST /decode`, health on `healthCheckPath`. */
  readonly image: string;
  /** ARN of the ACM certificate for the HTTPS listener (in this region). */
  readonly certificateArn: string;
  /** IPv4 CIDRs allowed to reach the codec server over HTTPS (VPN, office, the worker VPC). */
  readonly allowFromCidrs: string[];
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
   * Origins allowed by CORS (`CORS_ALLOWED_ORIGINS`, comma-separated).
   * @default ['https://cloud.temporal.io']
   */
  readonly corsAllowedOrigins?: string[];
  /**
   * Whether the load balancer is internet-facing.
   * @default false
   */
  readonly internetFacing?: boolean;
  /**
   * Tasks to run. `0` deploys a cold region's codec server, scaled up on failover.
   * @default 2
   */
  readonly desiredCount?: number;
  /**
   * Fargate task CPU units.
   * @default 256
   */
  readonly cpu?: number;
  /**
   * Fargate task memory in MiB.
   * @default 512
   */
  readonly memoryLimitMiB?: number;
  /**
   * The DNS name clients use (covered by the certificate).
   * @default - the load balancer's DNS name
   */
  readonly domainName?: string;
  /**
   * Additional plain environment variables.
   * @default - none
   */
  readonly environment?: { [key: string]: string };
  /**
   * The ECS service name (unique in the cluster).
   * @default - derived from the construct path
   */
  readonly serviceName?: string;
  /**
   * Tags for every resource.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/**
 * A codec server (your image) on ECS Fargate behind an Application Load Balancer with an HTTPS
 * listener (TLS 1.2+ policy, invalid header fields dropped). The container gets `PORT` and
 * `CORS_ALLOWED_ORIGINS` (the Temporal Cloud web UI calls it from the browser).
 */
export class TemporalCodecServer extends Construct {
  /** Environment variable holding the port the container listens on. */
  public static readonly PORT_ENV = 'PORT';
  /** Environment variable holding the comma-separated CORS origins. */
  public static readonly CORS_ALLOWED_ORIGINS_ENV = 'CORS_ALLOWED_ORIGINS';

  /** The Application Load Balancer. */
  public readonly loadBalancer: Lb;
  /** The target group (its health feeds the failover alarms). */
  public readonly targetGroup: LbTargetGroup;
  /** The ECS service. */
  public readonly service: EcsService;
  /** `https://<domainName or load balancer DNS name>`. */
  public readonly url: string;
  /** The container's plain environment. */
  public readonly environment: { [key: string]: string };

  constructor(scope: Construct, id: string, props: TemporalCodecServerProps) {
    super(scope, id);
    const errors: string[] = [];
    const isToken = (v: unknown) => Token.isUnresolved(v);
    const containerPort = props.containerPort ?? 8080;
    const desiredCount = props.desiredCount ?? 2;
    checkInteger(errors, 'containerPort', containerPort, 1, 65535, 'Use a TCP port such as 8080.', isToken);
    checkInteger(errors, 'desiredCount', desiredCount, 0, Number.MAX_SAFE_INTEGER, 'Set 0 (cold region) or more.', isToken);
    if (!isToken(props.certificateArn) && !/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/.+$/.test(props.certificateArn)) {
      errors.push(`certificateArn ('${props.certificateArn}') is not an ACM certificate ARN. Use 'arn:aws:acm:<region>:<account>:certificate/<id>' in this region.`);
    }
    const origins = props.corsAllowedOrigins ?? ['https://cloud.temporal.io'];
    for (const name of [TemporalCodecServer.PORT_ENV, TemporalCodecServer.CORS_ALLOWED_ORIGINS_ENV]) {
      if (props.environment && name in props.environment) errors.push(`environment sets ${name}, which this construct sets. Remove it.`);
    }
    throwIfErrors(`TemporalCodecServer(${this.node.path})`, errors);
    this.environment = {
      ...props.environment,
      [TemporalCodecServer.PORT_ENV]: String(containerPort),
      [TemporalCodecServer.CORS_ALLOWED_ORIGINS_ENV]: origins.join(','),
    };
    const parts = loadBalancedService(this, {
      provider: props.provider,
      kind: 'application',
      clusterArn: props.clusterArn,
      vpcId: props.vpcId,
      subnetIds: props.subnetIds,
      loadBalancerSubnetIds: props.loadBalancerSubnetIds ?? props.subnetIds,
      internal: !(props.internetFacing ?? false),
      allowFromCidrs: props.allowFromCidrs,
      listenerPort: 443,
      containerPort,
      certificateArn: props.certificateArn,
      healthCheckPath: props.healthCheckPath,
      serviceName: props.serviceName ?? awsName([this.node.path.split('/').slice(1).join('-')], 255),
      containerName: 'codec-server',
      image: props.image,
      cpu: props.cpu ?? 256,
      memoryLimitMiB: props.memoryLimitMiB ?? 512,
      environment: this.environment,
      desiredCount,
      tags: props.tags ?? {},
      description: 'Temporal codec server',
    });
    this.loadBalancer = parts.loadBalancer;
    this.targetGroup = parts.targetGroup;
    this.service = parts.service;
    this.url = `https://${props.domainName ?? this.loadBalancer.dnsName}`;
  }
}

import { Construct } from 'constructs';
import { loadBalancedService, LoadBalancedServiceProps } from './load-balanced';
import {
  checkCodecServer, CodecServerEnv, CodecServerServiceOptions, CodecServerSettings, resolveCodecServer,
} from '../../core/components/codec-server';
import { throwIfProblems } from '../../core/errors';
import { FleetState } from '../../core/model';
import { EcsService, Lb, LbTargetGroup } from '../engine';

export type { LoadBalancedServiceProps } from './load-balanced';
export type { CodecServerServiceOptions, CodecServerSettings } from '../../core/components/codec-server';

/** Construction properties of `TemporalCodecServer`. */
export interface TemporalCodecServerProps extends LoadBalancedServiceProps, CodecServerServiceOptions {
  /** Subnets for the load balancer. @default subnetIds (public subnets are needed when internetFacing) */
  readonly loadBalancerSubnetIds?: string[];
  /** ARN of the ACM certificate for the HTTPS listener (in the provider's region). */
  readonly certificateArn: string;
  /** The DNS name clients use (covered by the certificate). @default - the load balancer's DNS name */
  readonly domainName?: string;
}

/**
 * A codec server (your image) on ECS Fargate behind an Application Load Balancer with an HTTPS listener (TLS 1.2+ policy, invalid header fields
 * dropped). The container gets `PORT` and `CORS_ALLOWED_ORIGINS` (the Temporal Cloud web UI calls it from the browser).
 */
export class TemporalCodecServer extends Construct {
  /** Environment variable holding the port the container listens on. */
  public static readonly PORT_ENV: string = CodecServerEnv.PORT;
  /** Environment variable holding the comma-separated CORS origins. */
  public static readonly CORS_ALLOWED_ORIGINS_ENV: string = CodecServerEnv.CORS_ALLOWED_ORIGINS;

  /** The Application Load Balancer. */
  public readonly loadBalancer: Lb;
  /** The target group (its health feeds the failover alarms). */
  public readonly targetGroup: LbTargetGroup;
  /** The ECS service. */
  public readonly service: EcsService;
  /** `https://<domainName or load balancer DNS name>`. */
  public readonly url: string;
  /** The resolved settings: ports, health check, CORS origins, sizing, the container's environment. */
  public readonly settings: CodecServerSettings;

  constructor(scope: Construct, id: string, props: TemporalCodecServerProps) {
    super(scope, id);
    const awsRegion = props.provider.region ?? '';
    const input = { ...props, allowedCidrs: props.allowFromCidrs, awsRegion: props.provider.region };
    throwIfProblems('TemporalCodecServer', this.node.path, checkCodecServer(input, '', this.node.path, { allowedCidrs: 'allowFromCidrs' }));
    this.settings = resolveCodecServer(input, awsRegion, FleetState.ACTIVE);
    const parts = loadBalancedService(this, props, {
      kind: 'application',
      settings: this.settings,
      loadBalancerSubnetIds: props.loadBalancerSubnetIds,
      description: 'Temporal codec server',
    });
    this.loadBalancer = parts.loadBalancer;
    this.targetGroup = parts.targetGroup;
    this.service = parts.service;
    this.url = `https://${props.domainName ?? this.loadBalancer.dnsName}`;
  }
}

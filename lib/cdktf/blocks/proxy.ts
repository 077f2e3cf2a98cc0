import { Construct } from 'constructs';
import { loadBalancedService } from './load-balanced';
import { TEMPORAL_GRPC_PORT } from '../../core/regions';
import { AwsProvider, EcsService, Lb, LbTargetGroup, Token } from '../engine';
import { awsName, checkInteger, throwIfErrors } from '../util';

/** Construction properties of `TemporalProxy`. */
export interface TemporalProxyProps {
  /** The provider of the region. */
  readonly provider: AwsProvider;
  /** The ARN of the ECS cluster to run in. */
  readonly clusterArn: string;
  /** The VPC. */
  readonly vpcId: string;
  /** Private subnets with egress for the tasks and the internal load balancer. */
  readonly subnetIds: string[];
  /** Your forward proxy / TCP passthrough image. */
  readonly image: string;
  /** The `host:port` the proxy dials, passed as `TEMPORAL_PROXY_UPSTREAM`. */
  readonly upstreamAddress: string;
  /** IPv4 CIDRs allowed to connect (the Workers' VPC). */
  readonly allowFromCidrs: string[];
  /**
   * The port the load balancer listens on.
   * @default 7233
   */
  readonly listenerPort?: number;
  /**
   * The port the container listens on (`TEMPORAL_PROXY_LISTEN_PORT`).
   * @default 7233
   */
  readonly containerPort?: number;
  /**
   * Tasks to run. `0` deploys a cold region's proxy, scaled up on failover.
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
 * A forward proxy or TCP passthrough (your image) between Workers and Temporal Cloud, on ECS
 * Fargate behind an internal Network Load Balancer listening on TCP 7233. The container gets
 * `TEMPORAL_PROXY_UPSTREAM` (`host:port`) and `TEMPORAL_PROXY_LISTEN_PORT`; TLS stays end to end.
 */
export class TemporalProxy extends Construct {
  /** Environment variable holding the `host:port` the proxy must dial. */
  public static readonly UPSTREAM_ENV = 'TEMPORAL_PROXY_UPSTREAM';
  /** Environment variable holding the port the proxy must listen on. */
  public static readonly LISTEN_PORT_ENV = 'TEMPORAL_PROXY_LISTEN_PORT';

  /** The internal Network Load Balancer. */
  public readonly loadBalancer: Lb;
  /** The target group (its health feeds the failover alarms). */
  public readonly targetGroup: LbTargetGroup;
  /** The ECS service. */
  public readonly service: EcsService;
  /** What Workers dial: `<load balancer DNS name>:<listenerPort>`. */
  public readonly address: string;
  /** The host part of `upstreamAddress` (the TLS server name for API-key Workers dialing the proxy). */
  public readonly upstreamHost: string;
  /** The container's plain environment. */
  public readonly environment: { [key: string]: string };

  constructor(scope: Construct, id: string, props: TemporalProxyProps) {
    super(scope, id);
    const errors: string[] = [];
    const isToken = (v: unknown) => Token.isUnresolved(v);
    const listenerPort = props.listenerPort ?? TEMPORAL_GRPC_PORT;
    const containerPort = props.containerPort ?? TEMPORAL_GRPC_PORT;
    const desiredCount = props.desiredCount ?? 2;
    checkInteger(errors, 'listenerPort', listenerPort, 1, 65535, 'Use a TCP port such as 7233.', isToken);
    checkInteger(errors, 'containerPort', containerPort, 1, 65535, 'Use a TCP port such as 7233.', isToken);
    checkInteger(errors, 'desiredCount', desiredCount, 0, Number.MAX_SAFE_INTEGER, 'Set 0 (cold region) or more.', isToken);
    let upstreamHost = props.upstreamAddress;
    if (!isToken(props.upstreamAddress)) {
      const m = /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):(\d{1,5})$/.exec(props.upstreamAddress);
      if (!m) errors.push(`upstreamAddress ('${props.upstreamAddress}') is not 'host:port'. Use e.g. 'aws-us-east-1.region.tmprl.cloud:7233'.`);
      else upstreamHost = m[1];
    }
    for (const name of [TemporalProxy.UPSTREAM_ENV, TemporalProxy.LISTEN_PORT_ENV]) {
      if (props.environment && name in props.environment) errors.push(`environment sets ${name}, which this construct sets. Remove it.`);
    }
    throwIfErrors(`TemporalProxy(${this.node.path})`, errors);
    this.upstreamHost = upstreamHost;
    this.environment = {
      ...props.environment,
      [TemporalProxy.UPSTREAM_ENV]: props.upstreamAddress,
      [TemporalProxy.LISTEN_PORT_ENV]: String(containerPort),
    };
    const parts = loadBalancedService(this, {
      provider: props.provider,
      kind: 'network',
      clusterArn: props.clusterArn,
      vpcId: props.vpcId,
      subnetIds: props.subnetIds,
      loadBalancerSubnetIds: props.subnetIds,
      internal: true,
      allowFromCidrs: props.allowFromCidrs,
      listenerPort,
      containerPort,
      serviceName: props.serviceName ?? awsName([this.node.path.split('/').slice(1).join('-')], 255),
      containerName: 'proxy',
      image: props.image,
      cpu: props.cpu ?? 256,
      memoryLimitMiB: props.memoryLimitMiB ?? 512,
      environment: this.environment,
      desiredCount,
      tags: props.tags ?? {},
      description: 'Temporal proxy',
    });
    this.loadBalancer = parts.loadBalancer;
    this.targetGroup = parts.targetGroup;
    this.service = parts.service;
    this.address = `${this.loadBalancer.dnsName}:${listenerPort}`;
  }
}

import { Construct } from 'constructs';
import { loadBalancedService, LoadBalancedServiceProps } from './load-balanced';
import { checkProxy, ProxyEnv, ProxySettings, ProxySettingsInput, resolveProxy } from '../../core/components/proxy';
import { throwIfProblems } from '../../core/errors';
import { FleetState } from '../../core/model';
import { EcsService, Lb, LbTargetGroup } from '../engine';

export type { ProxySettings, ProxySettingsInput } from '../../core/components/proxy';

/** Construction properties of `TemporalProxy`. */
export interface TemporalProxyProps extends LoadBalancedServiceProps, ProxySettingsInput {
  /** The `host:port` the proxy dials, passed as `TEMPORAL_PROXY_UPSTREAM`. */
  readonly upstreamAddress: string;
}

/**
 * A forward proxy or TCP passthrough (your image) between Workers and Temporal Cloud, on ECS Fargate behind an internal Network Load Balancer
 * listening on TCP 7233. The container gets `TEMPORAL_PROXY_UPSTREAM` (`host:port`) and `TEMPORAL_PROXY_LISTEN_PORT`; TLS stays end to end.
 */
export class TemporalProxy extends Construct {
  /** Environment variable holding the `host:port` the proxy must dial. */
  public static readonly UPSTREAM_ENV: string = ProxyEnv.UPSTREAM;
  /** Environment variable holding the port the proxy must listen on. */
  public static readonly LISTEN_PORT_ENV: string = ProxyEnv.LISTEN_PORT;

  /** The internal Network Load Balancer. */
  public readonly loadBalancer: Lb;
  /** The target group (its health feeds the failover alarms). */
  public readonly targetGroup: LbTargetGroup;
  /** The ECS service. */
  public readonly service: EcsService;
  /** What Workers dial: `<load balancer DNS name>:<listenerPort>`. */
  public readonly address: string;
  /** The resolved settings: ports, sizing, `upstreamHost` (the TLS server name of API-key Workers), the container's environment. */
  public readonly settings: ProxySettings;

  constructor(scope: Construct, id: string, props: TemporalProxyProps) {
    super(scope, id);
    throwIfProblems('TemporalProxy', this.node.path, checkProxy(props, props.upstreamAddress, '', this.node.path));
    this.settings = resolveProxy(props, props.upstreamAddress, FleetState.ACTIVE);
    const parts = loadBalancedService(this, props, { kind: 'network', settings: this.settings, description: 'Temporal proxy' });
    this.loadBalancer = parts.loadBalancer;
    this.targetGroup = parts.targetGroup;
    this.service = parts.service;
    this.address = `${this.loadBalancer.dnsName}:${this.settings.listenerPort}`;
  }
}

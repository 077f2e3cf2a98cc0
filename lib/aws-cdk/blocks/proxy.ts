import { Duration } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import { loadBalancedService, LoadBalancedServiceProps } from './load-balanced-service';
import { checkProxy, ProxyEnv, ProxySettings, ProxySettingsInput, resolveProxy } from '../../core/components/proxy';
import { throwIfProblems } from '../../core/errors';
import { FleetState } from '../../core/model';

export type { ProxySettings, ProxySettingsInput } from '../../core/components/proxy';
export type { ServiceSettings } from '../../core/components/service';

/** Construction properties of `TemporalProxy`. */
export interface TemporalProxyProps extends LoadBalancedServiceProps, ProxySettingsInput {
  /** The `host:port` the proxy dials (a Temporal Cloud or PrivateLink endpoint), passed as `TEMPORAL_PROXY_UPSTREAM`. */
  readonly upstreamAddress: string;
  /** Peers allowed to connect on `listenerPort` (Workers of other VPCs: here or `connections.allowFrom`). @default - the VPC's IPv4 CIDR */
  readonly allowFrom?: ec2.IPeer[];
  /** Subnets for the (internal) load balancer. @default - private subnets with egress */
  readonly loadBalancerSubnets?: ec2.SubnetSelection;
}

/**
 * A forward proxy or TCP passthrough (your image) between Workers and Temporal Cloud, on ECS Fargate behind an internal Network Load Balancer
 * listening on TCP 7233. Container contract: the container accepts TCP (gRPC over TLS, passed through) on the port in `TEMPORAL_PROXY_LISTEN_PORT`
 * and forwards it to `TEMPORAL_PROXY_UPSTREAM` (`host:port`). Workers dial `address` and, since the host they dial is not the one Temporal's
 * certificate names, set a TLS server name: the Namespace Endpoint host with mTLS, the upstream host (`settings.upstreamHost`) with an API key.
 */
export class TemporalProxy extends Construct {
  /** Environment variable holding the `host:port` the proxy must dial. */
  public static readonly UPSTREAM_ENV: string = ProxyEnv.UPSTREAM;
  /** Environment variable holding the port the proxy must listen on. */
  public static readonly LISTEN_PORT_ENV: string = ProxyEnv.LISTEN_PORT;

  /** The internal Network Load Balancer. */
  public readonly loadBalancer: elbv2.NetworkLoadBalancer;
  /** The TCP listener. */
  public readonly listener: elbv2.NetworkListener;
  /** The target group of the service (its HealthyHostCount drives failover health checks). */
  public readonly targetGroup: elbv2.NetworkTargetGroup;
  /** The ECS service. */
  public readonly service: ecs.FargateService;
  /** The task definition. */
  public readonly taskDefinition: ecs.FargateTaskDefinition;
  /** The proxy container. */
  public readonly container: ecs.ContainerDefinition;
  /** Connections of the load balancer (`listenerPort` from `allowFrom`). */
  public readonly connections: ec2.Connections;
  /** What Workers dial: `<load balancer DNS name>:<listenerPort>`. */
  public readonly address: string;
  /** The resolved settings: ports, sizing, `upstreamHost` (the TLS server name of API-key Workers), the container's environment. */
  public readonly settings: ProxySettings;

  constructor(scope: Construct, id: string, props: TemporalProxyProps) {
    super(scope, id);
    throwIfProblems('TemporalProxy', this.node.path, checkProxy(props, props.upstreamAddress, '', this.node.path));
    const settings = resolveProxy(props, props.upstreamAddress, FleetState.ACTIVE);
    const vpc = props.cluster.vpc;

    const parts = loadBalancedService(this, props, {
      settings,
      containerId: 'Proxy',
      peers: props.allowFrom ?? [ec2.Peer.ipv4(vpc.vpcCidrBlock)],
      securityGroupDescription: `Temporal proxy load balancer: TCP ${settings.listenerPort} from Workers`,
      ingressDescription: `Temporal gRPC through the proxy (${settings.listenerPort})`,
    });
    this.taskDefinition = parts.taskDefinition;
    this.container = parts.container;
    this.service = parts.service;

    this.loadBalancer = new elbv2.NetworkLoadBalancer(this, 'LoadBalancer', {
      vpc,
      internetFacing: false,
      vpcSubnets: props.loadBalancerSubnets ?? { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      securityGroups: [parts.loadBalancerSecurityGroup],
      crossZoneEnabled: true,
      deletionProtection: props.deletionProtection,
    });
    this.connections = this.loadBalancer.connections;
    this.listener = this.loadBalancer.addListener('Tcp', { port: settings.listenerPort, protocol: elbv2.Protocol.TCP });
    this.targetGroup = this.listener.addTargets('Proxy', {
      port: settings.containerPort,
      protocol: elbv2.Protocol.TCP,
      targets: [this.service.loadBalancerTarget({ containerName: this.container.containerName, containerPort: settings.containerPort })],
      deregistrationDelay: Duration.seconds(settings.deregistrationDelaySeconds),
    });
    this.settings = settings;
    this.address = `${this.loadBalancer.loadBalancerDnsName}:${settings.listenerPort}`;
  }
}

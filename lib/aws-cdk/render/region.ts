/**
 * Emits one region of a plan into one stack with the building blocks, one small function per phase: network, endpoint and zones, components, fleets,
 * functions, outputs. Every setting comes from the RegionPlan; engine objects (images, credentials, code, a supplied VPC) come from the table the
 * pattern filled, looked up by the ids the plan gives. Nothing here decides or validates.
 */
import { CfnOutput, Duration } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as targets from 'aws-cdk-lib/aws-route53-targets';
import { Construct } from 'constructs';
import { FleetState, PlannedFleet, REGIONAL_ENDPOINT_ZONE, RegionPlan, WorkerRuntime } from '../../core';
import { plannedServerlessWorkerInput } from '../../core/components/serverless-worker';
import type { ServiceSettings } from '../../core/components/service';
import { plannedWorkerServiceInput } from '../../core/components/worker-service';
import { pascal } from '../../core/deployment-props';
import { TemporalCodecServer } from '../blocks/codec-server';
import { TemporalPrivateLinkEndpoint, TemporalRegionalPrivateZone } from '../blocks/private-link';
import { TemporalProxy } from '../blocks/proxy';
import { TemporalServerlessWorker } from '../blocks/serverless-worker';
import { TemporalWorkerService } from '../blocks/worker-service';
import { CodecServerOptions, ProxyOptions } from '../options';
import type { FleetEngineObjects } from '../patterns/deployment';

/** What rendering one region produced, for outputs and for the links. */
export interface RenderedRegion {
  /** Undefined only for a region with nothing but serverless functions outside any VPC. */
  readonly vpc?: ec2.IVpc;
  readonly cluster?: ecs.ICluster;
  readonly functions: TemporalServerlessWorker[];
  readonly workerServices: TemporalWorkerService[];
  /** By planned id. */
  readonly codecServers: Map<string, TemporalCodecServer>;
  /** By planned id. */
  readonly proxies: Map<string, TemporalProxy>;
  readonly privateLinkEndpoint?: TemporalPrivateLinkEndpoint;
  readonly privateZone?: TemporalRegionalPrivateZone;
}

/** The engine objects a pattern supplies, by the plan's ids. */
export interface EngineObjects {
  /** By fleet `configKey` (the qualified namespace). */
  readonly fleets: Map<string, FleetEngineObjects>;
  readonly codecServer?: CodecServerOptions;
  readonly proxy?: ProxyOptions;
}

export interface RenderRegionInput {
  /** Construct under which this region's resources are created. */
  readonly scope: Construct;
  readonly region: RegionPlan;
  readonly engine: EngineObjects;
  /** Where a fleet's resources go (default: `scope`); sharded deployments give each shard its own stack. */
  readonly fleetScope?: (fleet: PlannedFleet) => Construct;
  readonly vpc?: ec2.IVpc;
  /** The supplied VPC's CIDR, when known at synth. */
  readonly vpcCidr?: string;
  readonly cluster?: ecs.ICluster;
}

/** Emits a region, phase by phase. */
export function renderRegion(input: RenderRegionInput): RenderedRegion {
  const network = emitNetwork(input);
  const endpoint = emitEndpointAndZones(input, network);
  const components = emitComponents(input, network);
  const workerServices = emitFleets(input, network, components);
  const functions = emitFunctions(input, network.vpc, components.codecServers);
  emitComponentOutputs(input, components);
  return { ...network, ...endpoint, ...components, workerServices, functions };
}

interface Network {
  readonly vpc?: ec2.IVpc;
  readonly cluster?: ecs.ICluster;
  /** Who may reach the region's endpoint and internal load balancers (the worker VPC's CIDR, when known). */
  readonly allowFrom?: ec2.IPeer[];
}

function emitNetwork(input: RenderRegionInput): Network {
  const { scope, region } = input;
  // A region with only serverless functions on the public path needs no VPC (nor cluster).
  const vpc = input.vpc ?? (region.needsVpc ? newVpc(scope, region) : undefined);
  // When the VPC's CIDR is known at synth, say it literally, so reviewers and policy checks see it.
  const cidr = input.vpc ? input.vpcCidr : region.defaultVpcCidr;
  const needsCluster = region.fleets.some((f) => f.runtime === WorkerRuntime.FARGATE) || region.codecServers.length > 0 || region.proxies.length > 0;
  const cluster = input.cluster ?? (needsCluster && vpc ? new ecs.Cluster(scope, 'Cluster', { vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED }) : undefined);
  if (cluster) new CfnOutput(scope, 'ClusterName', { value: cluster.clusterName, description: `ECS cluster in ${region.awsRegion}` });
  return { vpc, cluster, allowFrom: cidr ? [ec2.Peer.ipv4(cidr)] : undefined };
}

function emitEndpointAndZones(input: RenderRegionInput, { vpc, allowFrom }: Network): Pick<RenderedRegion, 'privateLinkEndpoint' | 'privateZone'> {
  const { scope, region } = input;
  if (!region.privateLinkEndpoint || !vpc) return {};
  const privateLinkEndpoint = new TemporalPrivateLinkEndpoint(scope, 'TemporalPrivateLink', { vpc, region: region.awsRegion, allowFrom });
  // The zone goes with its records: when every record points at this region's own endpoint it is
  // created here; when some point at other regions' endpoints, render/links.ts creates it (with all
  // its records) in this region's links stack, which may reference the other regions.
  let privateZone: TemporalRegionalPrivateZone | undefined;
  const haRecords = region.zoneRecords.filter((z) => z.zone === REGIONAL_ENDPOINT_ZONE);
  if (haRecords.length > 0 && !needsLinks(region)) {
    privateZone = new TemporalRegionalPrivateZone(scope, 'TemporalPrivateZone', { vpc });
    for (const record of haRecords) privateZone.addRegionRecord(record.targetRegion, privateLinkEndpoint.dnsName);
  }
  // A single-region namespace has no region.tmprl.cloud failover CNAME: its own Namespace Endpoint is
  // overridden in a private zone of that name, an alias of the zone apex to the local VPC endpoint.
  for (const record of region.zoneRecords.filter((z) => z.zone !== REGIONAL_ENDPOINT_ZONE)) {
    const zone = new route53.PrivateHostedZone(scope, `NamespaceZone-${record.zone}`, {
      zoneName: record.zone, vpc, comment: `Temporal Cloud single-region namespace ${record.zone} through AWS PrivateLink`,
    });
    new route53.ARecord(zone, 'Endpoint', { zone, target: route53.RecordTarget.fromAlias(new targets.InterfaceVpcEndpointTarget(privateLinkEndpoint.endpoint)) });
  }
  return { privateLinkEndpoint, privateZone };
}

interface Components {
  readonly codecServers: Map<string, TemporalCodecServer>;
  readonly proxies: Map<string, TemporalProxy>;
}

function emitComponents(input: RenderRegionInput, network: Network): Components {
  const { scope, region, engine } = input;
  const codecServers = new Map<string, TemporalCodecServer>();
  const proxies = new Map<string, TemporalProxy>();
  const { codecServer, proxy } = engine;
  if (!network.cluster) return { codecServers, proxies };
  for (const c of codecServer ? region.codecServers : []) {
    const s = c.settings;
    codecServers.set(c.id, new TemporalCodecServer(scope, pascal(c.id), {
      cluster: network.cluster,
      image: codecServer!.image,
      // A missing certificate is reported before rendering (TEMPORAL_CODEC_CERTIFICATE).
      certificate: acm.Certificate.fromCertificateArn(scope, `${pascal(c.id)}Certificate`, s.certificateArn ?? ''),
      containerPort: s.containerPort,
      healthCheckPath: s.healthCheckPath,
      corsAllowedOrigins: s.corsAllowedOrigins,
      internetFacing: s.internetFacing,
      allowFrom: s.allowedCidrs ? s.allowedCidrs.map((cidr) => ec2.Peer.ipv4(cidr)) : network.allowFrom,
      ...serviceProps(s),
    }));
  }
  for (const p of proxy ? region.proxies : []) {
    proxies.set(p.id, new TemporalProxy(scope, pascal(p.id), {
      cluster: network.cluster,
      image: proxy!.image,
      containerPort: p.settings.containerPort,
      listenerPort: p.settings.listenerPort,
      upstreamAddress: p.settings.upstreamAddress,
      allowFrom: network.allowFrom,
      ...serviceProps(p.settings),
    }));
  }
  return { codecServers, proxies };
}

/** A component service's task settings, as the blocks take them. */
function serviceProps(s: ServiceSettings) {
  return { cpu: s.cpu, memoryLimitMiB: s.memoryLimitMiB, desiredCount: s.desiredCount, logRetention: s.logRetentionDays as logs.RetentionDays };
}

function emitFleets(input: RenderRegionInput, network: Network, components: Components): TemporalWorkerService[] {
  const { scope, region, engine } = input;
  const services: TemporalWorkerService[] = [];
  for (const f of region.fleets) {
    const objects = engine.fleets.get(f.configKey);
    const options = f.role === 'starter' ? objects?.starters ?? objects?.workers : objects?.workers;
    if (!f.service || !objects || !options || !network.cluster) continue;
    const fleetScope = input.fleetScope?.(f) ?? scope;
    const service = new TemporalWorkerService(fleetScope, pascal(f.id), {
      ...plannedWorkerServiceInput(f, {
        proxyAddress: f.proxyId ? components.proxies.get(f.proxyId)?.address : undefined,
        codecUrl: f.codecServerId ? components.codecServers.get(f.codecServerId)?.url : undefined,
      }),
      cluster: network.cluster,
      image: options.image,
      credentials: objects.credentials,
      logRetention: f.service.logRetentionDays as logs.RetentionDays,
    });
    emitFleetOutputs(fleetScope, f, service.service.serviceName);
    services.push(service);
  }
  return services;
}

/** What operators and the failover automation read from a fleet's stack. */
function emitFleetOutputs(scope: Construct, f: PlannedFleet, serviceName: string): void {
  const out = (name: string, value: string, description: string) => new CfnOutput(scope, `${pascal(f.id)}${name}`, { value, description });
  out('ServiceName', serviceName, `${f.role} fleet for ${f.namespace} in ${f.awsRegion} (${f.state})`);
  out('DesiredCount', String(f.service!.desiredCount), `desired tasks of the ${f.role} fleet during normal operation (${f.state})`);
  out('TemporalAddress', f.temporalAddress, `Temporal Cloud address the ${f.role} fleet connects to${f.viaProxy ? ' (through the proxy)' : ''}`);
  if (f.state === FleetState.COLD_STANDBY) {
    out('FailoverDesiredCount', String(f.service!.activeDesiredCount), `tasks to run when ${f.awsRegion} takes over (cold standby today)`);
  }
}

function emitFunctions(
  input: RenderRegionInput, vpc: ec2.IVpc | undefined, codecServers: Map<string, TemporalCodecServer>,
): TemporalServerlessWorker[] {
  const { scope, region, engine } = input;
  return region.functions.flatMap((fn) => {
    const objects = engine.fleets.get(fn.namespace);
    const options = objects?.serverless;
    if (!objects || !options) return [];
    const s = fn.settings;
    return [new TemporalServerlessWorker(scope, pascal(`${fn.namespace.split('.')[0]}-serverless-workers`), {
      ...plannedServerlessWorkerInput(fn, fn.codecServerId ? codecServers.get(fn.codecServerId)?.url : undefined),
      code: lambda.Code.fromAsset(options.codePath),
      credentials: objects.credentials,
      // The runtime object the user chose (its name is in the plan), else the block's from the plan's name.
      runtime: options.runtime,
      timeout: Duration.seconds(s.timeoutSeconds),
      // Under PrivateLink the function runs in the worker VPC, where the private zone resolves Temporal.
      vpc: region.privateLinkEndpoint ? vpc : undefined,
    })];
  });
}

/** Cold components: the service names the failover automation scales up. */
function emitComponentOutputs(input: RenderRegionInput, components: Components): void {
  const { scope, region } = input;
  for (const [kind, planned, built] of [
    ['codec server', region.codecServers, components.codecServers],
    ['proxy', region.proxies, components.proxies],
  ] as const) {
    for (const c of planned.filter((x) => x.state === FleetState.COLD_STANDBY)) {
      const service = built.get(c.id)?.service;
      if (service) new CfnOutput(scope, `${pascal(c.id)}ServiceName`, { value: service.serviceName, description: `${kind} to scale up when ${region.awsRegion} takes over` });
    }
  }
}

function newVpc(scope: Construct, region: RegionPlan): ec2.Vpc {
  const vpc = new ec2.Vpc(scope, 'Vpc', {
    ipAddresses: ec2.IpAddresses.cidr(region.defaultVpcCidr),
    maxAzs: 2,
    natGateways: 2,
    subnetConfiguration: [
      { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
      { name: 'workers', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 20 },
    ],
  });
  vpc.addFlowLog('FlowLog', {
    destination: ec2.FlowLogDestination.toCloudWatchLogs(new logs.LogGroup(scope, 'FlowLogs', { retention: logs.RetentionDays.ONE_MONTH })),
  });
  return vpc;
}

/** Whether a region's plan needs cross-region wiring (routes, or private records for other regions' endpoints). */
export function needsLinks(region: RegionPlan): boolean {
  return region.routes.length > 0 || region.zoneRecords.some((z) => z.targetRegion !== region.awsRegion);
}

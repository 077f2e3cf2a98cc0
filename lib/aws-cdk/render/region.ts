/**
 * Emits one region of a plan into one stack with the building blocks, one small function per phase: network, endpoint and zones, components, fleets,
 * functions, outputs. Every setting comes from the RegionPlan; engine objects (images, credentials, code, a supplied VPC) come from the table the
 * pattern filled, looked up by the ids the plan gives. Nothing here decides or validates.
 */
import { CfnOutput, Duration } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';
import { capacityProps, componentCount, StateValue } from './failover-state';
import { emitPrivateDns, PrivateDns, recordsOf, resolvesRemoteRecord } from './private-dns';
import { FailoverCapacity, PlannedFleet, RegionPlan, WorkerRuntime } from '../../core';
import type { HardeningSettings } from '../../core/components/hardening';
import { RegionNetwork, SubnetKind } from '../../core/components/network';
import { plannedServerlessWorkerInput } from '../../core/components/serverless-worker';
import type { ServiceSettings } from '../../core/components/service';
import { plannedWorkerServiceInput } from '../../core/components/worker-service';
import { pascal } from '../../core/deployment-props';
import { TemporalCodecServer } from '../blocks/codec-server';
import { logEncryptionKey } from '../blocks/log-key';
import { TemporalPrivateLinkEndpoint, TemporalRegionalPrivateZone } from '../blocks/private-link';
import { TemporalProxy } from '../blocks/proxy';
import { TemporalServerlessWorker } from '../blocks/serverless-worker';
import { TemporalAwsServiceEndpoints } from '../blocks/service-endpoints';
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
  /** The Worker and starter services by planned fleet id (fleets the links emit are added when they do). */
  readonly fleetServices: Map<string, TemporalWorkerService>;
  /** By planned id. */
  readonly codecServers: Map<string, TemporalCodecServer>;
  /** By planned id. */
  readonly proxies: Map<string, TemporalProxy>;
  readonly privateLinkEndpoint?: TemporalPrivateLinkEndpoint;
  readonly privateZone?: TemporalRegionalPrivateZone;
  /** Subnets whose route tables get the cross-region routes (undefined: the blocks' default, private subnets with egress). */
  readonly routeSubnets?: ec2.SubnetSelection;
  /** Private records by name (other regions' records are added by the links). */
  readonly records: PrivateDns['records'];
  /** Fleets that resolve another region's record: the links emit them in the links stack (`emit`), after that record. */
  readonly deferredFleets: Array<{ readonly fleet: PlannedFleet; readonly emit: (scope: Construct) => TemporalWorkerService }>;
  /** Fleets emitted in a stack of their own (shards) that still wait for other regions' records: the links add the dependency. */
  readonly awaitingRecords: Array<{ readonly fleet: PlannedFleet; readonly service: TemporalWorkerService }>;
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
  /** The `region.tmprl.cloud` zone the user supplied for `vpc` (records only). */
  readonly privateZone?: route53.IHostedZone;
  /** The deployment's construct path (who put a VPC's shared zone there, for messages). */
  readonly deploymentPath: string;
  /** The region's network as the core resolved it (subnet kind, NAT, AWS service endpoints). */
  readonly network: RegionNetwork;
  /** The region's hardening as the core resolved it (hardened profile; all off by default). */
  readonly hardening: HardeningSettings;
  /** Supplied subnets and security groups (in `vpc`). */
  readonly workerSubnets?: ec2.SubnetSelection;
  readonly componentSubnets?: ec2.SubnetSelection;
  readonly workerSecurityGroups?: ec2.ISecurityGroup[];
  /** Values that follow the live failover state (fleets' and components' `failoverCapacity`). */
  readonly state: StateValue;
}

/** Emits a region, phase by phase. */
export function renderRegion(input: RenderRegionInput): RenderedRegion {
  const network = emitNetwork(input);
  const dns = emitEndpointAndZones(input, network);
  const components = emitComponents(input, network);
  const fleets = emitFleets(input, network, components, dns);
  const functions = emitFunctions(input, network, components.codecServers, dns);
  emitComponentOutputs(input, components);
  return { ...network, ...dns, ...components, ...fleets, functions };
}

interface Network {
  readonly vpc?: ec2.IVpc;
  readonly cluster?: ecs.ICluster;
  /** Who may reach the region's endpoint and internal load balancers (the worker VPC's CIDR, when known). */
  readonly allowFrom?: ec2.IPeer[];
  /** Subnets of Worker and starter tasks and functions, and of components (undefined: the blocks' default, private subnets with egress). */
  readonly workerSubnets?: ec2.SubnetSelection;
  readonly componentSubnets?: ec2.SubnetSelection;
  readonly workerSecurityGroups?: ec2.ISecurityGroup[];
  readonly routeSubnets?: ec2.SubnetSelection;
  /** The customer-managed key of the region's log groups (hardened profile). */
  readonly logKey?: kms.IKey;
}

function emitNetwork(input: RenderRegionInput): Network {
  const { scope, region } = input;
  const logKey = input.hardening.logKey && logEncryptionKey(scope, 'LogKey', input.hardening.logKey);
  // A region with only serverless functions on the public path needs no VPC (nor cluster).
  const vpc = input.vpc ?? (region.needsVpc ? newVpc(scope, region, input.network, input.hardening, logKey) : undefined);
  // When the VPC's CIDR is known at synth, say it literally, so reviewers and policy checks see it.
  const cidr = input.vpc ? input.vpcCidr : region.defaultVpcCidr;
  const needsCluster = region.fleets.some((f) => f.runtime === WorkerRuntime.FARGATE) || region.codecServers.length > 0 || region.proxies.length > 0;
  const cluster = input.cluster ?? (needsCluster && vpc ? new ecs.Cluster(scope, 'Cluster', { vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED }) : undefined);
  if (cluster) new CfnOutput(scope, 'ClusterName', { value: cluster.clusterName, description: `ECS cluster in ${region.awsRegion}` });
  // Without egress the tasks run in isolated subnets (the blocks' default is private subnets with egress).
  const isolated = input.network.subnets === SubnetKind.ISOLATED ? { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } : undefined;
  const workerSubnets = input.workerSubnets ?? isolated;
  const componentSubnets = input.componentSubnets ?? isolated;
  if (vpc && input.network.serviceEndpoints.length > 0) {
    new TemporalAwsServiceEndpoints(scope, 'AwsServiceEndpoints', {
      vpc,
      services: input.network.serviceEndpoints,
      subnets: componentSubnets,
      routeSubnets: [workerSubnets ?? {}, componentSubnets ?? {}],
      allowFrom: allowFromOf(cidr),
    });
  }
  // Every region a route touches needs them, including one that only receives the return route (its plan may have no links of its own).
  const routeSubnets = vpc ? routeSubnetsOf(vpc, workerSubnets, componentSubnets) : undefined;
  const workerSecurityGroups = input.workerSecurityGroups;
  return { vpc, cluster, allowFrom: allowFromOf(cidr), workerSubnets, componentSubnets, workerSecurityGroups, routeSubnets, logKey };
}

/** The subnets of Workers and components, whose route tables get the cross-region routes (undefined: the blocks' default). */
function routeSubnetsOf(vpc: ec2.IVpc, workers?: ec2.SubnetSelection, components?: ec2.SubnetSelection): ec2.SubnetSelection | undefined {
  if (!workers && !components) return undefined;
  const pick = (s?: ec2.SubnetSelection) => vpc.selectSubnets(s ?? { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }).subnets;
  return { subnets: [...new Set([...pick(workers), ...pick(components)])] };
}

function allowFromOf(cidr: string | undefined): ec2.IPeer[] | undefined {
  return cidr ? [ec2.Peer.ipv4(cidr)] : undefined;
}

/** The VPC's shared Temporal endpoint, region.tmprl.cloud zone and local records (render/private-dns.ts). */
function emitEndpointAndZones(input: RenderRegionInput, { vpc, allowFrom, componentSubnets }: Network): PrivateDns {
  const { scope, region } = input;
  if (!vpc) return { records: new Map() };
  return emitPrivateDns({
    scope,
    region,
    vpc,
    suppliedZone: input.privateZone,
    deploymentPath: input.deploymentPath,
    endpoint: { vpc, region: region.awsRegion, allowFrom, subnets: componentSubnets },
  });
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
      // Given, else requested by the block for the domain name in the zone (a missing one is reported before rendering: TEMPORAL_CODEC_CERTIFICATE).
      certificate: s.certificateArn !== undefined ? acm.Certificate.fromCertificateArn(scope, `${pascal(c.id)}Certificate`, s.certificateArn) : undefined,
      domainName: s.domainName,
      hostedZone: codecServer!.hostedZone,
      containerPort: s.containerPort,
      healthCheckPath: s.healthCheckPath,
      corsAllowedOrigins: s.corsAllowedOrigins,
      internetFacing: s.internetFacing,
      allowFrom: s.allowedCidrs ? s.allowedCidrs.map((cidr) => ec2.Peer.ipv4(cidr)) : network.allowFrom,
      vpcSubnets: network.componentSubnets,
      loadBalancerSubnets: s.internetFacing ? undefined : network.componentSubnets,
      accessLogsVersioned: input.hardening.accessLogsBucketVersioning,
      ...serviceProps(s, followState(input, c.failoverCapacity)),
      ...hardenedServiceProps(input.hardening, network),
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
      vpcSubnets: network.componentSubnets,
      loadBalancerSubnets: network.componentSubnets,
      ...serviceProps(p.settings, followState(input, p.failoverCapacity)),
      ...hardenedServiceProps(input.hardening, network),
    }));
  }
  return { codecServers, proxies };
}

/** A component service's hardening, as the blocks take it. */
function hardenedServiceProps(h: HardeningSettings, network: Network) {
  return { logEncryptionKey: network.logKey, deletionProtection: h.loadBalancerDeletionProtection };
}

/** A component service's task settings, as the blocks take them (the desired count by the failover state, when it follows it). */
function serviceProps(s: ServiceSettings, desiredCount?: number) {
  const logRetention = s.logRetentionDays as logs.RetentionDays;
  return { cpu: s.cpu, memoryLimitMiB: s.memoryLimitMiB, desiredCount: desiredCount ?? s.desiredCount, logRetention };
}

/** A component's desired count by the live failover state (undefined: it does not follow it). */
function followState(input: RenderRegionInput, c: FailoverCapacity | undefined): number | undefined {
  return c && componentCount(input.scope, c, input.region.awsRegion, input.state);
}

/**
 * No Worker or starter starts before the private records it resolves exist: its ECS service depends on them. Records of the VPC's own region's
 * endpoint are with the VPC (deployed before or with this stack). Records of another region's endpoint are written by the region's links stack,
 * which deploys after every regional stack (it needs their values): a fleet that resolves one goes to the links stack too (its outputs with it),
 * since a regional stack cannot wait for its own links stack (a dependency cycle). Fleets in stacks of their own (shards) stay there; the links
 * make those stacks wait for the records.
 */
type Fleets = Pick<RenderedRegion, 'workerServices' | 'fleetServices' | 'deferredFleets' | 'awaitingRecords'>;

function emitFleets(input: RenderRegionInput, network: Network, components: Components, dns: PrivateDns): Fleets {
  const { scope, region, engine } = input;
  const out: Fleets = { workerServices: [], fleetServices: new Map(), deferredFleets: [], awaitingRecords: [] };
  for (const f of region.fleets) {
    const objects = engine.fleets.get(f.configKey);
    const options = f.role === 'starter' ? objects?.starters ?? objects?.workers : objects?.workers;
    const cluster = network.cluster;
    if (!f.service || !objects || !options || !cluster) continue;
    const emit = (fleetScope: Construct) => {
      const service = new TemporalWorkerService(fleetScope, pascal(f.id), {
        ...plannedWorkerServiceInput(f, {
          proxyAddress: f.proxyId ? components.proxies.get(f.proxyId)?.address : undefined,
          codecUrl: f.codecServerId ? components.codecServers.get(f.codecServerId)?.url : undefined,
        }),
        // Capacity that follows the live failover state (Active/Cold): the counts by the state, read at deploy time.
        ...f.failoverCapacity && capacityProps(fleetScope, f.failoverCapacity, f.awsRegion, input.state),
        cluster,
        vpcSubnets: network.workerSubnets,
        securityGroups: network.workerSecurityGroups,
        image: options.image,
        credentials: objects.credentials,
        logRetention: f.service!.logRetentionDays as logs.RetentionDays,
        logEncryptionKey: network.logKey,
      });
      emitFleetOutputs(fleetScope, f, service.service.serviceName);
      service.service.node.addDependency(...recordsOf(dns, f.privateRecords));
      out.fleetServices.set(f.id, service);
      return service;
    };
    const own = input.fleetScope?.(f);
    const remote = resolvesRemoteRecord(region, f.privateRecords);
    if (remote && !own) {
      out.deferredFleets.push({ fleet: f, emit });
      continue;
    }
    const service = emit(own ?? scope);
    out.workerServices.push(service);
    if (remote) out.awaitingRecords.push({ fleet: f, service });
  }
  return out;
}

/**
 * What operators read from a fleet's stack. A fleet whose capacity follows the failover state has no desired count to report (the state and
 * autoscaling set it; the failover outputs name the state parameter and the runbooks).
 */
function emitFleetOutputs(scope: Construct, f: PlannedFleet, serviceName: string): void {
  const out = (name: string, value: string, description: string) => new CfnOutput(scope, `${pascal(f.id)}${name}`, { value, description });
  const follows = f.failoverCapacity ? `its task count follows the failover state of ${f.failoverCapacity.unit}` : f.state;
  out('ServiceName', serviceName, `${f.role} fleet for ${f.namespace} in ${f.awsRegion} (${follows})`);
  if (!f.failoverCapacity) out('DesiredCount', String(f.service!.desiredCount), `desired tasks of the ${f.role} fleet during normal operation (${f.state})`);
  out('TemporalAddress', f.temporalAddress, `Temporal Cloud address the ${f.role} fleet connects to${f.viaProxy ? ' (through the proxy)' : ''}`);
}

/** Serverless Workers wait for the records of their VPC's own region (other regions' records are written after this stack). */
function emitFunctions(
  input: RenderRegionInput, { vpc, workerSubnets, logKey }: Network, codecServers: Map<string, TemporalCodecServer>, dns: PrivateDns,
): TemporalServerlessWorker[] {
  const { scope, region, engine } = input;
  return region.functions.flatMap((fn) => {
    const objects = engine.fleets.get(fn.namespace);
    const options = objects?.serverless;
    if (!objects || !options) return [];
    const s = fn.settings;
    const worker = new TemporalServerlessWorker(scope, pascal(`${fn.namespace.split('.')[0]}-serverless-workers`), {
      ...plannedServerlessWorkerInput(fn, fn.codecServerId ? codecServers.get(fn.codecServerId)?.url : undefined),
      code: lambda.Code.fromAsset(options.codePath),
      credentials: objects.credentials,
      // The runtime object the user chose (its name is in the plan), else the block's from the plan's name.
      runtime: options.runtime,
      timeout: Duration.seconds(s.timeoutSeconds),
      // Under PrivateLink the function runs in the worker VPC, where the private zone resolves Temporal.
      vpc: region.privateLinkEndpoint ? vpc : undefined,
      vpcSubnets: region.privateLinkEndpoint && vpc ? workerSubnets : undefined,
      logEncryptionKey: logKey,
      reservedConcurrentExecutions: input.hardening.functions?.reservedConcurrency,
      deadLetterQueueRetention: input.hardening.functions && Duration.days(input.hardening.functions.deadLetterRetentionDays),
    });
    worker.lambdaFunction.node.addDependency(...recordsOf(dns, fn.privateRecords));
    return [worker];
  });
}

/** Components whose task count follows the failover state: the service names the runbooks scale. */
function emitComponentOutputs(input: RenderRegionInput, components: Components): void {
  const { scope, region } = input;
  for (const [kind, planned, built] of [
    ['codec server', region.codecServers, components.codecServers],
    ['proxy', region.proxies, components.proxies],
  ] as const) {
    for (const c of planned.filter((x) => x.failoverCapacity)) {
      const service = built.get(c.id)?.service;
      const description = `${kind} in ${region.awsRegion} whose task count follows the failover state of ${c.failoverCapacity!.unit}`;
      if (service) new CfnOutput(scope, `${pascal(c.id)}ServiceName`, { value: service.serviceName, description });
    }
  }
}

/** A VPC across two AZs: public subnets (NAT gateways, or an internet-facing codec server) and private subnets, with or without egress. */
function newVpc(scope: Construct, region: RegionPlan, network: RegionNetwork, hardening: HardeningSettings, logKey?: kms.IKey): ec2.Vpc {
  const vpc = new ec2.Vpc(scope, 'Vpc', {
    ipAddresses: ec2.IpAddresses.cidr(region.defaultVpcCidr),
    maxAzs: 2,
    natGateways: network.natGateways ? 2 : 0,
    subnetConfiguration: [
      ...(network.publicSubnets ? [{
        name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24, mapPublicIpOnLaunch: hardening.publicSubnetsMapPublicIp,
      }] : []),
      {
        name: 'workers',
        subnetType: network.subnets === SubnetKind.ISOLATED ? ec2.SubnetType.PRIVATE_ISOLATED : ec2.SubnetType.PRIVATE_WITH_EGRESS,
        cidrMask: 20,
      },
    ],
  });
  vpc.addFlowLog('FlowLog', {
    destination: ec2.FlowLogDestination.toCloudWatchLogs(new logs.LogGroup(scope, 'FlowLogs', { retention: logs.RetentionDays.ONE_MONTH, encryptionKey: logKey })),
  });
  return vpc;
}


/**
 * Emits a whole plan into one TerraformStack with the building blocks, one small function per phase, each region through its aliased provider. Every
 * setting comes from the plan; engine objects (images, credentials, code, supplied VPCs) come from the table the pattern filled, by the ids the plan
 * gives. Nothing here decides or validates: the rules did, before anything was built. Order matters only where Terraform needs references: networks
 * and endpoints first (records in one region point to another region's endpoint), then zones and routes, then the services (Worker services wait for
 * their region's private records), then failover records and functions.
 */
import { Construct } from 'constructs';
import { emitCapacityAlarms } from './capacity-alarms';
import { emitFailoverRunbooks } from './failover-runbook';
import { emitFailoverState, FailoverStateReader } from './failover-state';
import { dependsOnRecords, emitVpcDns, firstTime, PrivateRecord, sharedEndpoint } from './private-dns';
import {
  CapacityCounts, CrossRegionRouteKind, DeploymentPlan, FailoverCapacity, PlannedFleet, RegionPlan, ServiceRef, WorkerRuntime,
} from '../../core';
import { FAILOVER_DEFAULTS } from '../../core/components/failover-state';
import { HardeningSettings, regionHardening } from '../../core/components/hardening';
import { byRegion } from '../../core/components/input';
import { regionNetwork, SubnetKind } from '../../core/components/network';
import { plannedServerlessWorkerInput } from '../../core/components/serverless-worker';
import type { ServiceSettings } from '../../core/components/service';
import { plannedWorkerServiceInput } from '../../core/components/worker-service';
import { pascal } from '../../core/deployment-props';
import { TemporalCodecServer } from '../blocks/codec-server';
import { RouteSide, TemporalTransitGatewayRoutes, TemporalVpcPeering } from '../blocks/cross-region-route';
import { TemporalFailoverRecord } from '../blocks/failover-record';
import { clusterNameOf } from '../blocks/fargate';
import { logEncryptionKey } from '../blocks/log-key';
import { TemporalNamespacePrivateZone, TemporalPrivateLinkEndpoint, TemporalRegionalPrivateZone } from '../blocks/private-link';
import { TemporalProxy } from '../blocks/proxy';
import { TemporalServerlessWorker } from '../blocks/serverless-worker';
import { TemporalAwsServiceEndpoints } from '../blocks/service-endpoints';
import { TemporalVpc } from '../blocks/vpc';
import { TemporalWorkerService } from '../blocks/worker-service';
import { AwsProvider, EcsCluster, Route53Zone, TerraformOutput } from '../engine';
import { CodecServerOptions, ExistingVpc, ProxyOptions, RegionPlacement } from '../options';
import type { FleetEngineObjects } from '../patterns/deployment';
import { awsName } from '../util';

/** The engine objects a pattern supplies, by the plan's ids. */
export interface EngineObjects {
  /** By fleet `configKey` (the qualified namespace). */
  readonly fleets: Map<string, FleetEngineObjects>;
  readonly codecServer?: CodecServerOptions;
  readonly proxy?: ProxyOptions;
  /** Supplied providers, VPCs and clusters, keyed as the user wrote the regions. */
  readonly regions: { [awsRegion: string]: RegionPlacement };
  readonly tags?: { [key: string]: string };
}

export interface RenderInput {
  /** The pattern construct (region constructs are created under it). */
  readonly scope: Construct;
  readonly plan: DeploymentPlan;
  readonly engine: EngineObjects;
  /** The provider of a region (the user's, or the stack's aliased one). */
  readonly providerFor: (awsRegion: string) => AwsProvider;
}

/** What rendering one region produced. */
export interface RenderedRegion {
  readonly awsRegion: string;
  readonly provider: AwsProvider;
  readonly scope: Construct;
  readonly plan: RegionPlan;
  readonly vpc?: ExistingVpc;
  /** Subnets of Worker and starter tasks and functions, and of components (supplied, else the VPC's private subnets). */
  readonly workerSubnetIds?: string[];
  readonly componentSubnetIds?: string[];
  /** Supplied security groups of Worker and starter tasks. */
  readonly workerSecurityGroupIds?: string[];
  readonly clusterArn?: string;
  /** The cluster's name (the created cluster's, or the last part of a supplied ARN). */
  readonly clusterName?: string;
  readonly privateLinkEndpoint?: TemporalPrivateLinkEndpoint;
  readonly regionalZone?: TemporalRegionalPrivateZone;
  readonly namespaceZones: TemporalNamespacePrivateZone[];
  /** Private records of the region's zones: no Worker starts before they exist. */
  readonly records: PrivateRecord[];
  /** By planned id. */
  readonly codecServers: Map<string, TemporalCodecServer>;
  /** By planned id. */
  readonly proxies: Map<string, TemporalProxy>;
  readonly workerServices: TemporalWorkerService[];
  /** Worker and starter services by planned fleet id. */
  readonly fleetServices: Map<string, TemporalWorkerService>;
  readonly functions: TemporalServerlessWorker[];
  /** The region's hardening as the core resolved it (hardened profile; all off by default). */
  readonly hardening: HardeningSettings;
  /** The customer-managed key of the region's log groups (hardened profile). */
  readonly logKmsKeyArn?: string;
}

type Regions = Map<string, RenderedRegion>;

/** Emits the plan, phase by phase. */
export function renderPlan(input: RenderInput): Regions {
  const tags = { ...input.engine.tags, TemporalDeployment: input.plan.constructPath };
  const regions = emitRegions(input, tags);
  const state = emitFailoverState(input.scope, input.plan, input.providerFor, tags);
  emitZones(input, regions, tags);
  emitRoutes(input, regions, tags);
  emitComponents(input, regions, tags, state);
  emitFailoverRecords(input, regions, tags, state);
  emitFleets(input, regions, tags, state);
  emitFunctions(input, regions, tags);
  emitComponentOutputs(regions);
  emitFailoverOperations(input, regions, tags, state);
  return regions;
}

/** 1. Networks, clusters and Temporal VPC endpoints. */
function emitRegions(input: RenderInput, tags: Record<string, string>): Regions {
  const { scope, plan } = input;
  const regions: Regions = new Map();
  for (const r of plan.regions.filter((x) => x.needsVpc || x.functions.length > 0)) {
    const provider = input.providerFor(r.awsRegion);
    const regionScope = new Construct(scope, r.awsRegion);
    const placement = byRegion(input.engine.regions, r.awsRegion) ?? {};
    const hardening = regionHardening(plan, r);
    const logKmsKeyArn = hardening.logKey && logEncryptionKey(regionScope, 'LogKey', provider, hardening.logKey, tags).arn;
    const network = emitNetwork(input, r, { scope: regionScope, provider, placement, tags, logKmsKeyArn });
    const vpc = network.vpc;
    const needsCluster = r.fleets.some((f) => f.runtime === WorkerRuntime.FARGATE) || r.codecServers.length > 0 || r.proxies.length > 0;
    const cluster = needsCluster && !placement.clusterArn ? new EcsCluster(regionScope, 'Cluster', {
      provider,
      name: awsName([plan.constructPath, r.awsRegion], 255),
      setting: [{ name: 'containerInsights', value: 'enabled' }],
      tags,
    }) : undefined;
    const clusterArn = needsCluster ? placement.clusterArn ?? cluster!.arn : undefined;
    const clusterName = cluster?.name ?? (clusterArn === undefined ? undefined : clusterNameOf(clusterArn));
    // One endpoint per VPC app-wide (render/private-dns.ts): another deployment on the VPC may have created it.
    const privateLinkEndpoint = r.privateLinkEndpoint && vpc ? sharedEndpoint(regionScope, r.awsRegion, vpc.vpcId, () => new TemporalPrivateLinkEndpoint(regionScope, 'TemporalPrivateLink', {
      provider,
      awsRegion: r.awsRegion,
      vpcId: vpc.vpcId,
      subnetIds: network.componentSubnetIds ?? vpc.privateSubnetIds,
      allowFromCidrs: [vpc.cidrBlock],
      serviceName: r.privateLinkEndpoint!.serviceName,
      tags,
    })) : undefined;
    const built = {
      namespaceZones: [], records: [], codecServers: new Map(), proxies: new Map(), workerServices: [], fleetServices: new Map(), functions: [],
    };
    regions.set(r.awsRegion, {
      awsRegion: r.awsRegion,
      provider,
      scope: regionScope,
      plan: r,
      ...network,
      clusterArn,
      clusterName,
      privateLinkEndpoint,
      ...built,
      hardening,
      logKmsKeyArn,
    });
  }
  return regions;
}

interface NetworkAt {
  readonly scope: Construct;
  readonly provider: AwsProvider;
  readonly placement: RegionPlacement;
  readonly tags: Record<string, string>;
  readonly logKmsKeyArn?: string;
}

/** 1a. A region's VPC (supplied, or created with or without egress), the subnets and security groups of its tasks, its AWS service endpoints. */
function emitNetwork(input: RenderInput, r: RegionPlan, at: NetworkAt) {
  const { scope, provider, placement, tags, logKmsKeyArn } = at;
  const network = regionNetwork(input.plan, r);
  const vpc = r.needsVpc ? placement.vpc ?? new TemporalVpc(scope, 'Vpc', {
    provider,
    cidrBlock: r.defaultVpcCidr,
    isolated: network.subnets === SubnetKind.ISOLATED,
    publicSubnets: network.publicSubnets,
    tags,
    flowLogKmsKeyArn: logKmsKeyArn,
  }).attributes : undefined;
  const workerSubnetIds = vpc && (placement.workerSubnetIds ?? vpc.privateSubnetIds);
  const componentSubnetIds = vpc && (placement.componentSubnetIds ?? vpc.privateSubnetIds);
  if (vpc && network.serviceEndpoints.length > 0) {
    new TemporalAwsServiceEndpoints(scope, 'AwsServiceEndpoints', {
      provider,
      awsRegion: r.awsRegion,
      vpcId: vpc.vpcId,
      subnetIds: componentSubnetIds!,
      // Missing route tables of a supplied VPC are reported before rendering (TEMPORAL_NETWORK_EGRESS).
      routeTableIds: vpc.privateRouteTableIds ?? [],
      allowFromCidrs: [vpc.cidrBlock],
      services: network.serviceEndpoints,
      tags,
    });
  }
  return { vpc, workerSubnetIds, componentSubnetIds, workerSecurityGroupIds: placement.workerSecurityGroupIds };
}

/**
 * 2. Private zones: one region.tmprl.cloud zone per worker VPC (the supplied one, or shared by every deployment on the VPC), one record per region
 *    it reaches, each written once app-wide (render/private-dns.ts).
 */
function emitZones(input: RenderInput, regions: Regions, tags: Record<string, string>): void {
  for (const m of regions.values()) {
    if (!m.vpc) continue;
    const dns = emitVpcDns({
      scope: m.scope,
      provider: m.provider,
      awsRegion: m.awsRegion,
      vpcId: m.vpc.vpcId,
      records: m.plan.zoneRecords,
      suppliedZoneId: byRegion(input.engine.regions, m.awsRegion)?.privateZoneId,
      owner: input.plan.constructPath,
      tags,
    }, (r) => regions.get(r)?.privateLinkEndpoint);
    m.records.push(...dns.records);
    m.namespaceZones.push(...dns.namespaceZones);
    if (dns.regionalZone) regions.set(m.awsRegion, { ...m, regionalZone: dns.regionalZone });
  }
}

/**
 * 3. Cross-region routes: one peering (or pair of Transit Gateway routes) per pair of regions,
 *    routes both ways, and the endpoint of the region reached admits the other VPC's CIDR.
 */
function emitRoutes(input: RenderInput, regions: Regions, tags: Record<string, string>): void {
  const pairs = new Set<string>();
  for (const m of regions.values()) {
    for (const route of m.plan.routes) {
      const to = regions.get(route.toRegion);
      if (!to?.vpc || !m.vpc) continue;
      const pair = [route.fromRegion, route.toRegion].sort().join('|');
      // Two VPCs are joined once app-wide (AWS refuses a second active peering of the same VPCs, and a second route to the same CIDR).
      if (!pairs.has(pair) && firstTime(input.scope, 'connection', [m.vpc.vpcId, to.vpc.vpcId].sort().join('|'))) {
        pairs.add(pair);
        const id = `${route.fromRegion}-to-${route.toRegion}`;
        if (route.kind === CrossRegionRouteKind.VPC_PEERING) {
          new TemporalVpcPeering(input.scope, `Peering-${id}`, { requester: routeSide(m), accepter: routeSide(to), tags });
        } else if (route.kind === CrossRegionRouteKind.TRANSIT_GATEWAY) {
          const tgwOf = (r: string) => byRegion(input.plan.request.transitGatewayIds, r) ?? '';
          new TemporalTransitGatewayRoutes(input.scope, `TransitGateway-${id}`, {
            a: { ...routeSide(m), transitGatewayId: tgwOf(m.awsRegion) },
            b: { ...routeSide(to), transitGatewayId: tgwOf(to.awsRegion) },
          });
        }
      }
      // Once per endpoint and CIDR app-wide (the endpoint may be another deployment's; AWS refuses a duplicate rule).
      if (to.privateLinkEndpoint && firstTime(input.scope, 'ingress', `${to.privateLinkEndpoint.node.addr}|${m.vpc.cidrBlock}`)) {
        to.privateLinkEndpoint.allowFrom(m.vpc.cidrBlock, `Workers in ${route.fromRegion} (${route.kind})`, `Ingress-from-${route.fromRegion}`);
      }
    }
  }
}

function routeSide(m: RenderedRegion): RouteSide {
  const vpc = m.vpc!;
  return { provider: m.provider, awsRegion: m.awsRegion, vpcId: vpc.vpcId, cidrBlock: vpc.cidrBlock, routeTableIds: vpc.privateRouteTableIds ?? [] };
}

/**
 * 4. Codec servers and proxies, as warm as the Workers they serve: a component that follows the failover state runs its active count while its region
 *    is the unit's live active region and its standby count otherwise (fixed size, so no ignore_changes: an apply sets the count the state says).
 */
function emitComponents(input: RenderInput, regions: Regions, tags: Record<string, string>, state: FailoverStateReader): void {
  const { plan, engine } = input;
  const codec = engine.codecServer;
  const proxy = engine.proxy;
  for (const m of regions.values()) {
    const vpc = m.vpc;
    if (!vpc || !m.clusterArn) continue;
    // What the codec server and proxy blocks take alike: where they run, sizing, name and tags.
    const common = (kind: string, c: ComponentInRegion) => ({
      provider: m.provider,
      clusterArn: m.clusterArn!,
      vpcId: vpc.vpcId,
      subnetIds: m.componentSubnetIds ?? vpc.privateSubnetIds,
      cpu: c.settings.cpu,
      memoryLimitMiB: c.settings.memoryLimitMiB,
      desiredCount: c.failoverCapacity ? counts(state, m.awsRegion, c.failoverCapacity).desiredCount : c.settings.desiredCount,
      serviceName: awsName([plan.constructPath, c.id], 255),
      logKmsKeyArn: m.logKmsKeyArn,
      deletionProtection: m.hardening.loadBalancerDeletionProtection,
      tags: {
        ...tags,
        TemporalComponent: kind,
        TemporalComponentId: c.id,
        TemporalComponentState: c.state,
        TemporalNamespaces: c.namespaces.join(' '),
      },
    });
    for (const c of codec ? m.plan.codecServers : []) {
      const s = c.settings;
      m.codecServers.set(c.id, new TemporalCodecServer(m.scope, pascal(c.id), {
        ...common('codec', c),
        // Missing public subnets are reported before rendering (TEMPORAL_SUPPLIED_NETWORK).
        loadBalancerSubnetIds: s.internetFacing ? vpc.publicSubnetIds ?? [] : m.componentSubnetIds ?? vpc.privateSubnetIds,
        image: codec!.image,
        // Given, else requested by the block for the domain name in the zone (a missing one is reported before rendering: TEMPORAL_CODEC_CERTIFICATE).
        certificateArn: s.certificateArn,
        domainName: s.domainName,
        hostedZoneId: codec!.hostedZoneId,
        allowFromCidrs: s.allowedCidrs ?? [vpc.cidrBlock],
        containerPort: s.containerPort,
        healthCheckPath: s.healthCheckPath,
        corsAllowedOrigins: s.corsAllowedOrigins,
        internetFacing: s.internetFacing,
        accessLogsVersioned: m.hardening.accessLogsBucketVersioning,
      }));
    }
    for (const p of proxy ? m.plan.proxies : []) {
      const s = p.settings;
      m.proxies.set(p.id, new TemporalProxy(m.scope, pascal(p.id), {
        ...common('proxy', p),
        image: proxy!.image,
        containerPort: s.containerPort,
        listenerPort: s.listenerPort,
        upstreamAddress: s.upstreamAddress,
        allowFromCidrs: [vpc.cidrBlock],
      }));
    }
  }
}

interface ComponentInRegion {
  readonly id: string;
  readonly state: string;
  readonly namespaces: string[];
  readonly settings: ServiceSettings;
  readonly failoverCapacity?: FailoverCapacity;
}

/** A service's counts by the live failover state of its region. */
function counts(state: FailoverStateReader, awsRegion: string, cap: FailoverCapacity): CapacityCounts {
  const pick = (k: keyof CapacityCounts) => state.stateValue(cap.unit, awsRegion, cap.whenActive[k], cap.whenStandby[k]);
  return { desiredCount: pick('desiredCount'), minCapacity: pick('minCapacity'), maxCapacity: pick('maxCapacity') };
}

/**
 * 5. Failover records (PRIMARY/SECONDARY) in a private zone shared by the worker VPCs. A gated record's PRIMARY answers only while its region is
 *    the unit's live active region (the gate's threshold follows the state; the runbooks move it at failover).
 */
function emitFailoverRecords(input: RenderInput, regions: Regions, tags: Record<string, string>, state: FailoverStateReader): void {
  const { plan } = input;
  const vpcs = [...regions.values()].filter((m) => m.vpc);
  if (plan.failoverRecords.length === 0 || vpcs.length === 0) return;
  const domain = plan.request.failoverDomainName;
  const failoverZone = new Route53Zone(input.scope, 'ComponentFailoverZone', {
    provider: vpcs[0].provider,
    name: domain,
    comment: `Failover records of ${plan.constructPath}'s codec servers and proxies`,
    vpc: vpcs.map((m) => ({ vpcId: m.vpc!.vpcId, vpcRegion: m.awsRegion })),
    tags,
  });
  const gate = FAILOVER_DEFAULTS.gate;
  for (const rec of plan.failoverRecords) {
    // The plan names the instance each side points at (a codec server shared in a region has its own id there).
    const target = (r: string, instance: string) => {
      const m = regions.get(r)!;
      const proxy = m.proxies.get(instance);
      const svc = (proxy ?? m.codecServers.get(instance))!;
      return { awsRegion: r, provider: m.provider, loadBalancer: svc.loadBalancer, targetGroup: svc.targetGroup, loadBalancerType: proxy ? 'network' : 'application' };
    };
    new TemporalFailoverRecord(input.scope, `Failover-${rec.component}`, {
      provider: vpcs[0].provider,
      zoneId: failoverZone.zoneId,
      recordName: rec.recordName,
      name: rec.alarmBaseName,
      ttl: rec.ttlSeconds,
      primary: target(rec.primaryRegion, rec.primaryComponentId),
      secondary: target(rec.secondaryRegion, rec.secondaryComponentId),
      primaryGate: rec.gate && {
        tag: rec.gate.tag,
        healthThreshold: state.stateValue<number>(rec.gate.unit, rec.primaryRegion, gate.healthThresholdWhenActive, gate.healthThresholdWhenStandby),
      },
    });
  }
}

/**
 * 6. Worker and starter fleets (long-lived, on Fargate). A fleet that follows the failover state gets its scalable target's minimum and maximum by
 *    the live state, and its desired count by the state at creation (autoscaling owns it afterwards: `ignore_changes = [desired_count]`; registering
 *    the target moves the count into the range: https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html).
 */
function emitFleets(input: RenderInput, regions: Regions, tags: Record<string, string>, state: FailoverStateReader): void {
  for (const m of regions.values()) {
    for (const f of m.plan.fleets) {
      const objects = input.engine.fleets.get(f.configKey);
      const options = f.role === 'starter' ? objects?.starters ?? objects?.workers : objects?.workers;
      if (!f.service || !objects || !options || !m.vpc || !m.clusterArn) continue;
      const service = new TemporalWorkerService(m.scope, pascal(f.id), {
        ...plannedWorkerServiceInput(f, {
          proxyAddress: f.proxyId ? m.proxies.get(f.proxyId)?.address : undefined,
          // Workers always use their own region's codec server (the failover names are for people and tools).
          codecUrl: f.codecServerId ? m.codecServers.get(f.codecServerId)?.url : undefined,
        }),
        ...(f.failoverCapacity && counts(state, m.awsRegion, f.failoverCapacity)),
        provider: m.provider,
        clusterArn: m.clusterArn,
        vpcId: m.vpc.vpcId,
        subnetIds: m.workerSubnetIds ?? m.vpc.privateSubnetIds,
        securityGroupIds: m.workerSecurityGroupIds,
        image: options.image,
        credentials: objects.credentials,
        serviceName: awsName([input.plan.constructPath, f.id], 255),
        // No Worker task starts before its region's private records exist (an empty zone answers NXDOMAIN), whoever wrote them.
        dependsOn: dependsOnRecords(m.scope, m.records),
        logKmsKeyArn: m.logKmsKeyArn,
        tags: fleetTags(tags, f),
      });
      m.workerServices.push(service);
      m.fleetServices.set(f.id, service);
      emitFleetOutputs(m.scope, f, service, state);
    }
  }
}

/** 7. Serverless Worker functions (in the worker VPC under PrivateLink, where the private zone resolves Temporal). */
function emitFunctions(input: RenderInput, regions: Regions, tags: Record<string, string>): void {
  for (const m of regions.values()) {
    for (const fn of m.plan.functions) {
      const objects = input.engine.fleets.get(fn.namespace);
      const options = objects?.serverless;
      const code = options ? byRegion(options.code, m.awsRegion) : undefined;
      if (!objects || !options || !code) continue;
      const s = fn.settings;
      m.functions.push(new TemporalServerlessWorker(m.scope, pascal(`${fn.namespace.split('.')[0]}-serverless-workers`), {
        ...plannedServerlessWorkerInput(fn, fn.codecServerId ? m.codecServers.get(fn.codecServerId)?.url : undefined),
        provider: m.provider,
        awsRegion: m.awsRegion,
        code,
        credentials: objects.credentials,
        runtime: s.runtime,
        timeoutSeconds: s.timeoutSeconds,
        architecture: s.lambdaArchitecture,
        functionName: options.functionName ?? awsName([input.plan.constructPath, fn.namespace.split('.')[0], 'worker'], 64),
        vpc: m.plan.privateLinkEndpoint && m.vpc ? { vpcId: m.vpc.vpcId, subnetIds: m.workerSubnetIds ?? m.vpc.privateSubnetIds } : undefined,
        logKmsKeyArn: m.logKmsKeyArn,
        reservedConcurrentExecutions: m.hardening.functions?.reservedConcurrency,
        deadLetterQueueRetentionDays: m.hardening.functions?.deadLetterRetentionDays,
        tags,
      }));
    }
  }
}

/** Components that follow the failover state: the service names the failover runbooks scale. */
function emitComponentOutputs(regions: Regions): void {
  for (const m of regions.values()) {
    for (const [kind, planned, built] of [
      ['codec server', m.plan.codecServers, m.codecServers],
      ['proxy', m.plan.proxies, m.proxies],
    ] as const) {
      for (const c of planned.filter((x) => x.failoverCapacity)) {
        const service = built.get(c.id)?.service;
        if (service) {
          new TerraformOutput(m.scope, `${pascal(c.id)}ServiceName`, {
            value: service.name, description: `${kind} that runs while ${m.awsRegion} is the active region (scaled by the failover runbooks)`,
          });
        }
      }
    }
  }
}

/**
 * 8. What operates failover: each unit's runbooks and role per region, and each region's capacity alarms (thresholds by the live state). After
 *    every service, whose names the runbooks and alarms reference.
 */
function emitFailoverOperations(input: RenderInput, regions: Regions, tags: Record<string, string>, state: FailoverStateReader): void {
  const regionOf = (awsRegion: string) => {
    const m = regions.get(awsRegion);
    return m && { provider: m.provider, scope: m.scope, lookup: serviceLookup(m) };
  };
  emitFailoverRunbooks(input.plan, regionOf, tags);
  for (const m of regions.values()) {
    if (m.plan.capacityAlarms.length === 0) continue;
    const value = <T>(unit: string, whenActive: T, whenStandby: T): T =>
      state.stateValue(unit, m.awsRegion, whenActive as T & (string | number), whenStandby as T & (string | number));
    emitCapacityAlarms(m.scope, m.provider, m.plan, serviceLookup(m), value, tags);
  }
}

/** The cluster and service names of a region's services, by the plan's references. */
function serviceLookup(m: RenderedRegion): (s: ServiceRef) => { clusterName: string; serviceName: string } | undefined {
  return (s) => {
    const built = s.kind === 'fleet' ? m.fleetServices.get(s.id) : s.kind === 'codec-server' ? m.codecServers.get(s.id) : m.proxies.get(s.id);
    return built && m.clusterName !== undefined ? { clusterName: m.clusterName, serviceName: built.service.name } : undefined;
  };
}

/** Tags that say, on the service itself, which fleet it is and its state during normal operation (the declared active region's). */
function fleetTags(base: Record<string, string>, f: PlannedFleet): Record<string, string> {
  return {
    ...base,
    TemporalFleet: f.id,
    TemporalFleetRole: f.role,
    TemporalFleetState: f.state,
    TemporalNamespace: f.namespace,
    TemporalAddress: f.temporalAddress,
  };
}

/** What operators and the failover runbooks read from a fleet (a fleet that follows the failover state: its minimum by the live state). */
function emitFleetOutputs(scope: Construct, f: PlannedFleet, service: TemporalWorkerService, state: FailoverStateReader): void {
  const out = (name: string, value: string | number, description: string) =>
    new TerraformOutput(scope, `${pascal(f.id)}${name}`, { value, description });
  out('ServiceName', service.service.name, `${f.role} fleet for ${f.namespace} in ${f.awsRegion}`);
  if (f.failoverCapacity) {
    out('MinCapacity', counts(state, f.awsRegion, f.failoverCapacity).minCapacity,
      `minimum tasks of the ${f.role} fleet by the failover state read at apply (${f.failoverCapacity.whenActive.minCapacity} while ${f.awsRegion} is active, `
      + `${f.failoverCapacity.whenStandby.minCapacity} otherwise)`);
  } else {
    out('DesiredCount', f.service!.desiredCount, `desired tasks of the ${f.role} fleet during normal operation (${f.state})`);
  }
  out('TemporalAddress', f.temporalAddress, `Temporal Cloud address the ${f.role} fleet connects to${f.viaProxy ? ' (through the proxy)' : ''}`);
}

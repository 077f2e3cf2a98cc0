/** A pattern's contribution for one namespace, and how contributions merge into one plan (sharded deployments merge several). */
import { ComponentLoadBalancerType, FAILOVER_RECORD_DEFAULTS, resolveHealthAlarm } from '../components/failover-record';
import {
  capacityFollowsState, componentFailoverCapacity, declaredActiveRegion, failoverGateTag, failoverNameOf, FailoverUnitCandidate, failoverUnitId,
  fleetFailoverCapacity, planCapacityAlarms, planFailover,
} from '../components/failover-state';
import { plannedRegionalZone } from '../components/private-link';
import { ComponentRouting, FleetState, WorkerRuntime } from '../model';
import {
  DeploymentPlan, DeploymentRequest, PlannedFailoverRecord, PlannedFleet, PlannedFunction, PlannedNamespace, PlannedCodecServer, PlannedProxy,
  PlannedRegionalService, RegionPlan,
} from '../plan';
import { TEMPORAL_GRPC_PORT } from '../regions';
import {
  awsNamespaceRegions, defaultVpcCidr, failoverRegions, fleetRegions, fleetSizing, planCodecServer, planComponents, planFunctions, planReachability,
  planStarters, regionIdentity, Reachability, unique, uniqueBy,
} from './common';

/** What one namespace's pattern puts where. */
export interface Contribution {
  readonly namespace: PlannedNamespace;
  readonly fleets: PlannedFleet[];
  readonly functions: PlannedFunction[];
  readonly codecServers: PlannedCodecServer[];
  readonly proxies: PlannedProxy[];
  readonly reachability: Reachability;
  readonly failoverRecords: PlannedFailoverRecord[];
  /** Regions in the order they should be presented (primary first). */
  readonly regionOrder: string[];
  /** The namespace's failover unit, when its Worker side can be active in two AWS regions. */
  readonly failoverUnit?: FailoverUnitCandidate;
}

/** Completes a pattern's worker fleets into a contribution (starters, functions, components, reachability, failover records). */
export function contribute(
  ns: PlannedNamespace, workerFleets: PlannedFleet[], request: DeploymentRequest,
  routeReason: (from: string, to: string) => string,
): Contribution {
  const serverless = request.runtime === WorkerRuntime.LAMBDA;
  const workers = serverless ? [] : workerFleets;
  const starters = planStarters(ns, workerFleets, request);
  const functions = planFunctions(ns, request);
  // Components follow the Workers; serverless Workers still get codec servers per namespace region.
  const componentAnchors = serverless ? workerFleets : workers;
  const { codecServers, proxies } = planComponents(ns, componentAnchors, request);
  const planned = [...workers, ...starters];
  const dialers = [...planned, ...proxyAsFleets(proxies, workerFleets)];
  const reachability = planReachability(ns, dialers, functions.map((f) => f.awsRegion), request, routeReason);
  const failoverRecords = planFailoverRecords(ns, codecServers, proxies, request);
  const regionOrder = unique([...awsNamespaceRegions(ns), ...workerFleets.map((f) => f.awsRegion)]);
  // Each process names the private records it resolves (none off PrivateLink; none behind a proxy, which resolves them): renderers start it only
  // after they exist.
  const { recordsOf } = reachability;
  const withRecords = planned.map((f, i) => (recordsOf.fleets[i] ? { ...f, privateRecords: f.viaProxy ? [] : recordsOf.fleets[i] } : f));
  const fns = functions.map((f, i) => (recordsOf.functions[i] ? { ...f, privateRecords: recordsOf.functions[i] } : f));
  const failoverUnit = planUnit(ns, workerFleets, request);
  const follow = failoverUnit && capacityFollowsState(ns.pattern) ? failoverUnit : undefined;
  const inUnit = (s: { awsRegion: string }) => follow !== undefined && follow.regions.includes(s.awsRegion);
  // Active/Cold: both regions' Fargate fleets and components follow the unit's live state (the other patterns keep both regions running).
  const fleets = withRecords.map((f) => (inUnit(f) && f.service
    ? { ...f, failoverCapacity: fleetFailoverCapacity(follow!.id, fleetSizing(ns, request, f.role)) } : f));
  const follows = <T extends PlannedCodecServer | PlannedProxy>(s: T): T =>
    (inUnit(s) ? { ...s, failoverCapacity: componentFailoverCapacity(follow!.id, s.settings) } : s);
  return {
    namespace: ns,
    fleets,
    functions: fns,
    codecServers: codecServers.map(follows),
    proxies: proxies.map(follows),
    reachability,
    failoverRecords,
    regionOrder,
    failoverUnit,
  };
}

/** The namespace's failover unit: the two AWS regions its Workers (or, serverless, its components) can be active in, and the declared one. */
function planUnit(ns: PlannedNamespace, workerFleets: PlannedFleet[], request: DeploymentRequest): FailoverUnitCandidate | undefined {
  const regions = failoverRegions(ns, unique(workerFleets.map((f) => f.awsRegion)));
  const declared = declaredActiveRegion(ns, request, regions);
  return declared === undefined ? undefined : { id: failoverUnitId(ns), namespace: ns, regions, declaredActiveRegion: declared };
}

/** A proxy dials for the fleets behind it: reachability is computed from the fleet it fronts. */
function proxyAsFleets(proxies: PlannedProxy[], fleets: PlannedFleet[]): PlannedFleet[] {
  return proxies.map((p) => fleets.find((f) => f.awsRegion === p.awsRegion)).filter((f): f is PlannedFleet => f !== undefined);
}

function planFailoverRecords(
  ns: PlannedNamespace, codecServers: PlannedCodecServer[], proxies: PlannedProxy[], request: DeploymentRequest,
): PlannedFailoverRecord[] {
  // The pair is the primary fleet's region and the standby fleet's (distinct AWS regions; none for a same-region replica).
  const { primary, standby } = fleetRegions(ns);
  if (request.components.routing !== ComponentRouting.FAILOVER_DNS || !primary || !standby) return [];
  const out: PlannedFailoverRecord[] = [];
  const pair = (component: string, services: PlannedRegionalService[], type: ComponentLoadBalancerType) => {
    const regions = services.map((s) => s.awsRegion);
    if (regions.includes(primary) && regions.includes(standby)) {
      out.push(planFailoverRecord(ns.shard ? `${ns.shard}-${component}` : component, primary, standby, type, request));
    }
  };
  pair('codec', codecServers, ComponentLoadBalancerType.APPLICATION);
  pair('proxy', proxies, ComponentLoadBalancerType.NETWORK);
  return out;
}

/** A failover record pair for `component`, with its TTL, health-check and alarm settings. */
export function planFailoverRecord(
  component: string, primaryRegion: string, secondaryRegion: string, type: ComponentLoadBalancerType, request: DeploymentRequest,
  instances: { primary: string; secondary: string } = { primary: component, secondary: component },
): PlannedFailoverRecord {
  const alarmName = `${request.constructPath.split('/').pop()!.toLowerCase().replace(/[^a-z0-9-]/g, '-')}-${component}`;
  return {
    component,
    primaryRegion,
    secondaryRegion,
    primaryComponentId: instances.primary,
    secondaryComponentId: instances.secondary,
    privateZone: request.components.privateZone,
    healthCheck: request.components.privateZone ? 'cloudwatch-alarm' : 'http',
    recordName: `${component}.${request.failoverDomainName}`,
    ttlSeconds: request.failover?.recordTtlSeconds ?? FAILOVER_RECORD_DEFAULTS.ttlSeconds,
    alarmBaseName: alarmName,
    insufficientDataHealthStatus: FAILOVER_RECORD_DEFAULTS.healthCheck.insufficientDataHealthStatus,
    alarms: Object.fromEntries([primaryRegion, secondaryRegion]
      .map((region) => [region, resolveHealthAlarm({ name: alarmName, region, loadBalancerType: type })])),
  };
}

/** Merges contributions (one per namespace) into the plan, sharing each region's infrastructure. */
export function assemble(request: DeploymentRequest, contributions: Contribution[]): DeploymentPlan {
  const name = failoverNameOf(request);
  const order = unique([
    ...contributions.flatMap((c) => c.regionOrder),
    ...contributions.flatMap((c) => c.reachability.endpointRegions),
  ]);
  const regions: RegionPlan[] = order.map((awsRegion) => {
    const id = regionIdentity(awsRegion);
    const codecServers = mergeServices(contributions.flatMap((c) => c.codecServers.filter((s) => s.awsRegion === awsRegion)), 'codec', request);
    // Every process uses its own region's codec server (the one serving its namespace), referenced by id.
    const codecOf = (namespace: string) => codecServers.find((s) => s.namespaces.includes(namespace))?.id;
    const fleets = contributions.flatMap((c) => c.fleets.filter((f) => f.awsRegion === awsRegion))
      .map((f) => ({ ...f, codecServerId: codecOf(f.namespace) }));
    const functions = contributions.flatMap((c) => c.functions.filter((f) => f.awsRegion === awsRegion))
      .map((f) => ({ ...f, codecServerId: codecOf(f.namespace) }));
    const proxies = contributions.flatMap((c) => c.proxies.filter((s) => s.awsRegion === awsRegion));
    const needsEndpoint = contributions.some((c) => c.reachability.endpointRegions.includes(awsRegion));
    const zoneRecords = uniqueBy(contributions.flatMap((c) => c.reachability.zoneRecords.filter((z) => z.vpcRegion === awsRegion)));
    const routes = uniqueBy(contributions.flatMap((c) => c.reachability.routes.filter((r) => r.fromRegion === awsRegion)),
      (r) => `${r.fromRegion}>${r.toRegion}:${r.kind}`);
    return {
      capacityAlarms: planCapacityAlarms(name, { awsRegion, fleets, codecServers, proxies }),
      awsRegion,
      regionId: id.regionId,
      known: id.known,
      fleets,
      functions,
      codecServers,
      proxies,
      privateLinkEndpoint: needsEndpoint ? { awsRegion, serviceName: id.serviceName, port: TEMPORAL_GRPC_PORT } : undefined,
      zoneRecords,
      privateZone: plannedRegionalZone(zoneRecords, request.placements.find((p) => p.awsRegion === awsRegion)),
      routes,
      needsVpc: fleets.length > 0 || codecServers.length > 0 || proxies.length > 0 || needsEndpoint,
      defaultVpcCidr: defaultVpcCidr(awsRegion),
    };
  });
  return {
    constructPath: request.constructPath,
    constructKind: request.constructKind,
    pattern: request.pattern,
    namespaces: contributions.map((c) => c.namespace),
    regions,
    failoverRecords: pointRecordsAtInstances(contributions, regions, request),
    failover: planFailover(request, contributions.flatMap((c) => (c.failoverUnit ? [c.failoverUnit] : [])), regions),
    componentRouting: request.components.routing,
    placements: request.placements,
    request,
  };
}

/**
 * Each failover record names the component instance it points at in each of its two regions: a codec server that several namespaces share in a
 * region is renamed `codec` by mergeServices, so a shard's record may point at its own instance on one side and the shared one on the other. A
 * record whose both sides are the same shared instance takes that instance's name (one record, however many shards use the pair), unless another
 * record already has that name (then it keeps its shard's name: a name is one record in the failover zone).
 */
function pointRecordsAtInstances(contributions: Contribution[], regions: RegionPlan[], request: DeploymentRequest): PlannedFailoverRecord[] {
  const out = new Map<string, PlannedFailoverRecord>();
  // The failover units each record serves: a record one unit owns is gated by its state; one several units share follows health only.
  const unitsOf = new Map<string, Set<string | undefined>>();
  for (const c of contributions) {
    for (const f of c.failoverRecords) {
      const instanceIn = (awsRegion: string, fallback: string) => (f.component.endsWith('codec')
        ? regions.find((r) => r.awsRegion === awsRegion)?.codecServers.find((s) => s.namespaces.includes(c.namespace.qualifiedName))?.id ?? fallback
        : fallback);
      const primaryId = instanceIn(f.primaryRegion, f.primaryComponentId);
      const secondaryId = instanceIn(f.secondaryRegion, f.secondaryComponentId);
      const shared = primaryId === secondaryId && primaryId !== f.component ? primaryId : undefined;
      const sameName = shared ? out.get(shared) : undefined;
      const name = shared && (!sameName || (sameName.primaryRegion === f.primaryRegion && sameName.secondaryRegion === f.secondaryRegion))
        ? shared : f.component;
      unitsOf.set(name, (unitsOf.get(name) ?? new Set()).add(c.failoverUnit?.id));
      if (out.has(name)) continue;
      const type = f.component.endsWith('codec') ? ComponentLoadBalancerType.APPLICATION : ComponentLoadBalancerType.NETWORK;
      out.set(name, planFailoverRecord(name, f.primaryRegion, f.secondaryRegion, type, request, { primary: primaryId, secondary: secondaryId }));
    }
  }
  const failoverName = failoverNameOf(request);
  return [...out.entries()].map(([name, record]) => {
    const [unit, ...others] = [...unitsOf.get(name)!];
    return unit !== undefined && others.length === 0 ? { ...record, gate: { unit, tag: failoverGateTag(failoverName, record.component) } } : record;
  });
}

/**
 * Several namespaces in one region share one codec server (it serves them all). It follows a failover unit's state when every namespace that needs
 * it running follows that one unit; it runs always when one needs it always, or when several units' states would each need it (it cannot follow
 * two); it is cold when none needs it.
 */
function mergeServices(services: PlannedCodecServer[], id: string, request: DeploymentRequest): PlannedCodecServer[] {
  if (services.length <= 1) return services;
  const namespaces = unique(services.flatMap((s) => s.namespaces));
  const region = services[0].awsRegion;
  const alwaysOn = services.some((s) => !s.failoverCapacity && s.state !== FleetState.COLD_STANDBY);
  const units = unique(services.flatMap((s) => (s.failoverCapacity ? [s.failoverCapacity.unit] : [])));
  if (!alwaysOn && units.length === 1) {
    const state = services.some((s) => s.state !== FleetState.COLD_STANDBY) ? FleetState.ACTIVE : FleetState.COLD_STANDBY;
    const merged = planCodecServer(id, region, namespaces, state, request);
    return [{ ...merged, failoverCapacity: componentFailoverCapacity(units[0], merged.settings) }];
  }
  const active = alwaysOn || units.length > 1;
  return [planCodecServer(id, region, namespaces, active ? FleetState.ACTIVE : FleetState.COLD_STANDBY, request)];
}

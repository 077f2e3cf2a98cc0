/** A pattern's contribution for one namespace, and how contributions merge into one plan (sharded deployments merge several). */
import { ComponentLoadBalancerType, FAILOVER_RECORD_DEFAULTS, resolveHealthAlarm } from '../components/failover-record';
import { plannedRegionalZone } from '../components/private-link';
import { ComponentRouting, FleetState, WorkerRuntime } from '../model';
import {
  DeploymentPlan, DeploymentRequest, PlannedFailoverRecord, PlannedFleet, PlannedFunction, PlannedNamespace, PlannedCodecServer, PlannedProxy,
  PlannedRegionalService, RegionPlan,
} from '../plan';
import { TEMPORAL_GRPC_PORT } from '../regions';
import { awsNamespaceRegions, defaultVpcCidr, fleetRegions, planCodecServer, planComponents, planFunctions, planReachability, planStarters, regionIdentity, Reachability, unique, uniqueBy } from './common';

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
  const fleets = planned.map((f, i) => (recordsOf.fleets[i] ? { ...f, privateRecords: f.viaProxy ? [] : recordsOf.fleets[i] } : f));
  const fns = functions.map((f, i) => (recordsOf.functions[i] ? { ...f, privateRecords: recordsOf.functions[i] } : f));
  return { namespace: ns, fleets, functions: fns, codecServers, proxies, reachability, failoverRecords, regionOrder };
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
): PlannedFailoverRecord {
  const alarmName = `${request.constructPath.split('/').pop()!.toLowerCase().replace(/[^a-z0-9-]/g, '-')}-${component}`;
  return {
    component,
    primaryRegion,
    secondaryRegion,
    privateZone: request.components.privateZone,
    healthCheck: request.components.privateZone ? 'cloudwatch-alarm' : 'http',
    recordName: `${component}.${request.failoverDomainName}`,
    ttlSeconds: FAILOVER_RECORD_DEFAULTS.ttlSeconds,
    alarmBaseName: alarmName,
    insufficientDataHealthStatus: FAILOVER_RECORD_DEFAULTS.healthCheck.insufficientDataHealthStatus,
    alarms: Object.fromEntries([primaryRegion, secondaryRegion]
      .map((region) => [region, resolveHealthAlarm({ name: alarmName, region, loadBalancerType: type })])),
  };
}

/** Merges contributions (one per namespace) into the plan, sharing each region's infrastructure. */
export function assemble(request: DeploymentRequest, contributions: Contribution[]): DeploymentPlan {
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
    // Shared codec servers are renamed `codec` by mergeServices: point their records at that id.
    failoverRecords: uniqueBy(contributions.flatMap((c) => c.failoverRecords.map((f) => {
      if (!f.component.endsWith('codec')) return f;
      const id = regions.find((r) => r.awsRegion === f.primaryRegion)?.codecServers.find((s) => s.namespaces.includes(c.namespace.qualifiedName))?.id;
      return id && id !== f.component
        ? planFailoverRecord(id, f.primaryRegion, f.secondaryRegion, ComponentLoadBalancerType.APPLICATION, request) : f;
    })), (f) => `${f.component}|${f.primaryRegion}|${f.secondaryRegion}`),
    componentRouting: request.components.routing,
    placements: request.placements,
    request,
  };
}

/** Several namespaces in one region share one codec server (it serves them all); its state is the most active one's. */
function mergeServices(services: PlannedCodecServer[], id: string, request: DeploymentRequest): PlannedCodecServer[] {
  if (services.length <= 1) return services;
  const active = services.some((s) => s.state !== FleetState.COLD_STANDBY);
  const namespaces = unique(services.flatMap((s) => s.namespaces));
  return [planCodecServer(id, services[0].awsRegion, namespaces, active ? FleetState.ACTIVE : FleetState.COLD_STANDBY, request)];
}

/** Planning steps every pattern shares; each pattern file states only what differs (where fleets run, in what state, on which endpoint). */
import { resolveCodecServer } from '../components/codec-server';
import { isUnresolved } from '../components/input';
import { resolveProxy } from '../components/proxy';
import { resolveServerlessFunction } from '../components/serverless-worker';
import { FleetSizing, resolveFleetService } from '../components/service';
import { namespaceEndpointHost, qualifiedNamespace, requiredTlsServerName, temporalHost, withPort } from '../endpoints';
import {
  AuthMethod, CrossRegionRouteKind, DeploymentPattern, EndpointKind, FleetRole, FleetState, NamespaceSpec, NetworkPath, PollerForwarding,
  WorkerRuntime,
} from '../model';
import {
  DeploymentRequest, PlannedFleet, PlannedFunction, PlannedNamespace, PlannedCodecServer, PlannedProxy, PlannedRoute, PlannedZoneRecord,
} from '../plan';
import { allRegions, findRegion, isOtherCloud, normalizeAwsRegion, REGIONAL_ENDPOINT_ZONE, regionalEndpointHost } from '../regions';

/** The documented endpoint each pattern's Workers use unless told otherwise (https://docs.temporal.io/cloud/high-availability/architecture-patterns). */
export const DEFAULT_ENDPOINT: Record<DeploymentPattern, EndpointKind> = {
  [DeploymentPattern.SINGLE_REGION]: EndpointKind.NAMESPACE,
  [DeploymentPattern.ACTIVE_COLD]: EndpointKind.NAMESPACE,
  [DeploymentPattern.ACTIVE_HOT]: EndpointKind.REGIONAL,
  [DeploymentPattern.ACTIVE_ACTIVE]: EndpointKind.NAMESPACE,
};

/** Builds the plan's view of a declared namespace. */
export function planNamespace(
  spec: NamespaceSpec | undefined, pattern: DeploymentPattern, auth: AuthMethod,
  declaredAt: string, propPath: string, shard?: string, standbyRegion?: string,
): PlannedNamespace {
  // Props may come from untyped code (JavaScript, context values): plan with what is there, and let
  // the rules name what is missing (TEMPORAL_REQUIRED_PROP).
  const text = (v: unknown): string => (typeof v === 'string' ? v : '');
  spec = { ...spec, name: text(spec?.name), accountId: text(spec?.accountId), primaryRegion: text(spec?.primaryRegion) };
  const replica = typeof spec.replicaRegion === 'string' ? spec.replicaRegion : undefined;
  return {
    name: spec.name,
    accountId: spec.accountId,
    qualifiedName: qualifiedNamespace(spec),
    endpointHost: namespaceEndpointHost(spec),
    primaryRegion: normalizeAwsRegion(spec.primaryRegion),
    replicaRegion: replica === undefined ? undefined : normalizeAwsRegion(replica),
    pollerForwarding: spec.pollerForwarding ?? PollerForwarding.ENABLED,
    pollerForwardingDeclared: spec.pollerForwarding !== undefined,
    standbyRegion: typeof standbyRegion === 'string' ? normalizeAwsRegion(standbyRegion) : undefined,
    auth,
    pattern,
    shard,
    declaredAt,
    propPath,
  };
}

/**
 * The namespace's regions: primary, then replica (when distinct: a same-region replica is another cell of the
 * primary region, so one region's fleets serve both). A region may be on another cloud (`gcp-us-central1`).
 */
export function namespaceRegions(ns: PlannedNamespace): string[] {
  return ns.replicaRegion && ns.replicaRegion !== ns.primaryRegion ? [ns.primaryRegion, ns.replicaRegion] : [ns.primaryRegion];
}

/**
 * The namespace's regions on AWS, where this library can deploy (a region on another cloud is reached over the Namespace
 * Endpoint). A region left out or unknown at synth places nothing: TEMPORAL_REQUIRED_PROP / TEMPORAL_KNOWN_AT_SYNTH report it.
 */
export function awsNamespaceRegions(ns: PlannedNamespace): string[] {
  return namespaceRegions(ns).filter(isAwsFleetRegion);
}

/** A region a fleet can be planned in: set, known at synth and on AWS (whether the catalog knows it is TEMPORAL_REGION_UNKNOWN's). */
export function isAwsFleetRegion(region: string | undefined): region is string {
  return region !== undefined && region !== '' && !isUnresolved(region) && !isOtherCloud(region);
}

/**
 * Where a two-region pattern's fleets run, on AWS: the primary region (unless it is on another cloud) and the
 * standby's: the replica region, or `standbyRegion` when the replica is on another cloud (none for a same-region
 * replica: the primary region's fleet follows a failover between its cells on the Namespace Endpoint).
 */
export function fleetRegions(ns: PlannedNamespace): { primary?: string; standby?: string } {
  const primary = isAwsFleetRegion(ns.primaryRegion) ? ns.primaryRegion : undefined;
  const replica = ns.replicaRegion;
  const standby = replica !== undefined && isOtherCloud(replica) ? ns.standbyRegion : replica;
  return { primary, standby: isAwsFleetRegion(standby) && standby !== primary ? standby : undefined };
}

/** Plans one fleet: what it dials and with which TLS server name. */
export function planFleet(opts: {
  readonly ns: PlannedNamespace;
  readonly awsRegion: string;
  readonly role: FleetRole;
  readonly state: FleetState;
  readonly endpoint: EndpointKind;
  /** For a Regional Endpoint: the region whose endpoint is dialed (default: the fleet's own). */
  readonly endpointRegion?: string;
  readonly request: DeploymentRequest;
  readonly propPath: string;
  /** Whether the fleet dials its region's proxy (default: whenever a proxy is requested). */
  readonly viaProxy?: boolean;
}): PlannedFleet {
  const { ns, request } = opts;
  const host = temporalHost(ns, opts.endpoint, opts.endpointRegion ?? opts.awsRegion);
  const viaProxy = opts.viaProxy ?? request.components.proxy;
  const derived = requiredTlsServerName({ auth: ns.auth, namespaceHost: ns.endpointHost, upstreamHost: host, viaProxy });
  const prefix = ns.shard ? `${ns.shard}-` : '';
  const runtime = opts.role === FleetRole.WORKER ? request.runtime : WorkerRuntime.FARGATE;
  const inputs = request.fleetInputs?.[ns.qualifiedName];
  const sizing = fleetSizing(ns, request, opts.role);
  const service = runtime === WorkerRuntime.FARGATE ? resolveFleetService(sizing, opts.state) : undefined;
  const role = opts.role === FleetRole.WORKER ? 'workers' : 'starters';
  return {
    id: `${prefix}${role}`,
    role: opts.role,
    awsRegion: opts.awsRegion,
    namespace: ns.qualifiedName,
    shard: ns.shard,
    state: opts.state,
    runtime,
    endpoint: opts.endpoint,
    temporalAddress: withPort(host),
    viaProxy,
    tlsServerName: request.tlsServerName ?? derived,
    networkPath: request.networkPath,
    propPath: opts.propPath,
    auth: ns.auth,
    environment: service?.environment ?? {},
    service,
    optionsPath: inputs?.propPrefix ? `${inputs.propPrefix}.${role}` : role,
    configKey: ns.qualifiedName,
    proxyId: viaProxy ? `${prefix}proxy` : undefined,
  };
}

/** The sizing a fleet of `ns` in `role` was given (starters: the Workers' unless their own). */
export function fleetSizing(ns: PlannedNamespace, request: DeploymentRequest, role: FleetRole): FleetSizing | undefined {
  const inputs = request.fleetInputs?.[ns.qualifiedName];
  return role === FleetRole.STARTER ? inputs?.starters ?? inputs?.workers : inputs?.workers;
}

/**
 * The AWS regions a namespace's Worker side can be active in (its failover unit's regions): the two-region pair of `fleetRegions` (primary first),
 * when the pattern runs Workers (or places components for serverless Workers) in both; none otherwise (no failover unit).
 */
export function failoverRegions(ns: PlannedNamespace, workerRegions: string[]): string[] {
  const { primary, standby } = fleetRegions(ns);
  return primary && standby && workerRegions.includes(primary) && workerRegions.includes(standby) ? [primary, standby] : [];
}

/** A Worker fleet of `ns` in `awsRegion`, as a pattern places it. */
export function planWorkers(
  ns: PlannedNamespace, request: DeploymentRequest, awsRegion: string, state: FleetState, endpoint: EndpointKind, propPath = 'endpoint',
): PlannedFleet {
  return planFleet({ ns, awsRegion, role: FleetRole.WORKER, state, endpoint, request, propPath });
}

/** Workflow starters follow the Workers' regions and states, on the Namespace Endpoint unless pinned. */
export function planStarters(ns: PlannedNamespace, workerFleets: PlannedFleet[], request: DeploymentRequest): PlannedFleet[] {
  if (!request.starters) return [];
  // A pin unknown at synth is TEMPORAL_KNOWN_AT_SYNTH's: plan the starters unpinned rather than on a garbled address.
  const pin = request.starterPinnedRegion;
  const pinned = typeof pin === 'string' && pin !== '' && !isUnresolved(pin) ? normalizeAwsRegion(pin) : undefined;
  const endpoint = pinned ? EndpointKind.REGIONAL : EndpointKind.NAMESPACE;
  return workerFleets.map((w) => planFleet({
    // The region's proxy dials the Workers' address: starters go through it only when they need the same one.
    viaProxy: request.components.proxy && withPort(temporalHost(ns, endpoint, pinned ?? w.awsRegion)) === w.temporalAddress,
    ns,
    awsRegion: w.awsRegion,
    role: FleetRole.STARTER,
    // Starters in a Hot standby region can start Workflows (starts are always forwarded): run them.
    state: w.state === FleetState.COLD_STANDBY ? FleetState.COLD_STANDBY : FleetState.ACTIVE,
    endpoint,
    endpointRegion: pinned,
    request,
    propPath: pinned ? 'starters.pinnedRegion' : 'starters',
  }));
}

/** Serverless Worker functions: one per namespace region, under the Build ID declared for it. */
export function planFunctions(ns: PlannedNamespace, request: DeploymentRequest): PlannedFunction[] {
  if (request.runtime !== WorkerRuntime.LAMBDA) return [];
  const buildIds = request.serverless?.buildIds ?? {};
  const fallback = Object.values(buildIds)[0] ?? '';
  const address = withPort(ns.endpointHost);
  return awsNamespaceRegions(ns).map((awsRegion) => {
    const buildId = buildIds[awsRegion] ?? fallback;
    return {
      awsRegion,
      namespace: ns.qualifiedName,
      buildId,
      temporalAddress: address,
      propPath: 'serverless.buildId',
      settings: resolveServerlessFunction({
        ...request.serverless?.function, externalId: request.serverless?.externalId ?? '', buildId, namespace: ns.qualifiedName, address,
      }),
    };
  });
}

/** What one region's worker VPC must reach over PrivateLink, per the endpoints its fleets dial. */
export interface Reachability {
  readonly zoneRecords: PlannedZoneRecord[];
  readonly routes: PlannedRoute[];
  /** Regions that need a Temporal VPC endpoint. */
  readonly endpointRegions: string[];
  /** The record names each dialer resolves (same order as the dialers), and each function region's; empty off PrivateLink. */
  readonly recordsOf: { readonly fleets: string[][]; readonly functions: string[][] };
}

/**
 * Under PrivateLink, a fleet on the Namespace Endpoint resolves (through Temporal's public CNAME) to the Regional Endpoint of whichever region is
 * active, so its VPC needs a record and a route for every namespace region. A fleet on a Regional Endpoint needs only that region's endpoint. A
 * single-region namespace instead overrides its own Namespace Endpoint in a private zone.
 */
export function planReachability(
  ns: PlannedNamespace, fleets: PlannedFleet[], functionsRegions: string[], request: DeploymentRequest,
  routeReason: (from: string, to: string) => string,
): Reachability {
  const zoneRecords: PlannedZoneRecord[] = [];
  const routes: PlannedRoute[] = [];
  const endpointRegions = new Set<string>();
  if (request.networkPath !== NetworkPath.PRIVATE_LINK) return { zoneRecords, routes, endpointRegions: [], recordsOf: { fleets: [], functions: [] } };
  // A region on another cloud has no AWS PrivateLink service: no record or route to it (TEMPORAL_OTHER_CLOUD_PRIVATELINK reports it).
  // A same-region replica is another cell behind the same regional name and PrivateLink service (one record; unverified in public
  // docs, which list same-region replication per region: https://docs.temporal.io/cloud/regions).
  const nsRegions = awsNamespaceRegions(ns);
  const single = ns.replicaRegion === undefined;
  const addTarget = (from: string, to: string): string => {
    endpointRegions.add(to);
    const name = single ? ns.endpointHost : regionalEndpointHost(to);
    zoneRecords.push({ vpcRegion: from, zone: single ? ns.endpointHost : REGIONAL_ENDPOINT_ZONE, name, targetRegion: to });
    if (from !== to && request.crossRegionRoute !== 'none') {
      const kind = request.crossRegionRoute ?? CrossRegionRouteKind.VPC_PEERING;
      routes.push({ fromRegion: from, toRegion: to, kind, reason: routeReason(from, to) });
    }
    return name;
  };
  const reach = (from: string, endpoint: EndpointKind, temporalAddress: string): string[] => {
    if (endpoint === EndpointKind.NAMESPACE) return unique(nsRegions.map((to) => addTarget(from, to)));
    const to = nsRegions.find((r) => temporalAddress.startsWith(`${regionalEndpointHost(r)}:`)) ?? regionFromAddress(temporalAddress) ?? from;
    return [addTarget(from, to)];
  };
  const recordsOf = {
    fleets: fleets.map((f) => reach(f.awsRegion, f.endpoint, f.temporalAddress)),
    functions: functionsRegions.map((r) => reach(r, EndpointKind.NAMESPACE, withPort(ns.endpointHost))),
  };
  return { zoneRecords: uniqueBy(zoneRecords), routes: uniqueBy(routes), endpointRegions: [...endpointRegions], recordsOf };
}

function regionFromAddress(address: string): string | undefined {
  return /^aws-([a-z0-9-]+)\.region\.tmprl\.cloud:/.exec(address)?.[1];
}

/** The distinct items, first occurrence first. */
export function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** The items with distinct keys (by default, their JSON), first occurrence first. */
export function uniqueBy<T>(xs: T[], key: (x: T) => string = (x) => JSON.stringify(x)): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = key(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Codec servers and proxies, one per region where the given fleets run, in the fleets' state. */
export function planComponents(ns: PlannedNamespace, workerFleets: PlannedFleet[], request: DeploymentRequest): {
  codecServers: PlannedCodecServer[]; proxies: PlannedProxy[];
} {
  const codecServers: PlannedCodecServer[] = [];
  const proxies: PlannedProxy[] = [];
  const prefix = ns.shard ? `${ns.shard}-` : '';
  for (const f of workerFleets) {
    // Hot standby fleets need their components running; cold ones get components at zero tasks.
    const state = f.state === FleetState.COLD_STANDBY ? FleetState.COLD_STANDBY : FleetState.ACTIVE;
    if (request.components.codecServer) {
      codecServers.push(planCodecServer(`${prefix}codec`, f.awsRegion, [ns.qualifiedName], state, request));
    }
    if (request.components.proxy) {
      proxies.push({
        id: `${prefix}proxy`,
        awsRegion: f.awsRegion,
        namespaces: [ns.qualifiedName],
        state,
        upstreamAddress: f.temporalAddress,
        settings: resolveProxy(request.components.proxyInput, f.temporalAddress, state),
      });
    }
  }
  return { codecServers, proxies };
}

/** A codec server serving `namespaces` in a region, in a state. */
export function planCodecServer(
  id: string, awsRegion: string, namespaces: string[], state: FleetState, request: DeploymentRequest,
): PlannedCodecServer {
  return { id, awsRegion, namespaces, state, settings: resolveCodecServer(request.components.codecServerInput, awsRegion, state) };
}

/**
 * The CIDR the construct gives a VPC it creates in a region: distinct per catalog region so that
 * created VPCs can always be peered. Unknown regions get a CIDR from the same scheme by position.
 */
export function defaultVpcCidr(awsRegion: string): string {
  const index = allRegions().findIndex((r) => r.awsRegion === normalizeAwsRegion(awsRegion));
  const n = index >= 0 ? index : allRegions().length + (hash(awsRegion) % 8);
  return `10.${(n * 8) % 256}.0.0/16`;
}

function hash(s: string): number {
  let h = 0;
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) % 1_000_003;
  return h;
}

/** `aws-<region>`, and whether the catalog knows the region. */
export function regionIdentity(awsRegion: string): { regionId: string; known: boolean; serviceName?: string } {
  const info = findRegion(awsRegion);
  return { regionId: `aws-${normalizeAwsRegion(awsRegion)}`, known: info !== undefined, serviceName: info?.privateLinkServiceName };
}

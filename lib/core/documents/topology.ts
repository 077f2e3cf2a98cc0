/**
 * The deployment's topology as a Mermaid `architecture-beta` diagram (https://mermaid.js.org/syntax/architecture.html): a group per AWS region (its
 * worker VPC nested in it) with the fleets, serverless Worker functions, codec servers, proxies, PrivateLink endpoint, private zone records, failover
 * state parameter and runbooks; Temporal Cloud's endpoints the fleets dial; the routes between regions; the failover names. Ids are derived from
 * the plan (deterministic, letters, digits and underscores); labels are written so that the grammar's `[...]` title token always ends where it should.
 */
import { MAIN_FAILOVER_UNIT } from '../components/failover-state';
import { withPort } from '../endpoints';
import { FleetRole } from '../model';
import type { DeploymentPlan, FailoverCapacity, PlannedFleet, PlannedRegionalService, RegionPlan } from '../plan';
import { regionalEndpointHost } from '../regions';

/** Ids the diagram has handed out, by the key they were made from (two keys that sanitize alike get `_2`, `_3`). */
class Ids {
  private readonly byKey = new Map<string, string>();
  private readonly taken = new Set<string>();

  /** The Mermaid id of `parts` (prefix first): lower case letters, digits and single underscores. */
  of(...parts: string[]): string {
    const key = parts.join('\u0000');
    const known = this.byKey.get(key);
    if (known) return known;
    const base = parts.join('_').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'node';
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}_${n}`;
    this.byKey.set(key, id);
    this.taken.add(id);
    return id;
  }
}

/** A title for the grammar's `[...]` token: no brackets (they would end it), no line breaks, never empty. */
export function mermaidLabel(text: string): string {
  const clean = text.replace(/\[/g, '(').replace(/\]/g, ')').replace(/[\r\n]+/g, ' ').replace(/\s+/g, ' ').trim();
  return `[${clean || '-'}]`;
}

/** Lines of the diagram, built in order: groups before what is in them, services before the edges between them. */
class Diagram {
  readonly ids = new Ids();
  private readonly lines: string[] = [];
  /** Edges, written after every service: [from, to, line]. One whose end was never declared (a region without that service) is left out. */
  private readonly edges: Array<[string, string, string]> = [];
  private readonly services = new Set<string>();
  /** The first service placed in each group (a route between VPCs is drawn from one group's service to the other's). */
  private readonly firstInGroup = new Map<string, string>();

  constructor(title: string) {
    this.lines.push('architecture-beta', `  title ${title.replace(/[\r\n]+/g, ' ')}`);
  }

  group(id: string, icon: string, label: string, parent?: string): string {
    this.lines.push(`  group ${id}(${icon})${mermaidLabel(label)}${parent ? ` in ${parent}` : ''}`);
    return id;
  }

  service(id: string, icon: string, label: string, group?: string): string {
    this.lines.push(`  service ${id}(${icon})${mermaidLabel(label)}${group ? ` in ${group}` : ''}`);
    this.services.add(id);
    if (group && !this.firstInGroup.has(group)) this.firstInGroup.set(group, id);
    return id;
  }

  /** `from` -> `to`, from `from`'s right side to `to`'s left side, with a title. */
  edge(from: string, to: string, title: string, arrow = true): void {
    this.edges.push([from, to, `  ${from}:R -${mermaidLabel(title)}-${arrow ? '>' : ''} L:${to}`]);
  }

  /** An edge between the groups of two services (`{group}`: it attaches to the group's border). */
  groupEdge(fromGroup: string, toGroup: string, title: string): void {
    const from = this.firstInGroup.get(fromGroup);
    const to = this.firstInGroup.get(toGroup);
    if (from && to) this.edges.push([from, to, `  ${from}{group}:B -${mermaidLabel(title)}- T:${to}{group}`]);
  }

  text(): string {
    const edges = this.edges.filter(([from, to]) => this.services.has(from) && this.services.has(to)).map(([, , line]) => line);
    return `${[...this.lines, ...edges].join('\n')}\n`;
  }
}

/** The task counts of a service that follows the failover state. */
function counts(c: FailoverCapacity, awsRegion: string): string {
  const unit = c.unit === MAIN_FAILOVER_UNIT ? '' : ` for ${c.unit}`;
  return `${c.whenActive.desiredCount} tasks while ${awsRegion} is active${unit}, ${c.whenStandby.desiredCount} on standby`;
}

function fleetLabel(f: PlannedFleet): string {
  const what = f.role === FleetRole.WORKER ? 'Workers' : 'Workflow starters';
  const s = f.service;
  const size = f.failoverCapacity ? counts(f.failoverCapacity, f.awsRegion)
    : s ? `${s.desiredCount} tasks${s.scaling ? ` (min ${s.scaling.minCapacity}, max ${s.scaling.maxCapacity})` : ''}` : f.runtime;
  const cpu = s ? `, ${s.cpu / 1024} vCPU ${s.memoryLimitMiB} MiB` : '';
  return `${what} (${f.id}) of ${f.namespace}: ${f.state}, ${size}${cpu}`;
}

function componentLabel(kind: string, c: PlannedRegionalService & { readonly settings: { readonly desiredCount: number } }): string {
  const size = c.failoverCapacity ? counts(c.failoverCapacity, c.awsRegion) : `${c.settings.desiredCount} tasks`;
  return `${kind} ${c.id}: ${c.state}, ${size}`;
}

/** The Temporal Cloud endpoints, outside the regions: each namespace's Namespace Endpoint and the Regional Endpoints dialed or pointed to. */
function temporalCloud(d: Diagram, plan: DeploymentPlan): (address: string) => string {
  const group = d.group(d.ids.of('temporal', 'cloud'), 'cloud', 'Temporal Cloud');
  const byAddress = new Map<string, string>();
  const node = (address: string): string => {
    const known = byAddress.get(address);
    if (known) return known;
    const host = address.replace(/:\d+$/, '');
    const ns = plan.namespaces.find((n) => n.endpointHost === host);
    const id = d.service(d.ids.of('endpoint', host), 'internet',
      ns ? `Namespace Endpoint ${address} (${ns.qualifiedName}: CNAME to the active region)` : `Regional Endpoint ${address}`, group);
    byAddress.set(address, id);
    return id;
  };
  for (const ns of plan.namespaces) {
    const endpoint = node(withPort(ns.endpointHost));
    for (const nsRegion of [ns.primaryRegion, ns.replicaRegion].filter((r): r is string => r !== undefined)) {
      const regional = node(withPort(regionalEndpointHost(nsRegion)));
      d.edge(endpoint, regional, nsRegion === ns.primaryRegion ? 'CNAME while primary is active' : 'CNAME after failover');
    }
  }
  for (const address of allDialed(plan)) node(address);
  return node;
}

function allDialed(plan: DeploymentPlan): string[] {
  return [...new Set(plan.regions.flatMap((r) => [
    ...r.fleets.filter((f) => !f.viaProxy).map((f) => f.temporalAddress),
    ...r.proxies.map((p) => p.upstreamAddress),
    ...r.functions.map((fn) => fn.temporalAddress),
  ]))];
}

/** One region: its group, VPC, services and private DNS; returns the VPC group's id (undefined without a VPC). */
function regionGroup(d: Diagram, plan: DeploymentPlan, r: RegionPlan, dial: (address: string) => string): string | undefined {
  const g = d.group(d.ids.of('aws', r.awsRegion), 'cloud', `AWS ${r.awsRegion} (${r.regionId})`);
  const placement = plan.placements.find((p) => p.awsRegion === r.awsRegion);
  const vpc = r.needsVpc
    ? d.group(d.ids.of('vpc', r.awsRegion), 'cloud', `Worker VPC ${placement?.suppliedVpc ? `(supplied${placement.vpcCidr ? `, ${placement.vpcCidr}` : ''})` : r.defaultVpcCidr}`, g)
    : undefined;
  const vpce = r.privateLinkEndpoint
    ? d.service(d.ids.of('vpce', r.awsRegion), 'internet',
      `PrivateLink endpoint ${r.privateLinkEndpoint.serviceName ?? '(region unknown to the catalog)'} port ${r.privateLinkEndpoint.port}`, vpc ?? g)
    : undefined;
  const proxies = new Map(r.proxies.map((p) => {
    const id = d.service(d.ids.of('proxy', r.awsRegion, p.id), 'server', componentLabel('Proxy', p), vpc ?? g);
    d.edge(id, dial(p.upstreamAddress), 'upstream');
    return [p.id, id] as const;
  }));
  for (const c of r.codecServers) d.service(d.ids.of('codec', r.awsRegion, c.id), 'server', componentLabel('Codec server', c), vpc ?? g);
  for (const f of r.fleets) {
    const id = d.service(d.ids.of('fleet', r.awsRegion, f.id), 'server', fleetLabel(f), vpc ?? g);
    const proxy = f.viaProxy && f.proxyId ? proxies.get(f.proxyId) : undefined;
    if (proxy) d.edge(id, proxy, `dials ${f.temporalAddress} through the proxy`);
    else d.edge(id, dial(f.temporalAddress), `dials (${f.endpoint} endpoint, ${f.networkPath})`);
  }
  for (const fn of r.functions) {
    const id = d.service(d.ids.of('function', r.awsRegion, fn.namespace), 'server',
      `Serverless Workers of ${fn.namespace} (Lambda, Build ID ${fn.buildId})`, fn.privateRecords !== undefined && vpc ? vpc : g);
    d.edge(id, dial(fn.temporalAddress), `Temporal Cloud invokes; dials ${fn.privateRecords !== undefined ? 'over PrivateLink' : 'over the internet'}`);
  }
  privateDns(d, r, vpc ?? g, vpce);
  failoverState(d, plan, r, g);
  return vpc;
}

/** The private zones of the worker VPC and their records, each pointing at the VPC endpoint of its target region. */
function privateDns(d: Diagram, r: RegionPlan, group: string, vpce: string | undefined): void {
  const zones = new Map<string, string>();
  for (const rec of r.zoneRecords) {
    const zone = zones.get(rec.zone) ?? d.service(d.ids.of('zone', r.awsRegion, rec.zone), 'database',
      `Private zone ${rec.zone}${rec.zone === r.privateZone?.name ? ` (${r.privateZone.source})` : ''}`, group);
    zones.set(rec.zone, zone);
    const id = d.service(d.ids.of('record', r.awsRegion, rec.name), 'disk', `Record ${rec.name} to the ${rec.targetRegion} VPC endpoint`, group);
    d.edge(zone, id, 'holds', false);
    const target = rec.targetRegion === r.awsRegion ? vpce : d.ids.of('vpce', rec.targetRegion);
    if (target) d.edge(id, target, 'CNAME');
  }
}

/** The failover state parameter and runbooks of each unit with a runbook in this region. */
function failoverState(d: Diagram, plan: DeploymentPlan, r: RegionPlan, group: string): void {
  for (const unit of plan.failover?.units ?? []) {
    const runbook = unit.runbooks.find((b) => b.awsRegion === r.awsRegion);
    if (!runbook) continue;
    const state = d.service(d.ids.of('state', r.awsRegion, unit.id), 'disk',
      `State parameter ${unit.parameterName} (declared active: ${unit.declaredActiveRegion})`, group);
    const doc = d.service(d.ids.of('runbook', r.awsRegion, unit.id), 'disk',
      `Runbooks ${runbook.activateDocumentName} and ${runbook.standbyDocumentName} (role ${runbook.roleName})`, group);
    d.edge(doc, state, `writes ${r.awsRegion}`);
  }
}

/** The failover names: each record's PRIMARY and SECONDARY component. */
function failoverNames(d: Diagram, plan: DeploymentPlan): void {
  if (plan.failoverRecords.length === 0) return;
  const g = d.group(d.ids.of('failover', 'names'), 'cloud', `Failover names (${plan.request.failoverDomainName})`);
  for (const rec of plan.failoverRecords) {
    const gate = rec.gate ? `, gated by the state of ${rec.gate.unit}` : '';
    const id = d.service(d.ids.of('name', rec.recordName), 'internet',
      `${rec.recordName}: PRIMARY ${rec.primaryRegion}, SECONDARY ${rec.secondaryRegion}, TTL ${rec.ttlSeconds} s${gate}`, g);
    const kind = rec.component === 'proxy' ? 'proxy' : 'codec';
    d.edge(id, d.ids.of(kind, rec.primaryRegion, rec.primaryComponentId), 'PRIMARY');
    d.edge(id, d.ids.of(kind, rec.secondaryRegion, rec.secondaryComponentId), 'SECONDARY');
  }
}

/** Routes between worker VPCs, once per pair and kind. */
function routes(d: Diagram, plan: DeploymentPlan, vpcs: Map<string, string | undefined>): void {
  const drawn = new Set<string>();
  for (const route of plan.regions.flatMap((r) => r.routes)) {
    const key = [...[route.fromRegion, route.toRegion].sort(), route.kind].join(' ');
    const from = vpcs.get(route.fromRegion);
    const to = vpcs.get(route.toRegion);
    if (drawn.has(key) || !from || !to) continue;
    drawn.add(key);
    d.groupEdge(from, to, `${route.kind} route ${route.fromRegion} - ${route.toRegion}`);
  }
}

/** The deployment's topology as a Mermaid `architecture-beta` diagram. */
export function renderTopology(plan: DeploymentPlan): string {
  const d = new Diagram(`${plan.constructKind} ${plan.constructPath} (${plan.pattern})`);
  const dial = temporalCloud(d, plan);
  const vpcs = new Map(plan.regions.map((r) => [r.awsRegion, regionGroup(d, plan, r, dial)] as const));
  failoverNames(d, plan);
  routes(d, plan, vpcs);
  return d.text();
}

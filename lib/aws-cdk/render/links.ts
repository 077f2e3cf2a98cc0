/**
 * Cross-region wiring, rendered after every region's own stack: VPC peering (or Transit Gateway routes) between worker VPCs, ingress on each Temporal
 * VPC endpoint for the other regions' CIDRs, other regions' endpoint records in each VPC's shared `region.tmprl.cloud` zone, and the fleets that
 * resolve those records (they must not start before them). Everything that references another region lives in a per-region "links" stack, so the
 * regional stacks never depend on each other (Active/Cold and Active/Active need routes both ways, which would otherwise be a dependency cycle).
 * Links stacks read other regions' values with weak cross-stack references (CloudFormation `Fn::GetStackOutput`), so no custom resources are
 * needed. What several deployments share on one VPC (a peering, an endpoint's ingress rule, a record) is written once app-wide
 * (lib/core/components/private-zone-registry.ts).
 */
import { CrossStackReferences, Duration, ReferenceStrength, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';
import { StateValue } from './failover-state';
import { emitRemoteRecords, recordsOf } from './private-dns';
import { RenderedRegion } from './region';
import { CrossRegionRouteKind, DeploymentPlan, TEMPORAL_GRPC_PORT } from '../../core';
import { FAILOVER_GATE_CLOSED, FAILOVER_GATE_OPEN } from '../../core/components/failover-state';
import { byRegion } from '../../core/components/input';
import { SharedKind, SharedPrivateLink } from '../../core/components/private-zone-registry';
import { TemporalPeerRoutes, TemporalVpcPeering } from '../blocks/cross-region-route';
import { TemporalComponentHealthAlarm, TemporalFailoverRecord } from '../blocks/failover-record';

export interface RenderLinksInput {
  readonly plan: DeploymentPlan;
  readonly rendered: Map<string, RenderedRegion>;
  /** Creates (or returns) the links stack of a region. */
  readonly linksStack: (awsRegion: string) => Stack;
  /** The IPv4 CIDR of a region's worker VPC (literal when the construct created the VPC). */
  readonly cidrOf: (awsRegion: string) => string;
  /** Values that follow the live failover state (the failover names' gates). */
  readonly state: StateValue;
}

/** What every phase of the links reads: the plan, the rendered regions and the links stack of a region. */
interface Links {
  readonly plan: DeploymentPlan;
  readonly input: RenderLinksInput;
  /** The `Temporal` scope in a region's links stack (created on first use). */
  readonly linksOf: (awsRegion: string) => Construct;
  /**
   * A rendered region with its VPC. Every region a route, record or failover name touches has one (the planner puts a VPC
   * wherever fleets, components or an endpoint are): the links only read what the regions rendered.
   */
  readonly get: (awsRegion: string) => RenderedRegion & { vpc: ec2.IVpc };
}

/** Emits the links of a plan, phase by phase; returns the links stacks by region. */
export function renderLinks(input: RenderLinksInput): Map<string, Stack> {
  const stacks = new Map<string, Stack>();
  const links: Links = {
    plan: input.plan,
    input,
    linksOf: (awsRegion) => {
      if (!stacks.has(awsRegion)) stacks.set(awsRegion, input.linksStack(awsRegion));
      const stack = stacks.get(awsRegion)!;
      return stack.node.tryFindChild('Temporal') as Construct ?? new Construct(stack, 'Temporal');
    },
    get: (awsRegion) => input.rendered.get(awsRegion) as RenderedRegion & { vpc: ec2.IVpc },
  };
  emitConnections(links);
  emitEndpointIngress(links);
  emitLinkedZones(links);
  emitFleetsAfterRecords(links);
  emitFailoverNames(links);
  // Health checks name alarms instead of referencing them: order the links after every regional stack.
  for (const stack of stacks.values()) {
    for (const r of input.rendered.values()) {
      const baseStack = Stack.of(r.cluster ?? r.vpc ?? r.functions[0]);
      // A construct dependency between stacks becomes a stack dependency (Stack#addDependency is deprecated in current aws-cdk-lib).
      if (baseStack !== stack) stack.node.addDependency(baseStack);
    }
  }
  return stacks;
}

/** 1. One connection per pair of regions joined by any route; routes both ways (return traffic). */
function emitConnections({ plan, input, linksOf, get }: Links): void {
  const order = plan.regions.map((r) => r.awsRegion);
  const pairs = new Map<string, { a: string; b: string; kind: CrossRegionRouteKind }>();
  for (const route of plan.regions.flatMap((r) => r.routes)) {
    const [a, b] = [route.fromRegion, route.toRegion].sort((x, y) => order.indexOf(x) - order.indexOf(y));
    pairs.set(`${a}|${b}`, { a, b, kind: route.kind });
  }
  for (const { a, b, kind } of pairs.values()) {
    // Two VPCs are joined once app-wide (AWS refuses a second active peering of the same VPCs, and a second route to the same CIDR).
    if (!firstTime(get(a).vpc, 'connection', [get(a).vpc.vpcId, get(b).vpc.vpcId].sort().join('|'))) continue;
    if (kind === CrossRegionRouteKind.VPC_PEERING) {
      const peering = new TemporalVpcPeering(linksOf(a), `PeeringTo-${b}`, {
        vpc: get(a).vpc,
        vpcCidr: input.cidrOf(a),
        peerVpcId: get(b).vpc.vpcId,
        peerRegion: b,
        peerCidr: input.cidrOf(b),
        subnets: get(a).routeSubnets,
      });
      new TemporalPeerRoutes(linksOf(b), `PeeringFrom-${a}`, {
        vpc: get(b).vpc, destinationCidr: input.cidrOf(a), vpcPeeringConnectionId: peering.peeringConnectionId, subnets: get(b).routeSubnets,
      });
    } else if (kind === CrossRegionRouteKind.TRANSIT_GATEWAY) {
      for (const [from, to] of [[a, b], [b, a]]) {
        // A missing id is reported before rendering (TEMPORAL_CROSS_REGION_ROUTE_SETTINGS).
        const tgw = byRegion(plan.request.transitGatewayIds, from) ?? '';
        new TemporalPeerRoutes(linksOf(from), `TransitGatewayTo-${to}`, {
          vpc: get(from).vpc, destinationCidr: input.cidrOf(to), transitGatewayId: tgw, subnets: get(from).routeSubnets,
        });
      }
    }
  }
}

/** 2. Each Temporal VPC endpoint admits the regions that route to it (once per endpoint and CIDR app-wide: AWS refuses a duplicate rule). */
function emitEndpointIngress({ plan, input, linksOf, get }: Links): void {
  for (const route of plan.regions.flatMap((r) => r.routes)) {
    const endpoint = get(route.toRegion).privateLinkEndpoint;
    if (!endpoint || !firstTime(endpoint, 'ingress', `${endpoint.node.addr}|${input.cidrOf(route.fromRegion)}`)) continue;
    new ec2.CfnSecurityGroupIngress(linksOf(route.toRegion), `TemporalEndpointFrom-${route.fromRegion}`, {
      groupId: endpoint.securityGroup.securityGroupId,
      ipProtocol: 'tcp',
      fromPort: TEMPORAL_GRPC_PORT,
      toPort: TEMPORAL_GRPC_PORT,
      cidrIp: input.cidrOf(route.fromRegion),
      description: `Temporal gRPC from ${route.fromRegion} Workers (${route.reason})`,
    });
  }
}

/** 3. Other regions' endpoint records, in each worker VPC's shared region.tmprl.cloud zone (the zone and local records are with the VPC). */
function emitLinkedZones({ plan, linksOf, get }: Links): void {
  for (const region of plan.regions.filter((r) => r.zoneRecords.some((z) => z.targetRegion !== r.awsRegion))) {
    const rendered = get(region.awsRegion);
    if (rendered) emitRemoteRecords(region, rendered, () => linksOf(region.awsRegion), (r) => get(r)?.privateLinkEndpoint);
  }
}

/**
 * 4. Fleets that resolve another region's record wait for it: emitted here (with their outputs) when their region put them off, else (a shard's
 *    own stack) made to depend on the records.
 */
function emitFleetsAfterRecords({ plan, linksOf, get }: Links): void {
  for (const region of plan.regions) {
    const rendered = get(region.awsRegion);
    if (!rendered) continue;
    for (const { fleet, service } of rendered.awaitingRecords) service.service.node.addDependency(...recordsOf(rendered, fleet.privateRecords));
    for (const { emit } of rendered.deferredFleets) rendered.workerServices.push(emit(linksOf(region.awsRegion)));
  }
}

/**
 * 5. Failover names for codec servers and proxies: a health alarm per instance (in its own region's stack, named so that other regions can refer
 *    to it), and in each worker VPC of the pair a private zone holding the PRIMARY/SECONDARY records. A gated record's PRIMARY is open while its
 *    primary region is the unit's active region (read at deploy time), closed otherwise; the runbooks move the gates at failover.
 */
function emitFailoverNames({ plan, input, linksOf, get }: Links): void {
  const zones = new Map<string, route53.PrivateHostedZone>();
  const alarms = new Map<string, string>();
  const serviceOf = (awsRegion: string, component: string) => get(awsRegion).codecServers.get(component) ?? get(awsRegion).proxies.get(component);
  // One alarm per record and region, named after the record (as the plan says); an instance two records point at (a codec server shared in a
  // region) has one per record.
  const alarmFor = (awsRegion: string, instance: string, baseName: string): string => {
    const key = `${awsRegion}|${instance}|${baseName}`;
    if (!alarms.has(key)) {
      const service = serviceOf(awsRegion, instance)!;
      const id = service.service.node.tryFindChild('FailoverHealth') ? `FailoverHealth-${baseName}` : 'FailoverHealth';
      alarms.set(key, new TemporalComponentHealthAlarm(service.service, id, { name: baseName, targetGroup: service.targetGroup }).alarmName);
    }
    return alarms.get(key)!;
  };
  for (const record of plan.failoverRecords) {
    // The plan names the instance each side points at (a codec server shared in a region has its own id there).
    const target = (awsRegion: string, instance: string) => ({
      dnsName: serviceOf(awsRegion, instance)!.loadBalancer.loadBalancerDnsName,
      region: awsRegion,
      healthAlarmName: alarmFor(awsRegion, instance, record.alarmBaseName),
    });
    const primary = target(record.primaryRegion, record.primaryComponentId);
    const secondary = target(record.secondaryRegion, record.secondaryComponentId);
    for (const awsRegion of [record.primaryRegion, record.secondaryRegion]) {
      if (!zones.has(awsRegion)) {
        zones.set(awsRegion, new route53.PrivateHostedZone(linksOf(awsRegion), 'FailoverZone', {
          zoneName: plan.request.failoverDomainName, vpc: get(awsRegion).vpc, comment: `Failover names of ${plan.constructPath}'s codec servers and proxies`,
        }));
      }
      new TemporalFailoverRecord(linksOf(awsRegion), `Failover-${record.component}`, {
        zone: zones.get(awsRegion)!,
        recordName: record.component,
        primary,
        secondary,
        privateZone: record.privateZone,
        ttl: Duration.seconds(record.ttlSeconds),
        primaryGate: record.gate && {
          tag: record.gate.tag,
          healthThreshold: input.state(linksOf(awsRegion), record.gate.unit, record.primaryRegion, FAILOVER_GATE_OPEN, FAILOVER_GATE_CLOSED),
        },
      });
    }
  }
}

/** True the first time a shared thing is asked for in the app (then it is created), false afterwards (another deployment created it). */
function firstTime(scope: Construct, kind: SharedKind, key: string): boolean {
  const shared = SharedPrivateLink.of(scope);
  if (shared.has(kind, key)) return false;
  shared.once(kind, key, () => true);
  return true;
}

/** Links stacks read other stacks' values through weak references (`Fn::GetStackOutput`). */
export function makeLinksStack(scope: Construct, id: string,
  props: { stackName: string; region: string; account?: string; description: string }): Stack {
  const { stackName, region, account, description } = props;
  const stack = new Stack(scope, id, { stackName, env: { region, account }, description });
  CrossStackReferences.of(stack).consume(ReferenceStrength.WEAK);
  return stack;
}

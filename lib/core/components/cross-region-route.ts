/**
 * A cross-region route: how a worker VPC reaches another region's Temporal VPC endpoint. Temporal Cloud does not accept AWS native cross-region
 * interface endpoints, so the route is an inter-region VPC peering connection or a Transit Gateway, with routes both ways in the Workers' route
 * tables. The checks on its inputs and the names both engines give it. Sources: https://docs.temporal.io/cloud/high-availability/ha-connectivity and
 * https://docs.aws.amazon.com/vpc/latest/peering/create-vpc-peering-connection.html (no overlapping CIDRs).
 */
import { CrossRegionRouteKind } from '../model';
import { byRegion, InputChecker, InputHit, known, parseIpv4Cidr, show } from './input';
import { privateLinkIngressDescription } from './private-link';

/** Rule id of the checks on a route's inputs (its target, route tables, Transit Gateway ids). */
export const CROSS_REGION_ROUTE_SETTINGS_RULE = 'TEMPORAL_CROSS_REGION_ROUTE_SETTINGS';
/** Rule id of overlapping (or equal) CIDRs of two VPCs joined by a route. */
export const ROUTE_OVERLAPPING_CIDRS_RULE = 'TEMPORAL_ROUTE_OVERLAPPING_CIDRS';

/** One VPC at an end of a route, as the user named it. */
export interface RouteEnd {
  /** The VPC's IPv4 CIDR (undefined or a token: not checked). */
  readonly cidr?: string;
  /** The prop that gave it, e.g. `peerCidr` or `regions.us-east-1.vpc`. */
  readonly prop: string;
  /** How messages name the VPC: its AWS region, or a phrase. */
  readonly label: string;
}

/** Two VPCs joined by a route must not overlap: routes between them cannot be created. */
export function checkRouteCidrs(a: RouteEnd, b: RouteEnd, path?: string): InputHit[] {
  if (!known(a.cidr, b.cidr) || !cidrsOverlap(a.cidr!, b.cidr!)) return [];
  return [{
    ruleId: ROUTE_OVERLAPPING_CIDRS_RULE,
    prop: `${a.prop} / ${b.prop}`,
    value: `${show(a.cidr)} and ${show(b.cidr)}`,
    message: `the ${a.label} and ${b.label} VPCs overlap, so routes between them cannot be created and Workers could not reach the other region's Temporal endpoint.`,
    fix: 'give each region\'s VPC a distinct CIDR (the VPCs this library creates already have distinct ones).',
    path,
  }];
}

/** Whether two IPv4 CIDR blocks overlap (equal blocks do). Unparseable input is treated as not overlapping. */
export function cidrsOverlap(a: string, b: string): boolean {
  const pa = parseIpv4Cidr(a.trim());
  const pb = parseIpv4Cidr(b.trim());
  if (!pa || !pb) return false;
  // Two blocks overlap when they agree on the shorter prefix.
  const size = 2 ** (32 - Math.min(pa.bits, pb.bits));
  return Math.floor(pa.ip / size) === Math.floor(pb.ip / size);
}

/** Where a route sends its traffic: exactly one of a peering connection and a Transit Gateway. */
export interface RouteTarget {
  readonly vpcPeeringConnectionId?: string;
  readonly transitGatewayId?: string;
}

/** Checks that a route has exactly one target. */
export function checkRouteTarget(t: RouteTarget, path?: string): InputHit[] {
  const c = new InputChecker(CROSS_REGION_ROUTE_SETTINGS_RULE, '', path);
  const given = [t.vpcPeeringConnectionId, t.transitGatewayId].filter((x) => x !== undefined && x !== '').length;
  if (given !== 1) {
    c.add('vpcPeeringConnectionId / transitGatewayId', given === 0 ? undefined : `${t.vpcPeeringConnectionId} and ${t.transitGatewayId}`,
      `a route goes through exactly one of a VPC peering connection and a Transit Gateway (got ${given === 0 ? 'neither' : 'both'}).`,
      'set exactly one of vpcPeeringConnectionId and transitGatewayId.');
  }
  return c.hits;
}

/** Checks that the Workers' side of a route has route tables to add the route to. */
export function checkRouteTables(routeTableIds: readonly string[] | undefined, prop: string, path?: string): InputHit[] {
  const c = new InputChecker(CROSS_REGION_ROUTE_SETTINGS_RULE, '', path);
  if (!routeTableIds || routeTableIds.length === 0) {
    c.add(prop, routeTableIds, 'names no route table, so no route to the other region\'s VPC can be added and its Workers could not reach that region\'s Temporal VPC endpoint.',
      'give the route tables of the Workers\' private subnets.');
  }
  return c.hits;
}

/** The Transit Gateway id of a region, keyed `us-east-1` or `aws-us-east-1` (any case). */
export function transitGatewayIdOf(ids: { [awsRegion: string]: string } | undefined, awsRegion: string): string | undefined {
  const id = byRegion(ids, awsRegion);
  return id === '' ? undefined : id;
}

/** Checks that every region a Transit Gateway route joins has a Transit Gateway id (`ids`: the user's map, shown as the value). */
export function checkTransitGatewayIds(
  ids: { [awsRegion: string]: string } | undefined, awsRegions: readonly string[], prop: string, path?: string,
): InputHit[] {
  return [...new Set(awsRegions)].flatMap((region) => checkTransitGatewayId(transitGatewayIdOf(ids, region), region, prop, path, ids ?? {}));
}

/** Checks one region's Transit Gateway id. */
export function checkTransitGatewayId(id: string | undefined, awsRegion: string, prop: string, path?: string, shown: unknown = id): InputHit[] {
  const c = new InputChecker(CROSS_REGION_ROUTE_SETTINGS_RULE, '', path);
  if (id === undefined || id === '') {
    c.add(prop, shown, `has no Transit Gateway id for ${awsRegion}, so the routes between ${awsRegion}'s worker VPC and the other regions cannot be created.`,
      `give ${awsRegion} its Transit Gateway id: CrossRegionRoute.transitGateway({ '${awsRegion}': 'tgw-...', ... }) takes one per region (keys '${awsRegion}' or 'aws-${awsRegion}').`);
  }
  return c.hits;
}

/**
 * The names of a route from `fromRegion`'s worker VPC to `toRegion`'s Temporal VPC endpoint, the same in both engines: whom the ingress rule on
 * `toRegion`'s endpoint admits (what `allowFrom` takes), that rule's description, and the `Name` tag of the peering connection (peering only).
 */
export function routeNames(fromRegion: string, toRegion: string, kind: CrossRegionRouteKind) {
  const ingressSource = `Workers in ${fromRegion} (${kind})`;
  return {
    ingressSource,
    ingressDescription: privateLinkIngressDescription(ingressSource),
    peeringName: `temporal-${fromRegion}-to-${toRegion}`,
  };
}

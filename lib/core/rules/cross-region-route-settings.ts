import { checkTransitGatewayIds, CROSS_REGION_ROUTE_SETTINGS_RULE } from '../components/cross-region-route';
import { CrossRegionRouteKind, Severity } from '../model';
import { DOCS, Rule } from './rule';

/** The blocks check their own inputs (`checkRouteTarget`, `checkRouteTables`); on the plan, the Transit Gateway ids. */
export const CROSS_REGION_ROUTE_SETTINGS: Rule = {
  id: CROSS_REGION_ROUTE_SETTINGS_RULE,
  severity: Severity.ERROR,
  summary: 'A cross-region route has one target (peering or Transit Gateway), route tables to write to, and a Transit Gateway id for every region it joins.',
  source: { ...DOCS.ARCHITECTURE_PATTERNS, quote: 'If you use private connectivity, give the primary region\'s Workers a network route to the VPC Endpoint in the other region, so they can reach the active replica after a Namespace-only failover.' },
  check(plan) {
    const ids = plan.request.transitGatewayIds;
    if (ids === undefined) return [];
    const regions = plan.regions.flatMap((r) => r.routes)
      .filter((route) => route.kind === CrossRegionRouteKind.TRANSIT_GATEWAY)
      .flatMap((route) => [route.fromRegion, route.toRegion]);
    return checkTransitGatewayIds(ids, regions, 'privateLink.crossRegionRoute.transitGatewayIds');
  },
};

import { checkRouteCidrs, ROUTE_OVERLAPPING_CIDRS_RULE, RouteEnd } from '../components/cross-region-route';
import { CrossRegionRouteKind, Severity } from '../model';
import { DeploymentPlan } from '../plan';
import { DOCS, Rule, RuleHit } from './rule';

/** Peered VPCs cannot overlap (the check is `checkRouteCidrs`, which the route blocks also run). */
export const ROUTE_OVERLAPPING_CIDRS: Rule = {
  id: ROUTE_OVERLAPPING_CIDRS_RULE,
  severity: Severity.ERROR,
  summary: 'VPCs joined by a cross-region route have non-overlapping IPv4 CIDRs.',
  source: { ...DOCS.VPC_PEERING, quote: 'Ensure that the VPCs do not have overlapping IPv4 CIDR blocks. If they overlap, the status of the VPC peering connection immediately goes to failed.' },
  check(plan) {
    const hits: RuleHit[] = [];
    const done = new Set<string>();
    for (const route of plan.regions.flatMap((r) => r.routes)) {
      if (route.kind !== CrossRegionRouteKind.VPC_PEERING && route.kind !== CrossRegionRouteKind.TRANSIT_GATEWAY) continue;
      const key = [route.fromRegion, route.toRegion].sort().join('|');
      if (done.has(key)) continue;
      done.add(key);
      const a = cidrOf(plan, route.fromRegion);
      const b = cidrOf(plan, route.toRegion);
      if (a && b) hits.push(...checkRouteCidrs(a, b));
    }
    return hits;
  },
};

function cidrOf(plan: DeploymentPlan, region: string): RouteEnd | undefined {
  const placed = plan.placements.find((p) => p.awsRegion === region);
  if (placed?.suppliedVpc) return placed.vpcCidr ? { cidr: placed.vpcCidr, prop: `${placed.propPath}.vpc`, label: region } : undefined;
  const r = plan.regions.find((x) => x.awsRegion === region);
  return r ? { cidr: r.defaultVpcCidr, prop: `regions.${region}`, label: region } : undefined;
}

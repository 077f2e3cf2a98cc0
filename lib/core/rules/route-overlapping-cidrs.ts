import { CrossRegionRouteKind, Severity } from '../model';
import { DeploymentPlan } from '../plan';
import { FACTS, Rule, RuleHit } from './rule';

/** Peered VPCs cannot overlap. */
export const ROUTE_OVERLAPPING_CIDRS: Rule = {
  id: 'TEMPORAL_ROUTE_OVERLAPPING_CIDRS',
  severity: Severity.ERROR,
  summary: 'VPCs joined by a cross-region route have non-overlapping IPv4 CIDRs.',
  source: { doc: FACTS, quote: 'reach the other region\'s VPC Endpoint through VPC peering or Transit Gateway' },
  check(plan) {
    const hits: RuleHit[] = [];
    const done = new Set<string>();
    for (const r of plan.regions) {
      for (const route of r.routes) {
        if (route.kind !== CrossRegionRouteKind.VPC_PEERING && route.kind !== CrossRegionRouteKind.TRANSIT_GATEWAY) continue;
        const key = [route.fromRegion, route.toRegion].sort().join('|');
        if (done.has(key)) continue;
        done.add(key);
        const a = cidrOf(plan, route.fromRegion);
        const b = cidrOf(plan, route.toRegion);
        if (a && b && overlaps(a.cidr, b.cidr)) {
          hits.push({
            prop: `${a.prop} / ${b.prop}`,
            value: `'${a.cidr}' and '${b.cidr}'`,
            message: `the ${route.fromRegion} and ${route.toRegion} VPCs overlap, so routes between them cannot be created and Workers could not reach the other region's Temporal endpoint.`,
            fix: 'give each region\'s VPC a distinct CIDR (the VPCs this library creates already have distinct ones).',
          });
        }
      }
    }
    return hits;
  },
};

function cidrOf(plan: DeploymentPlan, region: string): { cidr: string; prop: string } | undefined {
  const placed = plan.placements.find((p) => p.awsRegion === region);
  if (placed?.suppliedVpc) return placed.vpcCidr ? { cidr: placed.vpcCidr, prop: `${placed.propPath}.vpc` } : undefined;
  const r = plan.regions.find((x) => x.awsRegion === region);
  return r ? { cidr: r.defaultVpcCidr, prop: `regions.${region}` } : undefined;
}

/** Whether two IPv4 CIDR blocks overlap. Unparseable input is treated as not overlapping. */
export function overlaps(a: string, b: string): boolean {
  const pa = parse(a);
  const pb = parse(b);
  if (!pa || !pb) return false;
  // Two blocks overlap when they agree on the shorter prefix.
  const size = 2 ** (32 - Math.min(pa.bits, pb.bits));
  return Math.floor(pa.ip / size) === Math.floor(pb.ip / size);
}

function parse(cidr: string): { ip: number; bits: number } | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr.trim());
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const bits = Number(m[5]);
  if (octets.some((x) => x > 255) || bits > 32) return undefined;
  return { ip: octets.reduce((acc, o) => acc * 256 + o, 0), bits };
}

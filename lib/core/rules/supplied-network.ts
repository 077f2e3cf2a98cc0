import { byRegion } from '../components/input';
import { CrossRegionRouteKind, Severity } from '../model';
import { DOCS, Rule, RuleHit } from './rule';

/** What the library builds into a supplied VPC must have somewhere to go; serverless code must exist in every namespace region. */
export const SUPPLIED_NETWORK: Rule = {
  id: 'TEMPORAL_SUPPLIED_NETWORK',
  severity: Severity.ERROR,
  summary: 'A supplied VPC names the pieces the deployment builds into (private route tables for routes, public subnets for an internet-facing codec server); serverless code exists in every namespace region.',
  source: { ...DOCS.ARCHITECTURE_PATTERNS, quote: 'If you use private connectivity, give the primary region\'s Workers a network route to the VPC Endpoint in the other region.' },
  check(plan) {
    const hits: RuleHit[] = [];
    const placement = (awsRegion: string) => plan.placements.find((p) => p.awsRegion === awsRegion);
    const routed = new Set(plan.regions.flatMap((r) => r.routes)
      .filter((r) => r.kind !== CrossRegionRouteKind.NATIVE_CROSS_REGION_ENDPOINT).flatMap((r) => [r.fromRegion, r.toRegion]));
    for (const awsRegion of routed) {
      const p = placement(awsRegion);
      if (p?.suppliedVpc && p.privateRouteTables === false) {
        hits.push({
          prop: `${p.propPath}.vpc.privateRouteTableIds`,
          value: '(not set)',
          message: `the plan routes traffic between ${awsRegion} and another region's Temporal VPC endpoint, and the routes go in the private subnets' route tables.`,
          fix: `add privateRouteTableIds to ${p.propPath}.vpc.`,
        });
      }
    }
    if (plan.request.components.codecServerInput?.internetFacing) {
      for (const r of plan.regions.filter((x) => x.codecServers.length > 0)) {
        const p = placement(r.awsRegion);
        if (p?.suppliedVpc && p.publicSubnets === false) {
          hits.push({
            prop: `${p.propPath}.vpc.publicSubnetIds`,
            value: '(not set)',
            message: 'codecServer.internetFacing puts the codec server\'s load balancer in public subnets, and this VPC names none.',
            fix: `add publicSubnetIds to ${p.propPath}.vpc, or keep the codec server internal.`,
          });
        }
      }
    }
    const code = plan.request.serverless?.codeRegions;
    if (code) {
      const given = Object.fromEntries(code.map((k) => [k, true]));
      for (const fn of plan.regions.flatMap((r) => r.functions).filter((f) => !byRegion(given, f.awsRegion))) {
        hits.push({
          prop: `serverlessWorkers.code.${fn.awsRegion}`,
          value: '(not set)',
          message: `Temporal Cloud may invoke the Worker in ${fn.awsRegion} (a namespace region), and Lambda reads code from its own region.`,
          fix: `add code['${fn.awsRegion}'].`,
        });
      }
    }
    return hits;
  },
};

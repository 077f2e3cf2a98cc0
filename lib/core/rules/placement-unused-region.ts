import { Severity } from '../model';
import { DOCS, Rule } from './rule';

/** A stack or VPC given for a region the pattern does not deploy to is a misconfiguration. */
export const PLACEMENT_UNUSED_REGION: Rule = {
  id: 'TEMPORAL_PLACEMENT_UNUSED_REGION',
  severity: Severity.ERROR,
  summary: 'Stacks and VPCs are supplied only for regions the pattern deploys to.',
  source: { ...DOCS.ARCHITECTURE_PATTERNS, quote: 'a real risk of misconfiguration (such as routing a fleet to the wrong region)' },
  check(plan) {
    const used = plan.regions.filter((r) => r.needsVpc || r.functions.length > 0).map((r) => r.awsRegion);
    return plan.placements.filter((p) => !used.includes(p.awsRegion)).map((p) => ({
      prop: p.propPath,
      value: `'${p.awsRegion}'`,
      message: `${plan.constructKind} deploys nothing to ${p.awsRegion} (it uses ${used.join(', ') || 'no region'}), so what you placed there would be ignored.`,
      fix: `remove regions['${p.awsRegion}'], or check the namespace's primary and replica regions.`,
    }));
  },
};

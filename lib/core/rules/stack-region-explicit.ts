import { Severity } from '../model';
import { DOCS, Rule, RuleHit } from './rule';

/** Each region's resources go to a stack whose region is explicit and matches. */
export const STACK_REGION_EXPLICIT: Rule = {
  id: 'TEMPORAL_STACK_REGION_EXPLICIT',
  severity: Severity.ERROR,
  summary: 'Every stack the deployment uses has an explicit region equal to the region it serves.',
  source: { ...DOCS.AWS_PRIVATELINK, quote: 'PrivateLink endpoint services are regional.' },
  check(plan) {
    const hits: RuleHit[] = [];
    for (const p of plan.placements.filter((x) => x.suppliedStack)) {
      const by = p.placedBy ?? 'stack';
      const engine = by === 'stack' ? 'CloudFormation' : 'Terraform';
      if (p.stackRegion === undefined || p.stackRegion.includes('${Token')) {
        hits.push({
          prop: `${p.propPath}.${by}`,
          value: p.stackRegion === undefined ? '(environment-agnostic)' : '(unresolved token)',
          message: `the ${by} for ${p.awsRegion} has no explicit region, so the library cannot pick ${p.awsRegion}'s PrivateLink service or Regional Endpoint, `
            + `and ${engine} would deploy it wherever the credentials point.`,
          fix: by === 'stack'
            ? `create the stack with env: { region: '${p.awsRegion}' } (and an account).`
            : `create the provider with region: '${p.awsRegion}'.`,
        });
      } else if (p.stackRegion !== p.awsRegion) {
        hits.push({
          prop: `${p.propPath}.${by}`,
          value: `'${p.stackRegion}'`,
          message: `the ${by} given for ${p.awsRegion} deploys to ${p.stackRegion}: the ${p.awsRegion} Workers and endpoint would land in the wrong region.`,
          fix: by === 'stack'
            ? `pass a stack whose env.region is '${p.awsRegion}', or move the entry to regions['${p.stackRegion}'].`
            : `pass a provider whose region is '${p.awsRegion}', or move the entry to regions['${p.stackRegion}'].`,
        });
      }
    }
    return hits;
  },
};

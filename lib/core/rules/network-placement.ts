import { Severity } from '../model';
import { DOCS, Rule } from './rule';

/** Subnets, security groups and a cluster belong to a VPC: supplying them for a region whose VPC the construct creates cannot work. */
export const NETWORK_PLACEMENT: Rule = {
  id: 'TEMPORAL_NETWORK_PLACEMENT',
  severity: Severity.ERROR,
  summary: 'Supplied subnets, security groups and clusters come with the VPC they belong to.',
  source: {
    ...DOCS.ECS_NETWORK_CONFIGURATION,
    quote: 'All specified subnets and security groups must be from the same VPC.',
  },
  check(plan) {
    return plan.placements.filter((p) => !p.suppliedVpc).flatMap((p) => (p.networkProps ?? []).map((prop) => ({
      prop: `${p.propPath}.${prop}`,
      value: '{...}',
      message: `it is set, but ${p.propPath}.vpc is not: the construct would create a new VPC for ${p.awsRegion}, and the tasks, the Temporal VPC endpoint and the private zone must all be in the VPC ${prop} belongs to.`,
      fix: `supply ${p.propPath}.vpc (the VPC ${prop} belongs to), or remove ${prop}.`,
    })));
  },
};

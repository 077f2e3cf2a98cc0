import { Severity } from '../model';
import { DOCS, Rule } from './rule';
import { nsPath, nsProp, sameRegionReplica } from './util';

/** A same-region replica (Preview) protects against a cell failure, not a region outage: a warning to acknowledge. */
export const REPLICA_SAME_REGION_OUTAGE: Rule = {
  id: 'TEMPORAL_REPLICA_SAME_REGION_OUTAGE',
  severity: Severity.WARNING,
  summary: 'A same-region replica (Preview) fails over between cells of one region: it does not survive a region outage, and neither do the fleets in that region.',
  source: { ...DOCS.HIGH_AVAILABILITY, quote: 'Same-region Replication: replicate within a single region, across isolated cells. It does not protect against the outage of a whole region.' },
  check(plan) {
    return plan.namespaces.filter((ns) => sameRegionReplica(plan, ns) === 'accepted').map((ns) => ({
      prop: nsProp(ns, 'replicaRegion'),
      value: `'${ns.replicaRegion}'`,
      path: nsPath(ns),
      message: `the replica is another cell of ${ns.primaryRegion} (same-region replication, Preview): Temporal Cloud fails over between the cells automatically and the ${ns.primaryRegion} fleets follow on the Namespace Endpoint, `
        + `but an outage of ${ns.primaryRegion} stops the namespace and every fleet this deployment runs there.`,
      fix: 'replicate to another region (multi-region replication) if the Workflows must survive a region outage, or acknowledge TEMPORAL_REPLICA_SAME_REGION_OUTAGE with the reason.',
    }));
  },
};

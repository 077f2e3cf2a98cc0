import { Severity } from '../model';
import { DOCS, Rule, show } from './rule';
import { replicaCandidates, findRegion } from '../regions';

/** A multi-region pattern needs the replica in another region. */
export const REPLICA_SAME_REGION: Rule = {
  id: 'TEMPORAL_REPLICA_SAME_REGION',
  severity: Severity.ERROR,
  summary: 'The replica region differs from the primary region (these patterns span two regions).',
  source: { ...DOCS.ARCHITECTURE_PATTERNS, quote: 'Secondary region — the region the Namespace fails over to. It can be any Temporal Cloud region that supports replication from the primary region.' },
  check(plan) {
    return plan.namespaces
      .filter((ns) => ns.replicaRegion !== undefined && ns.replicaRegion === ns.primaryRegion)
      .map((ns) => {
        const info = findRegion(ns.primaryRegion);
        const options = info ? replicaCandidates(info).map((r) => r.awsRegion).join(', ') : '';
        return {
          prop: `${ns.propPath}.replicaRegion`,
          value: show(ns.replicaRegion),
          path: ns.shard ? ns.declaredAt : undefined,
          message: `the replica is in the primary region (${ns.primaryRegion}): Worker failover needs a second region, and a same-region replica` +
            `${info?.sameRegionReplication ? '' : ` (not offered in ${ns.primaryRegion} at all)`} does not survive a regional outage.`,
          fix: options ? `set replicaRegion to another region that can replicate from ${ns.primaryRegion}: ${options}.` : 'set replicaRegion to another region.',
        };
      });
  },
};

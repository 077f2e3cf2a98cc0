import { Severity } from '../model';
import { canReplicate, findRegion, replicaCandidates } from '../regions';
import { DOCS, Rule, show } from './rule';

/** Replicas follow Temporal Cloud's same-continent rule; sa-east-1 has no partner. */
export const REPLICA_REGION_PAIRING: Rule = {
  id: 'TEMPORAL_REPLICA_REGION_PAIRING',
  severity: Severity.ERROR,
  summary: 'The replica region is one Temporal Cloud replicates the primary region to (same-continent rule).',
  source: { ...DOCS.HIGH_AVAILABILITY, quote: 'You can usually choose your replica region, but the replica must be on the same continent as the primary region.' },
  check(plan) {
    return plan.namespaces.flatMap((ns) => {
      if (!ns.replicaRegion || ns.replicaRegion === ns.primaryRegion) return [];
      const p = findRegion(ns.primaryRegion);
      const r = findRegion(ns.replicaRegion);
      if (!p || !r || canReplicate(p, r)) return [];
      const options = replicaCandidates(p).map((x) => x.awsRegion);
      return [{
        prop: `${ns.propPath}.replicaRegion`,
        value: show(ns.replicaRegion),
        path: ns.shard ? ns.declaredAt : undefined,
        message: `Temporal Cloud cannot replicate a namespace active in ${p.awsRegion} (${p.replicationGroup}) to ${r.awsRegion} (${r.replicationGroup}).`,
        fix: options.length > 0
          ? `choose a replica region in ${p.replicationGroup}: ${options.join(', ')}.`
          : `${p.awsRegion} has no multi-region replication partner: choose a primary region that has one, or run a single-region shard.`,
      }];
    });
  },
};

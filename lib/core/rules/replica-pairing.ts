import { Severity } from '../model';
import { canReplicate, canReplicateBetween, findRegion, isOtherCloud, replicaCandidates, replicaCandidatesOf } from '../regions';
import { DOCS, Rule, show } from './rule';
import { nsPath } from './util';

/**
 * Replicas follow Temporal Cloud's partner lists: same continent between AWS regions (sa-east-1 has no partner), and for
 * multi-cloud replication the per-region partners the service regions page lists (also same-continent today).
 */
export const REPLICA_REGION_PAIRING: Rule = {
  id: 'TEMPORAL_REPLICA_REGION_PAIRING',
  severity: Severity.ERROR,
  summary: 'The replica region is one Temporal Cloud replicates the primary region to (same-continent rule; multi-cloud partners as listed per region).',
  source: { ...DOCS.HIGH_AVAILABILITY, quote: 'You can usually choose your replica region, but the replica must be on the same continent as the primary region.' },
  check(plan) {
    return plan.namespaces.flatMap((ns) => {
      if (!ns.replicaRegion || ns.replicaRegion === ns.primaryRegion) return [];
      // Unknown regions (or tokens) are TEMPORAL_REGION_UNKNOWN's / TEMPORAL_KNOWN_AT_SYNTH's.
      if (canReplicateBetween(ns.primaryRegion, ns.replicaRegion) !== false) return [];
      const p = findRegion(ns.primaryRegion);
      const r = findRegion(ns.replicaRegion);
      const base = { prop: `${ns.propPath}.replicaRegion`, value: show(ns.replicaRegion), path: nsPath(ns) };
      if (p && r && !canReplicate(p, r)) {
        const options = replicaCandidates(p).map((x) => x.awsRegion);
        return [{
          ...base,
          message: `Temporal Cloud cannot replicate a namespace active in ${p.awsRegion} (${p.replicationGroup}) to ${r.awsRegion} (${r.replicationGroup}).`,
          fix: options.length > 0
            ? `choose a replica region in ${p.replicationGroup}: ${options.join(', ')}.`
            : `${p.awsRegion} has no multi-region replication partner: choose a primary region that has one, or run a single-region shard.`,
        }];
      }
      const options = replicaCandidatesOf(ns.primaryRegion);
      const kind = isOtherCloud(ns.primaryRegion) !== isOtherCloud(ns.replicaRegion) ? 'multi-cloud' : 'multi-region';
      return [{
        ...base,
        message: `Temporal Cloud does not replicate a namespace active in ${ns.primaryRegion} to ${ns.replicaRegion} (${kind} replication partners are listed per region).`,
        fix: options.length > 0
          ? `choose a replica region Temporal Cloud replicates ${ns.primaryRegion} to: ${options.join(', ')}.`
          : `${ns.primaryRegion} has no replication partner: choose a primary region that has one.`,
      }];
    });
  },
};

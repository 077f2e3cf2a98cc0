import { DeploymentPattern, Severity } from '../model';
import { DOCS, Rule, show } from './rule';

/** Active/Cold, Active/Hot and Active/Active need a namespace with a replica (High Availability). */
export const REPLICA_REQUIRED: Rule = {
  id: 'TEMPORAL_REPLICA_REQUIRED',
  severity: Severity.ERROR,
  summary: 'Active/Cold, Active/Hot and Active/Active need a namespace replica region (High Availability).',
  source: { ...DOCS.ARCHITECTURE_PATTERNS, quote: 'A Namespace with High Availability has an active replica in the primary region and a passive replica in the secondary region.' },
  check(plan) {
    return plan.namespaces
      .filter((ns) => ns.pattern !== DeploymentPattern.SINGLE_REGION && ns.replicaRegion === undefined)
      .map((ns) => ({
        prop: `${ns.propPath}.replicaRegion`,
        value: show(undefined),
        path: ns.shard ? ns.declaredAt : undefined,
        message: `${ns.pattern} Workers fail over with the namespace, but ${ns.qualifiedName} has no replica region, so Temporal Cloud has nowhere to fail it over to.`,
        fix: 'add the replica region the namespace replicates to in Temporal Cloud (replicaRegion), or use a single-region shard.',
      }));
  },
};

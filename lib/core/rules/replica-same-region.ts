import { DeploymentPattern, Severity } from '../model';
import { allRegions, findRegion, replicaCandidates } from '../regions';
import { DOCS, Rule, show } from './rule';
import { nsPath, sameRegionReplica } from './util';

/** A same-region replica only where the pattern still makes sense: Active/Cold or Active/Active on the Namespace Endpoint, in a region offering it. */
export const REPLICA_SAME_REGION: Rule = {
  id: 'TEMPORAL_REPLICA_SAME_REGION',
  severity: Severity.ERROR,
  summary: 'A replica in the primary region (same-region replication) is used only where offered, by Active/Cold or Active/Active on the Namespace Endpoint; never by Active/Hot.',
  source: { ...DOCS.ARCHITECTURE_PATTERNS, quote: 'Secondary region — the region the Namespace fails over to. It can be any Temporal Cloud region that supports replication from the primary region.' },
  check(plan) {
    return plan.namespaces.filter((ns) => sameRegionReplica(plan, ns) === 'rejected').map((ns) => {
      const info = findRegion(ns.primaryRegion);
      const options = info ? replicaCandidates(info).map((r) => r.awsRegion).join(', ') : '';
      const offeredIn = allRegions().filter((r) => r.sameRegionReplication).map((r) => r.awsRegion).join(', ');
      const why = !info?.sameRegionReplication
        ? `same-region replication is not offered in ${ns.primaryRegion} at all (Temporal Cloud offers it in ${offeredIn}).`
        : ns.pattern === DeploymentPattern.ACTIVE_HOT
          ? 'Active/Hot pins each fleet to its own region\'s Regional Endpoint, and two fleets in one region on the same Regional Endpoint cannot be pinned to different replicas.'
          : 'a Regional Endpoint names a region, not a cell, so fleets pinned to it cannot follow a failover between the two cells; only the Namespace Endpoint does.';
      const keep = info?.sameRegionReplication ? ' (to keep the same-region replica, use ActiveColdDeployment or ActiveActiveDeployment on the Namespace Endpoint)' : '';
      return {
        prop: `${ns.propPath}.replicaRegion`,
        value: show(ns.replicaRegion),
        path: nsPath(ns),
        message: `the replica is in the primary region (${ns.primaryRegion}), another cell of it (same-region replication, Preview): ${why}`,
        fix: options
          ? `set replicaRegion to another region that can replicate from ${ns.primaryRegion}: ${options}${keep}.`
          : `set replicaRegion to another region${keep}.`,
      };
    });
  },
};

import { Severity } from '../model';
import { allRegions, findRegion } from '../regions';
import { DOCS, Rule, RuleHit, show } from './rule';

/** Every region the deployment names must be a Temporal Cloud region on AWS. */
export const REGION_UNKNOWN: Rule = {
  id: 'TEMPORAL_REGION_UNKNOWN',
  severity: Severity.ERROR,
  summary: 'Every region named (namespace, replica, worker regions, pinned starters) is a Temporal Cloud region on AWS.',
  source: { ...DOCS.AWS_PRIVATELINK, quote: 'The following table lists the available Temporal regions, PrivateLink endpoints, and regional endpoints used for DNS record overrides' },
  check(plan) {
    const hits: RuleHit[] = [];
    const known = allRegions().map((r) => r.awsRegion).join(', ');
    const seen = new Set<string>();
    const report = (prop: string, region: string | undefined, path?: string) => {
      if (region === undefined || findRegion(region) !== undefined) return;
      const key = `${path}|${prop}|${region}`;
      if (seen.has(key)) return;
      seen.add(key);
      hits.push({
        prop,
        value: show(region),
        path,
        message: `Temporal Cloud has no AWS region '${region}' (no Regional Endpoint aws-${region}.region.tmprl.cloud and no PrivateLink service).`,
        fix: `use one of: ${known}.`,
      });
    };
    for (const ns of plan.namespaces) {
      const path = ns.shard ? ns.declaredAt : undefined;
      report(`${ns.propPath}.primaryRegion`, ns.primaryRegion, path);
      report(`${ns.propPath}.replicaRegion`, ns.replicaRegion, path);
    }
    for (const r of plan.request.workerRegions ?? []) report('workerRegions', r.trim().toLowerCase().replace(/^aws-/, ''));
    if (plan.request.starterPinnedRegion) report('starters.pinnedRegion', plan.request.starterPinnedRegion.trim().toLowerCase().replace(/^aws-/, ''));
    return hits;
  },
};

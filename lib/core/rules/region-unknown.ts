import { Severity } from '../model';
import { allRegions, findRegion, normalizeAwsRegion } from '../regions';
import { DOCS, Rule, RuleHit, show } from './rule';
import { nsPath } from './util';

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
      report(`${ns.propPath}.primaryRegion`, ns.primaryRegion, nsPath(ns));
      report(`${ns.propPath}.replicaRegion`, ns.replicaRegion, nsPath(ns));
    }
    for (const r of plan.request.workerRegions ?? []) report('workerRegions', normalizeAwsRegion(r));
    if (plan.request.starterPinnedRegion) report('starters.pinnedRegion', normalizeAwsRegion(plan.request.starterPinnedRegion));
    return hits;
  },
};

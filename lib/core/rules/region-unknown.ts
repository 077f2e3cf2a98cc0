import { isUnresolved } from '../components/input';
import { Severity } from '../model';
import { allRegions, cloudOf, isKnownRegion, isOtherCloud, normalizeAwsRegion, otherCloudRegions, regionalEndpointHost } from '../regions';
import { DOCS, Rule, RuleHit, show } from './rule';
import { isMissing, nsPath } from './util';

/** Every region the deployment names must be a Temporal Cloud region the catalog knows (an AWS one where fleets run). */
export const REGION_UNKNOWN: Rule = {
  id: 'TEMPORAL_REGION_UNKNOWN',
  severity: Severity.ERROR,
  summary: 'Every region named (namespace, replica, worker, standby and pinned regions) is a Temporal Cloud region: on AWS, or for namespace regions a known region of another cloud.',
  source: { ...DOCS.REGIONS, quote: 'This page lists the regions where you can create a Temporal Cloud Namespace.' },
  check(plan) {
    const hits: RuleHit[] = [];
    const known = allRegions().map((r) => r.awsRegion).join(', ');
    const seen = new Set<string>();
    // Namespace regions may be on another cloud; fleet regions on another cloud are TEMPORAL_OTHER_CLOUD_FLEET_REGION's.
    const report = (prop: string, region: string | undefined, path?: string, fleetRegion = false) => {
      if (region === undefined || region === '' || isUnresolved(region) || isKnownRegion(region) || (fleetRegion && isOtherCloud(region))) return;
      const key = `${path}|${prop}|${region}`;
      if (seen.has(key)) return;
      seen.add(key);
      const cloud = cloudOf(region);
      const others = otherCloudRegions().filter((r) => r.cloud === cloud).map((r) => r.id);
      hits.push({
        prop,
        value: show(region),
        path,
        message: cloud === 'aws'
          ? `Temporal Cloud has no AWS region '${region}' (no Regional Endpoint ${regionalEndpointHost(region)} and no PrivateLink service).`
          : `'${region}' is not a Temporal Cloud region on ${cloud.toUpperCase()} that this library knows (${others.length > 0 ? `known: ${others.join(', ')}` : `Temporal Cloud lists no ${cloud.toUpperCase()} regions`}).`,
        fix: cloud === 'aws'
          ? `use one of: ${known}.`
          : `use a region id from https://docs.temporal.io/cloud/regions (AWS: ${known}; GCP: ${otherCloudRegions().map((r) => r.id).join(', ')}).`,
      });
    };
    for (const ns of plan.namespaces) {
      if (!isMissing(plan, `${ns.propPath}.primaryRegion`)) report(`${ns.propPath}.primaryRegion`, ns.primaryRegion, nsPath(ns));
      report(`${ns.propPath}.replicaRegion`, ns.replicaRegion, nsPath(ns));
      if (ns.standbyRegion !== undefined) report(ns.shard ? ns.propPath.replace(/namespace$/, 'standbyRegion') : 'standbyRegion', ns.standbyRegion, nsPath(ns), true);
    }
    for (const r of Array.isArray(plan.request.workerRegions) ? plan.request.workerRegions : []) {
      if (typeof r === 'string') report('workerRegions', normalizeAwsRegion(r), undefined, true);
    }
    if (plan.request.starterPinnedRegion) report('starters.pinnedRegion', normalizeAwsRegion(plan.request.starterPinnedRegion), undefined, true);
    return hits;
  },
};

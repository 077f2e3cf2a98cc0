import { isUnresolved } from '../components/input';
import { DeploymentPattern, Severity, WorkerRuntime } from '../model';
import { PlannedNamespace } from '../plan';
import { findOtherCloudRegion, isOtherCloud, normalizeAwsRegion } from '../regions';
import { DOCS, Rule, RuleHit, show } from './rule';
import { nsPath } from './util';

/** Where the AWS fleet of a namespace region on another cloud runs (this library deploys on AWS only). */
export const OTHER_CLOUD_FLEET_REGION: Rule = {
  id: 'TEMPORAL_OTHER_CLOUD_FLEET_REGION',
  severity: Severity.ERROR,
  summary: 'Fleets run on AWS: a namespace region on another cloud (e.g. gcp-us-central1) gets its fleet in the AWS region named by standbyRegion (Active/Cold) or workerRegions (Active/Active).',
  source: { ...DOCS.HIGH_AVAILABILITY, quote: 'Multi-cloud Replication: replicate across cloud providers. The Worker deployment patterns are the same for multi-region and multi-cloud replication.' },
  check(plan) {
    const r = plan.request;
    const hits: RuleHit[] = [];
    for (const ns of plan.namespaces) hits.push(...namespaceHits(ns, plan.request.runtime, r.workerRegions));
    for (const w of Array.isArray(r.workerRegions) ? r.workerRegions : []) {
      if (typeof w === 'string' && isOtherCloud(w)) {
        hits.push({
          prop: 'workerRegions',
          value: show(w),
          message: `${normalizeAwsRegion(w)} is a region on another cloud, and this library runs Worker fleets on AWS only.`,
          fix: 'list AWS regions in workerRegions; the fleets dial the Namespace Endpoint, which follows the active replica to either cloud.',
        });
      }
    }
    return hits;
  },
};

function namespaceHits(ns: PlannedNamespace, runtime: WorkerRuntime, workerRegions: string[] | undefined): RuleHit[] {
  const path = nsPath(ns);
  const prefix = ns.shard ? ns.propPath.replace(/\.namespace$/, '.') : '';
  const otherCloud = [ns.primaryRegion, ns.replicaRegion].filter((x): x is string => x !== undefined && isOtherCloud(x));
  const hits: RuleHit[] = [];
  if (runtime === WorkerRuntime.LAMBDA && otherCloud.length > 0) {
    hits.push({
      prop: `${ns.propPath}.${isOtherCloud(ns.primaryRegion) ? 'primaryRegion' : 'replicaRegion'}`,
      value: show(otherCloud[0]),
      path,
      message: `serverless Workers are a Lambda function per namespace region, and ${otherCloud[0]} is on another cloud, where this library deploys no function.`,
      fix: 'run the Workers as a fleet (ActiveActiveDeployment with workerRegions on AWS), or replicate the namespace to an AWS region.',
    });
    return hits;
  }
  const placed = [DeploymentPattern.ACTIVE_COLD, DeploymentPattern.ACTIVE_HOT, DeploymentPattern.SINGLE_REGION].includes(ns.pattern);
  if (placed && isOtherCloud(ns.primaryRegion)) {
    hits.push({
      prop: `${ns.propPath}.primaryRegion`,
      value: show(ns.primaryRegion),
      path,
      message: `${ns.pattern} runs the active fleet in the namespace's primary region, but ${ns.primaryRegion} is on another cloud and this library deploys on AWS only.`,
      fix: ns.shard
        ? 'home the shard in an AWS region, or run its Workers with ActiveActiveDeployment and workerRegions on AWS.'
        : 'use ActiveActiveDeployment with workerRegions (AWS regions): its fleets dial the Namespace Endpoint, which follows the active replica to either cloud.',
    });
  }
  const standbyProp = `${prefix}standbyRegion`;
  const replica = ns.replicaRegion;
  // A standby region unknown at synth is TEMPORAL_KNOWN_AT_SYNTH's.
  if (isUnresolved(ns.standbyRegion)) {
    // nothing to check
  } else if (ns.pattern === DeploymentPattern.ACTIVE_COLD && replica !== undefined && isOtherCloud(replica) && !isOtherCloud(ns.primaryRegion)) {
    const partners = (findOtherCloudRegion(replica)?.awsPartners ?? []).filter((x) => x !== ns.primaryRegion);
    const suggest = partners.length > 0 ? ` (closest to the replica: ${partners.join(', ')})` : '';
    if (ns.standbyRegion === undefined) {
      hits.push({
        prop: standbyProp,
        value: show(undefined),
        path,
        message: `the replica ${replica} is on another cloud and this library runs Workers on AWS only, so the standby fleet needs an AWS region to wait in.`,
        fix: `set ${standbyProp} to an AWS region other than ${ns.primaryRegion}${suggest}; the fleet dials the Namespace Endpoint, which follows a failover to ${replica}.`,
      });
    } else if (isOtherCloud(ns.standbyRegion) || ns.standbyRegion === ns.primaryRegion) {
      hits.push({
        prop: standbyProp,
        value: show(ns.standbyRegion),
        path,
        message: isOtherCloud(ns.standbyRegion)
          ? `${ns.standbyRegion} is on another cloud, and this library runs Worker fleets on AWS only.`
          : `the standby fleet would run in the primary region ${ns.primaryRegion}, so an outage of that region stops both fleets.`,
        fix: `set ${standbyProp} to another AWS region than ${ns.primaryRegion}${suggest}.`,
      });
    }
  } else if (ns.standbyRegion !== undefined && ns.standbyRegion !== replica) {
    hits.push({
      prop: standbyProp,
      value: show(ns.standbyRegion),
      path,
      message: ns.pattern === DeploymentPattern.ACTIVE_COLD
        ? `standbyRegion places the standby fleet of a replica on another cloud; ${ns.qualifiedName}'s replica ${replica ?? '(none)'} is ${replica === undefined ? 'not set' : 'on AWS, so the standby fleet runs in it'}.`
        : `standbyRegion applies to Active/Cold with a replica on another cloud; ${ns.pattern} places its fleets itself.`,
      fix: `remove ${standbyProp}.`,
    });
  }
  const hasWorkerRegions = Array.isArray(workerRegions) && workerRegions.length > 0;
  if (ns.pattern === DeploymentPattern.ACTIVE_ACTIVE && !ns.shard && otherCloud.length > 0 && !hasWorkerRegions) {
    hits.push({
      prop: 'workerRegions',
      value: show(undefined),
      path,
      message: `the namespace's ${otherCloud.join(' and ')} ${otherCloud.length > 1 ? 'are' : 'is'} on another cloud, and this library runs Worker fleets on AWS only, so it cannot place a fleet in every namespace region.`,
      fix: `set workerRegions to the AWS regions to run fleets in (at least two, e.g. ['${isOtherCloud(ns.primaryRegion) ? 'us-east-1' : ns.primaryRegion}', ...]); they dial the Namespace Endpoint, which follows the active replica to either cloud.`,
    });
  }
  return hits;
}

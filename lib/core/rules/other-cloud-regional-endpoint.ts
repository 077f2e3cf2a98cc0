import { DeploymentPattern, EndpointKind, Severity } from '../model';
import { isOtherCloud, regionalEndpointHost, replicaCandidates, findRegion } from '../regions';
import { DOCS, Rule, RuleHit, show } from './rule';
import { namespaceOf, nsPath, nsProp } from './util';

/** No fleet on AWS is pinned to the Regional Endpoint of a region on another cloud (Active/Hot beside a GCP replica, pinned starters). */
export const OTHER_CLOUD_REGIONAL_ENDPOINT: Rule = {
  id: 'TEMPORAL_OTHER_CLOUD_REGIONAL_ENDPOINT',
  severity: Severity.ERROR,
  summary: 'No fleet is pinned to the Regional Endpoint of a region on another cloud: Active/Hot needs an AWS replica, starters pin to an AWS region.',
  source: { ...DOCS.ARCHITECTURE_PATTERNS, quote: 'A full Worker fleet runs in each region. ... Each fleet connects to its local replica.' },
  check(plan) {
    const hits: RuleHit[] = [];
    for (const ns of plan.namespaces) {
      const other = [ns.primaryRegion, ns.replicaRegion].find((r): r is string => r !== undefined && isOtherCloud(r));
      if (ns.pattern !== DeploymentPattern.ACTIVE_HOT || other === undefined || isOtherCloud(ns.primaryRegion)) continue;
      const info = findRegion(ns.primaryRegion);
      const options = info ? replicaCandidates(info).map((r) => r.awsRegion).join(', ') : '';
      hits.push({
        prop: nsProp(ns, 'replicaRegion'),
        value: show(other),
        path: nsPath(ns),
        message: `Active/Hot runs a standby fleet beside each replica, pinned to that region's Regional Endpoint (${regionalEndpointHost(other)}:7233); `
          + `${other} is on another cloud and this library runs fleets on AWS only, so no standby fleet can run beside that replica; an AWS fleet pinned across clouds to it would have no private path (PrivateLink) and would not share its replica's fate.`,
        fix: `use ActiveColdDeployment (with standbyRegion) or ActiveActiveDeployment (with workerRegions) on the Namespace Endpoint, which follows the replica to either cloud${options ? `, or an AWS replica region: ${options}` : ''}.`,
      });
    }
    for (const f of plan.regions.flatMap((r) => r.fleets)) {
      const ns = namespaceOf(plan, f);
      const dialed = /^([a-z]+-[a-z0-9-]+)\.region\.tmprl\.cloud:/.exec(f.temporalAddress)?.[1];
      if (!ns || f.endpoint !== EndpointKind.REGIONAL || !dialed || !isOtherCloud(dialed) || ns.pattern === DeploymentPattern.ACTIVE_HOT) continue;
      hits.push({
        prop: f.propPath,
        value: show(dialed),
        path: `${ns.declaredAt}/${f.awsRegion}`,
        message: `the ${f.awsRegion} ${f.role} fleet would be pinned to ${f.temporalAddress}, the Regional Endpoint of a region on another cloud; this library runs fleets on AWS and pins them to AWS regions only.`,
        fix: 'pin to an AWS namespace region, or use the Namespace Endpoint (leave the pin unset), which follows the active replica to either cloud.',
      });
    }
    return hits;
  },
};

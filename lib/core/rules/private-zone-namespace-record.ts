import { Severity } from '../model';
import { DOCS, Rule } from './rule';

/** The private zone of an HA namespace never overrides the Namespace Endpoint. */
export const PRIVATE_ZONE_NAMESPACE_RECORD: Rule = {
  id: 'TEMPORAL_PRIVATE_ZONE_NAMESPACE_RECORD',
  severity: Severity.ERROR,
  summary: 'No private DNS record for an HA namespace\'s Namespace Endpoint: only `aws-<region>.region.tmprl.cloud` records.',
  source: { ...DOCS.HA_CONNECTIVITY, quote: 'For HA Namespaces, the PHZ must override only the regional records (<provider>-<region>.region.tmprl.cloud) — never the Namespace Endpoint itself (<ns>.<account>.tmprl.cloud).' },
  check(plan) {
    return plan.namespaces.filter((ns) => ns.replicaRegion !== undefined).flatMap((ns) =>
      plan.regions.flatMap((r) => r.zoneRecords).filter((z) => z.name === ns.endpointHost || z.zone === ns.endpointHost).map((z) => ({
        prop: 'privateLink',
        value: `'${z.name}'`,
        path: `${ns.declaredAt}/${z.vpcRegion}`,
        message: `a private record for ${ns.endpointHost} pins Workers to ${z.targetRegion}: it short-circuits Temporal's failover CNAME, so after a failover they keep dialing the old region.`,
        fix: 'keep only the region.tmprl.cloud zone with one aws-<region>.region.tmprl.cloud record per region (the library\'s default for namespaces with a replica).',
      })));
  },
};

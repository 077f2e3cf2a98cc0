import { checkSuppliedZonePlacement, checkZoneRecords, PRIVATELINK_SETTINGS_RULE } from '../components/private-link';
import { Severity } from '../model';
import { DOCS, Rule } from './rule';

/**
 * Checked on the blocks' input by `checkPrivateLinkEndpoint`, `regionRecord` and `checkSuppliedZone`; on the plan, by `checkZoneRecords` and
 * `checkSuppliedZonePlacement` (a supplied region.tmprl.cloud zone).
 */
export const PRIVATELINK_SETTINGS: Rule = {
  id: PRIVATELINK_SETTINGS_RULE,
  severity: Severity.ERROR,
  summary: 'A PrivateLink endpoint uses its own region\'s Temporal service; each private record names a Temporal region once and points at a planned VPC endpoint; a supplied private zone is region.tmprl.cloud, with its VPC, and the VPC has no other.',
  source: { ...DOCS.AWS_PRIVATELINK, quote: 'PrivateLink endpoint services are regional.' },
  check(plan) {
    const endpoints = plan.regions.filter((r) => r.privateLinkEndpoint).map((r) => r.awsRegion);
    return [
      ...plan.regions.flatMap((r) => checkZoneRecords(r.zoneRecords, endpoints, `${plan.constructPath}/${r.awsRegion}`)),
      ...plan.placements.flatMap((p) => checkSuppliedZonePlacement(p)),
    ];
  },
};

import { CrossRegionRouteKind, Severity } from '../model';
import { DOCS, Rule } from './rule';

/** Temporal Cloud does not support AWS's native cross-region interface endpoints. */
export const NATIVE_CROSS_REGION_ENDPOINT: Rule = {
  id: 'TEMPORAL_NATIVE_CROSS_REGION_ENDPOINT',
  severity: Severity.ERROR,
  summary: 'Cross-region routes use VPC peering or Transit Gateway, never AWS native cross-region interface endpoints.',
  source: { ...DOCS.AWS_PRIVATELINK, quote: 'AWS Cross Region endpoints are not supported.' },
  check(plan) {
    if (plan.request.crossRegionRoute !== CrossRegionRouteKind.NATIVE_CROSS_REGION_ENDPOINT) return [];
    return [{
      prop: 'privateLink.crossRegionRoute',
      value: 'CrossRegionRoute.nativeCrossRegionEndpoint()',
      message: 'Temporal Cloud\'s PrivateLink services do not accept AWS native cross-region interface endpoints, so the connection would be refused.',
      fix: 'use CrossRegionRoute.vpcPeering() (the default) or CrossRegionRoute.transitGateway(...) to reach the other region\'s VPC endpoint.',
    }];
  },
};

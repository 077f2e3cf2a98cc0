import { DeploymentPattern, EndpointKind, Severity } from '../model';
import { DOCS, Rule } from './rule';

/** Active/Active on Regional Endpoints is allowed but risky: a warning to acknowledge. */
export const ACTIVE_ACTIVE_REGIONAL_ENDPOINT: Rule = {
  id: 'TEMPORAL_ACTIVE_ACTIVE_REGIONAL_ENDPOINT',
  severity: Severity.WARNING,
  summary: 'Active/Active on Regional Endpoints trades simplicity for RTO and risks misrouting; acknowledge it deliberately.',
  source: { ...DOCS.ARCHITECTURE_PATTERNS, quote: 'The tradeoffs: more setup, and a real risk of misconfiguration (such as routing a fleet to the wrong region). Reach for it only when you absolutely need low recovery time.' },
  check(plan) {
    if (plan.pattern !== DeploymentPattern.ACTIVE_ACTIVE || plan.request.endpoint !== EndpointKind.REGIONAL) return [];
    return [{
      prop: 'endpoint',
      value: 'EndpointKind.REGIONAL',
      message: 'Regional Endpoints shave the DNS step off failover but every fleet is pinned to one replica and depends on forwarding; the Namespace Endpoint is the documented default and follows failover with no configuration.',
      fix: 'use endpoint: EndpointKind.NAMESPACE, or acknowledge TEMPORAL_ACTIVE_ACTIVE_REGIONAL_ENDPOINT with the RTO reason.',
    }];
  },
};

import { checkFailoverSettings, FAILOVER_SETTINGS_RULE } from '../components/failover-state';
import { Severity } from '../model';
import { DOCS, Rule } from './rule';

/**
 * The failover props name resources AWS must accept and choose a region the deployment can make active: checked on the plan by
 * `checkFailoverSettings` (lib/core/components/failover-state.ts), before any resource exists.
 */
export const FAILOVER_SETTINGS: Rule = {
  id: FAILOVER_SETTINGS_RULE,
  severity: Severity.ERROR,
  summary: 'failover.name makes valid state parameter, runbook, role and alarm names; failover.activeRegion (a shard\'s activeRegion) is one of the '
    + 'regions the Workers can be active in; the Cloud Ops API key is a Secrets Manager secret name and its URL https; recoveryTimeObjective is a '
    + 'positive whole number of seconds.',
  source: {
    ...DOCS.SSM_AUTOMATION_DOCUMENTS,
    quote: 'Document names may hold letters, numbers, periods, underscores and hyphens (3 to 128 characters), and may not start with the prefixes '
      + 'aws, amazon or amzn, which are reserved for AWS.',
  },
  check: (plan) => checkFailoverSettings(plan),
};

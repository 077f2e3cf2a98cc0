import { checkProxy, PROXY_SETTINGS_RULE } from '../components/proxy';
import { Severity } from '../model';
import { DOCS, Rule } from './rule';

/** Checked on the user's input by `checkProxy` (patterns and blocks), which also refuses the container variables the library sets. */
export const PROXY_SETTINGS: Rule = {
  id: PROXY_SETTINGS_RULE,
  severity: Severity.ERROR,
  summary: "A proxy dials a 'host:port' upstream and listens on valid ports.",
  source: { ...DOCS.HA_CONNECTIVITY, quote: 'Format: <namespace>.<account>.tmprl.cloud:7233' },
  check(plan) {
    const input = plan.request.components.proxyInput;
    // Sizing problems are reported under TEMPORAL_SERVICE_SIZING.
    return input ? checkProxy(input, undefined, 'proxy').filter((h) => h.ruleId === PROXY_SETTINGS_RULE) : [];
  },
};

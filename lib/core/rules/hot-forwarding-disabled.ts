import { DeploymentPattern, PollerForwarding, Severity } from '../model';
import { DOCS, Rule } from './rule';
import { nsPath, nsProp } from './util';
import { isUnresolved } from '../components/input';

/** Active/Hot needs the namespace's poller forwarding disabled. */
export const HOT_FORWARDING_DISABLED: Rule = {
  id: 'TEMPORAL_HOT_FORWARDING_DISABLED',
  severity: Severity.ERROR,
  summary: 'Active/Hot namespaces have forwarding of Worker polls disabled, so the standby fleet idles.',
  source: { ...DOCS.ARCHITECTURE_PATTERNS, quote: 'Forwarding is disabled for Worker polls. Each fleet connects to its local replica ... with forwarding off, so polls that reach the passive replica are not sent to the active region.' },
  check(plan) {
    return plan.namespaces
      .filter((ns) => ns.pattern === DeploymentPattern.ACTIVE_HOT && ns.pollerForwarding !== PollerForwarding.DISABLED
        && !isUnresolved(ns.pollerForwarding))
      .map((ns) => ({
        prop: nsProp(ns, 'pollerForwarding'),
        value: ns.pollerForwardingDeclared ? 'PollerForwarding.ENABLED' : 'not declared (Temporal\'s default: enabled)',
        path: nsPath(ns),
        message: `with forwarding ${ns.pollerForwardingDeclared ? 'enabled (Temporal Cloud\'s default)' : 'not declared (Temporal\'s default: enabled)'}, polls from the standby fleet in ${ns.replicaRegion ?? 'the replica region'} are forwarded to the active region, so the standby does work across regions and the pattern acts like Active/Active.`,
        fix: `disable forwarding on ${ns.qualifiedName} in Temporal Cloud (Cloud Ops API / \`temporal cloud\` CLI / web UI: disablePassivePollerForwarding = true; CloudFormation and Terraform cannot set it), then declare pollerForwarding: PollerForwarding.DISABLED.`,
      }));
  },
};

import { DeploymentPattern, EndpointKind, FleetRole, PollerForwarding, Severity } from '../model';
import { DOCS, Rule } from './rule';
import { namespaceOf, nsPath, nsProp } from './util';

/** Active/Active on Regional Endpoints needs forwarding enabled. */
export const ACTIVE_ACTIVE_REGIONAL_FORWARDING: Rule = {
  id: 'TEMPORAL_ACTIVE_ACTIVE_REGIONAL_FORWARDING',
  severity: Severity.ERROR,
  summary: 'Active/Active fleets on Regional Endpoints need forwarding enabled, or the passive region\'s fleet never gets work.',
  source: { ...DOCS.ARCHITECTURE_PATTERNS, quote: 'With Regional Endpoints, keep forwarding enabled so passive-region polls still reach the active replica.' },
  check(plan) {
    return plan.namespaces
      .filter((ns) => ns.pattern === DeploymentPattern.ACTIVE_ACTIVE && ns.pollerForwarding === PollerForwarding.DISABLED)
      .filter((ns) => plan.regions.some((r) => r.fleets.some((f) =>
        f.role === FleetRole.WORKER && f.endpoint === EndpointKind.REGIONAL && namespaceOf(plan, f) === ns)))
      .map((ns) => ({
        prop: nsProp(ns, 'pollerForwarding'),
        value: 'PollerForwarding.DISABLED',
        path: nsPath(ns),
        message: `fleets on Regional Endpoints poll their local replica; with forwarding disabled, polls reaching the passive replica (${ns.replicaRegion ?? 'the replica region'}) wait there, so those fleets process nothing until a failover.`,
        fix: `enable forwarding on ${ns.qualifiedName} (disablePassivePollerForwarding = false, Temporal's default) and declare pollerForwarding: PollerForwarding.ENABLED, or use endpoint: EndpointKind.NAMESPACE.`,
      }));
  },
};

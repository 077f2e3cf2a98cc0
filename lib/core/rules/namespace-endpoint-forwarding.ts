import { DeploymentPattern, EndpointKind, FleetRole, PollerForwarding, Severity } from '../model';
import { DOCS, Rule } from './rule';
import { namespaceOf, nsPath, nsProp } from './util';

/** Worker fleets on the Namespace Endpoint rely on forwarding for the minutes after a failover: disabling it is a risk worth a warning. */
export const NAMESPACE_ENDPOINT_FORWARDING_DISABLED: Rule = {
  id: 'TEMPORAL_NAMESPACE_ENDPOINT_FORWARDING_DISABLED',
  severity: Severity.WARNING,
  summary: 'Worker fleets on the Namespace Endpoint keep forwarding enabled: after a failover they can stay connected to the former active replica for minutes.',
  source: { ...DOCS.HA_CONNECTIVITY, quote: 'The Namespace Endpoint is a CNAME to the active region; Clients converge within about 30 seconds, and existing connections last up to the maximum connection lifetime of 5 minutes.' },
  check(plan) {
    return plan.namespaces
      .filter((ns) => ns.pollerForwarding === PollerForwarding.DISABLED && ns.pattern !== DeploymentPattern.ACTIVE_HOT
        && ns.replicaRegion !== undefined)
      .filter((ns) => plan.regions.some((r) => r.fleets.some((f) =>
        f.role === FleetRole.WORKER && f.endpoint === EndpointKind.NAMESPACE && namespaceOf(plan, f) === ns)))
      .map((ns) => ({
        prop: nsProp(ns, 'pollerForwarding'),
        value: 'PollerForwarding.DISABLED',
        path: nsPath(ns),
        message: 'after a failover, Workers on the Namespace Endpoint can stay connected to the former active replica for up to about 5 minutes (the maximum connection lifetime) and rely on forwarding to keep polling; '
          + 'with forwarding disabled their polls wait there (NamespaceNotActive) until they reconnect, which adds those minutes to the recovery time.',
        fix: `enable forwarding on ${ns.qualifiedName} (disablePassivePollerForwarding = false, Temporal's default) and declare pollerForwarding: PollerForwarding.ENABLED, `
          + 'or acknowledge TEMPORAL_NAMESPACE_ENDPOINT_FORWARDING_DISABLED with the reason.',
      }));
  },
};

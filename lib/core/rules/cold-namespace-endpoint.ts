import { DeploymentPattern, EndpointKind, FleetRole, Severity } from '../model';
import { DOCS, Rule } from './rule';
import { namespaceOf } from './util';

/** Active/Cold Workers use the Namespace Endpoint. */
export const COLD_NAMESPACE_ENDPOINT: Rule = {
  id: 'TEMPORAL_COLD_NAMESPACE_ENDPOINT',
  severity: Severity.ERROR,
  summary: 'Active/Cold Workers dial the Namespace Endpoint, which follows a Namespace-only failover.',
  source: { ...DOCS.ARCHITECTURE_PATTERNS, quote: 'If the Workers use the Regional Endpoint for the primary region, they will not reliably connect to the Namespace during a Temporal Cloud incident in the primary region.' },
  check(plan) {
    return plan.regions.flatMap((r) => r.fleets).flatMap((f) => {
      const ns = namespaceOf(plan, f);
      if (f.role !== FleetRole.WORKER || f.endpoint !== EndpointKind.REGIONAL || ns?.pattern !== DeploymentPattern.ACTIVE_COLD) return [];
      return [{
        prop: ns.shard ? `${ns.propPath.replace(/\.namespace$/, '')}.endpoint` : 'endpoint',
        value: 'EndpointKind.REGIONAL',
        path: `${ns.declaredAt}/${f.awsRegion}`,
        message: `the ${f.awsRegion} Workers dial the Regional Endpoint ${f.temporalAddress}; after a Namespace-only failover it reaches the passive replica and the Workers stop making progress.`,
        fix: `use endpoint: EndpointKind.NAMESPACE (the default for Active/Cold: ${ns.endpointHost}:7233).`,
      }];
    });
  },
};

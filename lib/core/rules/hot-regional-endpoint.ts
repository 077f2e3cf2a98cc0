import { DeploymentPattern, EndpointKind, FleetRole, Severity } from '../model';
import { regionalEndpointHost } from '../regions';
import { DOCS, Rule } from './rule';
import { namespaceOf } from './util';

/** Active/Hot fleets dial their own region's Regional Endpoint, never the Namespace Endpoint. */
export const HOT_REGIONAL_ENDPOINT: Rule = {
  id: 'TEMPORAL_HOT_REGIONAL_ENDPOINT',
  severity: Severity.ERROR,
  summary: 'Active/Hot Worker fleets dial their own region\'s Regional Endpoint (or VPC endpoint), not the Namespace Endpoint.',
  source: { ...DOCS.ARCHITECTURE_PATTERNS, quote: 'Using the Namespace Endpoint by mistake routes the standby Workers to the active region and defeats the pattern.' },
  check(plan) {
    return plan.regions.flatMap((r) => r.fleets).flatMap((f) => {
      const ns = namespaceOf(plan, f);
      if (f.role !== FleetRole.WORKER || f.endpoint !== EndpointKind.NAMESPACE || ns?.pattern !== DeploymentPattern.ACTIVE_HOT) return [];
      return [{
        prop: ns.shard ? `${ns.propPath.replace(/\.namespace$/, '')}.endpoint` : 'endpoint',
        value: 'EndpointKind.NAMESPACE',
        path: `${ns.declaredAt}/${f.awsRegion}`,
        message: `the ${f.awsRegion} Workers dial the Namespace Endpoint (${f.temporalAddress}), but Active/Hot needs each fleet on its own Regional Endpoint (${regionalEndpointHost(f.awsRegion)}:7233) with forwarding disabled: the standby fleet would poll the active region and do work.`,
        fix: 'use endpoint: EndpointKind.REGIONAL (the default for Active/Hot).',
      }];
    });
  },
};

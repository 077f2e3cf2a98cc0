import { EndpointKind, Severity } from '../model';
import { DOCS, Rule } from './rule';
import { namespaceOf } from './util';
import { namespaceRegions } from '../patterns/common';
import { regionalEndpointHost } from '../regions';

/** A Regional Endpoint only reaches a namespace in a region that holds one of its replicas. */
export const REGIONAL_ENDPOINT_OUTSIDE_NAMESPACE: Rule = {
  id: 'TEMPORAL_REGIONAL_ENDPOINT_OUTSIDE_NAMESPACE',
  severity: Severity.ERROR,
  summary: 'A fleet on a Regional Endpoint dials a region that holds a replica of its namespace.',
  source: { ...DOCS.ARCHITECTURE_PATTERNS, quote: 'a real risk of misconfiguration (such as routing a fleet to the wrong region)' },
  check(plan) {
    return plan.regions.flatMap((r) => r.fleets).flatMap((f) => {
      const ns = namespaceOf(plan, f);
      if (!ns || f.endpoint !== EndpointKind.REGIONAL) return [];
      const regions = namespaceRegions(ns);
      if (regions.some((r) => f.temporalAddress.startsWith(`${regionalEndpointHost(r)}:`))) return [];
      const dialed = /^(?:aws-)?([a-z0-9-]+)\.region\.tmprl\.cloud:/.exec(f.temporalAddress)?.[1] ?? f.awsRegion;
      return [{
        prop: f.propPath,
        value: `'${dialed}'`,
        path: `${ns.declaredAt}/${f.awsRegion}`,
        message: `the ${f.role} fleet in ${f.awsRegion} would dial ${f.temporalAddress}, `
          + `but ${ns.qualifiedName} has replicas only in ${regions.join(' and ')}: that Regional Endpoint does not serve it.`,
        fix: 'use the Namespace Endpoint for fleets outside the namespace\'s regions, or run the fleet in a namespace region.',
      }];
    });
  },
};

import { DeploymentPattern, EndpointKind, NetworkPath, Severity } from '../model';
import { DOCS, Rule } from './rule';
import { namespaceOf } from './util';
import { awsNamespaceRegions } from '../patterns/common';

/** Under PrivateLink, a fleet on the Namespace Endpoint needs a route to every namespace region's VPC endpoint. */
export const PRIVATELINK_CROSS_REGION_ROUTE: Rule = {
  id: 'TEMPORAL_PRIVATELINK_CROSS_REGION_ROUTE',
  severity: Severity.ERROR,
  summary: 'Under PrivateLink, fleets on the Namespace Endpoint have a network route to every namespace region\'s VPC endpoint.',
  source: { ...DOCS.ARCHITECTURE_PATTERNS, quote: 'If you use private connectivity, give the primary region\'s Workers a network route to the VPC Endpoint in the other region, so they can reach the active replica after a Namespace-only failover.' },
  check(plan) {
    const seen = new Set<string>();
    // Serverless functions in a worker VPC dial the Namespace Endpoint like a fleet does.
    const dialers = plan.regions.flatMap((r) => [
      ...r.fleets.map((f) => ({ f, r })),
      ...r.functions.map((fn) => ({
        r,
        f: { namespace: fn.namespace, awsRegion: fn.awsRegion, role: 'serverless Worker', endpoint: EndpointKind.NAMESPACE, networkPath: plan.request.networkPath },
      })),
    ]);
    return dialers.flatMap(({ f, r }) => {
      const ns = namespaceOf(plan, f);
      if (!ns || f.networkPath !== NetworkPath.PRIVATE_LINK || f.endpoint !== EndpointKind.NAMESPACE || ns.replicaRegion === undefined) return [];
      // A region on another cloud has no VPC endpoint to route to: TEMPORAL_OTHER_CLOUD_PRIVATELINK reports it.
      return awsNamespaceRegions(ns).filter((to) => to !== f.awsRegion && !r.routes.some((x) => x.toRegion === to)).flatMap((to) => {
        const key = `${ns.qualifiedName}|${f.awsRegion}|${to}`;
        if (seen.has(key)) return [];
        seen.add(key);
        const why = ns.pattern === DeploymentPattern.ACTIVE_COLD
          ? `after a Namespace-only failover the ${f.awsRegion} Workers resolve the Namespace Endpoint to ${to}'s VPC endpoint and cannot reach it`
          : `the Namespace Endpoint resolves to ${to}'s VPC endpoint whenever ${to} is active, and the ${f.awsRegion} ${f.role} fleet cannot reach it`;
        return [{
          prop: 'privateLink.crossRegionRoute',
          value: `'none' (${f.awsRegion} -> ${to})`,
          path: `${ns.declaredAt}/${f.awsRegion}`,
          message: `${why}.`,
          fix: 'use crossRegionRoute: CrossRegionRoute.vpcPeering() (the default) or CrossRegionRoute.transitGateway(...)'
            + (ns.pattern === DeploymentPattern.ACTIVE_COLD ? '; if no route is possible, use ActiveHotDeployment, where each fleet dials its local replica.' : '.'),
        }];
      });
    });
  },
};

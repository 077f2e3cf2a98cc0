import { NetworkPath, Severity } from '../model';
import { isOtherCloud, regionalEndpointHost } from '../regions';
import { DOCS, Rule, show } from './rule';
import { nsPath, nsProp } from './util';

/** AWS PrivateLink reaches Temporal Cloud's AWS regions only: a namespace region on another cloud has no private path from AWS. */
export const OTHER_CLOUD_PRIVATELINK: Rule = {
  id: 'TEMPORAL_OTHER_CLOUD_PRIVATELINK',
  severity: Severity.ERROR,
  summary: 'A namespace with a region on another cloud (multi-cloud replication) is reached over the public endpoints: AWS PrivateLink serves Temporal\'s AWS regions only.',
  source: { ...DOCS.AWS_PRIVATELINK, quote: 'PrivateLink endpoint services are regional.' },
  check(plan) {
    if (plan.request.networkPath !== NetworkPath.PRIVATE_LINK) return [];
    return plan.namespaces.flatMap((ns) => {
      const field = isOtherCloud(ns.primaryRegion) ? 'primaryRegion' : ns.replicaRegion !== undefined && isOtherCloud(ns.replicaRegion) ? 'replicaRegion' : undefined;
      if (!field) return [];
      const region = field === 'primaryRegion' ? ns.primaryRegion : ns.replicaRegion!;
      return [{
        prop: nsProp(ns, field),
        value: show(region),
        path: nsPath(ns),
        message: `the Workers reach Temporal Cloud over AWS PrivateLink, but ${region} is on another cloud: whenever it holds the active replica, the Namespace Endpoint resolves to ${regionalEndpointHost(region)}, which no AWS VPC endpoint serves, and the Workers lose Temporal Cloud.`,
        fix: 'use connectivity: Connectivity.public() (the default) for a namespace replicated to another cloud, or replicate the namespace to an AWS region.',
      }];
    });
  },
};

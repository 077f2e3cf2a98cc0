/**
 * Single-region (a shard of a regionally sharded deployment, per Temporal's Worker deployment patterns): Workers in the namespace's
 * one region only, no automatic failover. Under PrivateLink, a single-region namespace overrides
 * its own Namespace Endpoint in a private zone (it has no `region.tmprl.cloud` failover CNAME).
 */
import { DeploymentPattern, EndpointKind, FleetState } from '../model';
import { DeploymentRequest, PlannedNamespace } from '../plan';
import { awsNamespaceRegions, DEFAULT_ENDPOINT, planWorkers } from './common';
import { contribute, Contribution } from './contribution';

export function planSingleRegion(ns: PlannedNamespace, request: DeploymentRequest, endpoint?: EndpointKind): Contribution {
  const kind = endpoint ?? request.endpoint ?? DEFAULT_ENDPOINT[DeploymentPattern.SINGLE_REGION];
  const fleets = awsNamespaceRegions(ns).slice(0, 1).map((awsRegion) => planWorkers(ns, request, awsRegion, FleetState.ACTIVE, kind));
  return contribute(ns, fleets, request, (from, to) => `${from} Workers reach ${to}`);
}

/**
 * Active/Active (https://docs.temporal.io/cloud/high-availability/architecture-patterns): "A Worker fleet can run in any region — the fleets don't have to match
 * the Namespace's regions." Every fleet uses the Namespace Endpoint by default; a Regional Endpoint
 * only for the lowest RTO, with forwarding kept enabled. Codec servers and proxies in every Worker region.
 */
import { DeploymentPattern, EndpointKind, FleetState } from '../model';
import { DeploymentRequest, PlannedNamespace } from '../plan';
import { normalizeAwsRegion } from '../regions';
import { awsNamespaceRegions, DEFAULT_ENDPOINT, isAwsFleetRegion, planWorkers } from './common';
import { contribute, Contribution } from './contribution';

export function planActiveActive(ns: PlannedNamespace, request: DeploymentRequest, endpoint?: EndpointKind): Contribution {
  const kind = endpoint ?? request.endpoint ?? DEFAULT_ENDPOINT[DeploymentPattern.ACTIVE_ACTIVE];
  // Fleets run on AWS only: a region on another cloud is never a fleet region (TEMPORAL_OTHER_CLOUD_FLEET_REGION reports it).
  const asked = Array.isArray(request.workerRegions) ? request.workerRegions.filter((r): r is string => typeof r === 'string') : [];
  const regions = asked.length > 0
    ? [...new Set(asked.map(normalizeAwsRegion))].filter(isAwsFleetRegion)
    : awsNamespaceRegions(ns);
  const fleets = regions.map((awsRegion) => planWorkers(ns, request, awsRegion, FleetState.ACTIVE, kind, 'workerRegions'));
  return contribute(ns, fleets, request, (from, to) =>
    `${from} fleets dial the Namespace Endpoint, which resolves to ${to} whenever it holds the active replica`);
}

/**
 * Active/Passive (Cold) (https://docs.temporal.io/cloud/high-availability/architecture-patterns): "Workers run in only one region at a time ... After
 * a failover, Workers start in the secondary region." The secondary fleet is deployed at zero tasks with the same image and configuration, ready to
 * scale. Workers use the Namespace Endpoint; under private connectivity the primary's Workers need a route to the other region's VPC Endpoint.
 */
import { DeploymentPattern, EndpointKind, FleetState } from '../model';
import { DeploymentRequest, PlannedNamespace } from '../plan';
import { DEFAULT_ENDPOINT, namespaceRegions, planWorkers } from './common';
import { contribute, Contribution } from './contribution';

export function planActiveCold(ns: PlannedNamespace, request: DeploymentRequest, endpoint?: EndpointKind): Contribution {
  const kind = endpoint ?? request.endpoint ?? DEFAULT_ENDPOINT[DeploymentPattern.ACTIVE_COLD];
  const fleets = namespaceRegions(ns).map((awsRegion) =>
    planWorkers(ns, request, awsRegion, awsRegion === ns.primaryRegion ? FleetState.ACTIVE : FleetState.COLD_STANDBY, kind));
  return contribute(ns, fleets, request, (from, to) =>
    `after a Namespace-only failover the ${from} Workers must reach the active replica's VPC endpoint in ${to}`);
}

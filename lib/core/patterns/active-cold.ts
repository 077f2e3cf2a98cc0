/**
 * Active/Passive (Cold) (https://docs.temporal.io/cloud/high-availability/architecture-patterns): "Workers run in only one region at a time ... After
 * a failover, Workers start in the secondary region." The secondary fleet is deployed at zero tasks with the same image and configuration, ready to
 * scale. Workers use the Namespace Endpoint; under private connectivity the primary's Workers need a route to the other region's VPC Endpoint.
 */
import { DeploymentPattern, EndpointKind, FleetState } from '../model';
import { DeploymentRequest, PlannedNamespace } from '../plan';
import { DEFAULT_ENDPOINT, fleetRegions, planWorkers } from './common';
import { contribute, Contribution } from './contribution';

export function planActiveCold(ns: PlannedNamespace, request: DeploymentRequest, endpoint?: EndpointKind): Contribution {
  const kind = endpoint ?? request.endpoint ?? DEFAULT_ENDPOINT[DeploymentPattern.ACTIVE_COLD];
  // A replica on another cloud gets its standby fleet in `standbyRegion` (on AWS); a same-region replica none.
  const { primary, standby } = fleetRegions(ns);
  const fleets = [
    ...(primary ? [planWorkers(ns, request, primary, FleetState.ACTIVE, kind)] : []),
    ...(standby ? [planWorkers(ns, request, standby, FleetState.COLD_STANDBY, kind)] : []),
  ];
  return contribute(ns, fleets, request, (from, to) =>
    `after a Namespace-only failover the ${from} Workers must reach the active replica's VPC endpoint in ${to}`);
}

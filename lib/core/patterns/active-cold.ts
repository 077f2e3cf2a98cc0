/**
 * Active/Passive (Cold) (https://docs.temporal.io/cloud/high-availability/architecture-patterns): "Workers run in only one region at a time ... After
 * a failover, Workers start in the secondary region." The secondary fleet is deployed at zero tasks with the same image and configuration, ready to
 * scale. Workers use the Namespace Endpoint; under private connectivity the primary's Workers need a route to the other region's VPC Endpoint.
 */
import { declaredActiveRegion } from '../components/failover-state';
import { DeploymentPattern, EndpointKind, FleetState } from '../model';
import { DeploymentRequest, PlannedNamespace } from '../plan';
import { DEFAULT_ENDPOINT, failoverRegions, fleetRegions, planWorkers } from './common';
import { contribute, Contribution } from './contribution';

export function planActiveCold(ns: PlannedNamespace, request: DeploymentRequest, endpoint?: EndpointKind): Contribution {
  const kind = endpoint ?? request.endpoint ?? DEFAULT_ENDPOINT[DeploymentPattern.ACTIVE_COLD];
  // A replica on another cloud gets its standby fleet in `standbyRegion` (on AWS); a same-region replica none.
  const { primary, standby } = fleetRegions(ns);
  const regions = [primary, standby].filter((r): r is string => r !== undefined);
  // The declared active region's fleet is active, the other cold (deployed at zero, its capacity following the failover state); without a
  // failover unit (one AWS region) the primary is active and a lone standby cold.
  const active = declaredActiveRegion(ns, request, failoverRegions(ns, regions)) ?? primary;
  const fleets = regions.map((r) => planWorkers(ns, request, r, r === active ? FleetState.ACTIVE : FleetState.COLD_STANDBY, kind));
  return contribute(ns, fleets, request, (from, to) =>
    `after a Namespace-only failover the ${from} Workers must reach the active replica's VPC endpoint in ${to}`);
}

/**
 * Active/Passive (Hot) (https://docs.temporal.io/cloud/high-availability/architecture-patterns): "A full Worker fleet runs in each region. The
 * primary region's Workers are active and process all Workflows; the secondary region's Workers stay connected and warm, but on standby." Each fleet
 * dials its own region's Regional Endpoint (or VPC endpoint); codec servers and proxies run in both regions continuously.
 */
import { awsNamespaceRegions, DEFAULT_ENDPOINT, failoverRegions, planWorkers } from './common';
import { contribute, Contribution } from './contribution';
import { declaredActiveRegion } from '../components/failover-state';
import { EndpointKind, FleetState, DeploymentPattern } from '../model';
import { DeploymentRequest, PlannedNamespace } from '../plan';

export function planActiveHot(ns: PlannedNamespace, request: DeploymentRequest, endpoint?: EndpointKind): Contribution {
  const kind = endpoint ?? request.endpoint ?? DEFAULT_ENDPOINT[DeploymentPattern.ACTIVE_HOT];
  // Each fleet sits beside its replica: a replica on another cloud gets none (TEMPORAL_OTHER_CLOUD_REGIONAL_ENDPOINT).
  const regions = awsNamespaceRegions(ns);
  // The declared active region's fleet is active, the other a hot standby (its capacity does not follow the failover state).
  const active = declaredActiveRegion(ns, request, failoverRegions(ns, regions)) ?? ns.primaryRegion;
  const fleets = regions.map((awsRegion) =>
    planWorkers(ns, request, awsRegion, awsRegion === active ? FleetState.ACTIVE : FleetState.HOT_STANDBY, kind));
  return contribute(ns, fleets, request, (from, to) =>
    `${from} fleets dial the Namespace Endpoint, which resolves to ${to} while it is active`);
}

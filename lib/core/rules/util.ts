import { isUnresolved } from '../components/input';
import { DeploymentPattern, EndpointKind, FleetRole } from '../model';
import { DeploymentPlan, PlannedNamespace } from '../plan';
import { findRegion } from '../regions';

/**
 * The planned namespace a fleet or function serves: by qualified name, and by shard when the fleet names one
 * (two shards misdeclared with one namespace keep their own findings).
 */
export function namespaceOf(
  plan: DeploymentPlan, of: string | { readonly namespace: string; readonly shard?: string },
): PlannedNamespace | undefined {
  const [name, shard] = typeof of === 'string' ? [of, undefined] : [of.namespace, of.shard];
  return plan.namespaces.find((n) => n.qualifiedName === name && (shard === undefined || n.shard === shard));
}

/** The prop path of a namespace-level setting (`namespace.x` or `shards[i].namespace.x`). */
export function nsProp(ns: PlannedNamespace, field: string): string {
  return `${ns.propPath}.${field}`;
}

/** The construct path to report for a namespace (the shard's path when sharded). */
export function nsPath(ns: PlannedNamespace): string | undefined {
  return ns.shard ? ns.declaredAt : undefined;
}

/**
 * A same-region replica (Preview: another cell of the primary region): `none` when the replica is elsewhere (or
 * unset, or unknown at synth); `accepted` where the pattern still makes sense (Active/Cold, Active/Active, on the
 * Namespace Endpoint, in a region that offers it); else `rejected` (TEMPORAL_REPLICA_SAME_REGION says why).
 */
export function sameRegionReplica(plan: DeploymentPlan, ns: PlannedNamespace): 'none' | 'accepted' | 'rejected' {
  if (ns.replicaRegion === undefined || ns.replicaRegion !== ns.primaryRegion || isUnresolved(ns.primaryRegion) || ns.primaryRegion === '') return 'none';
  const offered = findRegion(ns.primaryRegion)?.sameRegionReplication ?? false;
  const onRegional = plan.regions.some((r) => r.fleets.some((f) =>
    f.role === FleetRole.WORKER && f.endpoint === EndpointKind.REGIONAL && namespaceOf(plan, f) === ns));
  const pattern = ns.pattern === DeploymentPattern.ACTIVE_COLD || ns.pattern === DeploymentPattern.ACTIVE_ACTIVE;
  return offered && pattern && !onRegional ? 'accepted' : 'rejected';
}

/** Whether the caller left the prop out (reported once, by TEMPORAL_REQUIRED_PROP). */
export function isMissing(plan: DeploymentPlan, prop: string): boolean {
  return (plan.request.missingProps ?? []).includes(prop);
}

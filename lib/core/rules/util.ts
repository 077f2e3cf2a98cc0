import { DeploymentPlan, PlannedNamespace } from '../plan';

/** The planned namespace a fleet or function serves. */
export function namespaceOf(plan: DeploymentPlan, qualifiedName: string): PlannedNamespace | undefined {
  return plan.namespaces.find((n) => n.qualifiedName === qualifiedName);
}

/** The prop path of a namespace-level setting (`namespace.x` or `shards[i].namespace.x`). */
export function nsProp(ns: PlannedNamespace, field: string): string {
  return `${ns.propPath}.${field}`;
}

/** The construct path to report for a namespace (the shard's path when sharded). */
export function nsPath(ns: PlannedNamespace): string | undefined {
  return ns.shard ? ns.declaredAt : undefined;
}

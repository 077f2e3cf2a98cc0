/**
 * Regionally Sharded Namespaces (https://docs.temporal.io/cloud/high-availability/architecture-patterns): one namespace active per region, each replicated
 * elsewhere; "Each shard's Workers can use Single-region, Active/Cold, or Active/Hot". Per-region
 * infrastructure (VPC, cluster, private zone, endpoint) is shared by the shards in that region.
 */
import { DeploymentPattern } from '../model';
import { DeploymentRequest, ShardRequest } from '../plan';
import { planActiveActive } from './active-active';
import { planActiveCold } from './active-cold';
import { planActiveHot } from './active-hot';
import { planNamespace } from './common';
import { Contribution } from './contribution';
import { planSingleRegion } from './single-region';

export function planSharded(request: DeploymentRequest): Contribution[] {
  // A shard left incomplete by an untyped caller (no namespace or pattern) is not planned: TEMPORAL_REQUIRED_PROP names what is missing.
  return (request.shards ?? []).flatMap((shard, i) => (shard.namespace && shard.pattern ? [planShard(shard, i, request)] : []));
}

function planShard(shard: ShardRequest, index: number, request: DeploymentRequest): Contribution {
  const ns = planNamespace(shard.namespace, shard.pattern, shard.auth,
    `${request.constructPath}/${shard.name}`, `shards[${index}].namespace`, shard.name, shard.standbyRegion);
  switch (shard.pattern) {
    case DeploymentPattern.SINGLE_REGION: return planSingleRegion(ns, request, shard.endpoint);
    case DeploymentPattern.ACTIVE_COLD: return planActiveCold(ns, request, shard.endpoint);
    case DeploymentPattern.ACTIVE_HOT: return planActiveHot(ns, request, shard.endpoint);
    // Not a valid shard pattern (a rule reports it); planned as asked so every finding is reported at once.
    default: return planActiveActive(ns, request, shard.endpoint);
  }
}

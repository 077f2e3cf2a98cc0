/**
 * `RegionallyShardedNamespaces` (CDK for Terraform): one namespace per shard, each active in its home region and replicated elsewhere; each shard's
 * Workers follow Single-region, Active/Cold or Active/Hot. A region's VPC, ECS cluster, Temporal VPC endpoint, private zone and codec server are
 * shared by every shard in that region.
 */
import { Construct } from 'constructs';
import { TemporalDeploymentBase } from './deployment';
import { DeploymentPattern } from '../../core';
import { RegionallyShardedNamespacesProps } from '../options';

/** The patterns a shard's Workers may follow (values of `DeploymentPattern`). */
export const ShardPattern = {
  /** Workers in the namespace's one region, no automatic failover (a warning to acknowledge). */
  SINGLE_REGION: DeploymentPattern.SINGLE_REGION,
  /** Active/Passive (Cold). */
  ACTIVE_COLD: DeploymentPattern.ACTIVE_COLD,
  /** Active/Passive (Hot): the namespace's forwarding must be disabled. */
  ACTIVE_HOT: DeploymentPattern.ACTIVE_HOT,
} as const;

/** Regionally sharded namespaces: per-shard fleets on shared regional infrastructure. */
export class RegionallyShardedNamespaces extends TemporalDeploymentBase {
  constructor(scope: Construct, id: string, props: RegionallyShardedNamespacesProps) {
    super(scope, id, 'RegionallyShardedNamespaces', props);
  }
}

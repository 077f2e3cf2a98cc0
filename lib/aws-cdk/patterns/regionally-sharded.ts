/**
 * `RegionallyShardedNamespaces`: one namespace per shard, each active in its home region and replicated elsewhere, each shard's Workers on
 * Single-region, Active/Cold or Active/Hot. The regional infrastructure (VPC, ECS cluster, Temporal VPC endpoint, private zone, codec server) is
 * shared by every shard in a region; each shard's fleets go to their own stack per region, so adding shards never overflows CloudFormation's
 * 500-resources-per-stack limit.
 */
import { Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { PlannedFleet, RegionPlan } from '../../core';
import { RegionallyShardedNamespacesProps } from '../options';
import { guardResourceLimit, TemporalDeploymentBase } from './deployment';

/** Regionally sharded namespaces: per-shard fleets on shared regional infrastructure. */
export class RegionallyShardedNamespaces extends TemporalDeploymentBase {
  constructor(scope: Construct, id: string, props: RegionallyShardedNamespacesProps) {
    super(scope, id, 'RegionallyShardedNamespaces', props);
  }

  /** @internal */
  protected _fleetScopeFor(stack: Stack, region: RegionPlan): ((fleet: PlannedFleet) => Construct) | undefined {
    return (fleet) => {
      const shard = this._plan.namespaces.find((n) => n.qualifiedName === fleet.namespace)?.shard ?? 'shard';
      const stacks = shardStacksOf(this);
      const key = `${region.awsRegion}|${shard}`;
      let shardStack = stacks.get(key);
      if (!shardStack) {
        const created = stack.node.scope === this;
        shardStack = new Stack(created ? this : (Stack.of(stack).node.scope ?? stack.node.root), `${region.awsRegion}-${shard}`, {
          stackName: `${this.node.id}-${region.awsRegion}-${shard}`,
          env: { region: region.awsRegion, account: stack.account },
          description: `RegionallyShardedNamespaces ${this.node.id}: shard ${shard} fleets in ${region.awsRegion}`,
        });
        stacks.set(key, shardStack);
        guardResourceLimit(shardStack, 'RegionallyShardedNamespaces');
      }
      return shardStack.node.tryFindChild('Temporal') as Construct ?? new Construct(shardStack, 'Temporal');
    };
  }

  /** The per-shard fleet stacks, keyed `<region>/<shard>`. */
  public get shardFleetStacks(): { [key: string]: Stack } {
    return Object.fromEntries([...shardStacksOf(this).entries()].map(([k, v]) => [k.replace('|', '/'), v]));
  }
}

// Kept outside the instance: _fleetScopeFor runs inside the base constructor, before subclass fields exist.
const SHARD_STACKS = new WeakMap<RegionallyShardedNamespaces, Map<string, Stack>>();
function shardStacksOf(d: RegionallyShardedNamespaces): Map<string, Stack> {
  let m = SHARD_STACKS.get(d);
  if (!m) SHARD_STACKS.set(d, m = new Map());
  return m;
}

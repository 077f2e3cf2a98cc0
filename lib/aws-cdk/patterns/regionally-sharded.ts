/**
 * `RegionallyShardedNamespaces`: one namespace per shard, each active in its home region and
 * replicated elsewhere, each shard's Workers on Single-region, Active/Cold or Active/Hot. The
 * regional infrastructure (VPC, ECS cluster, Temporal VPC endpoint, private zone, codec server) is
 * shared by every shard in a region; each shard's fleets go to their own stack per region, so adding
 * shards never overflows CloudFormation's 500-resources-per-stack limit.
 */
import { Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { DeploymentPattern, EndpointKind, NamespaceSpec, PlannedFleet, qualifiedNamespace, RegionPlan } from '../../core';
import { TemporalCredentials } from '../blocks/credentials';
import { TemporalDeploymentSharedProps, WorkerFleetOptions } from '../options';
import { guardResourceLimit, TemporalDeploymentBase } from './deployment';
import { FleetConfig } from '../render/region';

/** One shard: its own namespace, home region, replica region and Worker pattern. */
export interface NamespaceShard {
  /** A short name for the shard (used in construct ids and stack names), e.g. `eu`. */
  readonly name: string;
  /** The shard's namespace; `primaryRegion` is its home region. */
  readonly namespace: NamespaceSpec;
  /**
   * The shard's Worker pattern: SINGLE_REGION, ACTIVE_COLD or ACTIVE_HOT (Active/Active is not a shard pattern).
   */
  readonly pattern: DeploymentPattern;
  /** The shard's credentials. */
  readonly credentials: TemporalCredentials;
  /** The shard's Worker fleet. */
  readonly workers: WorkerFleetOptions;
  /**
   * The endpoint the shard's Workers dial.
   * @default - the shard pattern's documented default
   */
  readonly endpoint?: EndpointKind;
}

/** Props of `RegionallyShardedNamespaces`. */
export interface RegionallyShardedNamespacesProps extends TemporalDeploymentSharedProps {
  /** The shards. */
  readonly shards: NamespaceShard[];
}

/** Regionally sharded namespaces: per-shard fleets on shared regional infrastructure. */
export class RegionallyShardedNamespaces extends TemporalDeploymentBase {
  constructor(scope: Construct, id: string, props: RegionallyShardedNamespacesProps) {
    const byNamespace = new Map<string, NamespaceShard>();
    for (const shard of props.shards ?? []) byNamespace.set(qualifiedNamespace(shard.namespace), shard);
    super(scope, id, 'RegionallyShardedNamespaces', props, {
      pattern: DeploymentPattern.SINGLE_REGION,
      shards: (props.shards ?? []).map((s) => ({
        name: s.name, namespace: s.namespace, pattern: s.pattern, auth: s.credentials.method, endpoint: s.endpoint,
      })),
    }, {
      fleetConfigFor: (namespace: string): FleetConfig => {
        const shard = byNamespace.get(namespace)!;
        return { workers: shard.workers, credentials: shard.credentials };
      },
    });
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

/**
 * `RegionallyShardedNamespaces` (CDK for Terraform): one namespace per shard, each active in its
 * home region and replicated elsewhere; each shard's Workers follow Single-region, Active/Cold or
 * Active/Hot. A region's VPC, ECS cluster, Temporal VPC endpoint, private zone and codec server are
 * shared by every shard in that region.
 */
import { Construct } from 'constructs';
import { FleetConfig, TemporalDeploymentBase } from './deployment';
import { DeploymentPattern, EndpointKind, NamespaceSpec, qualifiedNamespace } from '../../core';
import { TemporalCredentials } from '../blocks/credentials';
import { TemporalDeploymentSharedProps, WorkerFleetOptions } from '../options';

/** The patterns a shard's Workers may follow (values of `DeploymentPattern`). */
export const ShardPattern = {
  /** Workers in the namespace's one region, no automatic failover (a warning to acknowledge). */
  SINGLE_REGION: DeploymentPattern.SINGLE_REGION,
  /** Active/Passive (Cold). */
  ACTIVE_COLD: DeploymentPattern.ACTIVE_COLD,
  /** Active/Passive (Hot): the namespace's forwarding must be disabled. */
  ACTIVE_HOT: DeploymentPattern.ACTIVE_HOT,
} as const;

/** One shard: its own namespace, home region, replica region and Worker pattern. */
export interface NamespaceShard {
  /** A short name for the shard (prefixes its fleets: `<name>-workers`), e.g. `eu`. */
  readonly name: string;
  /** The shard's namespace; `primaryRegion` is its home region. */
  readonly namespace: NamespaceSpec;
  /** The shard's Worker pattern: SINGLE_REGION, ACTIVE_COLD or ACTIVE_HOT (Active/Active is not a shard pattern). */
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
}

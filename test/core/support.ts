/**
 * Request builders and small helpers for the engine-neutral core tests. Each builder returns a
 * `DeploymentRequest` that is valid for its pattern (no findings) unless overridden, so a test states
 * only what it changes.
 */
import {
  AuthMethod,
  ComponentRequest,
  ComponentRouting,
  DeploymentPattern,
  DeploymentPlan,
  DeploymentRequest,
  evaluate,
  Finding,
  NamespaceSpec,
  NetworkPath,
  PlacementFact,
  planDeployment,
  PollerForwarding,
  RegionPlan,
  regionPlan,
  ShardRequest,
  WorkerRuntime,
} from '../../lib/core';

/** Overrides for a request: `namespace` and `components` are merged field by field. */
export type RequestOverrides = Partial<Omit<DeploymentRequest, 'namespace' | 'components'>> & {
  readonly namespace?: Partial<NamespaceSpec>;
  readonly components?: Partial<ComponentRequest>;
};

export const NAMESPACE: NamespaceSpec = {
  name: 'orders',
  accountId: 'a1b2c',
  primaryRegion: 'us-east-1',
  replicaRegion: 'us-west-2',
};

export const COMPONENTS: ComponentRequest = {
  codecServer: true,
  proxy: false,
  routing: ComponentRouting.PER_REGION_CONFIG,
  privateZone: true,
};

const KIND: Record<DeploymentPattern, string> = {
  [DeploymentPattern.SINGLE_REGION]: 'SingleRegionDeployment',
  [DeploymentPattern.ACTIVE_COLD]: 'ActiveColdDeployment',
  [DeploymentPattern.ACTIVE_HOT]: 'ActiveHotDeployment',
  [DeploymentPattern.ACTIVE_ACTIVE]: 'ActiveActiveDeployment',
};

function build(pattern: DeploymentPattern, base: Partial<NamespaceSpec>, overrides: RequestOverrides): DeploymentRequest {
  const { namespace, components, ...rest } = overrides;
  return {
    constructPath: 'App/Orders',
    constructKind: KIND[pattern],
    pattern,
    auth: AuthMethod.API_KEY,
    networkPath: NetworkPath.PRIVATE_LINK,
    runtime: WorkerRuntime.FARGATE,
    starters: false,
    placements: [],
    failoverDomainName: 'orders.temporal.internal',
    ...rest,
    namespace: { ...NAMESPACE, ...base, ...namespace },
    components: { ...COMPONENTS, ...components },
  };
}

/** Active/Passive (Hot), with the namespace declaring forwarding disabled as the pattern needs. */
export function hotRequest(overrides: RequestOverrides = {}): DeploymentRequest {
  return build(DeploymentPattern.ACTIVE_HOT, { pollerForwarding: PollerForwarding.DISABLED }, overrides);
}

/** Active/Passive (Cold). */
export function coldRequest(overrides: RequestOverrides = {}): DeploymentRequest {
  return build(DeploymentPattern.ACTIVE_COLD, {}, overrides);
}

/** Active/Active (fleets in the namespace regions unless `workerRegions` is given). */
export function activeActiveRequest(overrides: RequestOverrides = {}): DeploymentRequest {
  return build(DeploymentPattern.ACTIVE_ACTIVE, {}, overrides);
}

/** Serverless Workers (Lambda) on Active/Hot, one Build ID in both namespace regions. */
export function serverlessRequest(overrides: RequestOverrides = {}): DeploymentRequest {
  return hotRequest({
    runtime: WorkerRuntime.LAMBDA,
    serverless: { buildIds: { 'us-east-1': 'build-2024-06-01', 'us-west-2': 'build-2024-06-01' }, externalId: 'temporal-invoker-3f9a1c7d2e' },
    ...overrides,
  });
}

/** One shard: an HA namespace `orders-<name>` with the given pattern (Hot: forwarding disabled). */
export function shard(
  name: string, primaryRegion: string, replicaRegion: string | undefined,
  overrides: Partial<Omit<ShardRequest, 'namespace'>> & { readonly namespace?: Partial<NamespaceSpec> } = {},
): ShardRequest {
  const pattern = overrides.pattern ?? DeploymentPattern.ACTIVE_HOT;
  return {
    name,
    pattern,
    auth: AuthMethod.API_KEY,
    ...overrides,
    namespace: {
      name: `orders-${name}`,
      accountId: 'a1b2c',
      primaryRegion,
      replicaRegion,
      pollerForwarding: pattern === DeploymentPattern.ACTIVE_HOT ? PollerForwarding.DISABLED : undefined,
      ...overrides.namespace,
    },
  };
}

/** Regionally sharded namespaces: by default two Active/Hot shards homed in us-east-1 and us-west-2. */
export function shardedRequest(shards?: ShardRequest[], overrides: RequestOverrides = {}): DeploymentRequest {
  const { namespace: _ignored, components, ...rest } = overrides;
  return {
    constructPath: 'App/Orders',
    constructKind: 'RegionallyShardedDeployment',
    pattern: DeploymentPattern.ACTIVE_HOT,
    auth: AuthMethod.API_KEY,
    networkPath: NetworkPath.PRIVATE_LINK,
    runtime: WorkerRuntime.FARGATE,
    starters: false,
    placements: [],
    failoverDomainName: 'orders.temporal.internal',
    ...rest,
    components: { ...COMPONENTS, ...components },
    shards: shards ?? [shard('east', 'us-east-1', 'us-west-2'), shard('west', 'us-west-2', 'us-east-1')],
  };
}

/** A placement fact as a renderer would report it (nothing supplied unless overridden). */
export function placement(awsRegion: string, overrides: Partial<PlacementFact> = {}): PlacementFact {
  return { awsRegion, suppliedStack: false, suppliedVpc: false, propPath: `regions.${awsRegion}`, ...overrides };
}

/** Plans and evaluates a request. */
export function findingsOf(request: DeploymentRequest): Finding[] {
  return evaluate(planDeployment(request));
}

/** The findings of one rule. */
export function findingsFor(request: DeploymentRequest | DeploymentPlan, ruleId: string): Finding[] {
  const findings = 'regions' in request ? evaluate(request) : findingsOf(request);
  return findings.filter((f) => f.ruleId === ruleId);
}

/** The rule ids found, in report order. */
export function ruleIds(findings: Finding[]): string[] {
  return findings.map((f) => f.ruleId);
}

/** The region plan for a region, failing the test when the region is missing. */
export function region(plan: DeploymentPlan, awsRegion: string): RegionPlan {
  const r = regionPlan(plan, awsRegion);
  if (!r) throw new Error(`the plan has no region ${awsRegion}; it has ${plan.regions.map((x) => x.awsRegion).join(', ')}`);
  return r;
}

/** A copy of a plan with one region replaced (to build shapes the planner never produces). */
export function withRegion(plan: DeploymentPlan, awsRegion: string, change: (r: RegionPlan) => RegionPlan): DeploymentPlan {
  return { ...plan, regions: plan.regions.map((r) => (r.awsRegion === awsRegion ? change(r) : r)) };
}

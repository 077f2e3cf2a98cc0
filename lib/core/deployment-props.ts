/**
 * From a pattern construct's props to an engine-neutral request, for both engines. The props of the two flavours differ only in engine objects
 * (images, secrets, stacks or providers); everything else is read here, once. Structural views, not exported from the package (jsii would see them).
 */
import type { CodecServerInput } from './components/codec-server';
import type { CredentialSecretFact } from './components/credentials';
import { claimFailoverName, failoverNameFor } from './components/failover-state';
import type { ProxyInput } from './components/proxy';
import type { ServerlessFunctionSpec } from './components/serverless-worker';
import type { FleetSizing } from './components/service';
import { Connectivity } from './connectivity';
import { qualifiedNamespace } from './endpoints';
import { AuthMethod, ComponentRouting, DeploymentPattern, EndpointKind, NamespaceSpec, NetworkPath, WorkerEgress, WorkerRuntime } from './model';
import type { FailoverOptions } from './pattern-options';
import { DeploymentRequest, FailoverRequest, FleetInputs, PlacementFact, StackValueFact } from './plan';
import { normalizeAwsRegion } from './regions';
import { defaultFailoverDomainName } from './request';

/** Credentials as the core sees them: the auth method, and (AWS CDK secrets given as objects) where their secrets live. */
export interface CredentialsView {
  readonly method: AuthMethod;
  /** The secrets given as engine objects, with their regions. @internal */
  readonly _secretFacts?: () => CredentialSecretFact[];
}

/** What every pattern's props have, whichever engine. */
export interface SharedPropsView {
  readonly connectivity?: Connectivity;
  readonly egress?: WorkerEgress;
  /** The flavours name the codec server's zone `hostedZone` (AWS CDK) or `hostedZoneId` (cdktf). */
  readonly codecServer?: CodecServerInput & { readonly hostedZone?: unknown; readonly hostedZoneId?: string };
  readonly proxy?: ProxyInput;
  readonly componentRouting?: ComponentRouting;
  readonly failoverDomainName?: string;
  readonly acknowledgeWarnings?: { [ruleId: string]: string };
  readonly hardened?: boolean;
  readonly failover?: FailoverOptions;
  /** The recovery-time objective in seconds (the AWS CDK flavour turns its `recoveryTimeObjective` Duration into this). */
  readonly recoveryTimeObjectiveSeconds?: number;
}

/** What a single-namespace pattern's props have, whichever engine. */
export interface SingleNamespaceView {
  readonly namespace: NamespaceSpec;
  readonly credentials: CredentialsView;
  readonly workers?: FleetSizing;
  readonly serverlessWorkers?: {
    readonly buildId?: string;
    readonly buildIds?: { [awsRegion: string]: string };
    readonly externalId: string;
    /** cdktf: the code per region. */
    readonly code?: { [awsRegion: string]: unknown };
  };
  readonly starters?: FleetSizing & { readonly pinnedRegion?: string };
  readonly endpoint?: EndpointKind;
  readonly workerRegions?: string[];
  readonly standbyRegion?: string;
}

/** What a shard has, whichever engine. */
export interface ShardView {
  readonly name: string;
  readonly namespace: NamespaceSpec;
  readonly pattern: DeploymentPattern;
  readonly credentials: CredentialsView;
  readonly workers: FleetSizing;
  readonly endpoint?: EndpointKind;
  readonly standbyRegion?: string;
  readonly activeRegion?: string;
}

/** The pattern each construct kind plans (serverless Workers plan as Active/Active over the namespace's regions). */
export const PATTERN_OF_KIND: Record<string, DeploymentPattern> = {
  ActiveHotDeployment: DeploymentPattern.ACTIVE_HOT,
  ActiveColdDeployment: DeploymentPattern.ACTIVE_COLD,
  ActiveActiveDeployment: DeploymentPattern.ACTIVE_ACTIVE,
  ServerlessWorkers: DeploymentPattern.ACTIVE_ACTIVE,
  RegionallyShardedNamespaces: DeploymentPattern.SINGLE_REGION,
};

/** What a pattern's kind and props decide of the request (the rest comes from the shared props). */
type PatternPart = Pick<DeploymentRequest, 'pattern'> & Partial<Pick<DeploymentRequest,
  'namespace' | 'shards' | 'auth' | 'endpoint' | 'workerRegions' | 'standbyRegion' | 'starters' | 'starterPinnedRegion' | 'runtime' | 'serverless'
  | 'workersGiven' | 'missingProps'>>;

/** The flavour's name of the serverless Workers' code prop: `codePath` (AWS CDK) or `code` (CDK for Terraform). */
export type ServerlessCodeProp = 'codePath' | 'code';

/** A pattern's request part and its fleets' engine-neutral options. */
export interface PatternInputs {
  readonly part: PatternPart;
  readonly fleetInputs: Record<string, FleetInputs>;
}

/**
 * A single-namespace pattern: Fargate Workers or serverless Workers (exactly one; the rule
 * TEMPORAL_WORKERS_OR_SERVERLESS reports otherwise), and optional starters.
 */
export function singleNamespaceInputs(kind: string, props: SingleNamespaceView, codeProp: ServerlessCodeProp = 'codePath'): PatternInputs {
  const sl = props.serverlessWorkers;
  const regions = [props.namespace?.primaryRegion, props.namespace?.replicaRegion]
    .filter((r): r is string => r !== undefined).map(normalizeAwsRegion);
  const key = props.namespace ? qualifiedNamespace(props.namespace) : '';
  return {
    part: {
      pattern: PATTERN_OF_KIND[kind],
      namespace: props.namespace,
      auth: props.credentials?.method,
      endpoint: props.endpoint,
      workerRegions: props.workerRegions,
      standbyRegion: props.standbyRegion,
      starters: props.starters !== undefined,
      starterPinnedRegion: props.starters?.pinnedRegion,
      runtime: sl ? WorkerRuntime.LAMBDA : WorkerRuntime.FARGATE,
      serverless: sl && {
        buildIds: sl.buildIds ?? Object.fromEntries(regions.map((r) => [r, sl.buildId ?? ''])),
        externalId: sl.externalId ?? '',
        codeRegions: sl.code ? Object.keys(sl.code) : undefined,
      },
      workersGiven: props.workers !== undefined,
      missingProps: missingSingleNamespaceProps(kind, props, codeProp),
    },
    fleetInputs: { [key]: { workers: props.workers, starters: props.starters, credentialSecrets: props.credentials?._secretFacts?.() } },
  };
}

/** Regionally sharded namespaces: each shard's namespace, pattern and fleet options. */
export function shardedInputs(given: readonly ShardView[] | undefined): PatternInputs {
  // Untyped callers may leave out the list or an entry: plan what is there, TEMPORAL_REQUIRED_PROP names the rest.
  const shards = Array.from(Array.isArray(given) ? given : [], (s: ShardView | undefined) => s ?? ({} as ShardView));
  return {
    part: {
      pattern: DeploymentPattern.SINGLE_REGION,
      shards: Array.isArray(given) ? shards.map((s) => ({
        name: s.name,
        namespace: s.namespace,
        pattern: s.pattern,
        auth: s.credentials?.method,
        endpoint: s.endpoint,
        standbyRegion: s.standbyRegion,
        activeRegion: s.activeRegion,
      })) : undefined,
      missingProps: missingShardProps(given),
    },
    fleetInputs: Object.fromEntries(shards.map((s, i) => [qualifiedNamespace(s.namespace ?? {}), { workers: s.workers, propPrefix: `shards[${i}]`, credentialSecrets: s.credentials?._secretFacts?.() }])),
  };
}

/** `true` for a value an untyped caller left out (`undefined` or `null`). */
const absent = (v: unknown): boolean => v === undefined || v === null;

/** The namespace's required fields an untyped caller left out, as prop paths under `prefix`. */
function missingNamespaceProps(ns: NamespaceSpec | undefined, prefix: string): string[] {
  if (absent(ns)) return [prefix];
  return (['name', 'accountId', 'primaryRegion'] as const).filter((k) => absent(ns![k])).map((k) => `${prefix}.${k}`);
}

/** Required props of a single-namespace pattern an untyped (JavaScript) caller left out (TEMPORAL_REQUIRED_PROP). */
function missingSingleNamespaceProps(kind: string, props: SingleNamespaceView, codeProp: ServerlessCodeProp): string[] {
  const p = props as SingleNamespaceView & { readonly starters?: { readonly image?: unknown }; readonly workers?: { readonly image?: unknown } };
  const sl = p.serverlessWorkers as { readonly externalId?: string; readonly code?: unknown; readonly codePath?: unknown } | undefined;
  return [
    ...missingNamespaceProps(p.namespace, 'namespace'),
    ...(absent(p.credentials) ? ['credentials'] : []),
    ...(p.workers && absent(p.workers.image) ? ['workers.image'] : []),
    ...(p.starters && absent(p.starters.image) ? ['starters.image'] : []),
    ...(kind === 'ServerlessWorkers' && absent(sl) ? ['serverlessWorkers'] : []),
    ...(sl && absent(sl.externalId) ? ['serverlessWorkers.externalId'] : []),
    // The Worker code: `codePath` (AWS CDK) or `code` (CDK for Terraform).
    ...(sl && absent(sl.codePath) && absent(sl.code) ? [`serverlessWorkers.${codeProp}`] : []),
  ];
}

/** Required props of the shards an untyped caller left out. */
function missingShardProps(shards: readonly ShardView[] | undefined): string[] {
  if (!Array.isArray(shards)) return ['shards'];
  return Array.from(shards, (s: ShardView | undefined, i) => {
    const at = `shards[${i}]`;
    if (s === undefined || s === null) return [at];
    return [
      ...(absent(s.name) ? [`${at}.name`] : []),
      ...missingNamespaceProps(s.namespace, `${at}.namespace`),
      ...(absent(s.pattern) ? [`${at}.pattern`] : []),
      ...(absent(s.credentials) ? [`${at}.credentials`] : []),
      ...(absent(s.workers) ? [`${at}.workers`] : absent((s.workers as { readonly image?: unknown }).image) ? [`${at}.workers.image`] : []),
    ];
  }).flat();
}

/** The props object of a pattern construct; an untyped caller may pass none (`undefined` or `null`). */
export function propsOf<T extends object>(props: T | undefined | null): T {
  return (props ?? {}) as T;
}

/** The whole request of a pattern construct, every default applied. */
export function patternRequest(opts: {
  readonly kind: string;
  readonly constructPath: string;
  readonly props: SharedPropsView;
  readonly inputs: PatternInputs;
  readonly placements: PlacementFact[];
  /** The serverless Workers' function settings, engine values turned into names and seconds by the flavour. */
  readonly serverlessFunction?: ServerlessFunctionSpec;
  /** Values that refer to a stack of a known region (AWS CDK). */
  readonly stackValues?: StackValueFact[];
  /** The construct creates its own stacks, named after its id (AWS CDK outside a stack). */
  readonly createsStacks?: boolean;
  /** The deployment construct: its failover name is claimed app-wide (a second deployment with the same name is reported). */
  readonly scope?: { readonly node: { readonly root: object } };
}): DeploymentRequest {
  const { props, inputs: { part, fleetInputs } } = opts;
  const privateLink = props.connectivity?.networkPath === NetworkPath.PRIVATE_LINK ? props.connectivity.privateLinkOptions : undefined;
  const route = privateLink?.crossRegionRoute;
  return {
    ...part,
    constructPath: opts.constructPath,
    constructKind: opts.kind,
    auth: part.auth ?? AuthMethod.API_KEY,
    starters: part.starters ?? false,
    runtime: part.runtime ?? WorkerRuntime.FARGATE,
    serverless: part.serverless && { ...part.serverless, function: opts.serverlessFunction },
    networkPath: props.connectivity?.networkPath ?? NetworkPath.PUBLIC,
    egress: props.egress ?? WorkerEgress.NAT_GATEWAY,
    crossRegionRoute: route ? route.kind ?? 'none' : undefined,
    transitGatewayIds: route?.transitGatewayIds,
    missingProps: [
      ...part.missingProps ?? [],
      ...(props.codecServer && absent((props.codecServer as { readonly image?: unknown }).image) ? ['codecServer.image'] : []),
      ...(props.proxy && absent((props.proxy as { readonly image?: unknown }).image) ? ['proxy.image'] : []),
    ],
    components: {
      codecServer: props.codecServer !== undefined,
      proxy: props.proxy !== undefined,
      routing: props.componentRouting ?? ComponentRouting.PER_REGION_CONFIG,
      privateZone: true,
      codecServerInput: props.codecServer && {
        ...props.codecServer, hostedZoneGiven: props.codecServer.hostedZone !== undefined || props.codecServer.hostedZoneId !== undefined,
      },
      proxyInput: props.proxy,
    },
    failoverDomainName: props.failoverDomainName ?? defaultFailoverDomainName(opts.constructPath.split('/').pop() ?? opts.constructPath),
    placements: opts.placements,
    stackValues: opts.stackValues,
    createsStacks: opts.createsStacks,
    failoverNameTakenBy: opts.scope && claimedBy(opts.scope, props, opts.constructPath),
    acknowledgements: props.acknowledgeWarnings,
    hardened: props.hardened === true,
    failover: failoverRequestOf(props),
    fleetInputs,
  };
}

/** Claims the deployment's failover name in its app (given, else from the construct id); the path of another deployment that has it. */
function claimedBy(scope: { readonly node: { readonly root: object } }, props: SharedPropsView, constructPath: string): string | undefined {
  return claimFailoverName(scope, failoverNameFor(absent(props.failover) ? undefined : props.failover!.name, constructPath), constructPath);
}

/** The failover options in engine-neutral terms (undefined when none is given: the defaults). */
function failoverRequestOf(props: SharedPropsView): FailoverRequest | undefined {
  const f = absent(props.failover) ? undefined : props.failover;
  const rto = props.recoveryTimeObjectiveSeconds;
  if (f === undefined && rto === undefined) return undefined;
  const ops = absent(f?.cloudOpsApi) ? undefined : f!.cloudOpsApi;
  return {
    name: f?.name,
    activeRegion: f?.activeRegion,
    cloudOpsApi: ops && { apiKeySecretName: ops.apiKeySecretName, baseUrl: ops.baseUrl, apiVersion: ops.apiVersion },
    recoveryTimeObjectiveSeconds: rto,
    recordTtlSeconds: f?.recordTtlSeconds,
  };
}

/** `orders-workers` -> `OrdersWorkers` (construct ids). */
export function pascal(id: string): string {
  return id.split(/[^a-zA-Z0-9]+/).filter(Boolean).map((s) => s[0].toUpperCase() + s.slice(1)).join('');
}

/** The engine objects of one namespace's fleets (images, credentials, code), found by the fleets' `configKey`. */
export interface FleetObjects<W, C, S> {
  readonly workers?: W;
  readonly starters?: W;
  readonly credentials: C;
  readonly serverless?: S;
}

/** The engine table of a single-namespace pattern: its one namespace's fleets. */
export function singleNamespaceTable<W, C, S>(props: {
  readonly namespace: NamespaceSpec; readonly credentials: C; readonly workers?: W; readonly starters?: W; readonly serverlessWorkers?: S;
}): Map<string, FleetObjects<W, C, S>> {
  return new Map([[qualifiedNamespace(props.namespace ?? {}), {
    workers: props.workers, starters: props.starters, credentials: props.credentials, serverless: props.serverlessWorkers,
  }]]);
}

/** The engine table of a sharded deployment: each shard's fleets. */
export function shardedTable<W, C, S>(
  shards: ReadonlyArray<{ readonly namespace: NamespaceSpec; readonly credentials: C; readonly workers: W }> | undefined,
): Map<string, FleetObjects<W, C, S>> {
  return new Map(Array.from(Array.isArray(shards) ? shards : [], (s) => s).filter((s) => !absent(s))
    .map((s) => [qualifiedNamespace(s.namespace ?? {}), { workers: s.workers, credentials: s.credentials }]));
}

/** A pattern construct's request inputs and engine table, from its kind and props (both engines). */
export function patternInputsOf<W, C, S>(kind: string, props: SharedPropsView & {
  readonly namespace?: NamespaceSpec;
  readonly credentials?: C;
  readonly workers?: W;
  readonly starters?: W;
  readonly serverlessWorkers?: S;
  readonly shards?: ReadonlyArray<ShardView & { readonly credentials: C; readonly workers: W }>;
}, codeProp: ServerlessCodeProp = 'codePath'): { inputs: PatternInputs; table: Map<string, FleetObjects<W, C, S>> } {
  if (kind === 'RegionallyShardedNamespaces') return { inputs: shardedInputs(props.shards), table: shardedTable(props.shards) };
  const single = props as SingleNamespaceView & {
    readonly credentials: C; readonly workers?: W; readonly starters?: W; readonly serverlessWorkers?: S;
  };
  return { inputs: singleNamespaceInputs(kind, single, codeProp), table: singleNamespaceTable<W, C, S>(single) };
}

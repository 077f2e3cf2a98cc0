/**
 * From what a pattern construct was given (in engine-neutral terms) to a checked plan. Both engines
 * call this, so the same props give the same plan and the same findings whichever engine renders.
 */
import { assertValid, evaluate, Finding } from './findings';
import { AuthMethod, ComponentRouting, CrossRegionRouteKind, DeploymentPattern, EndpointKind, NamespaceSpec, NetworkPath, WorkerRuntime } from './model';
import { planDeployment } from './patterns';
import { DeploymentPlan, DeploymentRequest, PlacementFact, ServerlessRequest, ShardRequest } from './plan';
import { normalizeAwsRegion } from './regions';

/** The part of a request a pattern construct decides (shared by both engines' pattern bases). */
export interface PatternRequestPart {
  /** The pattern. */
  readonly pattern: DeploymentPattern;
  /**
   * How the namespace's Workers authenticate (single-namespace patterns; shards carry their own).
   * @default AuthMethod.API_KEY
   */
  readonly auth?: AuthMethod;
  /**
   * The namespace (all patterns but sharded).
   * @default - none
   */
  readonly namespace?: NamespaceSpec;
  /**
   * The endpoint Workers dial.
   * @default - the pattern's documented default
   */
  readonly endpoint?: EndpointKind;
  /**
   * Deploy Workflow starters with the Workers.
   * @default false
   */
  readonly starters?: boolean;
  /**
   * Pin the starters to this region's Regional Endpoint.
   * @default - the Namespace Endpoint
   */
  readonly starterPinnedRegion?: string;
  /**
   * What runs the Workers.
   * @default WorkerRuntime.FARGATE
   */
  readonly runtime?: WorkerRuntime;
  /**
   * Serverless Workers: the Build ID per region.
   * @default - none
   */
  readonly serverlessBuildIds?: { [awsRegion: string]: string };
  /**
   * Serverless Workers: the invoker role's external ID.
   * @default - none
   */
  readonly serverlessExternalId?: string;
  /**
   * Active/Active: the regions to run fleets in.
   * @default - the namespace's regions
   */
  readonly workerRegions?: string[];
  /**
   * Sharded: the shards.
   * @default - not sharded
   */
  readonly shards?: ShardRequest[];
}

/** A pattern construct's choices; everything optional has the documented default. */
export interface RequestInput {
  readonly constructPath: string;
  readonly constructKind: string;
  readonly pattern: DeploymentPattern;
  readonly namespace?: NamespaceSpec;
  readonly shards?: ShardRequest[];
  readonly auth: AuthMethod;
  readonly endpoint?: EndpointKind;
  readonly workerRegions?: string[];
  /** Default: public. */
  readonly networkPath?: NetworkPath;
  /** Default: VPC peering wherever the pattern needs a route. `'none'`: no route. */
  readonly crossRegionRoute?: CrossRegionRouteKind | 'none';
  /** Default: Fargate. */
  readonly runtime?: WorkerRuntime;
  readonly codecServer?: boolean;
  readonly proxy?: boolean;
  /** Default: per-region configuration. */
  readonly componentRouting?: ComponentRouting;
  /** Regions with a codec server certificate (undefined: not checked). */
  readonly codecCertificateRegions?: string[];
  readonly starters?: boolean;
  readonly starterPinnedRegion?: string;
  readonly tlsServerName?: string;
  readonly serverless?: ServerlessRequest;
  readonly placements?: PlacementFact[];
  readonly acknowledgements?: Record<string, string>;
}

/** Applies the defaults. */
export function buildRequest(i: RequestInput): DeploymentRequest {
  return {
    constructPath: i.constructPath,
    constructKind: i.constructKind,
    pattern: i.pattern,
    namespace: i.namespace,
    shards: i.shards,
    auth: i.auth,
    endpoint: i.endpoint,
    workerRegions: i.workerRegions,
    networkPath: i.networkPath ?? NetworkPath.PUBLIC,
    crossRegionRoute: i.crossRegionRoute,
    runtime: i.runtime ?? WorkerRuntime.FARGATE,
    components: {
      codecServer: i.codecServer ?? false,
      proxy: i.proxy ?? false,
      routing: i.componentRouting ?? ComponentRouting.PER_REGION_CONFIG,
      privateZone: true,
      codecCertificateRegions: i.codecCertificateRegions?.map(normalizeAwsRegion),
    },
    starters: i.starters ?? false,
    starterPinnedRegion: i.starterPinnedRegion,
    tlsServerName: i.tlsServerName,
    serverless: i.serverless,
    placements: i.placements ?? [],
    acknowledgements: i.acknowledgements,
  };
}

/** Plans and checks: throws one TemporalHaValidationError listing every error; returns the plan and warnings. */
export function planAndCheck(i: RequestInput): { plan: DeploymentPlan; warnings: Finding[] } {
  const plan = planDeployment(buildRequest(i));
  const warnings = assertValid(plan, evaluate(plan));
  return { plan, warnings };
}

/** What a single-namespace pattern was given, in engine-neutral terms. */
export interface SingleNamespaceInput {
  readonly namespace: NamespaceSpec;
  readonly auth: AuthMethod;
  /** Whether a Fargate Worker fleet was given (`workers`). */
  readonly fleet: boolean;
  /** The serverless Workers' Build ID(s) and external ID, when given (`serverlessWorkers`). */
  readonly serverless?: { readonly buildId?: string; readonly buildIds?: Record<string, string>; readonly externalId: string };
  /** The starters, when given. */
  readonly starters?: { readonly pinnedRegion?: string };
}

/**
 * The request part of a single-namespace pattern: Fargate Workers or serverless Workers (exactly
 * one, else a clear error), and optional starters. Both engines' patterns call this.
 */
export function singleNamespacePart(kind: string, path: string, i: SingleNamespaceInput): Omit<PatternRequestPart, 'pattern'> {
  if (i.fleet === (i.serverless !== undefined)) {
    throw new Error(`${kind} ${path}: workers = ${i.fleet ? '{...}' : '(not set)'}, serverlessWorkers = ${i.serverless ? '{...}' : '(not set)'}: `
      + 'the Workers run either as an ECS Fargate fleet or as serverless Lambda functions. Fix: set exactly one of workers and serverlessWorkers.');
  }
  const sl = i.serverless;
  const regions = [i.namespace.primaryRegion, i.namespace.replicaRegion].filter((r): r is string => r !== undefined).map(normalizeAwsRegion);
  return {
    namespace: i.namespace,
    auth: i.auth,
    starters: i.starters !== undefined,
    starterPinnedRegion: i.starters?.pinnedRegion,
    runtime: sl ? WorkerRuntime.LAMBDA : WorkerRuntime.FARGATE,
    serverlessBuildIds: sl ? sl.buildIds ?? Object.fromEntries(regions.map((r) => [r, sl.buildId ?? ''])) : undefined,
    serverlessExternalId: sl?.externalId,
  };
}

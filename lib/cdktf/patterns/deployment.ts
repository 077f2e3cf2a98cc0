/**
 * What every CDK for Terraform pattern construct does, in order:
 *   props -> request (engine-neutral) -> planAndCheck (throws one error listing all)
 *         -> one aliased provider per region (the user's, or the stack's cached one)
 *         -> renderPlan -> resources in the user's TerraformStack.
 * It also registers a validation on the TerraformStack, where cdktf runs validations at synth
 * (`app.synth()`, `Testing.synth(stack, true)`), which re-checks what may still change after
 * construction (a supplied provider's region, a supplied VPC's CIDR).
 *
 * A pattern subclass only says which pattern it is and what it adds to the request; the props and
 * the request mirror the AWS CDK flavour (lib/aws-cdk/patterns/deployment.ts).
 */
import { Construct } from 'constructs';
import {
  AuthMethod,
  DeploymentPlan,
  Finding,
  formatFinding,
  NamespaceSpec,
  NetworkPath,
  normalizeAwsRegion,
  PlacementFact,
  planAndCheck,
  RequestInput,
  TemporalHaValidationError,
  WorkerRuntime,
} from '../../core';
import { singleNamespacePart } from '../../core/request';
import type { PatternRequestPart } from '../../core/request';
import { TemporalCredentials } from '../blocks/credentials';
import { Annotations, AwsProvider, TerraformStack, Token } from '../engine';
import { ServerlessWorkerOptions, StarterOptions, TemporalDeploymentCommonProps, TemporalDeploymentSharedProps, WorkerFleetOptions } from '../options';
import { regionalProvider } from '../providers';
import { RenderedRegion, renderPlan } from '../render/deployment';

/** What a namespace's fleets run with. */
export interface FleetConfig {
  /**
   * Image and sizing (Fargate Workers).
   * @default - none: serverless Workers
   */
  readonly workers?: WorkerFleetOptions;
  /** Credentials. */
  readonly credentials: TemporalCredentials;
  /**
   * Workflow starters' image and sizing, when starters are deployed.
   * @default - none
   */
  readonly starters?: StarterOptions;
  /**
   * Serverless Workers, when the Workers are Lambda functions.
   * @default - none
   */
  readonly serverless?: ServerlessWorkerOptions;
}

/** Gives each namespace's fleets their image, sizing and credentials. */
export interface IFleetConfigProvider {
  /** The fleet configuration for a qualified namespace (`orders.a1b2c`). */
  fleetConfigFor(namespace: string): FleetConfig;
}


/** Internal base of the CDK for Terraform pattern constructs. */
export abstract class TemporalDeploymentBase extends Construct {
  /**
   * The plan this construct rendered (pure data: what runs where, dialing what).
   * @internal
   */
  public readonly _plan: DeploymentPlan;
  /** Warnings found (acknowledged ones carry the reason). */
  public readonly warnings: Finding[];
  /** The TerraformStack the resources are in. */
  public readonly stack: TerraformStack;
  /** @internal */
  protected readonly _rendered: Map<string, RenderedRegion>;
  private readonly _providers = new Map<string, AwsProvider>();

  protected constructor(scope: Construct, id: string, kind: string, props: TemporalDeploymentSharedProps,
    part: PatternRequestPart, fleets: IFleetConfigProvider) {
    super(scope, id);
    this.stack = enclosingStack(this, kind);
    const connectivity = props.connectivity;
    const privateLink = connectivity?.networkPath === NetworkPath.PRIVATE_LINK ? connectivity.privateLinkOptions : undefined;
    const requestFor = (): RequestInput => ({
      constructPath: this.node.path,
      constructKind: kind,
      pattern: part.pattern,
      namespace: part.namespace,
      shards: part.shards,
      auth: part.auth ?? AuthMethod.API_KEY,
      endpoint: part.endpoint,
      workerRegions: part.workerRegions,
      starters: part.starters,
      starterPinnedRegion: part.starterPinnedRegion,
      runtime: part.runtime,
      serverless: part.runtime === WorkerRuntime.LAMBDA
        ? { buildIds: part.serverlessBuildIds ?? {}, externalId: part.serverlessExternalId ?? '' }
        : undefined,
      networkPath: connectivity?.networkPath,
      crossRegionRoute: privateLink?.crossRegionRoute ? privateLink.crossRegionRoute.kind ?? 'none' : undefined,
      codecServer: props.codecServer !== undefined,
      proxy: props.proxy !== undefined,
      componentRouting: props.componentRouting,
      codecCertificateRegions: props.codecServer ? Object.keys(props.codecServer.certificateArns) : undefined,
      placements: placementsOf(props),
      acknowledgements: props.acknowledgeWarnings,
    });

    // At construction: plan and check (throws one TemporalHaValidationError listing every error).
    const { plan, warnings } = planAndCheck(requestFor());
    this._plan = plan;
    this.warnings = warnings;
    this.annotate(warnings);

    // At synth: cdktf runs the validations of each stack (and of what is under it, never of what is
    // above it). This one sits on the stack itself and re-checks with the props as they are then.
    this.stack.node.addValidation({
      validate: () => {
        try {
          planAndCheck(requestFor());
          return [];
        } catch (e) {
          if (e instanceof TemporalHaValidationError) return [e.message];
          throw e;
        }
      },
    });

    const supplied = props.regions ?? {};
    const providerFor = (awsRegion: string): AwsProvider => {
      const region = normalizeAwsRegion(awsRegion);
      let provider = this._providers.get(region);
      if (!provider) {
        provider = supplied[region]?.provider ?? supplied[`aws-${region}`]?.provider ?? regionalProvider(this.stack, region);
        this._providers.set(region, provider);
      }
      return provider;
    };
    this._rendered = renderPlan({
      scope: this,
      plan,
      props,
      fleetConfig: (namespace) => fleets.fleetConfigFor(namespace),
      providerFor,
      failoverDomainName: props.failoverDomainName ?? `${id.toLowerCase().replace(/[^a-z0-9-]/g, '-')}.temporal.internal`,
    });
  }

  /**
   * The deployment plan as JSON: per region, the fleets (state, address, endpoint), codec servers,
   * proxies, PrivateLink endpoint, private zone records and routes. Useful in tests and reviews.
   */
  public planJson(): any {
    const { request: _request, ...plan } = this._plan;
    return JSON.parse(JSON.stringify(plan));
  }

  /** The AWS providers this construct deployed with, by AWS region. */
  public get providers(): { [awsRegion: string]: AwsProvider } {
    return Object.fromEntries(this._providers);
  }

  private annotate(warnings: Finding[]): void {
    // cdktf annotations have no acknowledgement: an acknowledged warning is recorded as info, with its reason.
    for (const w of warnings) {
      if (w.acknowledged) {
        Annotations.of(this).addInfo(`temporal-ha:${w.ruleId} acknowledged ("${w.acknowledged}"): ${formatFinding(w)}`);
      } else {
        Annotations.of(this).addWarning(`temporal-ha:${w.ruleId}: ${formatFinding(w)} (acknowledge with acknowledgeWarnings: { ${w.ruleId}: '<reason>' })`);
      }
    }
  }
}

/**
 * The request part and fleet configuration of a single-namespace pattern: Fargate Workers or
 * serverless Workers (exactly one), and optional starters.
 */
export function singleNamespaceFleets(kind: string, path: string, props: TemporalDeploymentCommonProps & {
  readonly namespace: NamespaceSpec; readonly credentials: TemporalCredentials;
}): { part: Omit<PatternRequestPart, 'pattern'>; fleets: IFleetConfigProvider } {
  const sl = props.serverlessWorkers;
  return {
    part: singleNamespacePart(kind, path, {
      namespace: props.namespace, auth: props.credentials.method, fleet: props.workers !== undefined, serverless: sl, starters: props.starters,
    }),
    fleets: { fleetConfigFor: () => ({ workers: props.workers, credentials: props.credentials, starters: props.starters, serverless: sl }) },
  };
}

/** Placement facts, read from the props each time (a provider's region may be set after construction). */
function placementsOf(props: TemporalDeploymentSharedProps): PlacementFact[] {
  return Object.entries(props.regions ?? {}).map(([key, p]) => {
    const providerRegion = p.provider?.region;
    const cidr = p.vpc?.cidrBlock;
    return {
      awsRegion: normalizeAwsRegion(key),
      stackRegion: providerRegion === undefined ? undefined
        : (Token.isUnresolved(providerRegion) ? '${Token[provider.region]}' : normalizeAwsRegion(providerRegion)),
      suppliedStack: p.provider !== undefined,
      placedBy: 'provider',
      suppliedVpc: p.vpc !== undefined,
      vpcCidr: cidr !== undefined && !Token.isUnresolved(cidr) ? cidr : undefined,
      propPath: `regions.${key}`,
    };
  });
}

function enclosingStack(c: Construct, kind: string): TerraformStack {
  for (let s: Construct | undefined = c.node.scope; s; s = s.node.scope) {
    if (TerraformStack.isStack(s)) return s;
  }
  throw new Error(`${kind} ${c.node.path}: create it inside a TerraformStack (scope: the stack or a construct in it). `
    + 'It renders every region into that one stack, with one aliased AWS provider per region.');
}

export type { PatternRequestPart };

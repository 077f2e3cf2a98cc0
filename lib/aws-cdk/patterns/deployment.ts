/**
 * What every AWS CDK pattern construct does, in order:
 *   props -> DeploymentRequest (engine-neutral) -> plan -> rules (throw one error listing all)
 *         -> one stack per region (created or supplied) -> renderRegion for each.
 * A pattern subclass only says which pattern it is and what it adds to the request.
 */
import { Annotations, Stack, Stage, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import {
  DeploymentPattern,
  DeploymentPlan,
  EndpointKind,
  Finding,
  formatFinding,
  NetworkPath,
  normalizeAwsRegion,
  PlacementFact,
  planAndCheck,
  NamespaceSpec,
  RegionPlan,
  ShardRequest,
} from '../../core';
import { TemporalCredentials } from '../blocks/credentials';
import { TemporalDeploymentCommonProps } from '../options';
import { renderRegion, RenderedRegion } from '../render/region';

/** The part of a request a pattern subclass decides. */
export interface PatternRequestPart {
  /** The pattern. */
  readonly pattern: DeploymentPattern;
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

/** Internal base of the pattern constructs. */
export abstract class TemporalDeploymentBase extends Construct {
  /**
   * The plan this construct rendered (pure data: what runs where, dialing what).
   * @internal
   */
  public readonly _plan: DeploymentPlan;
  /** Warnings found (acknowledged ones carry the reason). */
  public readonly warnings: Finding[];
  /** @internal */
  protected readonly _rendered = new Map<string, RenderedRegion>();
  /** @internal */
  protected readonly _stacks = new Map<string, Stack>();

  protected constructor(scope: Construct, id: string, kind: string, props: TemporalDeploymentCommonProps,
    credentials: TemporalCredentials, part: PatternRequestPart) {
    super(scope, id);
    const supplied = props.regions ?? {};
    const placements: PlacementFact[] = Object.entries(supplied).map(([key, p]) => {
      const stackRegion = p.stack ? (Token.isUnresolved(p.stack.region) ? undefined : p.stack.region) : undefined;
      const cidr = p.vpc && !Token.isUnresolved(p.vpc.vpcCidrBlock) ? p.vpc.vpcCidrBlock : undefined;
      return {
        awsRegion: normalizeAwsRegion(key),
        stackRegion,
        suppliedStack: p.stack !== undefined,
        suppliedVpc: p.vpc !== undefined,
        vpcCidr: cidr,
        propPath: `regions.${key}`,
      };
    });
    const connectivity = props.connectivity;
    const privateLink = connectivity?.networkPath === NetworkPath.PRIVATE_LINK ? connectivity.privateLinkOptions : undefined;
    const { plan, warnings } = planAndCheck({
      constructPath: this.node.path,
      constructKind: kind,
      pattern: part.pattern,
      namespace: part.namespace,
      shards: part.shards,
      auth: credentials.method,
      endpoint: part.endpoint,
      workerRegions: part.workerRegions,
      networkPath: connectivity?.networkPath,
      crossRegionRoute: privateLink?.crossRegionRoute ? privateLink.crossRegionRoute.kind ?? 'none' : undefined,
      codecServer: props.codecServer !== undefined,
      proxy: props.proxy !== undefined,
      componentRouting: props.componentRouting,
      codecCertificateRegions: props.codecServer ? Object.keys(props.codecServer.certificateArns) : undefined,
      placements,
      acknowledgements: props.acknowledgeWarnings,
    });
    this._plan = plan;
    this.warnings = warnings;
    this.annotate(this.warnings);

    for (const region of this._plan.regions.filter((r) => r.needsVpc)) {
      const placement = supplied[region.awsRegion] ?? supplied[`aws-${region.awsRegion}`] ?? {};
      const stack = placement.stack ?? this.stackFor(region, props.account);
      this._stacks.set(region.awsRegion, stack);
      const regionScope = new Construct(stack, placement.stack ? `${id}-${region.awsRegion}` : 'Temporal');
      this._rendered.set(region.awsRegion, renderRegion({
        stack,
        scope: regionScope,
        region,
        props,
        credentials,
        vpc: placement.vpc,
        cluster: placement.cluster,
      }));
    }
  }

  private stackFor(region: RegionPlan, account?: string): Stack {
    const existing = this._stacks.get(region.awsRegion);
    if (existing) return existing;
    const enclosing = enclosingStack(this);
    if (enclosing) {
      if (enclosing.region === region.awsRegion) return enclosing;
      throw new Error([
        `${this.node.path}: this construct is inside stack ${enclosing.node.path} (region ${Token.isUnresolved(enclosing.region) ? 'not set' : enclosing.region}),`,
        `but the plan also deploys to ${region.awsRegion}. Either create the construct under an App or Stage (it then creates one stack per region),`,
        `or supply regions: { '${region.awsRegion}': { stack: <a Stack with env.region '${region.awsRegion}'> } }.`,
      ].join(' '));
    }
    return new Stack(this, region.awsRegion, {
      stackName: `${this.node.id}-${region.awsRegion}`,
      env: { region: region.awsRegion, account: account ?? process.env.CDK_DEFAULT_ACCOUNT },
      description: `${this._plan.constructKind} ${this.node.id}: Temporal Workers and connectivity in ${region.awsRegion}`,
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

  /** The stacks this construct deployed to, by AWS region. */
  public get stacks(): { [awsRegion: string]: Stack } {
    return Object.fromEntries(this._stacks);
  }

  private annotate(warnings: Finding[]): void {
    for (const w of warnings) {
      const id = `temporal-ha:${w.ruleId}`;
      Annotations.of(this).addWarningV2(id, formatFinding(w));
      if (w.acknowledged) Annotations.of(this).acknowledgeWarning(id, w.acknowledged);
    }
  }
}

function enclosingStack(c: Construct): Stack | undefined {
  for (let s: Construct | undefined = c.node.scope; s; s = s.node.scope) {
    if (Stack.isStack(s)) return s;
    if (Stage.isStage(s)) return undefined;
  }
  return undefined;
}


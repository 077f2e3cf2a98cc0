/**
 * What every AWS CDK pattern construct does, in order: props -> DeploymentRequest (engine-neutral) -> plan -> rules (throw one error listing all) ->
 * one stack per region (created or supplied) -> renderRegion for each. A pattern subclass only says which pattern it is and what it adds to the
 * request.
 */
import { Annotations, CfnResource, CfnWaitConditionHandle, Duration, Lazy, Reference, Stack, Stage, Token, Tokenization } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import {
  DeploymentPlan, Finding, formatFinding, needsLinks, normalizeAwsRegion, PlacementFact, PlannedFleet, planAndCheck, planToJson, RegionPlan,
  ServiceRef, StackValueFact,
} from '../../core';
import { regionHardening } from '../../core/components/hardening';
import { byRegion } from '../../core/components/input';
import { givenNetworkProps, regionNetwork } from '../../core/components/network';
import type { ServerlessFunctionSpec } from '../../core/components/serverless-worker';
import { FleetObjects, patternInputsOf, patternRequest, propsOf } from '../../core/deployment-props';
import { renderRunbook, renderTopology } from '../../core/documents';
import { throwIfProblems } from '../../core/errors';
import { TemporalCredentials } from '../blocks/credentials';
import { ServerlessWorkerOptions, TemporalDeploymentSharedProps, WorkerFleetOptions } from '../options';
import { writeDocumentsAtSynth } from '../render/documents';
import { FailoverRegion, renderFailover } from '../render/failover-runbook';
import { FailoverState } from '../render/failover-state';
import { makeLinksStack, renderLinks } from '../render/links';
import { suppliedZoneFact } from '../render/private-dns';
import { renderRegion, RenderedRegion } from '../render/region';

/** Internal base of the pattern constructs. Not part of the API: each pattern construct carries its members. @internal */
export abstract class TemporalDeploymentBase extends Construct {
  /** The plan this construct rendered (pure data: what runs where, dialing what). @internal */
  public readonly _plan: DeploymentPlan;
  /** Warnings found (acknowledged ones carry the reason). */
  public readonly warnings: Finding[];
  /** @internal */
  protected readonly _rendered = new Map<string, RenderedRegion>();
  /** @internal */
  protected readonly _stacks = new Map<string, Stack>();
  /** @internal */
  protected readonly _linksStacks = new Map<string, Stack>();
  /** The construct each region's resources are created under (in the region's stack). */
  private readonly regionScopes = new Map<string, Construct>();

  protected constructor(scope: Construct, id: string, kind: string, given: TemporalDeploymentSharedProps) {
    super(scope, id);
    const props = propsOf(given); // untyped callers may pass none: TEMPORAL_REQUIRED_PROP names what is missing
    const { inputs, table: fleets } = patternInputsOf<WorkerFleetOptions, TemporalCredentials, ServerlessWorkerOptions>(kind, props);
    const supplied = props.regions ?? {};
    const placements: PlacementFact[] = Object.entries(supplied).map(([key, p]) => ({
      awsRegion: normalizeAwsRegion(key),
      stackRegion: p.stack && !Token.isUnresolved(p.stack.region) ? p.stack.region : undefined,
      suppliedStack: p.stack !== undefined,
      suppliedVpc: p.vpc !== undefined,
      vpcCidr: p.vpc ? knownCidr(p.vpc) : undefined,
      propPath: `regions.${key}`,
      createAwsServiceEndpoints: p.createAwsServiceEndpoints,
      networkProps: givenNetworkProps(p, ['workerSubnets', 'componentSubnets', 'workerSecurityGroups', 'cluster']),
      suppliedZone: p.privateZone && suppliedZoneFact(p.privateZone, p.vpc, normalizeAwsRegion(key), `regions.${key}.privateZone`, this),
    }));
    const { plan, warnings } = planAndCheck(patternRequest({
      kind,
      constructPath: this.node.path,
      props: { ...props, recoveryTimeObjectiveSeconds: secondsOf(props.recoveryTimeObjective) },
      inputs,
      placements,
      serverlessFunction: functionSpecOf(fleets),
      stackValues: stackValuesOf(props),
      createsStacks: enclosingStack(this) === undefined,
      scope: this,
    }));
    this._plan = plan;
    this.warnings = warnings;
    this.annotate(this.warnings);
    this.checkEnclosingStack(kind, supplied);
    const state = new FailoverState({ failover: this._plan.failover, stateStack: (awsRegion) => this.stateStack(awsRegion, kind, props.account) });

    for (const region of this._plan.regions.filter((r) => r.needsVpc || r.functions.length > 0)) {
      const placement = supplied[region.awsRegion] ?? supplied[`aws-${region.awsRegion}`] ?? {};
      const stack = placement.stack ?? this.stackFor(region, props.account);
      this._stacks.set(region.awsRegion, stack);
      const regionScope = new Construct(stack, placement.stack ? `${id}-${region.awsRegion}` : 'Temporal');
      this.regionScopes.set(region.awsRegion, regionScope);
      this._rendered.set(region.awsRegion, renderRegion({
        scope: regionScope,
        region,
        engine: { fleets, codecServer: props.codecServer, proxy: props.proxy },
        fleetScope: this._fleetScopeFor(stack, region),
        vpc: placement.vpc,
        vpcCidr: placement.vpc ? knownCidr(placement.vpc) : undefined,
        cluster: placement.cluster,
        privateZone: placement.privateZone,
        deploymentPath: this.node.path,
        network: regionNetwork(this._plan, region),
        hardening: regionHardening(this._plan, region),
        workerSubnets: placement.workerSubnets,
        componentSubnets: placement.componentSubnets,
        workerSecurityGroups: placement.workerSecurityGroups,
        state: state.value,
      }));
    }

    for (const stack of this._stacks.values()) guardResourceLimit(stack, kind);
    for (const stack of this._stacks.values()) keepDeployable(stack, id);

    if (this._plan.regions.some(needsLinks) || this._plan.failoverRecords.length > 0) {
      renderLinks({
        plan: this._plan,
        rendered: this._rendered,
        linksStack: (awsRegion) => this.linksStackFor(awsRegion, kind),
        cidrOf: (awsRegion) => {
          const placed = supplied[awsRegion]?.vpc ?? supplied[`aws-${awsRegion}`]?.vpc;
          return placed ? knownCidr(placed) ?? placed.vpcCidrBlock : this._plan.regions.find((r) => r.awsRegion === awsRegion)!.defaultVpcCidr;
        },
        state: state.value,
      });
    }
    renderFailover(this._plan, state, (awsRegion) => this.failoverRegion(awsRegion, kind));
    state.emitStateStacks();
    writeDocumentsAtSynth(this, this._plan);
  }

  /** A region's links stack (created on first use): cross-region routes and private DNS. */
  private linksStackFor(awsRegion: string, kind: string): Stack {
    const existing = this._linksStacks.get(awsRegion);
    if (existing) return existing;
    const id = this.node.id;
    const base = this._stacks.get(awsRegion)!;
    const parent = this.linksParent(base);
    // Beside a supplied stack, the links stack is a child of the App or Stage: its id names the deployment (several may have links there).
    const stack = makeLinksStack(parent, parent === this ? `${awsRegion}-links` : `${id}-${awsRegion}-links`, {
      stackName: `${id}-${awsRegion}-links`,
      region: awsRegion,
      account: Token.isUnresolved(base.account) ? undefined : base.account,
      description: `${kind} ${id}: cross-region routes and private DNS for the Workers in ${awsRegion}`,
    });
    this._linksStacks.set(awsRegion, stack);
    return stack;
  }

  /**
   * A region's failover state stack (`<id>-<region>-state`): the SSM parameters holding the active region, beside the region's stack (created
   * or supplied); every stack that reads the state depends on it.
   */
  private stateStack(awsRegion: string, kind: string, account?: string): Stack {
    const id = this.node.id;
    const base = this._stacks.get(awsRegion);
    const parent = base ? this.linksParent(base) : this;
    return new Stack(parent, parent === this ? `${awsRegion}-state` : `${id}-${awsRegion}-state`, {
      stackName: `${id}-${awsRegion}-state`,
      env: { region: awsRegion, account: base && !Token.isUnresolved(base.account) ? base.account : account ?? process.env.CDK_DEFAULT_ACCOUNT },
      description: `${kind} ${id}: the failover state (which region is active) read by the deployment's stacks in ${awsRegion}`,
    });
  }

  /**
   * Where a region's capacity alarms and runbooks go: a stack deployed after every ECS service of the region (they name the services). That is the
   * region's links stack when it has one, else the region's own stack; when fleets are in stacks of their own (shards, which may wait for the links
   * stack's records), a failover stack of the region's, after them.
   */
  private failoverRegion(awsRegion: string, kind: string): FailoverRegion | undefined {
    const rendered = this._rendered.get(awsRegion);
    const regional = this.regionScopes.get(awsRegion);
    if (!rendered || !regional) return undefined;
    const links = this._linksStacks.get(awsRegion);
    const elsewhere = [...rendered.fleetServices.values()].some((s) => Stack.of(s) !== Stack.of(regional) && Stack.of(s) !== links);
    const stack = elsewhere ? this.failoverStack(awsRegion, kind) : links;
    const scope = stack ? stack.node.tryFindChild('Temporal') as Construct ?? new Construct(stack, 'Temporal') : regional;
    const serviceOf = (s: ServiceRef) => (s.kind === 'fleet' ? rendered.fleetServices.get(s.id)
      : s.kind === 'codec-server' ? rendered.codecServers.get(s.id) : rendered.proxies.get(s.id))?.service;
    return {
      scope,
      lookup: (s) => {
        const service = serviceOf(s);
        return service && { clusterName: service.cluster.clusterName, serviceName: service.serviceName };
      },
    };
  }

  /** A region's failover stack (`<id>-<region>-failover`), for runbooks and alarms that must deploy after stacks of their own (shards). */
  private failoverStack(awsRegion: string, kind: string): Stack {
    const id = this.node.id;
    const base = this._stacks.get(awsRegion)!;
    const parent = this.linksParent(base);
    const stackId = parent === this ? `${awsRegion}-failover` : `${id}-${awsRegion}-failover`;
    const existing = parent.node.tryFindChild(stackId);
    if (existing) return existing as Stack;
    return makeLinksStack(parent, stackId, {
      stackName: `${id}-${awsRegion}-failover`,
      region: awsRegion,
      account: Token.isUnresolved(base.account) ? undefined : base.account,
      description: `${kind} ${id}: the failover runbooks and capacity alarms of ${awsRegion}, deployed after every service there`,
    });
  }

  /**
   * Where a region's fleets go. Sharded deployments override this to give each shard its own stack,
   * so that many shards never overflow CloudFormation's resource limit in one stack.
   * @internal
   */
  protected _fleetScopeFor(_stack: Stack, _region: RegionPlan): ((fleet: PlannedFleet) => Construct) | undefined {
    return undefined;
  }

  /** Where links stacks go: beside this construct's own stacks, or in the App/Stage of a supplied stack. */
  private linksParent(base: Stack): Construct {
    return base.node.scope === this ? this : (Stage.of(base) ?? base.node.root);
  }

  /** The links stacks (cross-region routes and private DNS), by AWS region; empty when none are needed. */
  public get linksStacks(): { [awsRegion: string]: Stack } {
    return Object.fromEntries(this._linksStacks);
  }

  /** Inside a stack, the construct can only deploy to that stack's region, unless given a stack per other region. */
  private checkEnclosingStack(kind: string, supplied: { [awsRegion: string]: { stack?: Stack } }): void {
    const enclosing = enclosingStack(this);
    if (!enclosing) return;
    const where = Token.isUnresolved(enclosing.region) ? 'not set' : enclosing.region;
    throwIfProblems(kind, this.node.path, this._plan.regions
      .filter((r) => (r.needsVpc || r.functions.length > 0) && r.awsRegion !== enclosing.region && !byRegion(supplied, r.awsRegion)?.stack)
      .map((r) => ({
        ruleId: 'TEMPORAL_STACK_REGION_EXPLICIT',
        prop: `regions.${r.awsRegion}.stack`,
        value: '(not set)',
        message: `this construct is inside stack ${enclosing.node.path} (region ${where}), but the plan also deploys to ${r.awsRegion}.`,
        fix: `create the construct under an App or Stage (it then creates one stack per region), or supply regions: { '${r.awsRegion}': { stack: <a Stack with env.region '${r.awsRegion}'> } }.`,
      })));
  }

  private stackFor(region: RegionPlan, account?: string): Stack {
    const existing = this._stacks.get(region.awsRegion);
    if (existing) return existing;
    const enclosing = enclosingStack(this);
    // Other regions were reported before anything was created (checkEnclosingStack).
    if (enclosing) return enclosing;
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
    return planToJson(this._plan);
  }

  /**
   * The deployment's topology as a Mermaid `architecture-beta` diagram: regions and VPCs, fleets and the Temporal endpoint each dials,
   * PrivateLink endpoints, zones and records, routes, codec servers, proxies, failover names, functions, the failover state and runbooks.
   * The same text is written to `<synth output>/temporal-ha/<construct path>/topology.mmd` at every synth.
   */
  public topologyDiagram(): string {
    return renderTopology(this._plan);
  }

  /**
   * The failover runbook of this exact deployment, in Markdown: what the namespace needs, before-checks, failing over to and back from each
   * region (automation, console, CLI), after-checks, what happens while a region is down, every service, record and alarm by name, and the
   * recovery-time estimate with its parts. The same text is written to `<synth output>/temporal-ha/<construct path>/runbook.md` at every synth.
   */
  public failoverRunbook(): string {
    return renderRunbook(this._plan);
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

/** The engine objects of one namespace's fleets in this flavour. */
export type FleetEngineObjects = FleetObjects<WorkerFleetOptions, TemporalCredentials, ServerlessWorkerOptions>;

/** The serverless Workers' function settings in engine-neutral terms (a runtime's name, a timeout in seconds). */
function functionSpecOf(fleets: Map<string, FleetEngineObjects>): ServerlessFunctionSpec | undefined {
  const sl = [...fleets.values()].find((o) => o.serverless)?.serverless;
  return sl && { ...sl, runtime: sl.runtime?.name, timeoutSeconds: sl.timeout && !sl.timeout.isUnresolved() ? sl.timeout.toSeconds() : undefined };
}

/** A duration in seconds for the core (a token stays a token: the core reports it). */
function secondsOf(d: Duration | undefined): number | undefined {
  if (d === undefined) return undefined;
  return d.isUnresolved() ? Lazy.number({ produce: () => d.toSeconds() }) : d.toSeconds({ integral: false });
}

/** A VPC's IPv4 CIDR when it is known at synth (a literal, or the literal of a VPC defined in this app). */
function knownCidr(vpc: ec2.IVpc): string | undefined {
  if (!Token.isUnresolved(vpc.vpcCidrBlock)) return vpc.vpcCidrBlock;
  const cfn = vpc.node.defaultChild;
  if (cfn instanceof ec2.CfnVPC && typeof cfn.cidrBlock === 'string' && !Token.isUnresolved(cfn.cidrBlock)) return cfn.cidrBlock;
  return undefined;
}

/**
 * The values in the props that refer to a stack of a known region (a CfnParameter, a resource attribute), by the prop path the user wrote, so that
 * a value used in another region is reported before rendering (TEMPORAL_CROSS_REGION_VALUE). Engine objects (an image, credentials) are searched
 * too and reported at their own prop; constructs are not (a supplied VPC or stack is placed by region).
 */
function stackValuesOf(props: object): StackValueFact[] {
  const found = new Map<string, StackValueFact>();
  const seen = new Set<object>();
  // Inside an engine object (a class instance) the user's prop is the object's own: `inside` stops the path there.
  const visit = (value: unknown, prop: string, depth: number, inside = false): void => {
    if (typeof value === 'string' || typeof value === 'number') {
      for (const token of referencesIn(value)) {
        const stack = Stack.of(token.target);
        if (!Token.isUnresolved(stack.region)) found.set(`${prop}|${stack.node.path}`, { prop, stack: stack.node.path, region: stack.region });
      }
      return;
    }
    if (typeof value !== 'object' || value === null || depth > 8 || seen.has(value) || Construct.isConstruct(value)) return;
    seen.add(value);
    const object = !Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype;
    for (const [k, v] of Object.entries(value)) {
      const at = inside || object ? prop : Array.isArray(value) ? `${prop}[${k}]` : prop ? `${prop}.${k}` : k;
      visit(v, at, depth + 1, inside || object);
    }
  };
  visit(props, '', 0);
  return [...found.values()];
}

/** The references (to a parameter or a resource) a string or number token is made of. */
function referencesIn(value: string | number): Reference[] {
  if (!Token.isUnresolved(value)) return [];
  const tokens = typeof value === 'number' ? [Tokenization.reverseNumber(value)] : Tokenization.reverseString(value).tokens;
  return tokens.filter((t): t is Reference => t instanceof Reference);
}

/** CloudFormation rejects a template with more than this many resources. */
export const CLOUDFORMATION_RESOURCE_LIMIT = 500;

/** Fails synthesis (with how to split) when a stack this construct renders into exceeds CloudFormation's limit. */
export function guardResourceLimit(stack: Stack, kind: string): void {
  if ((stack as any)[GUARDED]) return;
  (stack as any)[GUARDED] = true;
  stack.node.addValidation({
    validate: () => {
      const count = stack.node.findAll().filter((c) => CfnResource.isCfnResource(c) && Stack.of(c) === stack).length;
      return count <= CLOUDFORMATION_RESOURCE_LIMIT ? [] : [
        `[TEMPORAL_STACK_RESOURCE_LIMIT] ${stack.node.path}: ${count} resources, over CloudFormation's limit of ${CLOUDFORMATION_RESOURCE_LIMIT} per stack. `
        + `Fix: give ${kind} fewer things per stack: supply a separate stack per region (regions: { '<region>': { stack } }), `
        + 'move your own resources out of this stack, or split shards across more RegionallyShardedNamespaces constructs.',
      ];
    },
  });
}
const GUARDED = Symbol.for('temporal-ha-constructs.resource-limit-guard');

function enclosingStack(c: Construct): Stack | undefined {
  for (let s: Construct | undefined = c.node.scope; s; s = s.node.scope) {
    if (Stack.isStack(s)) return s;
    if (Stage.isStage(s)) return undefined;
  }
  return undefined;
}

/**
 * CloudFormation refuses a template without resources ("Resources section must exist and be non-empty"). A regional stack can end up with
 * none: on a supplied VPC and cluster, when the Temporal endpoint and zone live with the VPC and every fleet resolves another region's record
 * (so it deploys in the links stack). It then gets a no-op wait condition handle (no cost, no API calls) so that it deploys and keeps its outputs.
 */
function keepDeployable(stack: Stack, id: string): void {
  if (stack.node.findAll().some((c) => CfnResource.isCfnResource(c))) return;
  new CfnWaitConditionHandle(stack, `${id}Placeholder`);
}

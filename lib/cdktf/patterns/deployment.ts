/**
 * What every CDK for Terraform pattern construct does, in order: props -> request (engine-neutral) -> planAndCheck (throws one error listing all) ->
 * one aliased provider per region (the user's, or the stack's cached one) -> renderPlan -> resources in the user's TerraformStack. It also registers
 * a validation on the TerraformStack, where cdktf runs validations at synth (`app.synth()`, `Testing.synth(stack, true)`), which re-checks what may
 * still change after construction (a supplied provider's region, a supplied VPC's CIDR). A pattern subclass only says which pattern it is and what it
 * adds to the request; the props and the request mirror the AWS CDK flavour (lib/aws-cdk/patterns/deployment.ts).
 */
import { Construct } from 'constructs';
import { DeploymentPlan, Finding, formatFinding, normalizeAwsRegion, PlacementFact, planAndCheck, planToJson, TemporalHaValidationError } from '../../core';
import { givenNetworkProps } from '../../core/components/network';
import { FleetObjects, patternInputsOf, patternRequest, propsOf } from '../../core/deployment-props';
import { renderRunbook, renderTopology } from '../../core/documents';
import { throwIfProblems } from '../../core/errors';
import { TemporalCredentials } from '../blocks/credentials';
import { Annotations, AwsProvider, TerraformStack, Token } from '../engine';
import { ServerlessWorkerOptions, TemporalDeploymentSharedProps, WorkerFleetOptions } from '../options';
import { regionalProvider } from '../providers';
import { RenderedRegion, renderPlan } from '../render/deployment';
import { writeDocumentsAtSynth } from '../render/documents';
import { suppliedZoneFact } from '../render/private-dns';

/** The engine objects of one namespace's fleets in this flavour. */
export type FleetEngineObjects = FleetObjects<WorkerFleetOptions, TemporalCredentials, ServerlessWorkerOptions>;

/** Internal base of the CDK for Terraform pattern constructs. Not part of the API: each pattern construct carries its members. @internal */
export abstract class TemporalDeploymentBase extends Construct {
  /** The plan this construct rendered (pure data: what runs where, dialing what). @internal */
  public readonly _plan: DeploymentPlan;
  /** Warnings found (acknowledged ones carry the reason). */
  public readonly warnings: Finding[];
  /** The TerraformStack the resources are in. */
  public readonly stack: TerraformStack;
  /** @internal */
  protected readonly _rendered: Map<string, RenderedRegion>;
  private readonly _providers = new Map<string, AwsProvider>();

  protected constructor(scope: Construct, id: string, kind: string, given: TemporalDeploymentSharedProps) {
    super(scope, id);
    const props = propsOf(given); // untyped callers may pass none: TEMPORAL_REQUIRED_PROP names what is missing
    const { inputs, table: fleets } = patternInputsOf<WorkerFleetOptions, TemporalCredentials, ServerlessWorkerOptions>(kind, props, 'code');
    this.stack = enclosingStack(this, kind);
    const serverlessFunction = [...fleets.values()].find((o) => o.serverless)?.serverless;
    const requestFor = () => patternRequest({
      kind, constructPath: this.node.path, props, inputs, placements: placementsOf(props, this), serverlessFunction, scope: this,
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
      if (!this._providers.has(region)) {
        this._providers.set(region, supplied[region]?.provider ?? supplied[`aws-${region}`]?.provider ?? regionalProvider(this.stack, region));
      }
      return this._providers.get(region)!;
    };
    this._rendered = renderPlan({
      scope: this, plan, providerFor, engine: { fleets, codecServer: props.codecServer, proxy: props.proxy, regions: supplied, tags: props.tags },
    });
    // The topology diagram and the runbook of this deployment, next to the Terraform (`<outdir>/temporal-ha/<path>/`).
    writeDocumentsAtSynth(this, plan);
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

/** Placement facts, read from the props each time (a provider's region may be set after construction). */
function placementsOf(props: TemporalDeploymentSharedProps, deployment: Construct): PlacementFact[] {
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
      privateRouteTables: p.vpc ? (p.vpc.privateRouteTableIds?.length ?? 0) > 0 : undefined,
      publicSubnets: p.vpc ? (p.vpc.publicSubnetIds?.length ?? 0) > 0 : undefined,
      createAwsServiceEndpoints: p.createAwsServiceEndpoints,
      networkProps: givenNetworkProps(p, ['workerSubnetIds', 'componentSubnetIds', 'workerSecurityGroupIds', 'clusterArn']),
      suppliedZone: p.privateZoneId === undefined ? undefined
        : suppliedZoneFact(p.privateZoneId, p.vpc?.vpcId, normalizeAwsRegion(key), `regions.${key}.privateZoneId`, deployment),
    };
  });
}

function enclosingStack(c: Construct, kind: string): TerraformStack {
  for (let s: Construct | undefined = c.node.scope; s; s = s.node.scope) {
    if (TerraformStack.isStack(s)) return s;
  }
  return throwIfProblems(kind, c.node.path, [{
    ruleId: 'TEMPORAL_STACK_REGION_EXPLICIT',
    prop: 'scope',
    value: `'${c.node.scope?.node.path ?? ''}'`,
    message: 'the construct is not inside a TerraformStack: it renders every region into its stack, with one aliased AWS provider per region.',
    fix: 'create it inside a TerraformStack (scope: the stack or a construct in it).',
  }]) as never;
}


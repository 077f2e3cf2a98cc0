/**
 * The failover state in CloudFormation (design: README "Failing over"). Each failover unit's active region is one SSM String parameter per region,
 * created by a small per-region state stack with the declared value. CloudFormation updates a resource only when its template properties change, so
 * the parameter is written again only when the declared value changes: a routine deploy leaves a runbook's value alone.
 *
 * Every stack whose resources follow the state declares a parameter of type `AWS::SSM::Parameter::Value<String>` whose default is the SSM
 * parameter's name: CloudFormation resolves it on every create and update
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html#aws-ssm-parameter-types), so the template
 * reads the live state instead of baking it in. A condition per unit and region picks the values (`Fn::If`), and a `Rules` assertion fails the
 * deploy, before any change, when the state holds a value that is not one of the unit's regions (instead of making every region cold).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/rules-section-structure.html
 */
import { Aws, CfnCondition, CfnParameter, CfnRule, Fn, Stack, Token } from 'aws-cdk-lib';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import type { FailoverCapacity, PlannedFailover, PlannedFailoverUnit } from '../../core';
import { pascal } from '../../core/deployment-props';

/** A value that follows the live state: `whenActive` while `awsRegion` is the unit's active region, else `whenStandby` (read in `scope`'s stack). */
export type StateValue = <T>(scope: Construct, unitId: string, awsRegion: string, whenActive: T, whenStandby: T) => T;

export interface FailoverStateInput {
  readonly failover: PlannedFailover;
  /** The state stack of a region (a sibling of the region's stack, created on first use by the pattern). */
  readonly stateStack: (awsRegion: string) => Stack;
}

/** The state stacks of a deployment and the reading side of the state, per stack. */
export class FailoverState {
  private readonly units: Map<string, PlannedFailoverUnit>;
  private readonly stacks = new Map<string, Stack>();

  constructor(private readonly input: FailoverStateInput) {
    this.units = new Map(input.failover.units.map((u) => [u.id, u]));
  }

  /** Every unit's parameter in each of its regions (the runbooks write them all), beside those the reading stacks created. */
  public emitStateStacks(): void {
    for (const unit of this.input.failover.units) for (const awsRegion of unit.regions) this.parameterIn(unit, awsRegion);
  }

  /**
   * `whenActive` or `whenStandby` by the live state, as a CloudFormation `Fn::If` on the unit's condition for `awsRegion` in `scope`'s stack (the
   * parameter, condition and rule are created there on first use). Equal values are returned as they are (nothing follows the state).
   */
  public readonly value: StateValue = <T>(scope: Construct, unitId: string, awsRegion: string, whenActive: T, whenStandby: T): T => {
    const unit = this.units.get(unitId);
    if (!unit || whenActive === whenStandby) return whenActive;
    const condition = this.conditionIn(Stack.of(scope), unit, awsRegion);
    const expression = Fn.conditionIf(condition.logicalId, whenActive, whenStandby);
    if (typeof whenActive === 'number' || typeof whenStandby === 'number') return Token.asNumber(expression) as T;
    if (typeof whenActive === 'string' || typeof whenStandby === 'string') return Token.asString(expression) as T;
    return expression as T;
  };

  /** The `AWS::SSM::Parameter::Value<String>` parameter of a unit in a stack (created on first use, with its rule). */
  private parameter(stack: Stack, unit: PlannedFailoverUnit): CfnParameter {
    const id = `TemporalHaState${pascal(`${this.input.failover.name}-${unit.id}`)}`;
    const existing = stack.node.tryFindChild(id) as CfnParameter | undefined;
    if (existing) return existing;
    // The stack reads the parameter of its own region: that region's state stack deploys first.
    const awsRegion = Token.isUnresolved(stack.region) ? unit.regions[0] : stack.region;
    const stateStack = this.parameterIn(unit, awsRegion);
    if (stateStack !== stack) stack.node.addDependency(stateStack);
    const parameter = new CfnParameter(stack, id, {
      type: 'AWS::SSM::Parameter::Value<String>',
      default: unit.parameterName,
      description: `The SSM parameter holding the active region of ${unit.namespace} (written by the failover runbooks; keep the default)`,
    });
    new CfnRule(stack, `${id}Known`, {
      assertions: [{
        assert: Fn.conditionContains(unit.regions, parameter.valueAsString),
        assertDescription: `The SSM parameter ${unit.parameterName} (the active region of ${unit.namespace}) must be one of ${unit.regions.join(', ')}: `
          + `put one of them there (aws ssm put-parameter --overwrite --name ${unit.parameterName} --value <region> --region <each region>) `
          + 'or run a failover runbook, then deploy again.',
      }],
    });
    return parameter;
  }

  private conditionIn(stack: Stack, unit: PlannedFailoverUnit, awsRegion: string): CfnCondition {
    const id = `TemporalHaActive${pascal(`${this.input.failover.name}-${unit.id}-${awsRegion}`)}`;
    const existing = stack.node.tryFindChild(id) as CfnCondition | undefined;
    if (existing) return existing;
    return new CfnCondition(stack, id, { expression: Fn.conditionEquals(this.parameter(stack, unit).valueAsString, awsRegion) });
  }

  /** The unit's SSM parameter in a region's state stack (created on first use); returns the state stack. */
  private parameterIn(unit: PlannedFailoverUnit, awsRegion: string): Stack {
    if (!this.stacks.has(awsRegion)) this.stacks.set(awsRegion, this.input.stateStack(awsRegion));
    const stack = this.stacks.get(awsRegion)!;
    const id = pascal(`${unit.id}-active-region`);
    if (!stack.node.tryFindChild(id)) {
      // Every property but the value is constant: CloudFormation updates the parameter (writing the template's value) only when one changes.
      new ssm.StringParameter(stack, id, {
        parameterName: unit.parameterName,
        stringValue: unit.declaredActiveRegion,
        description: `The active AWS region of failover unit ${unit.id}: written by the deployment when its declared value changes, and by the failover runbooks`,
        tier: ssm.ParameterTier.STANDARD,
      });
    }
    return stack;
  }
}

/**
 * The task counts of an autoscaled service that follows the state: the scalable target's minimum and maximum by the state, and the desired count
 * omitted while active (Application Auto Scaling owns it: a deploy never resets a count that autoscaling or a runbook has set; registering the
 * scalable target moves the current count into the range,
 * https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html) and the standby count otherwise.
 */
export function capacityProps(scope: Construct, c: FailoverCapacity, awsRegion: string, value: StateValue) {
  return {
    desiredCount: value(scope, c.unit, awsRegion, Token.asNumber(Aws.NO_VALUE), c.whenStandby.desiredCount),
    minCapacity: value(scope, c.unit, awsRegion, c.whenActive.minCapacity, c.whenStandby.minCapacity),
    maxCapacity: value(scope, c.unit, awsRegion, c.whenActive.maxCapacity, c.whenStandby.maxCapacity),
  };
}

/** The desired count of a fixed-size service (a codec server, a proxy) that follows the state. */
export function componentCount(scope: Construct, c: FailoverCapacity, awsRegion: string, value: StateValue): number {
  return value(scope, c.unit, awsRegion, c.whenActive.desiredCount, c.whenStandby.desiredCount);
}

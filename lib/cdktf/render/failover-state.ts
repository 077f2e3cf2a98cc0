/**
 * The failover state in Terraform: per failover unit and region, the `aws_ssm_parameter` holding the active region and a
 * `data "aws_ssm_parameter"` reading it back at plan time, so that every value that follows the state (task counts, scalable
 * targets, gate thresholds, alarm thresholds) is a Terraform conditional on the LIVE value, never the declared one.
 *
 * - The parameter is created with the declared active region and written again only when that declaration changes:
 *   `ignore_changes = [value]` leaves a runbook's write alone on every apply, and `replace_triggered_by` a `terraform_data` whose
 *   `input` is the declared value recreates it (with the new declared value) when, and only when, the declaration changes
 *   (https://developer.hashicorp.com/terraform/language/meta-arguments/lifecycle#replace_triggered_by,
 *   https://developer.hashicorp.com/terraform/language/resources/terraform-data). CloudFormation has the same semantics (it updates
 *   a resource only when its template properties change), so both engines keep a runbook's failover across routine deploys.
 * - The data source `depends_on` the parameter (the first apply reads after creating it) and carries a postcondition that the value
 *   is one of the unit's regions: a garbage value stops the plan with a clear message instead of making every region cold
 *   (https://developer.hashicorp.com/terraform/language/expressions/custom-conditions#preconditions-and-postconditions).
 */
import { Construct } from 'constructs';
import type { DeploymentPlan, PlannedFailoverUnit } from '../../core';
import { pascal } from '../../core/deployment-props';
import { AwsProvider, DataAwsSsmParameter, DataResource, Fn, Op, SsmParameter, Token } from '../engine';

/** The state of a deployment's failover units, as Terraform reads it. */
export interface FailoverStateReader {
  /**
   * `whenActive` while `awsRegion` is the unit's live active region, `whenStandby` otherwise: a Terraform conditional on the state
   * parameter read in `awsRegion` (the value itself when both are equal, or when the unit is not in the plan).
   */
  stateValue<T extends string | number>(unitId: string, awsRegion: string, whenActive: T, whenStandby: T): T;
  /** The state parameter of a unit in a region (undefined: the unit has no state there). */
  parameter(unitId: string, awsRegion: string): SsmParameter | undefined;
}

interface RegionState {
  readonly parameter: SsmParameter;
  readonly read: DataAwsSsmParameter;
}

/** Emits each failover unit's state parameter, its declared-value trigger and its reader, in each of the unit's regions. */
export function emitFailoverState(
  scope: Construct, plan: DeploymentPlan, providerFor: (awsRegion: string) => AwsProvider, tags: Record<string, string>,
): FailoverStateReader {
  const states = new Map<string, RegionState>();
  const key = (unitId: string, awsRegion: string) => `${unitId}|${awsRegion}`;
  const units = plan.failover.units;
  const root = units.length > 0 ? new Construct(scope, 'FailoverState') : undefined;
  for (const unit of units) {
    const unitScope = new Construct(root!, pascal(unit.id) || 'Unit');
    // Its input is the declared value: a changed declaration updates it, which replaces (rewrites) the parameters.
    const declared = new DataResource(unitScope, 'Declared', { input: { activeRegion: unit.declaredActiveRegion } });
    for (const awsRegion of unit.regions) {
      const provider = providerFor(awsRegion);
      const parameter = new SsmParameter(unitScope, `Parameter-${awsRegion}`, {
        provider,
        name: unit.parameterName,
        type: 'String',
        value: unit.declaredActiveRegion,
        description: `The active AWS region of ${unit.namespace}'s Workers (${plan.failover.name}, unit ${unit.id}): written by the failover runbooks`,
        tags,
        // The reference as Terraform JSON takes it (a bare address: cdktf would write an interpolation, which Terraform refuses here).
        lifecycle: { ignoreChanges: ['value'], replaceTriggeredBy: [`${DataResource.tfResourceType}.${declared.friendlyUniqueId}`] },
      });
      const read = new DataAwsSsmParameter(unitScope, `Read-${awsRegion}`, {
        provider,
        name: parameter.name,
        dependsOn: [parameter],
        lifecycle: { postcondition: [stateCheck(unit, awsRegion)] },
      });
      states.set(key(unit.id, awsRegion), { parameter, read });
    }
  }
  return {
    stateValue<T extends string | number>(unitId: string, awsRegion: string, whenActive: T, whenStandby: T): T {
      const state = states.get(key(unitId, awsRegion));
      if (!state || whenActive === whenStandby) return whenActive;
      const value = Fn.conditional(Op.eq(state.read.insecureValue, awsRegion), whenActive, whenStandby);
      return (typeof whenActive === 'number' ? Token.asNumber(value) : Token.asString(value)) as T;
    },
    parameter: (unitId, awsRegion) => states.get(key(unitId, awsRegion))?.parameter,
  };
}

/** The postcondition of a state reader: the value must be one of the unit's regions. */
function stateCheck(unit: PlannedFailoverUnit, awsRegion: string) {
  const regions = unit.regions.map((r) => JSON.stringify(r)).join(', ');
  return {
    condition: `\${contains([${regions}], self.insecure_value)}`,
    errorMessage: `The failover state parameter ${unit.parameterName} in ${awsRegion} holds "\${self.insecure_value}", which is not one of the `
      + `regions ${unit.namespace} can be active in (${unit.regions.join(', ')}): every region would plan as standby. Put one of them there `
      + `(aws ssm put-parameter --overwrite --name ${unit.parameterName} --value <region> --region <each region>) or run a failover runbook, `
      + 'then apply again.',
  };
}

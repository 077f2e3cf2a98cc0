import { MAIN_FAILOVER_UNIT } from '../components/failover-state';
import { isUnresolved } from '../components/input';
import { coldStartFloorSeconds, estimateRecoveryTime, UnitRecoveryTime } from '../documents/recovery-time';
import { DeploymentPattern, Severity } from '../model';
import { DOCS, Rule, RuleHit } from './rule';

/** The change that would bring a unit's estimate under the objective, from the part that dominates it. */
function changeFor(u: UnitRecoveryTime, objective: number): string {
  const coldStart = u.criticalPath.parts.some((p) => p.id === 'fargate-provisioning');
  const largest = u.largestPart.change.replace(/\.$/, '');
  if (u.pattern === DeploymentPattern.ACTIVE_COLD && coldStart) {
    const floor = coldStartFloorSeconds();
    return objective < floor
      ? `Active/Cold cannot meet ${objective} s (starting a cold Fargate fleet takes at least ${floor} s in this model): use Active/Hot `
        + '(ActiveHotDeployment), whose standby fleet already runs.'
      : `use Active/Hot (ActiveHotDeployment), whose standby fleet already runs; or shorten the cold start: ${largest.replace(/,? or (use )?Active\/Hot$/, '')}.`;
  }
  return `${largest}; or raise recoveryTimeObjective to at least ${u.totalSeconds} s.`;
}

/** The Worker side's recovery-time estimate meets the declared objective. */
export const RECOVERY_TIME_OBJECTIVE: Rule = {
  id: 'TEMPORAL_RECOVERY_TIME_OBJECTIVE',
  severity: Severity.ERROR,
  summary: 'With recoveryTimeObjective set, the estimated Worker-side recovery time of every failover unit (its longest path of parts) is within it.',
  source: {
    ...DOCS.RECOVERY_OBJECTIVES,
    quote: 'This Recovery Time covers only the Temporal Namespace. Your application\'s overall Recovery Time also depends on having enough healthy '
      + 'Workers that can reach the Namespace and process Workflows.',
  },
  check(plan) {
    const objective = plan.failover?.recoveryTimeObjectiveSeconds;
    // An objective unknown at synth or not a positive whole number is TEMPORAL_FAILOVER_SETTINGS'.
    if (objective === undefined || isUnresolved(objective) || !(Number.isInteger(objective) && objective > 0)) return [];
    return estimateRecoveryTime(plan).units.filter((u) => u.totalSeconds > objective).map((u): RuleHit => {
      const p = u.largestPart;
      return {
        prop: 'recoveryTimeObjective',
        value: `${objective} s`,
        path: u.unit === MAIN_FAILOVER_UNIT ? undefined : `${plan.constructPath}/${u.unit}`,
        message: `the estimated recovery time of ${u.namespace} when ${u.failedRegion} fails and ${u.activeRegion} takes over is ${u.totalSeconds} s, over the `
          + `objective of ${objective} s. The longest path is ${u.criticalPath.label} (${u.criticalPath.seconds} s); its largest part is "${p.label}", `
          + `${p.seconds} s, assuming ${p.assumption.replace(/\.$/, '')} (${p.source}). Every part is in the generated runbook.`,
        fix: changeFor(u, objective),
      };
    });
  },
};

/** Running the rule pack over a plan: findings, acknowledgements and the single error listing every problem of a construct. */
import { Finding, TemporalHaValidationError } from './errors';
import { Severity } from './model';
import { DeploymentPlan } from './plan';
import { RULES } from './rules';
import { Rule } from './rules/rule';

export { formatFinding, TemporalHaValidationError } from './errors';
export type { Finding } from './errors';

/** Runs every rule over the plan; applies acknowledgements; reports unknown or invalid acknowledgements. */
export function evaluate(plan: DeploymentPlan, rules: readonly Rule[] = RULES): Finding[] {
  const acks = plan.request.acknowledgements ?? {};
  const findings: Finding[] = [];
  for (const rule of rules) {
    for (const hit of rule.check(plan)) {
      const ack = rule.severity === Severity.WARNING ? acks[rule.id] : undefined;
      findings.push({
        ruleId: rule.id,
        severity: rule.severity,
        constructPath: hit.path ?? plan.constructPath,
        prop: hit.prop,
        value: hit.value,
        message: hit.message,
        fix: hit.fix,
        acknowledged: ack,
      });
    }
  }
  for (const [id, reason] of Object.entries(acks)) {
    const rule = rules.find((r) => r.id === id);
    const bad = (message: string, fix: string) => findings.push({
      ruleId: 'TEMPORAL_ACKNOWLEDGEMENT_INVALID',
      severity: Severity.ERROR,
      constructPath: plan.constructPath,
      prop: `acknowledgeWarnings.${id}`,
      value: `'${reason}'`,
      message,
      fix,
    });
    if (!rule) bad(`no rule has the id ${id}.`, `use an id from the rules table (RULES.md), e.g. ${rules.find((r) => r.severity === Severity.WARNING)?.id}.`);
    else if (rule.severity === Severity.ERROR) bad(`${id} is an error: errors cannot be acknowledged, only fixed.`, 'change the configuration the error names.');
    else if (!reason || reason.trim().length < 10) bad('an acknowledgement needs a reason a reviewer can read (10 characters or more).', 'say why the warning does not apply to this deployment.');
  }
  return findings;
}

/** Throws one error listing every error finding, if any; returns the warnings. */
export function assertValid(plan: DeploymentPlan, findings: Finding[] = evaluate(plan)): Finding[] {
  if (findings.some((f) => f.severity === Severity.ERROR)) {
    throw new TemporalHaValidationError(plan.constructKind, plan.constructPath, findings);
  }
  return findings.filter((f) => f.severity === Severity.WARNING);
}

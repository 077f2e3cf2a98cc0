/**
 * Running the rule pack over a plan: findings, acknowledgements and the single error that lists
 * every problem of one construct.
 */
import { Severity } from './model';
import { DeploymentPlan } from './plan';
import { RULES } from './rules';
import { Rule } from './rules/rule';

/** One finding of one rule. */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly constructPath: string;
  readonly prop: string;
  readonly value: string;
  readonly message: string;
  readonly fix: string;
  /** For warnings: the reason the user gave when acknowledging it. */
  readonly acknowledged?: string;
}

/** Formats a finding as one line: `[RULE] Path: prop = value: message. Fix: fix` */
export function formatFinding(f: Finding): string {
  return `[${f.ruleId}] ${f.constructPath}: ${f.prop} = ${f.value}: ${f.message} Fix: ${f.fix}`;
}

/** Thrown when a construct has error findings; lists every one of them. */
export class TemporalHaValidationError extends Error {
  public readonly findings: Finding[];
  constructor(constructKind: string, constructPath: string, findings: Finding[]) {
    const errors = findings.filter((f) => f.severity === Severity.ERROR);
    super([
      `${constructKind} ${constructPath} has ${errors.length} configuration error${errors.length === 1 ? '' : 's'} that would break failover or deployment:`,
      ...errors.map((f, i) => `  ${i + 1}. ${formatFinding(f)}`),
    ].join('\n'));
    this.name = 'TemporalHaValidationError';
    this.findings = errors;
  }
}

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

/**
 * The library's one error type. Every configuration problem (from the rule pack or a block's own checks) is a finding with a
 * stable rule id; a construct with error findings throws one TemporalHaValidationError listing all.
 */
import { Severity } from './model';

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

/** A problem found in a block's own props, with its rule id. */
export type BlockProblem = Pick<Finding, 'ruleId' | 'prop' | 'value' | 'message' | 'fix'>;

/** Throws one TemporalHaValidationError (as the patterns do) for a building block `kind` at `path` when any problem was found. */
export function throwIfProblems(kind: string, path: string, problems: readonly BlockProblem[]): void {
  if (problems.length === 0) return;
  throw new TemporalHaValidationError(kind, path, problems.map((p) => ({
    ruleId: p.ruleId, severity: Severity.ERROR, constructPath: path, prop: p.prop, value: p.value, message: p.message, fix: p.fix,
  })));
}

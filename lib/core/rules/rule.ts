/**
 * What a rule is. Each rule lives in its own file beside this one, with a stable id (never
 * renamed: users acknowledge warnings by id), a severity, the documented sentence it enforces,
 * and a pure check over the plan.
 */
import { Severity } from '../model';
import { DeploymentPlan } from '../plan';

/** Where a rule's sentence comes from. */
export interface RuleSource {
  /** The document, e.g. `Worker deployment patterns (Active/Passive Hot)`. */
  readonly doc: string;
  /** The sentence enforced, quoted. */
  readonly quote: string;
}

/** One problem a rule found. */
export interface RuleHit {
  /** The prop path the user can change, e.g. `endpoint` or `shards[1].pattern`. */
  readonly prop: string;
  /** The offending value, as the user wrote it (or as planned). */
  readonly value: string;
  /** Why this breaks failover (or deployment), in the user's words. */
  readonly message: string;
  /** What to change. */
  readonly fix: string;
  /** Construct path to report, when more precise than the plan's (e.g. a shard). */
  readonly path?: string;
}

export interface Rule {
  /** Stable id, `TEMPORAL_<AREA>_<WHAT>`. */
  readonly id: string;
  readonly severity: Severity;
  /** One line for the rules table. */
  readonly summary: string;
  readonly source: RuleSource;
  check(plan: DeploymentPlan): RuleHit[];
}

/** Small helper for rule files: a value as users see it in messages. */
export function show(value: unknown): string {
  if (value === undefined) return '(not set)';
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}

export const SEED_PATTERNS = 'Worker deployment patterns (seed 000)';
export const FACTS = 'Temporal Cloud connectivity / HA docs (TEMPORAL_FACTS.md)';

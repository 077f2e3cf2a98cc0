/**
 * The property and its census. For each pattern and engine, a census runs N generated cases (fixed seed, FC_SEED
 * overrides) and sorts each outcome: synthesized (or planned), rejected with TemporalHaValidationError, crashed (any
 * other error), or violating an invariant. Every distinct failure (error class and message shape, or invariant name)
 * is then replayed by fast-check from its run index and shrunk; the shrunk props are printed, engine objects as short
 * labels. Counts are printed per pattern and engine.
 *
 * Sizes: the default jest run uses a few hundred plan-level cases and a few dozen full synths per pattern and engine;
 * `PROPERTY_RUNS=large` (npx projen test:properties) 10,000 and 1,000. PROPERTY_PLAN_RUNS / PROPERTY_SYNTH_RUNS override.
 */
import * as fs from 'fs';
import * as fc from 'fast-check';
import { build, EngineName, propsFor, Synthesized, textOf } from './engines';
import { Case, caseOf, Kind } from './generators';
import { PLAN_INVARIANTS, violations } from './invariants';
import { patternInputsOf, patternRequest, propsOf } from '../../lib/core/deployment-props';
import { TemporalHaValidationError } from '../../lib/core/errors';
import type { DeploymentPlan } from '../../lib/core/plan';
import { planAndCheck } from '../../lib/core/request';

const LARGE = process.env.PROPERTY_RUNS === 'large';
/** Also print which rules rejected how many cases (PROPERTY_VERBOSE=1; always in the large run). */
const VERBOSE = LARGE || process.env.PROPERTY_VERBOSE === '1';
const int = (v: string | undefined, d: number) => (v && /^\d+$/.test(v) ? Number(v) : d);
export const SEED = int(process.env.FC_SEED, 20261130);
export const PLAN_RUNS = int(process.env.PROPERTY_PLAN_RUNS, LARGE ? 10_000 : 300);
export const SYNTH_RUNS = int(process.env.PROPERTY_SYNTH_RUNS, LARGE ? 1_000 : 8);
/** Weight of nasty cases against 3 plausible ones (generators.ts caseOf); PROPERTY_NASTY_WEIGHT overrides. */
const NASTY_WEIGHT = int(process.env.PROPERTY_NASTY_WEIGHT, 2);
/** Time budget to shrink one failure (a synth-level shrink step is a full synth). */
const SHRINK_MS = int(process.env.PROPERTY_SHRINK_MS, LARGE ? 60_000 : 20_000);
/** At most this many distinct failures are shrunk per pattern and engine (the others are listed with their first case). */
const MAX_SHRINKS = int(process.env.PROPERTY_MAX_SHRINKS, LARGE ? 4 : 2);

/** What one case gave. */
export type Outcome =
  | { readonly kind: 'ok' }
  | { readonly kind: 'rejected'; readonly rules?: string[] }
  | { readonly kind: 'crash'; readonly signature: string; readonly detail: string }
  | { readonly kind: 'violation'; readonly signature: string; readonly detail: string };

export interface Counts { cases: number; ok: number; rejected: number; crashes: number; violations: number; readonly rules: Record<string, number> }

export interface Failure {
  readonly signature: string;
  readonly firstRun: number;
  readonly occurrences: number;
  readonly detail: string;
  shrunk?: string;
}

export interface CensusResult { readonly label: string; readonly counts: Counts; readonly failures: Failure[]; readonly ms: number }

/** The shape of an error message: its class and first line with names and numbers blanked. */
function signatureOf(e: unknown): string {
  const err = e as Error;
  const line = String(err?.message ?? e).split('\n')[0]
    .replace(/'[^']*'|"[^"]*"|`[^`]*`/g, '<s>').replace(/\d+(\.\d+)?/g, '<n>').slice(0, 120);
  return `${err?.constructor?.name ?? typeof e}: ${line}`;
}

/** Runs `f`: a TemporalHaValidationError is a rejection, any other error a crash. */
export function guarded(f: () => Outcome): Outcome {
  try {
    return f();
  } catch (e) {
    if (e instanceof TemporalHaValidationError) return { kind: 'rejected', rules: [...new Set(e.findings.map((x) => x.ruleId))] };
    return { kind: 'crash', signature: signatureOf(e), detail: String((e as Error)?.stack ?? e).split('\n').slice(0, 6).join('\n') };
  }
}

/** Violations of named invariants as one outcome (the first invariant names it). */
function violationOutcome(v: Record<string, string[]>): Outcome {
  const names = Object.keys(v);
  if (names.length === 0) return { kind: 'ok' };
  return { kind: 'violation', signature: names[0], detail: names.map((n) => `${n}:\n    ${v[n].slice(0, 5).join('\n    ')}`).join('\n  ') };
}

// ---------------------------------------------------------------------------------------------
// The evaluations
// ---------------------------------------------------------------------------------------------

/** Plan level: the props as the engine's flavour reads them, through the core planner, then the plan invariants. */
export function planOutcome(engine: EngineName, c: Case): Outcome {
  return guarded(() => {
    const given = propsFor(engine, c).props;
    const props = propsOf(given);
    const { inputs } = patternInputsOf(c.kind, props, engine === 'cdktf' ? 'code' : 'codePath');
    const request = () => patternRequest({ kind: c.kind, constructPath: engine === 'cdktf' ? `stack/${c.id}` : c.id, props, inputs, placements: [] });
    const { plan } = planAndCheck(request());
    const v = Object.fromEntries(Object.entries(PLAN_INVARIANTS).map(([n, f]) => [n, f(plan)]).filter(([, x]) => x.length > 0));
    const again = JSON.stringify(planJson(planAndCheck(request()).plan));
    if (again !== JSON.stringify(planJson(plan))) v['plan: deterministic'] = ['planning the same request twice gave different plans'];
    return violationOutcome(v);
  });
}

const planJson = (p: DeploymentPlan) => ({ ...p, request: undefined });

/** Runs `f` with console.error/warn silenced (aws-cdk-lib prints each app's validation report of the library's warnings). */
function quietly<T>(f: () => T): T {
  const { error, warn } = console;
  console.error = () => undefined;
  console.warn = () => undefined;
  try {
    return f();
  } finally {
    console.error = error;
    console.warn = warn;
  }
}

/** Full synth: build the construct in a fresh app, synthesize every stack, check the output invariants. */
export function synthOutcome(engine: EngineName, c: Case): Outcome {
  return quietly(() => guarded(() => {
    const built = build(engine, c);
    const out: Synthesized = built.synth();
    return violationOutcome(violations(out, built.plan));
  }));
}

/** The same props give byte-identical output twice, and with the environment keys in another order. */
export function determinismOutcome(engine: EngineName, c: Case): Outcome {
  return quietly(() => guarded(() => {
    let first: string;
    try {
      first = textOf(build(engine, c).synth());
    } catch (e) {
      if (e instanceof TemporalHaValidationError) return { kind: 'rejected' };
      throw e;
    }
    const v: Record<string, string[]> = {};
    if (textOf(build(engine, c).synth()) !== first) v['determinism: same props, same output'] = ['two synths of the same props differ'];
    const reordered = reverseEnvironments(c);
    if (reordered !== c && textOf(build(engine, reordered).synth()) !== first) {
      v['determinism: environment key order does not matter'] = ['reversing the order of environment keys changed the output'];
    }
    return violationOutcome(v);
  }));
}

/** The case with every `environment` map's keys in reverse order (the same case when there is none to reorder). */
function reverseEnvironments(c: Case): Case {
  let changed = false;
  const walk = (v: unknown, key?: string): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (!v || typeof v !== 'object' || '$' in (v as object)) return v;
    const entries = Object.entries(v);
    if (key === 'environment' && entries.length > 1) {
      changed = true;
      return Object.fromEntries(entries.reverse());
    }
    return Object.fromEntries(entries.map(([k, x]) => [k, walk(x, k)]));
  };
  const props = walk(c.props) as Case['props'];
  return changed ? { ...c, props } : c;
}

// ---------------------------------------------------------------------------------------------
// Census and shrinking
// ---------------------------------------------------------------------------------------------

/** Runs `runs` cases of `kind` through `evaluate`, counts the outcomes, and shrinks each distinct failure. */
export function census(label: string, kind: Kind, runs: number, evaluate: (c: Case) => Outcome, nastyWeight = NASTY_WEIGHT): CensusResult {
  const start = Date.now();
  const arb = caseOf(kind, nastyWeight);
  const counts: Counts = { cases: 0, ok: 0, rejected: 0, crashes: 0, violations: 0, rules: {} };
  const failures = new Map<string, Failure>();
  let run = 0;
  fc.check(fc.property(arb, (c) => {
    const o = evaluate(c);
    counts.cases++;
    if (o.kind === 'ok') {counts.ok++;} else if (o.kind === 'rejected') {
      counts.rejected++;
      for (const id of o.rules ?? []) counts.rules[id] = (counts.rules[id] ?? 0) + 1;
    } else {
      if (o.kind === 'crash') counts.crashes++; else counts.violations++;
      const f = failures.get(o.signature);
      const first = { signature: o.signature, firstRun: run, occurrences: 1, detail: o.detail };
      failures.set(o.signature, f ? { ...f, occurrences: f.occurrences + 1 } : first);
      // The large run prints each new failure when found (its unshrunk props), so that a long run reports as it goes.
      if (LARGE && !f) process.stderr.write(`[new failure] ${label}: ${o.signature} at run ${run}\n  ${o.detail}\n  props: ${fc.stringify(c)}\n`);
    }
    run++;
    if (LARGE && run % 250 === 0) process.stderr.write(`[progress] ${countsLine({ label, counts, failures: [...failures.values()], ms: Date.now() - start })}\n`);
    return true;
  }), { seed: SEED, numRuns: runs });

  for (const f of [...failures.values()].slice(0, MAX_SHRINKS)) {
    // Replay from the failing run (fast-check's path) and shrink while the same failure shows.
    const details = fc.check(fc.property(arb, (c) => {
      const o = evaluate(c);
      return !((o.kind === 'crash' || o.kind === 'violation') && o.signature === f.signature);
    }), { seed: SEED, path: String(f.firstRun), interruptAfterTimeLimit: SHRINK_MS, markInterruptAsFailure: false });
    if (details.failed && details.counterexample) {
      const [shrunk] = details.counterexample;
      const o = evaluate(shrunk);
      f.shrunk = `${fc.stringify(shrunk)}\n  -> ${o.kind === 'crash' || o.kind === 'violation' ? o.detail : o.kind}`
        + (details.interrupted ? '\n  (shrinking interrupted by the time budget)' : '');
    }
  }
  return { label, counts, failures: [...failures.values()], ms: Date.now() - start };
}

/** One line of counts per pattern and engine. */
export function countsLine(r: CensusResult): string {
  const c = r.counts;
  return `${r.label.padEnd(58)} cases ${String(c.cases).padStart(6)}  ok ${String(c.ok).padStart(6)}  rejected ${String(c.rejected).padStart(6)}  `
    + `crashes ${String(c.crashes).padStart(4)}  invariant violations ${String(c.violations).padStart(4)}  (${(r.ms / 1000).toFixed(1)} s)`
    + (VERBOSE ? `\n    rejections by rule: ${Object.entries(c.rules).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}` : '');
}

/** A readable report of a census' failures (empty when none). */
export function failureReport(r: CensusResult): string[] {
  return r.failures.map((f) => `${r.label}: ${f.signature} (${f.occurrences}x, first at run ${f.firstRun}, seed ${SEED})\n  ${f.detail}`
    + (f.shrunk ? `\n  shrunk props: ${f.shrunk}` : '\n  (not shrunk: over the shrink limit)'));
}

/** Prints the counts table (stdout, so that it shows in the large run's log). */
export function printCounts(title: string, results: CensusResult[]): void {
  const text = `\n${title} (seed ${SEED})\n${results.map(countsLine).join('\n')}\n`;
  process.stdout.write(text);
  // The large run (npx projen test:properties) collects every census here and prints the file at the end.
  if (process.env.PROPERTY_REPORT) fs.appendFileSync(process.env.PROPERTY_REPORT, text);
}

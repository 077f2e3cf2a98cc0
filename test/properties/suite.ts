/**
 * The jest suites of the properties (plan.test.ts, synth-*.test.ts): one test per pattern and engine, each a census
 * (harness.ts) that fails listing every crash and invariant violation with its shrunk props.
 */
import { EngineName } from './engines';
import { KINDS } from './generators';
import { census, CensusResult, determinismOutcome, failureReport, planOutcome, PLAN_RUNS, printCounts, synthOutcome, SYNTH_RUNS } from './harness';

const int = (v: string | undefined, d: number) => (v && /^\d+$/.test(v) ? Number(v) : d);
/** Determinism costs three synths per case: a fraction of the synth runs. */
const DETERMINISM_RUNS = int(process.env.PROPERTY_DETERMINISM_RUNS, Math.max(3, Math.ceil(SYNTH_RUNS / 20)));

function expectNoFailures(r: CensusResult): void {
  const report = failureReport(r);
  if (report.length > 0) throw new Error(`${report.length} failing propert${report.length === 1 ? 'y' : 'ies'}:\n\n${report.join('\n\n')}`);
}

/** Plan level, both engines' props, every pattern. */
export function planSuite(): void {
  const results: CensusResult[] = [];
  afterAll(() => printCounts(`Plan-level properties: ${PLAN_RUNS} cases per pattern and engine`, results));
  for (const engine of ['aws-cdk', 'cdktf'] as EngineName[]) {
    describe(`plan level (${engine} props)`, () => {
      test.each([...KINDS])('%s: plans or throws TemporalHaValidationError; plan invariants hold', (kind) => {
        const r = census(`plan  ${engine.padEnd(7)} ${kind}`, kind, PLAN_RUNS, (c) => planOutcome(engine, c));
        results.push(r);
        expect(r.counts.cases).toBe(PLAN_RUNS);
        expectNoFailures(r);
      });
    });
  }
}

/** Full synths of one engine, every pattern; then determinism. */
export function synthSuite(engine: EngineName): void {
  const results: CensusResult[] = [];
  afterAll(() => printCounts(`Full-synth properties (${engine}): ${SYNTH_RUNS} synths per pattern, determinism ${DETERMINISM_RUNS}`, results));
  describe(`full synth (${engine})`, () => {
    test.each([...KINDS])('%s: synthesizes or throws TemporalHaValidationError; output invariants hold', (kind) => {
      const r = census(`synth ${engine.padEnd(7)} ${kind}`, kind, SYNTH_RUNS, (c) => synthOutcome(engine, c));
      results.push(r);
      expect(r.counts.cases).toBe(SYNTH_RUNS);
      expectNoFailures(r);
    });
    test.each([...KINDS])('%s: the same props synthesize byte-identical output, whatever the environment key order', (kind) => {
      const r = census(`determ ${engine.padEnd(6)} ${kind}`, kind, DETERMINISM_RUNS, (c) => determinismOutcome(engine, c), 0);
      results.push(r);
      expectNoFailures(r);
    });
  });
}

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NagPack, NIST80053R5Checks } from 'cdk-nag';
import { TemporalHaNagFindings } from '../../lib';

export const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

/**
 * Synthesizes an example app as `cdk synth` runs it: its cdk.json context, cdk-nag's AwsSolutions
 * pack as a validation plugin, aws-cdk-lib's template validation on.
 */
export function synthExample<T>(name: string, build: (app: App) => T, tamper?: (built: T) => void) {
  return synthExampleWithPacks(name, build, [(app) => new AwsSolutionsChecks(app)], tamper);
}

/** cdk-nag packs as `main.ts` adds them, with the acknowledgements it adds: AwsSolutions, or AwsSolutions and NIST 800-53 R5 (hardened). */
export const PACKS = {
  awsSolutions: [(app: App): NagPack => new AwsSolutionsChecks(app)],
  hardened: [(app: App): NagPack => new AwsSolutionsChecks(app), (app: App): NagPack => new NIST80053R5Checks(app)],
};

/** `synthExample` with the given cdk-nag packs; with NIST 800-53 R5 among them, the hardened acknowledgements too. `nags`: each pack's report. */
export function synthExampleWithPacks<T>(name: string, build: (app: App) => T, packs: Array<(app: App) => NagPack>, tamper?: (built: T) => void) {
  const { context } = JSON.parse(fs.readFileSync(path.join(EXAMPLES, name, 'cdk.json'), 'utf8'));
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  const app = new App({ context, outdir });
  const plugins = packs.map((p) => p(app));
  Validations.of(app).addPlugins(...plugins);
  TemporalHaNagFindings.acknowledge(app); // as the examples' main.ts does
  if (plugins.some((p) => p.readPackName === 'NIST.800.53.R5')) TemporalHaNagFindings.acknowledgeHardened(app);
  const built = build(app);
  tamper?.(built);
  const exitCode = process.exitCode;
  // CDK prints the validation report to stderr and, on failure, sets the exit code instead of throwing.
  const stderr = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const assembly = app.synth({ validateOnSynthesis: true });
  stderr.mockRestore();
  const failed = process.exitCode === 1 && exitCode !== 1;
  process.exitCode = exitCode;
  const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'));
  const nag = report.pluginReports.find((r: any) => r.pluginName === 'AwsSolutions');
  const reportOf = (pack: string) => report.pluginReports.find((r: any) => r.pluginName === pack);
  const nags: Record<string, any> = Object.fromEntries(plugins.map((p) => [p.readPackName, reportOf(p.readPackName)]));
  return { app, built, assembly, report, nag, nags, failed, outdir, cleanup: () => fs.rmSync(outdir, { recursive: true, force: true }) };
}

/** Asserts cdk-nag found nothing unacknowledged, and that every acknowledgement has a reason. */
export function expectNagClean(result: { failed: boolean; nag: any }): void {
  expect(result.nag.violations.map((v: any) => `${v.ruleName} at ${v.violatingConstructs?.map((c: any) => c.constructPath).join(', ')}`)).toEqual([]);
  expect(result.failed).toBe(false);
  for (const v of result.nag.suppressedViolations ?? []) {
    expect({ rule: v.ruleName, reason: v.reason }).toEqual({ rule: v.ruleName, reason: expect.stringMatching(/.{40,}/) });
  }
}

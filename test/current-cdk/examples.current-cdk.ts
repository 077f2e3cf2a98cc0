/**
 * Every AWS CDK example, synthesized as `cdk synth` runs it (its cdk.json context, cdk-nag's
 * AwsSolutions pack, the library's acknowledgements), with the current aws-cdk-lib: its built-in
 * CloudFormation template validation runs at synth, strict (run.sh sets the context), and must
 * find nothing. Run by `npx projen test:current-cdk` only (see run.sh).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, CfnResource, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { builtinFindings, builtinValidationPlugin, GATE_CHECK, templatesIn } from './support';
import { build as activeActive } from '../../examples/active-active/main';
import { build as activeCold } from '../../examples/active-cold/main';
import { build as activeHot } from '../../examples/active-hot/main';
import { build as hardened } from '../../examples/hardened/main';
import { build as platform } from '../../examples/platform/main';
import { build as regionallySharded } from '../../examples/regionally-sharded/main';
import { build as serverless } from '../../examples/serverless/main';
import { TemporalHaNagFindings } from '../../lib';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

const BUILDS: Array<[string, (app: App) => unknown]> = [
  ['active-hot', activeHot],
  ['active-cold', activeCold],
  ['active-active', activeActive],
  ['regionally-sharded', regionallySharded],
  ['serverless', serverless],
  ['platform', platform],
  ['hardened', hardened],
];

test('every AWS CDK example is covered', () => {
  const withCdkJson = fs.readdirSync(EXAMPLES).filter((d) => fs.existsSync(path.join(EXAMPLES, d, 'cdk.json')));
  expect(BUILDS.map(([name]) => name).sort()).toEqual(withCdkJson.sort());
});

/** Synthesizes an app as `cdk synth` runs an example; returns what the validations reported. */
function synthesize(context: Record<string, unknown>, build: (app: App) => unknown) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'current-cdk-'));
  const validate = jest.spyOn(builtinValidationPlugin().prototype, 'validate');
  try {
    const app = new App({ context, outdir });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    TemporalHaNagFindings.acknowledge(app);
    build(app);
    let error: string | undefined;
    try {
      app.synth();
    } catch (e) {
      error = (e as Error).message;
    }
    const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'));
    const nag = report.pluginReports.find((r: any) => r.pluginName === 'AwsSolutions');
    return {
      error,
      templates: templatesIn(outdir).length,
      validated: validate.mock.calls.reduce((n, [c]) => n + c.templatePaths.length, 0),
      findings: builtinFindings(outdir).findings,
      nag: (nag?.violations ?? []).map((v: any) => v.ruleName),
    };
  } finally {
    validate.mockRestore();
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

describe.each(BUILDS)('examples/%s', (name, build) => {
  test('synthesizes with the built-in template validation and cdk-nag: every template validated, no finding', () => {
    const { context } = JSON.parse(fs.readFileSync(path.join(EXAMPLES, name, 'cdk.json'), 'utf8'));
    const result = synthesize(context, build);
    expect(result.findings).toEqual([]);
    expect(result.nag).toEqual([]);
    expect(result.error).toBeUndefined();
    expect(result.templates).toBeGreaterThan(0);
    expect(result.validated).toBe(result.templates);
  });
});

test('the gate is live and strict: a warning alone (an out-of-range value) fails the same synthesis', () => {
  const result = synthesize({ [GATE_CHECK]: true }, (app) => {
    const stack = new Stack(app, 'Gate', { env: { account: '111111111111', region: 'us-east-1' } });
    new CfnResource(stack, 'Bucket', { type: 'AWS::S3::Bucket', properties: { VersioningConfiguration: { Status: 'Sometimes' } } });
  });
  expect(result.findings.map((f) => [f.rule, f.severity, f.logicalId, f.properties])).toEqual([
    ['W3030', 'warning', 'Bucket', ['Properties.VersioningConfiguration.Status']],
  ]);
  expect(result.error).toMatch(/Sometimes/);
});

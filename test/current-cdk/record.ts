/**
 * Set up for every test file of `test:current-cdk`: checks that the scratch aws-cdk-lib is the one
 * loaded, then records every App synthesis (however the test reaches it: `app.synth()` or
 * `Template.fromStack`): the templates it wrote, the templates the built-in CloudFormation
 * validation was given, and its findings; one JSON file per synthesis under CURRENT_CDK_RESULTS
 * (run.sh totals them and fails on any finding or any template left unvalidated).
 */
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { App, Stage } from 'aws-cdk-lib';
import { builtinFindings, builtinValidationPlugin, GATE_CHECK, templatesIn } from './support';

const expected = process.env.CURRENT_CDK_VERSION;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loaded: string = require('aws-cdk-lib/package.json').version;
if (!expected || loaded !== expected) {
  throw new Error(`test:current-cdk expects aws-cdk-lib ${expected ?? '(CURRENT_CDK_VERSION unset)'} but loaded ${loaded}: run it with \`npx projen test:current-cdk\``);
}

const results = process.env.CURRENT_CDK_RESULTS;
const recorded = new Set<string>();

// The templates the built-in validation is given during the synthesis under way.
let validated: string[] = [];
const plugin = builtinValidationPlugin().prototype;
const validate = plugin.validate;
plugin.validate = function (this: unknown, context: { readonly templatePaths: string[] }) {
  validated.push(...context.templatePaths.map((p) => path.basename(p)));
  return validate.call(this, context);
};

function record(stage: Stage, error?: unknown): void {
  if (!results || recorded.has(stage.outdir) || stage.node.tryGetContext(GATE_CHECK)) return;
  recorded.add(stage.outdir);
  const { findings, acknowledged } = builtinFindings(stage.outdir);
  const templates = templatesIn(stage.outdir);
  const entry = {
    testPath: path.relative(process.cwd(), expect.getState().testPath ?? 'unknown'),
    app: stage.node.children.map((c) => c.node.id).filter((id) => id !== 'Tree').join(', '),
    templates,
    unvalidated: templates.filter((t) => !validated.includes(path.basename(t))),
    findings,
    acknowledged,
    error: error === undefined ? undefined : String((error as Error).message ?? error),
  };
  fs.mkdirSync(results, { recursive: true });
  fs.writeFileSync(path.join(results, `${randomUUID()}.json`), JSON.stringify(entry, undefined, 2));
}

const synth = Stage.prototype.synth;
Stage.prototype.synth = function (this: Stage, ...args: Parameters<Stage['synth']>) {
  if (!App.isApp(this)) return synth.apply(this, args);
  validated = [];
  try {
    const assembly = synth.apply(this, args);
    record(this);
    return assembly;
  } catch (e) {
    record(this, e);
    throw e;
  }
};

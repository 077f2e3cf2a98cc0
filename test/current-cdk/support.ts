/**
 * Helpers of `test:current-cdk`: read the built-in CloudFormation validation's findings from a
 * synthesis's validation-report.json, and list the templates an assembly holds.
 */
import * as fs from 'fs';
import * as path from 'path';

/** What the harness uses of the built-in validation plugin. */
export interface BuiltinValidationPlugin {
  readonly prototype: { validate(context: { readonly templatePaths: string[] }): unknown };
}

/**
 * aws-cdk-lib's built-in validation plugin class. Looked up at run time: only current releases have
 * it, not the dev dependency (the floor) whose types the rest of the project compiles against.
 */
export function builtinValidationPlugin(): BuiltinValidationPlugin {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const plugin = require('aws-cdk-lib').CloudFormationValidatePlugin;
  if (!plugin) throw new Error('this aws-cdk-lib has no built-in template validation (CloudFormationValidatePlugin): run `npx projen test:current-cdk`');
  return plugin;
}

/** Context that marks an app built to fail (the live-gate check): record.ts leaves it out. */
export const GATE_CHECK = 'test:current-cdk:gate-check';

/** The name the built-in validation reports under (aws-cdk-lib's CloudFormationValidatePlugin). */
export const BUILTIN_VALIDATION = 'CloudFormation Validate';

/** One finding of the built-in validation, flattened to what a reader needs. */
export interface Finding {
  readonly rule: string;
  readonly severity: string;
  readonly message: string;
  readonly template?: string;
  readonly logicalId?: string;
  readonly constructPath?: string;
  readonly properties?: string[];
}

/**
 * The built-in validation's findings (and acknowledged ones) in a synthesis's validation-report.json.
 * A plugin that found nothing is left out of the report: whether it ran is checked separately.
 */
export function builtinFindings(outdir: string): { findings: Finding[]; acknowledged: Finding[] } {
  const file = path.join(outdir, 'validation-report.json');
  if (!fs.existsSync(file)) return { findings: [], acknowledged: [] };
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  const builtin = (report.pluginReports ?? []).find((r: any) => r.pluginName === BUILTIN_VALIDATION);
  const flatten = (violations: any[] = []): Finding[] => violations.flatMap((v) => (v.violatingConstructs ?? [{}]).map((c: any) => ({
    rule: v.ruleName,
    severity: v.severity,
    message: v.description,
    template: c.cloudFormationResource?.templatePath,
    logicalId: c.cloudFormationResource?.logicalId,
    constructPath: c.constructPath,
    properties: c.cloudFormationResource?.propertyPaths,
  })));
  return { findings: flatten(builtin?.violations), acknowledged: flatten(builtin?.suppressedViolations) };
}

/** Every stack template of an assembly directory, nested stage assemblies included. */
export function templatesIn(dir: string, prefix = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory() && e.name.startsWith('assembly-')) return templatesIn(path.join(dir, e.name), `${prefix}${e.name}/`);
    return e.isFile() && e.name.endsWith('.template.json') ? [`${prefix}${e.name}`] : [];
  });
}

/**
 * Opt-in: `terraform validate` on every scenario's Terraform JSON, against the AWS provider's real
 * schema. Needs the `terraform` CLI and the AWS provider in a local plugin directory (no network):
 *
 *   TEMPORAL_HA_TERRAFORM_VALIDATE=/opt/tf-plugins npx projen test:terraform-validate
 *
 * The provider version in the JSON (what @cdktf/provider-aws was generated from) is replaced by the
 * one found in the plugin directory. About 6 s per scenario, so it is not part of the default run (package.json's jest config ignores this file).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { synthStack } from './support';
import { SCENARIOS } from '../parity/scenarios';

jest.mock('temporal-ha-constructs/cdktf', () => jest.requireActual('../../lib/cdktf'), { virtual: true });

const PLUGIN_DIR = process.env.TEMPORAL_HA_TERRAFORM_VALIDATE;
if (!PLUGIN_DIR) {
  throw new Error('set TEMPORAL_HA_TERRAFORM_VALIDATE to a Terraform plugin directory holding the AWS provider (see the header); run it with `npx projen test:terraform-validate`.');
}
const run = describe;

/** The AWS provider version available in the plugin directory (`registry.terraform.io/hashicorp/aws/<version>/...`). */
function awsProviderVersion(dir: string): string {
  const versions = fs.readdirSync(path.join(dir, 'registry.terraform.io', 'hashicorp', 'aws'));
  return versions.sort().pop()!;
}

run('terraform validate (AWS provider schema)', () => {
  jest.setTimeout(120_000);
  test.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
    const json: any = synthStack(scenario.build().stack);
    json.terraform.required_providers.aws.version = awsProviderVersion(PLUGIN_DIR!);
    delete json.terraform.backend;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-validate-'));
    try {
      fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify(json));
      const tf = (...args: string[]) => execFileSync('terraform', args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
      tf('init', '-backend=false', '-input=false', '-no-color', `-plugin-dir=${PLUGIN_DIR}`);
      expect(tf('validate', '-no-color')).toContain('The configuration is valid.');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

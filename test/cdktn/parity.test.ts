/**
 * Parity on CDK Terrain: test/parity's suites (plan = Terraform JSON, plan = settings, Terraform
 * JSON = CloudFormation) run on the cdktn flavour and engine (see ./use-cdktn).
 */
/* eslint-disable @typescript-eslint/no-require-imports -- the suites load after the engine swap, inside a describe */
import { useCdktnEngine } from './use-cdktn';

useCdktnEngine();

describe('cdktn: plan = Terraform JSON (test/parity/parity.test.ts)', () => {
  require('../parity/parity.test');
});
describe('cdktn: settings parity (test/parity/settings.test.ts)', () => {
  require('../parity/settings.test');
});
describe('cdktn: Terraform JSON = CloudFormation (test/parity/cloudformation.test.ts)', () => {
  require('../parity/cloudformation.test');
});
describe('the swap is in effect', () => {
  test('the scenarios build with cdktn constructs (not cdktf)', () => {
    const { SCENARIOS } = require('../parity/scenarios');
    const deployment = SCENARIOS[0].build();
    expect(deployment.stack).toBeInstanceOf(jest.requireActual('cdktn').TerraformStack);
    expect(deployment.stack).not.toBeInstanceOf(jest.requireActual('cdktf').TerraformStack);
  });
});
describe('the guard against mixing engines', () => {
  test('a lib/cdktf module that reaches the cdktf engine throws under the swap', () => {
    expect(() => require('../../lib/cdktf/blocks')).toThrow(/loaded in a cdktn run/);
  });
});

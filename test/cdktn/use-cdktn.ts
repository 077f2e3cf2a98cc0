/**
 * Runs a cdktf test suite on the CDK Terrain flavour: in the calling test file's module registry,
 * `cdktf` becomes `cdktn`, the cdktf flavour (lib/cdktf, `temporal-ha-constructs/cdktf`) becomes
 * lib/cdktn, and examples/cdktf-active-hot becomes examples/cdktn-active-hot. The suites are
 * written once (test/parity, test/cdktf) and run for both engines. Loading lib/cdktf/engine.ts (the
 * cdktf engine) under the swap throws, so nothing of cdktf can slip into a cdktn run.
 *
 * Call it first, then `require` the suite inside a `describe`.
 */
export function useCdktnEngine(): void {
  jest.mock('cdktf', () => jest.requireActual('cdktn'));
  jest.mock('@cdktf/provider-aws/lib/provider', () => jest.requireActual('@cdktn/provider-aws/lib/provider'));
  jest.mock('../../lib/cdktf', () => jest.requireActual('../../lib/cdktn'));
  jest.mock('temporal-ha-constructs/cdktf', () => jest.requireActual('../../lib/cdktn'));
  jest.mock('../../lib/cdktf/engine', () => {
    throw new Error('lib/cdktf/engine.ts was loaded in a cdktn run: a test imports a lib/cdktf module directly');
  });
  jest.mock('../../examples/cdktf-active-hot/main', () => jest.requireActual('../../examples/cdktn-active-hot/main'));
}

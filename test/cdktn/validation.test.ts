/**
 * Validation on CDK Terrain: test/cdktf/validation.test.ts run on the cdktn flavour and engine (see
 * ./use-cdktn): the same bad inputs give the same findings and rule ids as in cdktf and the AWS CDK flavour.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- the suites load after the engine swap, inside a describe */
import { useCdktnEngine } from './use-cdktn';

useCdktnEngine();

describe('cdktn: validation (test/cdktf/validation.test.ts)', () => {
  require('../cdktf/validation.test');
});

/** Full-synth properties of every CDK for Terraform pattern construct (see harness.ts). */
import { synthSuite } from './suite';

synthSuite('cdktf');

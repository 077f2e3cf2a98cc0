/** Full-synth properties of every AWS CDK pattern construct (see harness.ts). */
import { synthSuite } from './suite';

synthSuite('aws-cdk');

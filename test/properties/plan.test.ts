/** Plan-level properties of every pattern, with each engine's props (see harness.ts). */
import { planSuite } from './suite';

planSuite();

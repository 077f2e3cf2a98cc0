/**
 * Jest configuration of `test:current-cdk` (test/current-cdk/run.sh sets the environment): the
 * project's transform and module mapping (lib/ from its sources), aws-cdk-lib, constructs and
 * cdk-nag from the scratch install, and every App synthesis recorded. Its own test files end in
 * `.current-cdk.ts`, so the main run (`*.test.ts`) never picks them up; the parity file runs in both.
 */
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const main = require(path.join(root, 'package.json')).jest;

module.exports = {
  rootDir: root,
  testEnvironment: 'node',
  transform: main.transform,
  moduleFileExtensions: main.moduleFileExtensions,
  moduleNameMapper: main.moduleNameMapper,
  resolver: path.join(__dirname, 'resolver.js'),
  setupFilesAfterEnv: [path.join(__dirname, 'record.ts')],
  testMatch: [
    '<rootDir>/test/current-cdk/**/*.current-cdk.ts',
    // Every parity scenario, built exactly as the parity test builds it (its AWS CDK side).
    '<rootDir>/test/parity/cloudformation.test.ts',
  ],
  testPathIgnorePatterns: ['/node_modules/'],
  collectCoverage: false,
  // Two test files (~600 MB RSS each) side by side: on 2 cores jest would otherwise use one worker.
  maxWorkers: 2,
  // Not jest-junit: test-reports/junit.xml is the main run's (.ci/run counts it).
  reporters: ['default'],
};

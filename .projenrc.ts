import { awscdk, DependencyType, javascript } from 'projen';

// Versions in one place. aws-cdk-lib's floor is the first release that gives policy-validation plugins (cdk-nag 3) the construct tree; the CLI is pinned so the
// main job synthesizes with a known CLI on a fresh machine.
const CDK_VERSION = '2.258.0';
const CDK_CLI_VERSION = '2.1148.1';
const TYPESCRIPT_VERSION = '~6.0.3'; // the line jsii 6 compiles with; TS 7 breaks ts-node and ts-jest
// CDK Terrain (cdktn) and its AWS provider (generated from the Terraform AWS provider 6.x). Both peer on
// constructs >=10.6.0 <10.8.0: the constructs floor (peer ^10.6.0, and the dev dependency the tests run
// with) is 10.6.0, which aws-cdk-lib (^10.5.0), cdk-nag (^10.5.1) and cdktf (^10.4.2) accept too.
const CDKTN_VERSION = '0.24.0';
const CDKTN_PROVIDER_VERSION = '25.7.0';
const DEV_CONSTRUCTS_VERSION = '10.6.0';

// Every script and task runs quietly on Node 20 (end of life upstream) as well as 22+.
const SILENCE = {
  JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1',
  JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20',
};

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'temporal-ha-constructs',
  description:
    'AWS CDK and CDK for Terraform constructs that deploy the application side of Temporal Cloud high availability: ' +
    'Active/Cold, Active/Hot, Active/Active and regionally sharded Worker deployments, checked against Temporal\'s failover rules at synth.',
  author: 'Temporal HA Constructs contributors',
  authorAddress: 'maintainers@temporal-ha-constructs.dev',
  repositoryUrl: 'https://github.com/temporal-ha-constructs/temporal-ha-constructs.git',
  keywords: ['temporal', 'temporal-cloud', 'high-availability', 'disaster-recovery', 'privatelink', 'cdk', 'cdktf', 'cdktn'],
  license: 'Apache-2.0',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  minNodeVersion: '20.0.0',

  // Source and compiled output live side by side under lib/ (like aws-cdk-lib); only .ts is committed.
  srcdir: 'lib',
  libdir: 'lib',
  testdir: 'test',

  cdkVersion: CDK_VERSION,
  constructsVersion: DEV_CONSTRUCTS_VERSION, // the floor: cdktn and @cdktn/provider-aws need >=10.6.0 (their peer range)
  jsiiVersion: '~6.0.0',
  typescriptVersion: TYPESCRIPT_VERSION,

  // No hosted CI or release automation is wired here: .ci/run is the project's CI.
  github: false,
  release: false,
  depsUpgrade: false,

  // Peers are not pinned as dev dependencies automatically: the Terraform engines are optional
  // peers that only the Terraform flavour's tests install (see below).
  peerDependencyOptions: { pinnedDevDependency: false },

  devDeps: [
    `aws-cdk-lib@${CDK_VERSION}`,
    `constructs@${DEV_CONSTRUCTS_VERSION}`,
    `aws-cdk@${CDK_CLI_VERSION}`,
    'cdk-nag@^3.0.2',
    '@temporalio/envconfig@^1.24.0',
    '@swc/core@^1.16.0',
    '@swc/jest@^0.2.39',
    // The Terraform flavour's engines, for its tests and for jsii (it resolves every peer).
    'cdktf@0.21.0',
    '@cdktf/provider-aws@21.22.1',
    // CDK Terrain, the maintained fork of CDK for Terraform (the cdktn subpath, generated from lib/cdktf).
    `cdktn@${CDKTN_VERSION}`,
    `@cdktn/provider-aws@${CDKTN_PROVIDER_VERSION}`,
    // Property-based tests (test/properties).
    'fast-check@^4',
    // The failover runbooks' AWS API calls are checked against AWS's own API models (the JSON models the v2 SDK ships).
    'aws-sdk@^2.1693.0',
    // The topology diagram is parsed with Mermaid's own parser.
    '@mermaid-js/parser@^2.0.1',
  ],

  docgen: true,
  eslint: true,
  jest: true,
  jestOptions: {
    // Snapshots are compared, never rewritten, by the test task; `npx projen test:update` rewrites them.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    passWithNoTests: false,
    jestConfig: {
      moduleNameMapper: {
        '^temporal-ha-constructs$': '<rootDir>/lib/index.ts',
        '^temporal-ha-constructs/cdktf$': '<rootDir>/lib/cdktf/index.ts',
        '^temporal-ha-constructs/cdktn$': '<rootDir>/lib/cdktn/index.ts',
      },
      // lib/cdktn is generated from lib/cdktf (projenrc/generate-cdktn.ts): regenerated before every jest run.
      globalSetup: '<rootDir>/test/cdktn/global-setup.ts',
      coverageReporters: ['text-summary', 'lcov'],
      testEnvironment: 'node',
      // lib/ holds compiled .js beside the .ts after a jsii compile: always test the sources.
      moduleFileExtensions: ['ts', 'js', 'json'],
      // Opt-in (needs the terraform CLI and a local AWS provider): `npx projen test:terraform-validate`.
      testPathIgnorePatterns: ['/node_modules/', '/test/cdktf/terraform-validate.test.ts'],
    },
  },
  gitignore: ['/cdk.out/', 'examples/**/cdk.out/', '/examples/**/*.js', '/examples/**/*.d.ts', '.jsii.tabl.json', 'examples/**/cdktf.out/', '/.current-cdk/', '/.bench/'],
});

// Transform tests with swc (no type-checking: the jsii compile type-checks lib/, the eslint task
// type-checks the rest). ts-jest with type-checking costs ~7x the time and memory on this machine.
const jest = project.jest!;
jest.config.transform = {
  '^.+\\.tsx?$': new javascript.Transform('@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }),
};
project.deps.removeDependency('ts-jest');
// Tests live under test/ only: one pattern, not projen's four.
(jest as unknown as { testMatch: string[] }).testMatch.splice(0, Infinity, '<rootDir>/test/**/*.test.ts');

// Optional peers: the Terraform flavour's engines. A CDK user never installs them (npm skips
// optional peers); they are dev dependencies here only.
project.addPeerDeps('cdktf@^0.21.0', '@cdktf/provider-aws@^21.22.1', `cdktn@^${CDKTN_VERSION}`, `@cdktn/provider-aws@^${CDKTN_PROVIDER_VERSION}`);
// projen drops a dev `constructs` beside the peer; pin it back (the one version every engine accepts).
project.deps.addDependency(`constructs@${DEV_CONSTRUCTS_VERSION}`, DependencyType.BUILD);
// aws-cdk-lib is optional too, so that a Terraform user installing only the cdktf engines gets no
// aws-cdk-lib (every AWS CDK app has it already). `npx projen test:installs` checks the three installs.
project.package.addField('peerDependenciesMeta', {
  'cdktf': { optional: true },
  '@cdktf/provider-aws': { optional: true },
  'cdktn': { optional: true },
  '@cdktn/provider-aws': { optional: true },
  'aws-cdk-lib': { optional: true },
});

for (const [k, v] of Object.entries(SILENCE)) project.tasks.addEnvironment(k, v);

// The main job: synthesize the Active/Hot example with the real AWS CDK CLI and print what it made.
const example = project.addTask('example', {
  description: 'Synthesize examples/active-hot with the AWS CDK CLI (no AWS account needed) and summarize cdk.out',
  env: { CDK_DISABLE_CLI_TELEMETRY: 'true' },
});
example.spawn(project.compileTask);
example.exec('cdk synth --quiet --no-notices --no-version-reporting', { cwd: 'examples/active-hot' });
example.exec('ts-node --transpile-only examples/summarize-cdk-out.ts examples/active-hot/cdk.out');


// Import discipline, enforced: lib/core imports no engine; the Terraform provider only through
// deep per-resource paths (its root barrel costs ~3.5 s and ~550 MB to load).
project.eslint?.addRules({
  'no-restricted-imports': ['error', {
    paths: [
      { name: '@cdktf/provider-aws', message: 'Import one resource: @cdktf/provider-aws/lib/<resource>.' },
      { name: '@cdktn/provider-aws', message: 'Import one resource: @cdktn/provider-aws/lib/<resource>.' },
    ],
    patterns: [{ group: ['@cdktf/provider-aws/lib/*/index', '@cdktf/provider-aws/lib/index', '@cdktn/provider-aws/lib/*/index', '@cdktn/provider-aws/lib/index'], message: 'Import one resource: @cdktf/provider-aws/lib/<resource> (@cdktn likewise).' }],
  }],
});
project.eslint?.addOverride({
  files: ['lib/core/**/*.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [{ group: ['aws-cdk-lib', 'aws-cdk-lib/*', 'constructs', 'cdktf', 'cdktf/*', '@cdktf/*', 'cdktn', 'cdktn/*', '@cdktn/*'], message: 'lib/core is engine-neutral: it imports no engine.' }],
    }],
  },
});

// Every AWS CDK example synthesizes with the real CLI (the tests synthesize them in-process too).
const CDK_EXAMPLES = ['active-hot', 'active-cold', 'active-active', 'regionally-sharded', 'serverless', 'platform', 'hardened'];
const examplesSynth = project.addTask('examples:synth', {
  description: 'Synthesize every example: AWS CDK ones with the AWS CDK CLI, cdktf ones as apps (compiles first when lib/ is not compiled)',
  env: { CDK_DISABLE_CLI_TELEMETRY: 'true' },
});
examplesSynth.exec('[ -f lib/index.js ] && [ -f lib/cdktn/index.js ] || npx projen compile');
for (const name of CDK_EXAMPLES) {
  examplesSynth.exec('cdk synth --quiet --no-notices --no-version-reporting', { cwd: `examples/${name}`, name: `synth examples/${name}` });
}
// The CDK for Terraform and CDK Terrain examples synthesize Terraform JSON (cdktf.out/) when run as apps.
for (const name of ['cdktf-active-hot', 'cdktf-active-cold', 'cdktf-platform', 'cdktn-active-hot']) {
  examplesSynth.exec('ts-node --transpile-only main.ts', { cwd: `examples/${name}`, name: `synth examples/${name}` });
}
project.testTask.spawn(examplesSynth);

// The cdktf flavour: only lib/cdktf/engine.ts imports cdktf (a move to CDK Terrain stays one file),
// and it never loads aws-cdk-lib; the AWS CDK flavour never loads cdktf.
const CDKTF_ONLY = { group: ['cdktf', 'cdktf/*', '@cdktf/*'], message: 'Only lib/cdktf/engine.ts imports cdktf/@cdktf: import from ./engine.' };
const CDKTN_ONLY = { group: ['cdktn', 'cdktn/*', '@cdktn/*'], message: 'Only lib/cdktn/engine.ts imports cdktn/@cdktn (lib/cdktf imports from ./engine).' };
project.eslint?.addOverride({ files: ['lib/index.ts', 'lib/aws-cdk/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [CDKTF_ONLY, CDKTN_ONLY] }] } });
project.eslint?.addOverride({
  files: ['lib/cdktf/**/*.ts'],
  excludedFiles: ['lib/cdktf/engine.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [CDKTF_ONLY, CDKTN_ONLY, { group: ['aws-cdk-lib', 'aws-cdk-lib/*', '**/aws-cdk/**', '../index', '../../index'], message: 'The cdktf flavour never loads aws-cdk-lib.' }],
    }],
  },
});
project.eslint?.addOverride({
  files: ['lib/cdktf/engine.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      paths: [{ name: '@cdktf/provider-aws', message: 'Import one resource: @cdktf/provider-aws/lib/<resource>.' }],
      patterns: [{ group: ['@cdktf/provider-aws/lib/index', '@cdktf/provider-aws/lib/*/index', 'aws-cdk-lib', 'aws-cdk-lib/*'], message: 'Deep per-resource provider paths only; no aws-cdk-lib.' }, CDKTN_ONLY],
    }],
  },
});

// The CDK Terrain flavour (temporal-ha-constructs/cdktn) is lib/cdktf with its own engine: lib/cdktn/engine.ts
// is written by hand (committed); every other file of lib/cdktn is generated from lib/cdktf (gitignored),
// at the start of the compile, before the tests (the test task and jest's globalSetup) and by the load bench.
const genCdktn = project.addTask('gen:cdktn', {
  description: 'Generate lib/cdktn from lib/cdktf (every file but the hand-written lib/cdktn/engine.ts)',
  exec: 'ts-node --transpile-only projenrc/generate-cdktn.ts',
});
project.compileTask.prependSpawn(genCdktn); // every compile (build, example, examples:synth, test:installs) compiles lib/cdktn too
project.testTask.prependSpawn(genCdktn);
project.addGitIgnore('/lib/cdktn/*');
project.addGitIgnore('!/lib/cdktn/engine.ts');
// The generated copies are linted as their lib/cdktf sources; only the engine is linted here.
project.eslint?.addIgnorePattern('/lib/cdktn/**');
project.eslint?.addIgnorePattern('!/lib/cdktn/engine.ts');
project.eslint?.addOverride({
  files: ['lib/cdktn/engine.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      paths: [{ name: '@cdktn/provider-aws', message: 'Import one resource: @cdktn/provider-aws/lib/<resource>.' }],
      patterns: [{ group: ['@cdktn/provider-aws/lib/index', '@cdktn/provider-aws/lib/*/index', 'aws-cdk-lib', 'aws-cdk-lib/*', 'cdktf', 'cdktf/*', '@cdktf/*'], message: 'Deep per-resource provider paths only; no aws-cdk-lib, no cdktf.' }],
    }],
  },
});

project.addTask('test:terraform-validate', {
  description: 'terraform validate on every cdktf scenario (needs terraform and TEMPORAL_HA_TERRAFORM_VALIDATE=<plugin dir with the AWS provider>)',
  exec: 'jest --coverage=false --testPathIgnorePatterns /node_modules/ -- test/cdktf/terraform-validate.test.ts',
});

const installs = project.addTask('test:installs', {
  description: 'Pack the package, then install it CDK-only, cdktf-only and cdktn-only in scratch apps and synthesize with each',
  exec: 'bash test/install/check-installs.sh',
});
project.testTask.spawn(installs);

// The dev dependency is the floor (CDK_VERSION); current aws-cdk-lib releases also validate every
// template at synth (built-in CloudFormation validation). This is the one place that runs it on
// everything users run: every AWS CDK example and parity scenario, with the versions below
// installed in a scratch folder (.current-cdk/), strict (any finding fails).
const CURRENT_CDK_VERSION = '2.276.0';
const CURRENT_CONSTRUCTS_VERSION = '10.8.1';
const CURRENT_CDK_NAG_VERSION = '3.0.2';
const currentCdk = project.addTask('test:current-cdk', {
  description: `Synthesize every AWS CDK example and parity scenario with aws-cdk-lib ${CURRENT_CDK_VERSION} and its built-in template validation (strict)`,
  env: { CURRENT_CDK_VERSION, CURRENT_CONSTRUCTS_VERSION, CURRENT_CDK_NAG_VERSION },
  exec: 'bash test/current-cdk/run.sh',
  receiveArgs: true,
});
project.testTask.spawn(currentCdk);
project.addPackageIgnore('/.current-cdk/');

// Property-based tests at scale: every pattern and engine, 10,000 plan-level cases and 1,000 full synths each, counts printed
// (the default jest run runs the same properties with a few hundred plan cases and a few dozen synths). FC_SEED overrides the seed.
// Each census also appends its counts to PROPERTY_REPORT, printed at the end (a jest worker's own output can be lost); a cdktf worker
// holds 5,000 synthesized apps' garbage over the run, so workers get a larger heap.
const properties = project.addTask('test:properties', {
  description: 'Property-based tests (test/properties) at scale: 10,000 plan-level cases and 1,000 full synths per pattern and engine, with counts',
  env: { PROPERTY_RUNS: 'large', PROPERTY_REPORT: 'test-reports/properties.txt', NODE_OPTIONS: '--max-old-space-size=8192' },
});
properties.exec('mkdir -p test-reports && rm -f test-reports/properties.txt');
properties.exec('jest --coverage=false --testTimeout=86400000 --maxWorkers=2 test/properties', { receiveArgs: true });
properties.exec('cat test-reports/properties.txt');

// Performance claim, measured: load time and memory of the cdktf subpath vs the provider's root import.
project.addTask('bench:cdktf-load', {
  description: 'Load time and RSS of temporal-ha-constructs/cdktf and /cdktn vs the @cdktf/@cdktn provider root imports (ratios, same run)',
  exec: 'ts-node --transpile-only test/bench/cdktf-load.ts',
  receiveArgs: true,
});
// Synth cost, measured: each scenario as a library app and as the hand-written aws-cdk-lib / cdktf
// equivalent (same resources, counted), in fresh processes, alternating, with the current aws-cdk-lib's
// template validation on and off (that aws-cdk-lib is installed on first use into .bench/, gitignored).
project.addTask('bench:synth', {
  description: 'Synth wall time, CPU and peak RSS: library vs hand-written apps with the same resources (AWS CDK with template validation on/off, cdktf; ratios, same run)',
  exec: 'ts-node --transpile-only test/bench/synth.ts',
  env: { CDK_DISABLE_CLI_TELEMETRY: 'true' },
  receiveArgs: true,
});
project.addPackageIgnore('/.bench/');

// RULES.md is generated from the rule pack (lib/core/rules/) with every compile; a test keeps it honest.
const rules = project.addTask('rules', {
  description: 'Regenerate RULES.md from lib/core/rules',
  exec: 'ts-node --transpile-only --prefer-ts-exts -e "require(\'fs\').writeFileSync(\'RULES.md\', require(\'./lib/core/rules/table.ts\').renderRulesTable())"',
});
project.postCompileTask.spawn(rules);

// API-cdktf.md: the cdktf subpath's API reference (jsii-docgen's API.md covers the package root only).
const docgenCdktf = project.addTask('docgen:cdktf', {
  description: 'Generate API-cdktf.md, the API reference of temporal-ha-constructs/cdktf',
  exec: 'ts-node --transpile-only --prefer-ts-exts projenrc/cdktf-api-docs.ts',
});
project.tasks.tryFind('docgen')!.spawn(docgenCdktf);

// In CI, generated files must already be committed (regenerate with `npx projen build`).
const checkGenerated = project.addTask('check-generated', {
  description: 'In CI: fail when API.md, RULES.md or projen-managed files differ from what the build generated',
  condition: '[ -n "${CI:-}" ]',
  exec: 'git diff --exit-code -- API.md API-cdktf.md RULES.md package.json .projen || (echo "generated files are out of date: run npx projen build and commit them" && exit 1)',
});
project.testTask.spawn(checkGenerated);

// Examples import the package by name (as a user's app does): Node resolves it to this package
// through `exports` (self-reference), i.e. to the compiled lib/.
project.package.addField('exports', {
  '.': { types: './lib/index.d.ts', default: './lib/index.js' },
  './cdktf': { types: './lib/cdktf/index.d.ts', default: './lib/cdktf/index.js' },
  './cdktn': { types: './lib/cdktn/index.d.ts', default: './lib/cdktn/index.js' },
  './.jsii': './.jsii',
  './package.json': './package.json',
});

project.synth();

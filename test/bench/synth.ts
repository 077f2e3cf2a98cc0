/**
 * Benchmark (a script, not a test): the cost of synthesizing with this library next to the
 * hand-written equivalent a platform team would otherwise maintain, for the same resources.
 *
 * Scenarios: the Active/Hot example (2 regions) and regionally sharded namespaces (8 and 32 Active/Hot
 * shards over 4 regions), each as a library app (test/bench/synth/library-*) and as hand-written
 * aws-cdk-lib or cdktf code that does not import the library (test/bench/synth/handwritten-*). AWS
 * CDK runs with the pinned aws-cdk-lib (no template validation), and with the current aws-cdk-lib
 * with its built-in CloudFormation template validation on and off (CDK_VALIDATION=false); CDK for
 * Terraform runs with the pinned cdktf and provider.
 *
 * Every measurement is a fresh Node process that loads one app and synthesizes it to a temporary
 * directory: wall time (measured here, process start to exit), CPU time (user + system) and peak
 * RSS (reported by the child from process.resourceUsage). Library and hand-written run
 * alternately, several rounds; each round gives a library / hand-written ratio, and the median of
 * those ratios is printed next to the medians of the raw figures. After the first round, both sides'
 * resources are counted per type: the benchmark fails when they differ by more than a few
 * resources, and says which types differ. A hand-written app that loads any module of the library
 * fails the benchmark too. The engines alone (an empty app) are measured for reference, and with
 * validation on also under `node --liftoff-only` (the validator is WebAssembly).
 *
 *   npx projen bench:synth [--rounds=N] [--validation-rounds=N] [--only=REGEX] [--node-flags=FLAGS] [--source=DIR]
 *
 * (projen splits task arguments on spaces: write each option with `=`, values without spaces,
 * e.g. --only=validation.on.)
 *
 * --rounds: rounds per row (default 5); --validation-rounds: rounds of the rows with template
 * validation on (default 3: each of those runs pays the validator's start-up, seconds of CPU);
 * --only: rows whose scenario or engine label matches; --node-flags: Node options for every child
 * (both sides alike); --source: measure the lib/ and examples/ of another checkout (e.g. a
 * `git archive` of an older commit) with this checkout's benchmark apps.
 *
 * The library and the apps are compiled with swc (as the package ships: JavaScript, no TypeScript
 * loader). The current aws-cdk-lib is installed on first use into .bench/current-cdk (gitignored).
 */
import { spawnSync, execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { transformFileSync } from '@swc/core';

const REPO = path.join(__dirname, '..', '..');
const CURRENT_CDK_VERSION = '2.276.0';
const CURRENT_CONSTRUCTS_VERSION = '10.8.1';
const CURRENT_CDK_DIR = path.join(REPO, '.bench', 'current-cdk');
/** V8's flag that compiles WebAssembly with its baseline compiler only (no optimizing tier). */
const LIFTOFF_ONLY = '--liftoff-only';
/** The most the two sides' resource counts may differ by, in total, before the benchmark refuses to compare them. */
const MAX_RESOURCE_DIFFERENCE = 3;

type Engine = 'cdk' | 'cdktf';
type Side = 'library' | 'handwritten';

interface Variant {
  readonly engine: Engine;
  readonly label: string;
  readonly nodePath: string[];
  readonly env: Record<string, string>;
  readonly rounds: number;
  /** Whether aws-cdk-lib's template validation runs (its start-up is also measured with `node --liftoff-only`). */
  readonly validates?: boolean;
}

interface Scenario {
  readonly label: string;
  /** App module under test/bench/synth/<side>-<engine>/. */
  readonly app: string;
  readonly size: number;
  /** The example whose cdk.json / cdktf.json context the apps synthesize with, per engine. */
  readonly contextFrom: Record<Engine, string>;
}

interface Sample { readonly wallMs: number; readonly cpuMs: number; readonly maxRssMiB: number }

interface Counted { readonly stacks: number; readonly byType: Record<string, number> }

const SCENARIOS: Scenario[] = [
  { label: 'Active/Hot, 2 regions', app: 'active-hot', size: 2, contextFrom: { cdk: 'active-hot/cdk.json', cdktf: 'cdktf-active-hot/cdktf.json' } },
  { label: 'Sharded, 8 shards', app: 'sharded', size: 8, contextFrom: { cdk: 'regionally-sharded/cdk.json', cdktf: 'regionally-sharded/cdk.json' } },
  { label: 'Sharded, 32 shards', app: 'sharded', size: 32, contextFrom: { cdk: 'regionally-sharded/cdk.json', cdktf: 'regionally-sharded/cdk.json' } },
];

interface Options {
  readonly rounds: number;
  readonly validationRounds: number;
  readonly only?: RegExp;
  readonly nodeFlags: string[];
  /** The checkout whose lib/ and examples/ are measured. */
  readonly source: string;
}

const USAGE = '[--rounds N] [--validation-rounds N] [--only REGEX] [--node-flags "FLAGS"] [--source DIR]';

function parseArgs(argv: string[]): Options {
  let rounds = 5;
  let validationRounds = 3;
  let only: RegExp | undefined;
  let nodeFlags: string[] = [];
  let source = REPO;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => inline ?? argv[++i];
    if (flag === '--rounds') rounds = Number(value());
    else if (flag === '--validation-rounds') validationRounds = Number(value());
    else if (flag === '--only') only = new RegExp(value(), 'i');
    else if (flag === '--node-flags') nodeFlags = value().split(/\s+/).filter(Boolean);
    else if (flag === '--source') source = path.resolve(value());
    else if (/^\d+$/.test(flag)) rounds = Number(flag);
    else throw new Error(`bench:synth: unknown argument '${argv[i]}'. Use ${USAGE}.`);
  }
  for (const [name, n] of [['--rounds', rounds], ['--validation-rounds', validationRounds]] as const) {
    if (!(Number.isInteger(n) && n >= 1)) throw new Error(`bench:synth: ${name} must be a whole number >= 1`);
  }
  if (!fs.existsSync(path.join(source, 'lib', 'index.ts'))) throw new Error(`bench:synth: --source ${source} has no lib/index.ts`);
  return { rounds, validationRounds, only, nodeFlags, source };
}

/** The current aws-cdk-lib in the scratch folder (installed on first use); undefined when it cannot be installed. */
function currentCdkNodeModules(): string | undefined {
  const modules = path.join(CURRENT_CDK_DIR, 'node_modules');
  const installed = (name: string) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(modules, name, 'package.json'), 'utf8')).version;
    } catch {
      return undefined;
    }
  };
  if (installed('aws-cdk-lib') !== CURRENT_CDK_VERSION || installed('constructs') !== CURRENT_CONSTRUCTS_VERSION) {
    console.log(`Installing aws-cdk-lib@${CURRENT_CDK_VERSION} and constructs@${CURRENT_CONSTRUCTS_VERSION} into ${path.relative(REPO, CURRENT_CDK_DIR)} (once)...`);
    fs.mkdirSync(CURRENT_CDK_DIR, { recursive: true });
    const pkg = path.join(CURRENT_CDK_DIR, 'package.json');
    if (!fs.existsSync(pkg)) fs.writeFileSync(pkg, JSON.stringify({ name: 'bench-current-cdk', private: true }, undefined, 2) + '\n');
    try {
      execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--ignore-scripts',
        `aws-cdk-lib@${CURRENT_CDK_VERSION}`, `constructs@${CURRENT_CONSTRUCTS_VERSION}`], { cwd: CURRENT_CDK_DIR, stdio: 'inherit' });
    } catch (e) {
      console.log(`Could not install aws-cdk-lib@${CURRENT_CDK_VERSION} (${(e as Error).message}): skipping the template validation rows.`);
      return undefined;
    }
  }
  return modules;
}

/**
 * Compiles `<libRoot>/lib` and this repository's test/bench/synth/ with swc into one temporary tree
 * (same relative paths, so the apps' relative imports of lib/ hold); returns its root.
 */
function compile(libRoot: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'temporal-ha-bench-synth-js-'));
  const walk = (from: string, dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(from, file);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const { code } = transformFileSync(file, {
          jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
          module: { type: 'commonjs' },
          sourceMaps: false,
          swcrc: false,
        });
        const target = path.join(root, path.relative(from, file)).replace(/\.ts$/, '.js');
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, code);
      }
    }
  };
  walk(libRoot, path.join(libRoot, 'lib'));
  walk(REPO, path.join(REPO, 'test', 'bench', 'synth'));
  return root;
}

/** Resources per type in a cdk.out (every template) or a cdktf.out (every stack; data sources as `data.<type>`). */
function countResources(engine: Engine, outdir: string): Counted {
  const byType: Record<string, number> = {};
  const add = (type: string, n = 1) => { byType[type] = (byType[type] ?? 0) + n; };
  let stacks = 0;
  if (engine === 'cdk') {
    for (const file of fs.readdirSync(outdir).filter((f) => f.endsWith('.template.json'))) {
      stacks++;
      const template = JSON.parse(fs.readFileSync(path.join(outdir, file), 'utf8'));
      for (const resource of Object.values<{ Type: string }>(template.Resources ?? {})) add(resource.Type);
    }
  } else {
    for (const stack of fs.readdirSync(path.join(outdir, 'stacks'))) {
      stacks++;
      const config = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
      for (const [type, byName] of Object.entries<object>(config.resource ?? {})) add(type, Object.keys(byName).length);
      for (const [type, byName] of Object.entries<object>(config.data ?? {})) add(`data.${type}`, Object.keys(byName).length);
    }
  }
  return { stacks, byType };
}

const total = (c: Counted) => Object.values(c.byType).reduce((a, b) => a + b, 0);

/** Prints both sides' counts per type; throws (naming the types) when they differ by more than a few resources. */
function compareCounts(title: string, lib: Counted, hand: Counted): void {
  const types = [...new Set([...Object.keys(lib.byType), ...Object.keys(hand.byType)])].sort();
  const differing = types.filter((t) => (lib.byType[t] ?? 0) !== (hand.byType[t] ?? 0));
  const difference = types.reduce((sum, t) => sum + Math.abs((lib.byType[t] ?? 0) - (hand.byType[t] ?? 0)), 0);
  console.log(`\n${title}: library ${total(lib)} resources in ${lib.stacks} stack(s), hand-written ${total(hand)} in ${hand.stacks}; `
    + `${types.length} types, ${differing.length === 0 ? 'every count equal' : `${differing.length} differ`} (library / hand-written):`);
  const cells = types.map((t) => `${differing.includes(t) ? '!' : ' '} ${t.padEnd(48)} ${String(lib.byType[t] ?? 0).padStart(4)} / ${String(hand.byType[t] ?? 0).padEnd(4)}`);
  for (let i = 0; i < cells.length; i += 2) console.log(`  ${cells.slice(i, i + 2).join('   ')}`);
  if (difference > MAX_RESOURCE_DIFFERENCE) {
    throw new Error(`bench:synth: ${title}: the library and the hand-written app differ by ${difference} resources `
      + `(more than ${MAX_RESOURCE_DIFFERENCE}), so their synth times do not compare. Types that differ (library / hand-written): `
      + differing.map((t) => `${t} ${lib.byType[t] ?? 0}/${hand.byType[t] ?? 0}`).join(', ')
      + '. Make the hand-written app under test/bench/synth/ build the same resources as the library app.');
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

interface Runner {
  run(engine: Engine, side: Side | 'baseline', scenario: { app: string; size: number }, context: string): { sample: Sample; outdir: string };
}

function makeRunner(compiled: string, work: string, nodeFlags: string[], variant: Variant): Runner {
  const runApp = path.join(compiled, 'test', 'bench', 'synth', 'run-app.js');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_PATH: variant.nodePath.join(path.delimiter),
    JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1',
    JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20',
    CDK_DISABLE_CLI_TELEMETRY: 'true',
    ...variant.env,
  };
  // Only the variant decides about validation; nothing from the caller's environment.
  if (!('CDK_VALIDATION' in variant.env)) delete env.CDK_VALIDATION;
  delete env.CDK_OUTDIR;
  delete env.CDK_CONTEXT_JSON;
  return {
    run(engine, side, scenario, contextFile) {
      const dir = side === 'baseline' ? 'baseline' : `${side}-${engine}`;
      const app = side === 'baseline' ? `empty-${engine}` : scenario.app;
      const appModule = path.join(compiled, 'test', 'bench', 'synth', dir, `${app}.js`);
      const outdir = path.join(work, `${side}.out`);
      const report = path.join(work, `${side}.report.json`);
      fs.rmSync(outdir, { recursive: true, force: true });
      fs.rmSync(report, { force: true });
      const t0 = process.hrtime.bigint();
      const child = spawnSync(process.execPath, [...nodeFlags, runApp, appModule, outdir, String(scenario.size), contextFile, report], {
        cwd: work, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024,
      });
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      const usage = fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, 'utf8')) : undefined;
      if (child.status !== 0 || !usage || usage.code !== 0) {
        const tail = `${child.stderr ?? ''}\n${child.stdout ?? ''}`.trim().split('\n').slice(-25).join('\n');
        throw new Error(`bench:synth: ${side} app ${dir}/${app} (size ${scenario.size}, ${variant.label}) failed with exit code ${child.status}:\n${tail}`);
      }
      if (side === 'handwritten' && usage.libraryModules > 0) {
        throw new Error(`bench:synth: the hand-written app ${dir}/${app} loaded ${usage.libraryModules} modules of the library: it must use the engine only.`);
      }
      if (side === 'library' && usage.libraryModules === 0) throw new Error(`bench:synth: the library app ${dir}/${app} loaded no module of the library.`);
      return { sample: { wallMs, cpuMs: usage.cpuMs, maxRssMiB: usage.maxRssMiB }, outdir };
    },
  };
}

interface Row {
  readonly scenario: string;
  readonly variant: string;
  readonly resources: string;
  readonly lib: Sample[];
  readonly hand: Sample[];
}

function fmt(n: number, digits = 2): string {
  return n.toFixed(digits);
}

function summarize(row: Row) {
  const med = (side: Sample[], key: keyof Sample) => median(side.map((s) => s[key]));
  const ratio = (key: keyof Sample) => median(row.lib.map((s, i) => s[key] / row.hand[i][key]));
  return {
    wall: [med(row.lib, 'wallMs') / 1000, med(row.hand, 'wallMs') / 1000, ratio('wallMs')],
    cpu: [med(row.lib, 'cpuMs') / 1000, med(row.hand, 'cpuMs') / 1000, ratio('cpuMs')],
    rss: [med(row.lib, 'maxRssMiB'), med(row.hand, 'maxRssMiB'), ratio('maxRssMiB')],
  };
}

function machine(): string {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown CPU';
  return `${model}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory, Node ${process.version}`;
}

function versionOf(pkg: string, modules: string): string {
  return JSON.parse(fs.readFileSync(path.join(modules, pkg, 'package.json'), 'utf8')).version;
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const { only, nodeFlags, source } = options;
  const repoModules = path.join(REPO, 'node_modules');
  const current = currentCdkNodeModules();
  const pinned = versionOf('aws-cdk-lib', repoModules);
  const variants: Variant[] = [
    { engine: 'cdk', label: `aws-cdk-lib ${pinned} (no template validation)`, nodePath: [repoModules], env: {}, rounds: options.rounds },
    ...(current ? [
      // Every run with validation on pays the validator's start-up (seconds of CPU): fewer rounds by default.
      {
        engine: 'cdk' as const,
        label: `aws-cdk-lib ${CURRENT_CDK_VERSION}, template validation on`,
        nodePath: [current, repoModules],
        env: {},
        rounds: options.validationRounds,
        validates: true,
      },
      { engine: 'cdk' as const, label: `aws-cdk-lib ${CURRENT_CDK_VERSION}, validation off`, nodePath: [current, repoModules], env: { CDK_VALIDATION: 'false' }, rounds: options.rounds },
    ] : []),
    {
      engine: 'cdktf',
      label: `cdktf ${versionOf('cdktf', repoModules)} + provider-aws ${versionOf('@cdktf/provider-aws', repoModules)}`,
      nodePath: [repoModules],
      env: {},
      rounds: options.rounds,
    },
  ];

  const compiled = compile(source);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'temporal-ha-bench-synth-'));
  const started = Date.now();
  try {
    console.log(`${machine()}${source === REPO ? '' : `\nlibrary and examples from ${source}`}`);
    console.log('Each round runs the library app and the hand-written app in fresh processes, alternating which goes first; '
      + `${options.rounds} rounds (${options.validationRounds} with template validation on)${nodeFlags.length ? `; node flags: ${nodeFlags.join(' ')}` : ''}.`);
    const rows: Row[] = [];
    const baselines: Array<{ variant: string; samples: Sample[] }> = [];
    for (const variant of variants) {
      const selected = SCENARIOS.filter((s) => !only || only.test(`${s.label} ${variant.label} ${variant.engine}`));
      if (selected.length === 0) continue;
      const runner = makeRunner(compiled, work, nodeFlags, variant);
      console.log(`\n=== ${variant.label}`);
      // The engine's fixed cost, for reference: one empty stack (these runs also warm the file system cache).
      const emptyContext = path.join(work, 'context-empty.json');
      fs.writeFileSync(emptyContext, '{}');
      const empty = { app: 'empty', size: 0 };
      baselines.push({
        variant: variant.label,
        samples: Array.from({ length: variant.rounds }, () => runner.run(variant.engine, 'baseline', empty, emptyContext).sample),
      });
      if (variant.validates && !nodeFlags.includes(LIFTOFF_ONLY)) {
        // The validator is WebAssembly: what its start-up costs when V8 compiles it with the baseline compiler only.
        const liftoff = makeRunner(compiled, work, [...nodeFlags, LIFTOFF_ONLY], variant);
        baselines.push({
          variant: `${variant.label}, node ${LIFTOFF_ONLY}`,
          samples: Array.from({ length: variant.rounds }, () => liftoff.run(variant.engine, 'baseline', empty, emptyContext).sample),
        });
      }

      for (const scenario of selected) {
        const context = path.join(work, `context-${variant.engine}-${scenario.app}.json`);
        const example = JSON.parse(fs.readFileSync(path.join(source, 'examples', scenario.contextFrom[variant.engine]), 'utf8')).context;
        // A Terraform app has no use for AWS CDK feature flags: it gets the example's own values only.
        fs.writeFileSync(context, JSON.stringify(variant.engine === 'cdktf'
          ? Object.fromEntries(Object.entries(example).filter(([k]) => !k.startsWith('@')))
          : example));
        const row = { scenario: scenario.label, variant: variant.label, resources: '', lib: [] as Sample[], hand: [] as Sample[] };
        for (let r = 0; r < variant.rounds; r++) {
          const order: Side[] = r % 2 === 0 ? ['library', 'handwritten'] : ['handwritten', 'library'];
          const outdirs: Partial<Record<Side, string>> = {};
          for (const side of order) {
            const { sample, outdir } = runner.run(variant.engine, side, scenario, context);
            (side === 'library' ? row.lib : row.hand).push(sample);
            outdirs[side] = outdir;
          }
          if (r === 0) {
            // What the first round synthesized, per type, on both sides: the same resources, or no comparison.
            const lib = countResources(variant.engine, outdirs.library!);
            const hand = countResources(variant.engine, outdirs.handwritten!);
            compareCounts(`${scenario.label} (${variant.label})`, lib, hand);
            row.resources = `${total(lib)} / ${total(hand)}`;
          }
        }
        const s = summarize(row);
        console.log(`  wall ${fmt(s.wall[0])} s / ${fmt(s.wall[1])} s = ${fmt(s.wall[2])}   CPU ${fmt(s.cpu[0])} s / ${fmt(s.cpu[1])} s = ${fmt(s.cpu[2])}`
          + `   peak RSS ${fmt(s.rss[0], 0)} / ${fmt(s.rss[1], 0)} MiB = ${fmt(s.rss[2])}`);
        rows.push(row);
      }
    }

    console.log('\n## Synth: library / hand-written (medians; ratios paired per round, then the median)\n');
    console.log(machine() + (nodeFlags.length ? `; node flags: ${nodeFlags.join(' ')}` : '') + '\n');
    console.log('| Scenario | Engine | Resources (lib / hand) | Wall s (lib / hand) | Wall ratio | CPU s (lib / hand) | CPU ratio | Peak RSS MiB (lib / hand) | RSS ratio |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const row of rows) {
      const s = summarize(row);
      console.log(`| ${row.scenario} | ${row.variant} | ${row.resources} | ${fmt(s.wall[0])} / ${fmt(s.wall[1])} | ${fmt(s.wall[2])} `
        + `| ${fmt(s.cpu[0])} / ${fmt(s.cpu[1])} | ${fmt(s.cpu[2])} | ${fmt(s.rss[0], 0)} / ${fmt(s.rss[1], 0)} | ${fmt(s.rss[2])} |`);
    }
    console.log('\nThe engine alone (one stack, one resource: the fixed cost inside every row above):\n');
    console.log('| Engine | Wall s | CPU s | Peak RSS MiB |');
    console.log('| --- | --- | --- | --- |');
    for (const b of baselines) {
      console.log(`| ${b.variant} | ${fmt(median(b.samples.map((x) => x.wallMs)) / 1000)} | ${fmt(median(b.samples.map((x) => x.cpuMs)) / 1000)} `
        + `| ${fmt(median(b.samples.map((x) => x.maxRssMiB)), 0)} |`);
    }
    console.log(`\nbench:synth took ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(compiled, { recursive: true, force: true });
  }
}

main();

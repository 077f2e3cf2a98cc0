/**
 * Benchmark (a script, not a test): what it costs a Terraform user to load this library's cdktf
 * subpath, next to the Terraform AWS provider's root import; the same for the CDK Terrain (cdktn)
 * subpath and @cdktn/provider-aws. Each measurement is a fresh Node
 * process (nothing cached in memory) that requires one thing and reports the time the `require`
 * took and the resident memory it added; several runs each, median and range printed, and the
 * ratio of the medians.
 *
 *   npx ts-node --transpile-only test/bench/cdktf-load.ts [runs]
 *
 * The subpath is measured as it is published: lib/ compiled to JavaScript (swc), no TypeScript loader.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { generateCdktn } from '../../projenrc/generate-cdktn';
import { childEnv, compileLib, REPO } from '../cdktf/compile-lib';

interface Sample { readonly ms: number; readonly rssMiB: number; readonly modules: number }

function measure(specifier: string): Sample {
  const script = [
    'const rss0 = process.memoryUsage().rss;',
    'const t0 = process.hrtime.bigint();',
    `require(${JSON.stringify(specifier)});`,
    'const ms = Number(process.hrtime.bigint() - t0) / 1e6;',
    'const rssMiB = (process.memoryUsage().rss - rss0) / 1048576;',
    'process.stdout.write(JSON.stringify({ ms, rssMiB, modules: Object.keys(require.cache).length }));',
  ].join('\n');
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { env: childEnv(), cwd: REPO, encoding: 'utf8' }));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function summarize(label: string, samples: Sample[]) {
  const ms = samples.map((s) => s.ms);
  const rss = samples.map((s) => s.rssMiB);
  const row = {
    label,
    ms: median(ms),
    rss: median(rss),
    text: `${label.padEnd(52)} ${median(ms).toFixed(0).padStart(6)} ms (${Math.min(...ms).toFixed(0)}-${Math.max(...ms).toFixed(0)})`
      + `  ${median(rss).toFixed(0).padStart(5)} MiB RSS (${Math.min(...rss).toFixed(0)}-${Math.max(...rss).toFixed(0)})  ${samples[0].modules} modules`,
  };
  console.log(row.text);
  return row;
}

function main(): void {
  const runs = Number(process.argv[2] ?? 5);
  generateCdktn(); // lib/cdktn from lib/cdktf (gitignored), then compile both
  const lib = compileLib();
  try {
    const subjects: Array<[string, string]> = [
      ['temporal-ha-constructs/cdktf (lib/cdktf, compiled)', path.join(lib, 'cdktf', 'index.js')],
      ['@cdktf/provider-aws (root import)', '@cdktf/provider-aws'],
      ['cdktf alone (baseline)', 'cdktf'],
      ['temporal-ha-constructs/cdktn (lib/cdktn, compiled)', path.join(lib, 'cdktn', 'index.js')],
      ['@cdktn/provider-aws (root import)', '@cdktn/provider-aws'],
      ['cdktn alone (baseline)', 'cdktn'],
      ['temporal-ha-constructs (root: core + AWS CDK)', path.join(lib, 'index.js')],
    ];
    console.log(`Node ${process.version}, ${runs} fresh processes per subject (median, range)\n`);
    const rows = subjects.map(([label, spec]) => {
      measure(spec); // warm the file system cache once, not measured
      return summarize(label, Array.from({ length: runs }, () => measure(spec)));
    });
    const [subpath, barrel, , cdktnSubpath, cdktnBarrel] = rows;
    console.log(`\nprovider root import / cdktf subpath: ${(barrel.ms / subpath.ms).toFixed(1)}x the time, ${(barrel.rss / subpath.rss).toFixed(1)}x the memory`);
    console.log(`@cdktn provider root import / cdktn subpath: ${(cdktnBarrel.ms / cdktnSubpath.ms).toFixed(1)}x the time, ${(cdktnBarrel.rss / cdktnSubpath.rss).toFixed(1)}x the memory`);
  } finally {
    fs.rmSync(path.dirname(lib), { recursive: true, force: true });
  }
}

main();

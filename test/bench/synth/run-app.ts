/**
 * One measured synthesis: the benchmark's child process. Loads an app module, synthesizes it, and
 * at exit writes this process's CPU time and peak resident memory (process.resourceUsage: every
 * thread, the engine's WebAssembly validator included) to the report file, with how many of the
 * library's modules it loaded (none, for a hand-written app).
 *
 *   node run-app.js <app module> <outdir> <size> <context.json> <report.json>
 */
import * as fs from 'fs';
import * as path from 'path';
import type { SynthFn } from './scenario';

const [appModule, outdir, size, contextFile, reportFile] = process.argv.slice(2);
// This file is <root>/test/bench/synth/run-app.js; the compiled library is <root>/lib.
const libDir = path.join(__dirname, '..', '..', '..', 'lib') + path.sep;
process.on('exit', (code) => {
  const usage = process.resourceUsage();
  fs.writeFileSync(reportFile, JSON.stringify({
    code,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    maxRssMiB: usage.maxRSS / 1024,
    libraryModules: Object.keys(require.cache).filter((m) => m.startsWith(libDir)).length,
  }));
});
const context = JSON.parse(fs.readFileSync(contextFile, 'utf8'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const synth: SynthFn = require(appModule).synth;
synth(outdir, Number(size), context);

/**
 * The CDK Terrain flavour (lib/cdktn): generated from lib/cdktf with its own engine, and loading only
 * that engine. Loading is checked in fresh Node processes through `require.cache`, on lib/ compiled
 * to JavaScript as it is published (test/cdktf/compile-lib.ts; jest's globalSetup generated lib/cdktn).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { generateCdktn } from '../../projenrc/generate-cdktn';
import { childEnv, compileLib, REPO } from '../cdktf/compile-lib';

/** The files in `require.cache` after a fresh Node process requires `entry`. */
function loadedBy(entry: string): string[] {
  const script = `require(${JSON.stringify(entry)}); process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { env: childEnv(), cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
}

const CDKTN = '/node_modules/cdktn/';
const PROVIDER = '/node_modules/@cdktn/provider-aws/';
const PROVIDER_BARREL = '/node_modules/@cdktn/provider-aws/lib/index.js';
const CDKTF = ['/node_modules/cdktf/', '/node_modules/@cdktf/'];
const AWS_CDK_LIB = '/node_modules/aws-cdk-lib/';

describe('requiring the cdktn subpath (lib/cdktn, compiled)', () => {
  let lib: string;
  let files: string[];
  beforeAll(() => {
    lib = compileLib();
    files = loadedBy(path.join(lib, 'cdktn', 'index.js'));
  });
  afterAll(() => fs.rmSync(path.dirname(lib), { recursive: true, force: true }));

  test('loads cdktn and per-resource modules of @cdktn/provider-aws (sanity: the check sees node_modules)', () => {
    expect(files.some((f) => f.includes(CDKTN))).toBe(true);
    expect(files.filter((f) => f.includes(PROVIDER)).length).toBeGreaterThan(10);
  });

  test('never loads cdktf, @cdktf/provider-aws or aws-cdk-lib', () => {
    expect(files.filter((f) => [...CDKTF, AWS_CDK_LIB].some((p) => f.includes(p)))).toEqual([]);
  });

  test('never loads the cdktf flavour (lib/cdktf)', () => {
    expect(files.filter((f) => f.includes(`${path.sep}lib${path.sep}cdktf${path.sep}`))).toEqual([]);
  });

  test('never loads the provider\'s root barrel, only the resources it uses', () => {
    expect(files.filter((f) => f.endsWith(PROVIDER_BARREL))).toEqual([]);
    const resources = files.filter((f) => f.includes(PROVIDER)).map((f) => f.slice(f.indexOf(PROVIDER) + PROVIDER.length));
    expect(resources.every((r) => /^lib\/[a-z0-9-]+\/index\.js$/.test(r))).toBe(true);
    expect(resources.length).toBeLessThan(60);
  });

  test('the package root and the cdktf subpath never load cdktn', () => {
    for (const entry of [path.join(lib, 'index.js'), path.join(lib, 'cdktf', 'index.js')]) {
      expect(loadedBy(entry).filter((f) => f.includes(CDKTN) || f.includes(PROVIDER))).toEqual([]);
    }
  });
});

describe('lib/cdktn is lib/cdktf with its own engine', () => {
  const sources = (dir: string, rel = ''): string[] => fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const p = path.join(rel, e.name);
    return e.isDirectory() ? sources(dir, p) : (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : []);
  });
  const CDKTF_DIR = path.join(REPO, 'lib', 'cdktf');
  const CDKTN_DIR = path.join(REPO, 'lib', 'cdktn');
  const read = (file: string) => fs.readFileSync(file, 'utf8');
  const importsOf = (file: string) => [...read(file).matchAll(/(?:from|require\()\s*'([^']+)'/g)].map((m) => m[1]);
  /** The names an engine exports (`export { A as B }` exports B). */
  const exportsOf = (file: string) => [...read(file).matchAll(/export (?:type )?\{([^}]+)\}/g)]
    .flatMap((m) => m[1].split(',').map((s) => s.trim().split(/\s+as\s+/).pop()!)).filter(Boolean).sort();

  test('every file but engine.ts is the lib/cdktf file, unchanged (after the generated header)', () => {
    generateCdktn();
    const files = sources(CDKTF_DIR).filter((f) => f !== 'engine.ts');
    expect(sources(CDKTN_DIR).sort()).toEqual([...files, 'engine.ts'].sort());
    for (const f of files) expect(read(path.join(CDKTN_DIR, f)).replace(/^\/\/ GENERATED.*\n/, '')).toBe(read(path.join(CDKTF_DIR, f)));
  });

  test('lib/cdktn/engine.ts exports the same names as lib/cdktf/engine.ts', () => {
    const cdktf = exportsOf(path.join(CDKTF_DIR, 'engine.ts'));
    expect(cdktf.length).toBeGreaterThan(40);
    expect(exportsOf(path.join(CDKTN_DIR, 'engine.ts'))).toEqual(cdktf);
  });

  test('lib/cdktn/engine.ts imports cdktn and the provider only through deep per-resource paths, nothing of cdktf', () => {
    const imports = importsOf(path.join(CDKTN_DIR, 'engine.ts'));
    expect(imports.filter((m) => !m.startsWith('@cdktn/provider-aws/lib/'))).toEqual(['cdktn', 'cdktn']);
    for (const m of imports.filter((i) => i.startsWith('@cdktn/'))) expect(m).toMatch(/^@cdktn\/provider-aws\/lib\/[a-z0-9-]+$/);
  });

  test('only the two engine files import an engine', () => {
    const all = sources(path.join(REPO, 'lib')).filter((f) => !['cdktf/engine.ts', 'cdktn/engine.ts'].includes(f.split(path.sep).join('/')));
    const offenders = all.filter((f) => importsOf(path.join(REPO, 'lib', f)).some((m) => /^(@cdktn\/|@cdktf\/|cdktn$|cdktf$|cdktn\/|cdktf\/)/.test(m)));
    expect(offenders).toEqual([]);
  });
});

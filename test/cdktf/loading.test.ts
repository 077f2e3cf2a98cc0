/**
 * Loading: each flavour loads only its own engine. A CDK user never loads cdktf or the Terraform
 * AWS provider; a Terraform user never loads aws-cdk-lib, and never the provider's root barrel
 * (every resource of it). Checked in fresh Node processes through `require.cache`, on lib/
 * compiled to JavaScript as it is published.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { childEnv, compileLib, REPO } from './compile-lib';

let lib: string;
beforeAll(() => {
  lib = compileLib();
});
afterAll(() => fs.rmSync(path.dirname(lib), { recursive: true, force: true }));

/** The files in `require.cache` after a fresh Node process requires `entry`. */
function loadedBy(entry: string): string[] {
  const script = `require(${JSON.stringify(entry)}); process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { env: childEnv(), cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
}

const CDKTF = '/node_modules/cdktf/';
const PROVIDER = '/node_modules/@cdktf/provider-aws/';
const PROVIDER_BARREL = '/node_modules/@cdktf/provider-aws/lib/index.js';
const AWS_CDK_LIB = '/node_modules/aws-cdk-lib/';

describe('requiring the package root (core + AWS CDK flavour)', () => {
  let files: string[];
  beforeAll(() => {
    files = loadedBy(path.join(lib, 'index.js'));
  });

  test('loads aws-cdk-lib (sanity: the check sees node_modules)', () => {
    expect(files.some((f) => f.includes(AWS_CDK_LIB))).toBe(true);
  });

  test('never loads cdktf nor the Terraform AWS provider', () => {
    expect(files.filter((f) => f.includes(CDKTF) || f.includes(PROVIDER))).toEqual([]);
  });

  test('never loads the cdktf flavour', () => {
    expect(files.filter((f) => f.includes(`${path.sep}lib${path.sep}cdktf${path.sep}`))).toEqual([]);
  });
});

describe('requiring the cdktf subpath (lib/cdktf)', () => {
  let files: string[];
  beforeAll(() => {
    files = loadedBy(path.join(lib, 'cdktf', 'index.js'));
  });

  test('loads cdktf and per-resource provider modules (sanity)', () => {
    expect(files.some((f) => f.includes(CDKTF))).toBe(true);
    expect(files.filter((f) => f.includes(PROVIDER)).length).toBeGreaterThan(10);
  });

  test('never loads aws-cdk-lib', () => {
    expect(files.filter((f) => f.includes(AWS_CDK_LIB))).toEqual([]);
  });

  test('never loads the provider\'s root barrel, only the resources it uses', () => {
    expect(files.filter((f) => f.endsWith(PROVIDER_BARREL))).toEqual([]);
    const resources = files.filter((f) => f.includes(PROVIDER)).map((f) => f.slice(f.indexOf(PROVIDER) + PROVIDER.length));
    expect(resources.every((r) => /^lib\/[a-z0-9-]+\/index\.js$/.test(r))).toBe(true);
    expect(resources.length).toBeLessThan(60);
  });
});

describe('import discipline in the sources', () => {
  const sources = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : []);
  });
  const importsOf = (file: string) => [...fs.readFileSync(file, 'utf8').matchAll(/(?:from|require\()\s*'([^']+)'/g)].map((m) => m[1]);

  test('only lib/cdktf/engine.ts imports cdktf or @cdktf/*', () => {
    const offenders = sources(path.join(REPO, 'lib')).filter((f) => !f.endsWith(path.join('cdktf', 'engine.ts')))
      .filter((f) => importsOf(f).some((m) => m === 'cdktf' || m.startsWith('cdktf/') || m.startsWith('@cdktf/')));
    expect(offenders.map((f) => path.relative(REPO, f))).toEqual([]);
  });

  test('engine.ts imports the provider only through deep per-resource paths', () => {
    const provider = importsOf(path.join(REPO, 'lib', 'cdktf', 'engine.ts')).filter((m) => m.startsWith('@cdktf/'));
    expect(provider.length).toBeGreaterThan(10);
    for (const m of provider) expect(m).toMatch(/^@cdktf\/provider-aws\/lib\/[a-z0-9-]+$/);
    expect(provider).not.toContain('@cdktf/provider-aws/lib/index');
  });

  test('lib/cdktf never imports aws-cdk-lib or the AWS CDK flavour', () => {
    const offenders = sources(path.join(REPO, 'lib', 'cdktf'))
      .filter((f) => importsOf(f).some((m) => m.startsWith('aws-cdk-lib') || m.includes('aws-cdk/') || m === '../index' || m === '../../index'));
    expect(offenders).toEqual([]);
  });
});

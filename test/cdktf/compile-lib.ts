/**
 * Compiles lib/ (TypeScript sources only) to CommonJS in a temporary directory with swc, the way
 * the published package ships it (JavaScript, no TypeScript loader), so child processes can
 * require the package root or the cdktf subpath with plain Node and report what got loaded.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { transformFileSync } from '@swc/core';

export const REPO = path.join(__dirname, '..', '..');
export const NODE_MODULES = path.join(REPO, 'node_modules');

/** Compiles every `lib/**\/*.ts` (not `.d.ts`) into `<tmp>/lib/**\/*.js`; returns `<tmp>/lib`. */
export function compileLib(): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'temporal-ha-lib-'));
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {walk(file);} else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const { code } = transformFileSync(file, {
          jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
          module: { type: 'commonjs' },
          sourceMaps: false,
          swcrc: false,
        });
        const target = path.join(out, path.relative(REPO, file)).replace(/\.ts$/, '.js');
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, code);
      }
    }
  };
  walk(path.join(REPO, 'lib'));
  return path.join(out, 'lib');
}

/** The environment a child needs to resolve the packages from this repository's node_modules. */
export function childEnv(): NodeJS.ProcessEnv {
  return { ...process.env, NODE_PATH: NODE_MODULES, JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1', JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20' };
}

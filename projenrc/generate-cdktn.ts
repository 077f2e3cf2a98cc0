/**
 * Generates the CDK Terrain flavour, lib/cdktn (`temporal-ha-constructs/cdktn`), from the CDK for
 * Terraform flavour, lib/cdktf: every `.ts` file of lib/cdktf is copied unchanged to the same path
 * under lib/cdktn, except engine.ts. lib/cdktn/engine.ts is written by hand (committed): it exports
 * the same names from `cdktn` and `@cdktn/provider-aws`, with an adapter where the AWS provider 6.x
 * differs. Everything else under lib/cdktn is generated (gitignored).
 *
 * Runs before the compile (`pre-compile`), before the tests (jest's globalSetup and the test task)
 * and in the load bench. Writes only what changed, atomically (several jest runs may generate at
 * once), and removes files whose lib/cdktf source is gone.
 *
 *   npx ts-node --transpile-only projenrc/generate-cdktn.ts
 */
import * as fs from 'fs';
import * as path from 'path';

const REPO = path.join(__dirname, '..');
const SOURCE = path.join(REPO, 'lib', 'cdktf');
const TARGET = path.join(REPO, 'lib', 'cdktn');
const ENGINE = 'engine.ts';

/** `.ts` sources (not `.d.ts`) under `dir`, relative to it. */
function sources(dir: string, rel = ''): string[] {
  if (!fs.existsSync(path.join(dir, rel))) return [];
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const file = path.join(rel, e.name);
    if (e.isDirectory()) return sources(dir, file);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [file] : [];
  });
}

/** Module specifiers a source imports or re-exports. */
function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:from|require\(|import\()\s*'([^']+)'/g)].map((m) => m[1]);
}

function writeIfChanged(file: string, text: string): boolean {
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) return false;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
  return true;
}

export interface GenerateResult { readonly written: string[]; readonly removed: string[] }

export function generateCdktn(): GenerateResult {
  if (!fs.existsSync(path.join(TARGET, ENGINE))) throw new Error(`lib/cdktn/${ENGINE} (hand-written, committed) is missing`);
  const files = sources(SOURCE).filter((f) => f !== ENGINE);
  const written: string[] = [];
  for (const rel of files) {
    const text = fs.readFileSync(path.join(SOURCE, rel), 'utf8');
    // The copy must load its engine only through ./engine: a direct engine import would load cdktf.
    const direct = importsOf(text).filter((m) => /^(@cdktf\/|cdktf$|cdktf\/)/.test(m));
    if (direct.length > 0) throw new Error(`lib/cdktf/${rel} imports ${direct.join(', ')}: only lib/cdktf/engine.ts may import the engine`);
    const header = `// GENERATED from lib/cdktf/${rel.split(path.sep).join('/')} by projenrc/generate-cdktn.ts: edit that file, not this one.\n`;
    if (writeIfChanged(path.join(TARGET, rel), header + text)) written.push(rel);
  }
  // Sources removed from lib/cdktf: remove their copies and compiled outputs.
  const keep = new Set([...files, ENGINE]);
  const removed = sources(TARGET).filter((rel) => !keep.has(rel));
  for (const rel of removed) {
    for (const ext of ['.ts', '.js', '.d.ts']) fs.rmSync(path.join(TARGET, rel.replace(/\.ts$/, ext)), { force: true });
  }
  return { written, removed };
}

if (require.main === module) {
  const { written, removed } = generateCdktn();
  console.log(`lib/cdktn: ${written.length} file(s) written, ${removed.length} removed (from lib/cdktf; engine.ts is hand-written)`);
}

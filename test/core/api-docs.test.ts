import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { OUTPUT, renderCdktfApi, ROOT } from '../../projenrc/cdktf-api-docs';

/** The first line where two texts differ, with a little context, for a readable failure. */
function firstDifference(a: string, b: string): string {
  const al = a.split('\n');
  const bl = b.split('\n');
  const i = al.findIndex((line, n) => line !== bl[n]);
  const at = i === -1 ? Math.min(al.length, bl.length) : i;
  const show = (lines: string[]) => lines.slice(Math.max(0, at - 2), at + 3).join('\n');
  return `first difference at line ${at + 1}:\n--- ${OUTPUT}\n${show(al)}\n--- generated\n${show(bl)}`;
}

describe('API-cdktf.md', () => {
  test('is exactly the reference generated from lib/cdktf/index.ts (docs cannot drift from code)', () => {
    // GIVEN the committed API-cdktf.md and the reference the cdktf entry's exports render
    const file = path.join(ROOT, OUTPUT);
    const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '(API-cdktf.md is missing)';
    const generated = renderCdktfApi();

    // WHEN / THEN they are identical, or the failure says how to regenerate
    if (committed !== generated) {
      throw new Error(
        `${OUTPUT} is out of date with lib/cdktf: regenerate it with \`npx projen docgen:cdktf\` `
        + '(or `npx ts-node --transpile-only --prefer-ts-exts projenrc/cdktf-api-docs.ts`) and commit the result.\n\n'
        + firstDifference(committed, generated),
      );
    }
  }, 180_000);
});

describe('renderCdktfApi', () => {
  // A tiny package with the shapes the cdktf entry exports, so the rendering is checked on its own.
  const FIXTURE = `
export class Construct { constructor(public readonly scope: Construct | undefined, id: string) { void id; } }

/** How the thing connects. */
export enum Mode {
  /** Over the internet. */
  PUBLIC = 'public',
  /** Through a private link. */
  PRIVATE = 'private',
}

/** Props of \`Widget\`. */
export interface WidgetProps extends BaseProps {
  /** The image, as \`registry/repo:tag\`. */
  readonly image: string;
  /**
   * Tasks per fleet.
   * @default 2
   */
  readonly count?: number;
  /**
   * Tags by key.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/** Shared props. */
export interface BaseProps {
  /**
   * How it connects (a | in a doc).
   * @default Mode.PUBLIC
   */
  readonly mode?: Mode;
}

/** A widget: one fleet. */
export class Widget extends Construct {
  /** Builds a widget from an image name. */
  public static fromImage(scope: Construct, image: string): Widget { return new Widget(scope, 'W', { image }); }
  /** The fleet size. */
  public readonly count: number;
  /** @internal */
  public readonly _secret = 1;
  private readonly hidden = 2;
  constructor(scope: Construct, id: string, props: WidgetProps) { super(scope, id); this.count = props.count ?? 2; void this.hidden; }
  /** The widget's address. */
  public address(port?: number): string { return 'x:' + port; }
}

/**
 * Parses a mode.
 * @param text the mode's value
 */
export function parseMode(text: string): Mode | undefined { return text === 'public' ? Mode.PUBLIC : undefined; }

/** The default port. */
export const PORT = 7233;
`;
  let doc: string;

  beforeAll(() => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-api-docs-'));
    fs.mkdirSync(path.join(root, 'lib'));
    fs.writeFileSync(path.join(root, 'lib', 'index.ts'), FIXTURE);
    fs.writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, target: 'ES2022', module: 'commonjs', types: [], skipLibCheck: true },
    }));
    doc = renderCdktfApi(root, 'lib/index.ts');
  }, 60_000);

  test('puts constructs, classes\' siblings, structs, enums, functions and constants in their sections', () => {
    const sections = doc.split('\n').filter((l) => l.startsWith('## ') || l.startsWith('### '));
    expect(sections).toEqual([
      '## Constructs',
      '### Construct <a name="Construct"></a>',
      '### Widget <a name="Widget"></a>',
      '## Structs and interfaces',
      '### BaseProps <a name="BaseProps"></a>',
      '### WidgetProps <a name="WidgetProps"></a>',
      '## Enums',
      '### Mode <a name="Mode"></a>',
      '## Functions',
      '### parseMode <a name="parseMode"></a>',
      '## Constants',
      '### PORT <a name="PORT"></a>',
    ]);
  });

  test('lists every prop of a struct, inherited ones too, with its type (linked), doc and default', () => {
    const props = doc.slice(doc.indexOf('### WidgetProps'), doc.indexOf('## Enums'));
    expect(props).toContain('Extends: [`BaseProps`](#BaseProps)');
    expect(props).toContain('| <code>image</code> | <code>string</code> | The image, as `registry/repo:tag`. |');
    expect(props).toContain('| <code>count?</code> | <code>number</code> | Tasks per fleet. *Default:* 2 |');
    expect(props).toContain('| <code>tags?</code> | <code>{ [key: string]: string; }</code> | Tags by key. *Default:* - none |');
    expect(props).toContain('| <code>mode?</code> | <code><a href="#Mode">Mode</a></code> | How it connects (a \\| in a doc). *Default:* Mode.PUBLIC |');
  });

  test('shows a construct\'s initializer, public methods, static methods and properties, not private or internal ones', () => {
    const widget = doc.slice(doc.indexOf('### Widget'), doc.indexOf('## Structs'));
    expect(widget).toContain("import { Widget } from 'temporal-ha-constructs/cdktf'\n\nnew Widget(scope: Construct, id: string, props: WidgetProps)");
    expect(widget).toContain('| <code>props</code> | <code><a href="#WidgetProps">WidgetProps</a></code> |  |');
    expect(widget).toContain('public address(port?: number): string');
    expect(widget).toContain('Widget.fromImage(scope: Construct, image: string): Widget');
    expect(widget).toContain('| <code>count</code> | <code>number</code> | The fleet size. |');
    expect(widget).not.toMatch(/_secret|hidden/);
  });

  test('shows enum members with their values, function signatures with parameter docs, and constants\' types', () => {
    expect(doc).toContain('| <code>PRIVATE = "private"</code> | Through a private link. |');
    expect(doc).toContain('parseMode(text: string): Mode | undefined');
    expect(doc).toContain('| <code>text</code> | <code>string</code> | the mode\'s value |');
    expect(doc).toContain('const PORT: 7233');
  });
});

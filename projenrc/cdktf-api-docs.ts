/**
 * API-cdktf.md: the API reference of the CDK for Terraform subpath (`temporal-ha-constructs/cdktf`).
 *
 * jsii-docgen's API.md covers the package root only: the cdktf flavour is not in the jsii assembly.
 * This script reads the exports of lib/cdktf/index.ts with the TypeScript compiler API and writes
 * the same kind of reference (constructs, classes, structs with each prop's type, doc and default,
 * enums, functions, constants). The output depends only on the sources, so a test can regenerate
 * it and compare it with the committed file.
 *
 *   ts-node --transpile-only --prefer-ts-exts projenrc/cdktf-api-docs.ts   # writes API-cdktf.md
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/** The repository root. */
export const ROOT = path.join(__dirname, '..');
/** The entry whose exports are documented, relative to the root. */
export const ENTRY = 'lib/cdktf/index.ts';
/** The generated file, relative to the root. */
export const OUTPUT = 'API-cdktf.md';
/** How users import the entry. */
const MODULE = 'temporal-ha-constructs/cdktf';

type Kind = 'construct' | 'class' | 'struct' | 'enum' | 'function' | 'constant';

const SECTIONS: ReadonlyArray<{ kind: Kind; title: string }> = [
  { kind: 'construct', title: 'Constructs' },
  { kind: 'class', title: 'Classes' },
  { kind: 'struct', title: 'Structs and interfaces' },
  { kind: 'enum', title: 'Enums' },
  { kind: 'function', title: 'Functions' },
  { kind: 'constant', title: 'Constants' },
];

interface Item {
  readonly name: string;
  readonly kind: Kind;
  readonly symbol: ts.Symbol;
  readonly decl: ts.Declaration;
}

/** Renders API-cdktf.md from the exports of `entry` (the whole file, ending with a newline). */
export function renderCdktfApi(root: string = ROOT, entry: string = ENTRY): string {
  const program = createProgram(root, entry);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(path.join(root, entry));
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`cannot read the exports of ${entry}`);
  const libDir = path.join(root, 'lib') + path.sep;
  const inLib = (d: ts.Node) => path.resolve(d.getSourceFile().fileName).startsWith(libDir);

  const items: Item[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = hasFlag(exported.flags, ts.SymbolFlags.Alias) ? checker.getAliasedSymbol(exported) : exported;
    const decl = symbol.declarations?.find(inLib);
    if (!decl || isInternal(symbol, checker)) continue;
    const kind = kindOf(decl, checker);
    if (kind) items.push({ name: exported.name, kind, symbol, decl });
  }
  items.sort((a, b) => compare(a.name, b.name));

  const r = new Renderer(checker, new Set(items.map((i) => i.name)), inLib);
  const out: string[] = [
    `# API Reference: \`${MODULE}\``,
    '',
    `The CDK for Terraform flavour, imported from \`${MODULE}\`. Generated from \`${entry}\` by`,
    '`projenrc/cdktf-api-docs.ts`; do not edit. The package root (AWS CDK flavour) is in [API.md](API.md).',
    '',
  ];
  for (const section of SECTIONS) {
    const inSection = items.filter((i) => i.kind === section.kind);
    if (inSection.length === 0) continue;
    out.push(`## ${section.title}`, '');
    out.push(inSection.map((i) => `[${i.name}](#${i.name})`).join(' · '), '');
    for (const item of inSection) out.push(...r.item(item));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/** Writes API-cdktf.md. */
export function writeCdktfApi(root: string = ROOT): void {
  fs.writeFileSync(path.join(root, OUTPUT), renderCdktfApi(root));
}

function createProgram(root: string, entry: string): ts.Program {
  const configFile = path.join(root, 'tsconfig.json');
  const config = ts.readConfigFile(configFile, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config ?? {}, ts.sys, root, undefined, configFile);
  return ts.createProgram({ rootNames: [path.join(root, entry)], options: { ...parsed.options, noEmit: true } });
}

function kindOf(decl: ts.Declaration, checker: ts.TypeChecker): Kind | undefined {
  if (ts.isClassDeclaration(decl)) return extendsConstruct(decl, checker) ? 'construct' : 'class';
  if (ts.isInterfaceDeclaration(decl) || ts.isTypeAliasDeclaration(decl)) return 'struct';
  if (ts.isEnumDeclaration(decl)) return 'enum';
  if (ts.isFunctionDeclaration(decl)) return 'function';
  if (ts.isVariableDeclaration(decl)) return 'constant';
  return undefined;
}

function extendsConstruct(decl: ts.ClassDeclaration, checker: ts.TypeChecker): boolean {
  let type: ts.Type | undefined = checker.getTypeAtLocation(decl);
  while (type) {
    if (type.getSymbol()?.getName() === 'Construct') return true;
    type = checker.getBaseTypes(type as ts.InterfaceType)[0];
  }
  return false;
}

function isInternal(symbol: ts.Symbol, checker: ts.TypeChecker): boolean {
  return symbol.getJsDocTags(checker).some((t) => t.name === 'internal');
}

function isPublicMember(symbol: ts.Symbol, inLib: (d: ts.Node) => boolean, checker: ts.TypeChecker): boolean {
  const decl = symbol.declarations?.[0];
  if (!decl || !inLib(decl) || symbol.getName().startsWith('_') || symbol.getName().startsWith('#')) return false;
  return !isHidden(decl) && !isInternal(symbol, checker);
}

/** Private and protected members are not part of the public API. */
function isHidden(decl: ts.Declaration): boolean {
  const flags = ts.getCombinedModifierFlags(decl);
  return hasFlag(flags, ts.ModifierFlags.Private) || hasFlag(flags, ts.ModifierFlags.Protected);
}

/** Whether a bit flag (a power of two) is set, without bitwise operators. */
function hasFlag(value: number, flag: number): boolean {
  return Math.floor(value / flag) % 2 === 1;
}

function isMethod(symbol: ts.Symbol): boolean {
  return hasFlag(symbol.flags, ts.SymbolFlags.Method);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Markdown for one table cell: one line, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
}

class Renderer {
  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly exported: ReadonlySet<string>,
    private readonly inLib: (d: ts.Node) => boolean,
  ) {}

  item(item: Item): string[] {
    const head = [`### ${item.name} <a name="${item.name}"></a>`, ''];
    const doc = this.doc(item.symbol);
    const body = doc ? [doc, ''] : [];
    switch (item.kind) {
      case 'construct':
      case 'class': return [...head, ...body, ...this.classBody(item)];
      case 'struct': return [...head, ...body, ...this.structBody(item)];
      case 'enum': return [...head, ...body, ...this.enumBody(item)];
      case 'function': return [...head, ...body, ...this.functionBody(item)];
      case 'constant': return [...head, ...body, ...this.constantBody(item)];
    }
  }

  private classBody(item: Item): string[] {
    const decl = item.decl as ts.ClassDeclaration;
    const out: string[] = [];
    const heritage = (decl.heritageClauses ?? []).map((h) =>
      `${h.token === ts.SyntaxKind.ExtendsKeyword ? 'Extends' : 'Implements'}: ${h.types.map((t) => this.code(t.getText())).join(', ')}`);
    if (heritage.length) out.push(heritage.join('. '), '');

    const classType = this.checker.getTypeOfSymbol(item.symbol);
    const ctor = classType.getConstructSignatures()[0];
    const isAbstract = hasFlag(ts.getCombinedModifierFlags(decl), ts.ModifierFlags.Abstract);
    if (ctor && !isAbstract && !decl.members.some((m) => ts.isConstructorDeclaration(m) && isHidden(m))) {
      out.push('#### Initializer', '', '```ts', `import { ${item.name} } from '${MODULE}'`, '',
        `new ${item.name}(${this.params(ctor)})`, '```', '', ...this.paramTable(ctor));
    }

    const instance = this.checker.getDeclaredTypeOfSymbol(item.symbol);
    const members = this.checker.getPropertiesOfType(instance).filter((s) => isPublicMember(s, this.inLib, this.checker));
    const statics = this.checker.getPropertiesOfType(classType)
      .filter((s) => s.getName() !== 'prototype' && isPublicMember(s, this.inLib, this.checker));
    out.push(...this.methods('Methods', members.filter(isMethod), 'public '));
    out.push(...this.methods('Static methods', statics.filter(isMethod), `${item.name}.`));
    out.push(...this.propertyTable('Properties', members.filter((s) => !isMethod(s))));
    out.push(...this.propertyTable('Static properties', statics.filter((s) => !isMethod(s)), `${item.name}.`));
    return out;
  }

  private structBody(item: Item): string[] {
    const out: string[] = [];
    if (ts.isInterfaceDeclaration(item.decl)) {
      const bases = (item.decl.heritageClauses ?? []).flatMap((h) => h.types.map((t) => this.code(t.getText())));
      if (bases.length) out.push(`Extends: ${bases.join(', ')}`, '');
    } else if (ts.isTypeAliasDeclaration(item.decl)) {
      out.push('```ts', `type ${item.name} = ${this.typeText(this.checker.getTypeFromTypeNode(item.decl.type))}`, '```', '');
      return out;
    }
    const type = this.checker.getDeclaredTypeOfSymbol(item.symbol);
    const props = this.checker.getPropertiesOfType(type).filter((s) => !isInternal(s, this.checker));
    out.push(...this.propertyTable('Properties', props.filter((s) => !isMethod(s))));
    out.push(...this.methods('Methods', props.filter(isMethod), ''));
    return out;
  }

  private enumBody(item: Item): string[] {
    const decl = item.decl as ts.EnumDeclaration;
    const rows = decl.members.map((m) => {
      const symbol = this.checker.getSymbolAtLocation(m.name)!;
      const value = this.checker.getConstantValue(m);
      const shown = value === undefined ? '' : ` = ${JSON.stringify(value)}`;
      return `| <code>${m.name.getText()}${this.escape(shown)}</code> | ${cell(this.doc(symbol))} |`;
    });
    return ['| Member | Description |', '| --- | --- |', ...rows, ''];
  }

  private functionBody(item: Item): string[] {
    const signatures = this.checker.getTypeOfSymbol(item.symbol).getCallSignatures();
    return signatures.flatMap((s) => [
      '```ts', `import { ${item.name} } from '${MODULE}'`, '',
      `${item.name}(${this.params(s)}): ${this.typeText(s.getReturnType())}`, '```', '', ...this.paramTable(s),
    ]);
  }

  private constantBody(item: Item): string[] {
    const type = this.checker.getTypeOfSymbol(item.symbol);
    return ['```ts', `const ${item.name}: ${this.typeText(type)}`, '```', ''];
  }

  private methods(title: string, symbols: ts.Symbol[], prefix: string): string[] {
    if (symbols.length === 0) return [];
    const out = [`#### ${title}`, ''];
    for (const symbol of symbols) {
      const decl = symbol.declarations![0];
      for (const s of this.checker.getTypeOfSymbolAtLocation(symbol, decl).getCallSignatures()) {
        out.push(`##### \`${symbol.getName()}\``, '', '```ts',
          `${prefix}${symbol.getName()}(${this.params(s)}): ${this.typeText(s.getReturnType())}`, '```', '');
        const doc = this.doc(symbol);
        if (doc) out.push(doc, '');
        out.push(...this.paramTable(s));
      }
    }
    return out;
  }

  private propertyTable(title: string, symbols: ts.Symbol[], prefix = ''): string[] {
    if (symbols.length === 0) return [];
    const rows = symbols.map((s) => {
      const decl = s.declarations![0];
      const optional = hasFlag(s.flags, ts.SymbolFlags.Optional);
      const name = `<code>${prefix}${s.getName()}${optional ? '?' : ''}</code>`;
      const def = this.tag(s, 'default');
      const description = [this.doc(s), def !== undefined ? `*Default:* ${def}` : ''].filter(Boolean).join(' ');
      return `| ${name} | ${this.typeCell(this.declaredType(s, decl))} | ${cell(description)} |`;
    });
    return [`#### ${title}`, '', '| Name | Type | Description |', '| --- | --- | --- |', ...rows, ''];
  }

  private paramTable(signature: ts.Signature): string[] {
    if (signature.parameters.length === 0) return [];
    const rows = signature.parameters.map((p) => {
      const decl = p.declarations![0] as ts.ParameterDeclaration;
      const optional = decl.questionToken !== undefined || decl.initializer !== undefined;
      return `| <code>${p.getName()}${optional ? '?' : ''}</code> | ${this.typeCell(this.declaredType(p, decl))} | ${cell(this.doc(p))} |`;
    });
    return ['| Parameter | Type | Description |', '| --- | --- | --- |', ...rows, ''];
  }

  /** `a: A, b?: B`, for a code block. */
  private params(signature: ts.Signature): string {
    return signature.parameters.map((p) => {
      const decl = p.declarations![0] as ts.ParameterDeclaration;
      const optional = decl.questionToken !== undefined || decl.initializer !== undefined;
      return `${decl.dotDotDotToken ? '...' : ''}${p.getName()}${optional ? '?' : ''}: ${this.typeText(this.declaredType(p, decl))}`;
    }).join(', ');
  }

  /** The type as written (without the `| undefined` an optional prop adds), else as inferred. */
  private declaredType(symbol: ts.Symbol, decl: ts.Declaration): ts.Type {
    const node = (decl as { type?: ts.TypeNode }).type;
    if (node && ts.isTypeNode(node)) return this.checker.getTypeFromTypeNode(node);
    if (ts.isAccessor(decl) || ts.isPropertyDeclaration(decl) || ts.isPropertySignature(decl)) {
      return this.checker.getNonNullableType(this.checker.getTypeOfSymbolAtLocation(symbol, decl));
    }
    return this.checker.getTypeOfSymbolAtLocation(symbol, decl);
  }

  private typeText(type: ts.Type): string {
    return this.checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation).replace(/import\("[^"]*"\)\./g, '');
  }

  /** A type in a table cell: code, with exported names linked to their section. */
  private typeCell(type: ts.Type): string {
    const text = this.escape(this.typeText(type)).replace(/\|/g, '&#124;');
    const linked = text.replace(/\b[A-Za-z_$][\w$]*\b/g, (id) => this.exported.has(id) ? `<a href="#${id}">${id}</a>` : id);
    return `<code>${linked}</code>`;
  }

  private code(text: string): string {
    return this.exported.has(text) ? `[\`${text}\`](#${text})` : `\`${text}\``;
  }

  private escape(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  /** The doc comment's text, with `@deprecated` shown first. */
  private doc(symbol: ts.Symbol): string {
    const text = ts.displayPartsToString(symbol.getDocumentationComment(this.checker)).trim();
    const deprecated = this.tag(symbol, 'deprecated');
    return deprecated !== undefined ? `*Deprecated:* ${deprecated} ${text}`.trim() : text;
  }

  private tag(symbol: ts.Symbol, name: string): string | undefined {
    const tag = symbol.getJsDocTags(this.checker).find((t) => t.name === name);
    return tag && (ts.displayPartsToString(tag.text).trim() || '-');
  }
}

if (require.main === module) {
  writeCdktfApi();
}

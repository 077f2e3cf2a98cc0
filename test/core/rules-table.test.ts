import * as fs from 'fs';
import * as path from 'path';
import { renderRulesTable, RULES } from '../../lib/core';

const RULES_MD = path.join(__dirname, '..', '..', 'RULES.md');

describe('RULES.md', () => {
  test('is exactly the rules table generated from lib/core/rules (docs cannot drift from code)', () => {
    // GIVEN the committed RULES.md and the table the rule pack renders
    const committed = fs.existsSync(RULES_MD) ? fs.readFileSync(RULES_MD, 'utf8') : '(RULES.md is missing)';
    const generated = renderRulesTable();

    // WHEN / THEN they are identical, or the failure says how to regenerate
    if (committed !== generated) {
      throw new Error(
        'RULES.md is out of date with lib/core/rules: regenerate it with `npx projen rules` and commit the result.\n\n'
        + `--- RULES.md\n${committed}\n--- renderRulesTable()\n${generated}`,
      );
    }
  });

  test('lists every rule once, with its id and severity', () => {
    const table = renderRulesTable();
    for (const rule of RULES) {
      expect(table.split(`| \`${rule.id}\` | ${rule.severity} |`)).toHaveLength(2);
    }
  });

  test('escapes pipes inside a summary or quote so the table keeps its columns', () => {
    // GIVEN a rule whose text contains a pipe
    const rule = { ...RULES[0], summary: 'a | b', source: { doc: 'doc', url: 'https://docs.temporal.io/x', quote: 'x | y' } };

    // WHEN rendering a table of it
    const row = renderRulesTable([rule]).split('\n').find((l) => l.startsWith(`| \`${rule.id}\``))!;

    // THEN the row still has exactly four cells
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(4);
    expect(row).toContain('a \\| b');
  });

  test('shows each rule\'s source as a Markdown link to its public page, then the quoted sentence', () => {
    const table = renderRulesTable();
    for (const rule of RULES) {
      const row = table.split('\n').find((l) => l.startsWith(`| \`${rule.id}\` |`))!;
      expect(row).toContain(`[${rule.source.doc.replace(/\|/g, '\\|')}](${rule.source.url}): "`);
    }
  });

  test('every rule cites a public Temporal or AWS documentation page, never a project file', () => {
    for (const rule of RULES) {
      expect(rule.source.url).toMatch(/^https:\/\/docs\.(temporal\.io|aws\.amazon\.com)\/\S+$/);
      expect(`${rule.source.doc} ${rule.source.quote}`).not.toMatch(/seed \d|TEMPORAL_FACTS|\.\.\/shared|\.md\b/i);
    }
  });

  test('tells users how to acknowledge a warning by its id', () => {
    const table = renderRulesTable();
    expect(table).toContain('`temporal-ha:<RULE_ID>`');
    expect(table).toContain('`acknowledgeWarnings: { RULE_ID: \'reason\' }`');
  });
});

import { RULES } from './index';
import { Rule } from './rule';

/** The rules table (RULES.md), generated from the rule pack so that docs cannot drift from code. */
export function renderRulesTable(rules: readonly Rule[] = RULES): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [
    '# Rules',
    '',
    'Every rule `temporal-ha-constructs` checks at synth, generated from `lib/core/rules/` (one file per rule).',
    'Errors fail synthesis with one message listing every problem; warnings can be acknowledged by id with a',
    'reason through the `acknowledgeWarnings` prop. Ids are stable.',
    '',
    '| id | severity | rule | source |',
    '|---|---|---|---|',
    ...rules.map((r) => `| \`${r.id}\` | ${r.severity} | ${esc(r.summary)} | ${esc(r.source.doc)}: "${esc(r.source.quote)}" |`),
    '',
  ];
  return lines.join('\n');
}

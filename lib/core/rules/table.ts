import { RULES } from './index';
import { Rule } from './rule';

/** The rules table (RULES.md), generated from the rule pack so that docs cannot drift from code. */
export function renderRulesTable(rules: readonly Rule[] = RULES): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const link = (r: Rule) => `[${esc(r.source.doc).replace(/[[\]]/g, '\\$&')}](${r.source.url.replace(/[()|\s]/g, encodeURIComponent)})`;
  const lines = [
    '# Rules',
    '',
    'Every rule `temporal-ha-constructs` checks at synth, generated from `lib/core/rules/` (one file per rule).',
    'Errors fail synthesis with one message listing every problem. Warnings are reported with the id',
    '`temporal-ha:<RULE_ID>` (for example `temporal-ha:TEMPORAL_ACTIVE_ACTIVE_REGIONAL_ENDPOINT`); acknowledge one',
    'deliberately with a reason through the `acknowledgeWarnings` prop, `acknowledgeWarnings: { RULE_ID: \'reason\' }`.',
    'Ids are stable. Each rule cites the public Temporal or AWS documentation page it enforces.',
    '',
    '| id | severity | rule | source |',
    '|---|---|---|---|',
    ...rules.map((r) => `| \`${r.id}\` | ${r.severity} | ${esc(r.summary)} | ${link(r)}: "${esc(r.source.quote)}" |`),
    '',
  ];
  return lines.join('\n');
}

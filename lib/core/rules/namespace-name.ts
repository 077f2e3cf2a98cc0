import { Severity } from '../model';
import { DOCS, Rule, RuleHit, show } from './rule';
import { isMissing, nsPath, nsProp } from './util';
import { isUnresolved } from '../components/input';

const NAME = /^[a-z][a-z0-9-]{0,37}[a-z0-9]$/;
const ACCOUNT = /^[a-z0-9]{2,}$/;

/** Namespace name and account id are what Temporal Cloud accepts, so the derived endpoints exist. */
export const NAMESPACE_NAME: Rule = {
  id: 'TEMPORAL_NAMESPACE_NAME',
  severity: Severity.ERROR,
  summary: 'Namespace name (2-39 lowercase letters, digits, hyphens) and account id are well-formed, so the Namespace Endpoint exists.',
  source: { ...DOCS.NAMESPACES, quote: 'A Namespace Name must contain at least 2 characters and no more than 39 characters. A Namespace Name must begin with a letter, end with a letter or number, and contain only letters, numbers, and the hyphen (-) character. All letters in a Namespace Name must be lowercase.' },
  check(plan) {
    const hits: RuleHit[] = [];
    for (const ns of plan.namespaces) {
      const hit = (field: 'name' | 'accountId', message: string, fix: string) =>
        hits.push({ prop: nsProp(ns, field), value: show(ns[field]), path: nsPath(ns), message, fix });
      // Left out or unknown at synth: TEMPORAL_REQUIRED_PROP / TEMPORAL_KNOWN_AT_SYNTH say so (no advice about a token's text).
      const skip = (field: 'name' | 'accountId') => isMissing(plan, nsProp(ns, field)) || isUnresolved(ns[field]);
      if (skip('name')) {
        // nothing to check
      } else if (ns.name.includes('.')) {
        hit('name', 'the namespace name must not include the account suffix (the library derives `<name>.<account>`).',
          `set name: '${ns.name.split('.')[0]}' and accountId: '${ns.name.split('.').slice(1).join('.')}'.`);
      } else if (!NAME.test(ns.name)) {
        hit('name', 'Temporal Cloud namespace names are 2-39 characters: lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen.',
          'use the namespace name exactly as Temporal Cloud shows it, without the account suffix.');
      }
      if (!skip('accountId') && !ACCOUNT.test(ns.accountId)) {
        hit('accountId', 'a Temporal Cloud account id is a short lowercase alphanumeric id (the part after the namespace name in `orders.a1b2c`).',
          'copy the account id from the Namespace Endpoint shown in Temporal Cloud.');
      }
    }
    return hits;
  },
};

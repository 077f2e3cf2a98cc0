import { Severity } from '../model';
import { DOCS, Rule, RuleHit, show } from './rule';

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
      const path = ns.shard ? ns.declaredAt : undefined;
      if (ns.name.includes('.')) {
        hits.push({
          prop: `${ns.propPath}.name`,
          value: show(ns.name),
          path,
          message: 'the namespace name must not include the account suffix (the library derives `<name>.<account>`).',
          fix: `set name: '${ns.name.split('.')[0]}' and accountId: '${ns.name.split('.').slice(1).join('.')}'.`,
        });
      } else if (!NAME.test(ns.name)) {
        hits.push({
          prop: `${ns.propPath}.name`,
          value: show(ns.name),
          path,
          message: 'Temporal Cloud namespace names are 2-39 characters: lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen.',
          fix: 'use the namespace name exactly as Temporal Cloud shows it, without the account suffix.',
        });
      }
      if (!ACCOUNT.test(ns.accountId)) {
        hits.push({
          prop: `${ns.propPath}.accountId`,
          value: show(ns.accountId),
          path,
          message: 'a Temporal Cloud account id is a short lowercase alphanumeric id (the part after the namespace name in `orders.a1b2c`).',
          fix: 'copy the account id from the Namespace Endpoint shown in Temporal Cloud.',
        });
      }
    }
    return hits;
  },
};

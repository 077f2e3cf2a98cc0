import { Severity } from '../model';
import { DOCS, Rule } from './rule';

/** Required props are set (a JavaScript caller, with no type checker, may leave one out). */
export const REQUIRED_PROP: Rule = {
  id: 'TEMPORAL_REQUIRED_PROP',
  severity: Severity.ERROR,
  summary: 'Every required prop is set (callers without a type checker, such as plain JavaScript, get this error instead of a TypeError).',
  source: { ...DOCS.ARCHITECTURE_PATTERNS, quote: 'a real risk of misconfiguration (such as routing a fleet to the wrong region)' },
  check(plan) {
    return (plan.request.missingProps ?? []).map((prop) => ({
      prop,
      value: '(not set)',
      message: `${plan.constructKind} requires ${prop}, and the props leave it out (undefined or null).`,
      fix: `set ${prop} (see the props of ${plan.constructKind} in API.md).`,
    }));
  },
};

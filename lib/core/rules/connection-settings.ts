import { CONNECTION_RULE } from '../components/connection';
import { Severity } from '../model';
import { DOCS, Rule } from './rule';

/** A Worker block's own connection inputs, checked by `checkConnection` (the patterns derive these). */
export const CONNECTION_SETTINGS: Rule = {
  id: CONNECTION_RULE,
  severity: Severity.ERROR,
  summary: "A Worker service dials a 'host:port' address, for a qualified namespace ('<name>.<account>'), with an http(s) codec URL.",
  source: { ...DOCS.NAMESPACES, quote: 'A Namespace is identified as <namespace>.<account> and reached at <namespace>.<account>.tmprl.cloud:7233.' },
  check: () => [],
};

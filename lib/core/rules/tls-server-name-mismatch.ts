import { TLS_SERVER_NAME_MISMATCH_RULE } from '../components/connection';
import { Severity } from '../model';
import { DOCS, Rule } from './rule';

/** Raised by `checkConnection` on a Worker block's props. */
export const TLS_SERVER_NAME_MISMATCH: Rule = {
  id: TLS_SERVER_NAME_MISMATCH_RULE,
  severity: Severity.WARNING,
  summary: 'With mTLS, a TLS server name other than the Namespace Endpoint host fails verification unless a TLS-terminating proxy presents that name.',
  source: { ...DOCS.HA_CONNECTIVITY, quote: 'With mTLS on a Regional Endpoint, the client sets its TLS server name to the Namespace Endpoint host, because the namespace\'s certificate is presented.' },
  check: () => [],
};

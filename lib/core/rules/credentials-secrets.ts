import { CREDENTIALS_RULE } from '../components/credentials';
import { Severity } from '../model';
import { Rule } from './rule';

/** Checked by the `TemporalCredentials` factories of both engines. */
export const CREDENTIALS_SECRETS: Rule = {
  id: CREDENTIALS_RULE,
  severity: Severity.ERROR,
  summary: 'Credentials name Secrets Manager secrets by name (replicas keep it), use non-empty JSON keys, and never read the certificate and the key from the same value.',
  source: {
    doc: 'Amazon ECS: Pass Secrets Manager secrets through environment variables',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html',
    quote: 'A container secret names the secret, optionally with a JSON key to inject one field of it.',
  },
  check: () => [],
};

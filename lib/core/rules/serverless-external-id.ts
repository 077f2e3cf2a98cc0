import { checkExternalId, SERVERLESS_EXTERNAL_ID_RULE } from '../components/serverless-worker';
import { Severity } from '../model';
import { DOCS, Rule } from './rule';
import { isMissing } from './util';

/** The invoker role's external ID is 5-45 characters of STS's character set (the same check the blocks run). */
export const SERVERLESS_EXTERNAL_ID: Rule = {
  id: SERVERLESS_EXTERNAL_ID_RULE,
  severity: Severity.ERROR,
  summary: 'The serverless invoker role\'s external ID is 5-45 characters from [A-Za-z0-9+=,.@:/_-].',
  source: { ...DOCS.SERVERLESS_LAMBDA, quote: 'AssumeRoleExternalId: A string you choose. ... AllowedPattern: \'[a-zA-Z0-9_+=,.@-]*\', MinLength: 5, MaxLength: 45' },
  check(plan) {
    const req = plan.request.serverless;
    // Left out by an untyped caller: TEMPORAL_REQUIRED_PROP says so.
    return req && !isMissing(plan, 'serverlessWorkers.externalId') ? checkExternalId(req.externalId, 'serverless.externalId') : [];
  },
};

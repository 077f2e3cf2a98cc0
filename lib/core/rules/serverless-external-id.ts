import { Severity } from '../model';
import { FACTS, Rule, show } from './rule';

const CHARSET = /^[\w+=,.@:/-]+$/;

/** The invoker role's external ID is 5-45 characters of STS's character set. */
export const SERVERLESS_EXTERNAL_ID: Rule = {
  id: 'TEMPORAL_SERVERLESS_EXTERNAL_ID',
  severity: Severity.ERROR,
  summary: 'The serverless invoker role\'s external ID is 5-45 characters from [A-Za-z0-9+=,.@:/_-].',
  source: { doc: FACTS, quote: 'Invoker role trusted by Temporal Cloud\'s principals ... with condition sts:ExternalId (5 to 45 characters)' },
  check(plan) {
    const id = plan.request.serverless?.externalId;
    if (plan.request.serverless === undefined || id === undefined || id.includes('${Token')) return [];
    if (id.length >= 5 && id.length <= 45 && CHARSET.test(id)) return [];
    return [{
      prop: 'serverless.externalId',
      value: show(id),
      message: `the external ID has ${id.length} characters${CHARSET.test(id) ? '' : ' and characters STS rejects'}; Temporal Cloud must present it to assume the invoker role, and STS accepts only 5-45 characters of [A-Za-z0-9+=,.@:/_-].`,
      fix: 'use the external ID you register with the Worker Deployment Version: 5 to 45 characters, e.g. a random 32-character string kept in your deployment config.',
    }];
  },
};

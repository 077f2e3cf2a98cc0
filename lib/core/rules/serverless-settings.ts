import { checkBuildId, checkServerlessFunction, SERVERLESS_SETTINGS_RULE } from '../components/serverless-worker';
import { Severity } from '../model';
import { Rule } from './rule';

/** A Build ID known at synth (it names the version and alias), at most 256 characters; blocks also run `checkServerlessFunction`. */
export const SERVERLESS_SETTINGS: Rule = {
  id: SERVERLESS_SETTINGS_RULE,
  severity: Severity.ERROR,
  summary: 'Serverless Worker settings are ones Lambda accepts (Build ID, handler, memory, timeout, environment).',
  source: { doc: 'AWS Lambda: Lambda quotas', url: 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html', quote: 'Function memory allocation: 128 MB to 10,240 MB, in 1-MB increments. Function timeout: 900 seconds (15 minutes).' },
  check(plan) {
    const req = plan.request.serverless;
    if (!req) return [];
    // Empty Build IDs are TEMPORAL_SERVERLESS_ONE_BUILD_ID's; a Build ID given once is reported once.
    const entries = Object.entries(req.buildIds).filter(([, id]) => id.trim() !== '');
    const distinct = [...new Set(entries.map(([, id]) => id))];
    // The function's settings, checked here (before any resource) as the block checks them; environment credentials are TEMPORAL_ENVIRONMENT_RESERVED's.
    const fn = req.function ? checkServerlessFunction(req.function, 'serverlessWorkers').filter((h) => h.ruleId === SERVERLESS_SETTINGS_RULE) : [];
    if (distinct.length === 1) return [...checkBuildId(distinct[0], 'serverless.buildId'), ...fn];
    return [...entries.flatMap(([region, id]) => checkBuildId(id, `serverless.buildIds.${region}`)), ...fn];
  },
};

import { Severity } from '../model';
import { DOCS, Rule, RuleHit } from './rule';
import { namespaceRegions } from '../patterns/common';

/** One Worker Deployment Version spans both regions: one Build ID, a function in each namespace region. */
export const SERVERLESS_ONE_BUILD_ID: Rule = {
  id: 'TEMPORAL_SERVERLESS_ONE_BUILD_ID',
  severity: Severity.ERROR,
  summary: 'Serverless Workers register one function per namespace region under a single Build ID.',
  source: { ...DOCS.ARCHITECTURE_PATTERNS, quote: 'One Worker Deployment spans both regions. You register a compute function per region under a single Build ID, so the deployment is ready to run in either region.' },
  check(plan) {
    const req = plan.request.serverless;
    if (!req) return [];
    const hits: RuleHit[] = [];
    const entries = Object.entries(req.buildIds);
    const distinct = [...new Set(entries.map(([, id]) => id))];
    if (entries.length === 0 || distinct.some((id) => id.trim() === '')) {
      hits.push({
        prop: 'serverless.buildId',
        value: '(empty)',
        message: 'a Worker Deployment Version needs a Build ID to register the functions under.',
        fix: 'set buildId to the version of the Worker code (e.g. a git SHA).',
      });
    } else if (distinct.length > 1) {
      hits.push({
        prop: 'serverless.buildId',
        value: entries.map(([r, id]) => `${r}='${id}'`).join(', '),
        message: 'the regions run different Build IDs, so no single Worker Deployment Version spans both regions and Temporal Cloud cannot invoke the same version after a failover.',
        fix: 'deploy the same Build ID (same code) to every region, and roll out new versions to all regions together.',
      });
    }
    for (const ns of plan.namespaces) {
      const regions = namespaceRegions(ns);
      for (const [r] of entries.filter(([region]) => !regions.includes(region))) {
        hits.push({
          prop: `serverless.buildIds.${r}`,
          value: `'${r}'`,
          message: `${r} holds no replica of ${ns.qualifiedName}, so Temporal Cloud never invokes a function there.`,
          fix: `deploy serverless Workers in the namespace regions: ${regions.join(', ')}.`,
        });
      }
    }
    return hits;
  },
};

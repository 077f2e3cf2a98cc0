import { Severity } from '../model';
import { FACTS, Rule } from './rule';

/** Every region that runs a codec server has an HTTPS certificate for it (ACM certificates are regional). */
export const CODEC_CERTIFICATE: Rule = {
  id: 'TEMPORAL_CODEC_CERTIFICATE',
  severity: Severity.ERROR,
  summary: 'Every region running a codec server has an HTTPS certificate for it (ACM certificates are regional).',
  source: { doc: FACTS, quote: 'Codec servers serve POST /encode and POST /decode and must allow CORS from the Temporal Cloud web UI origin (https://cloud.temporal.io)' },
  check(plan) {
    const have = plan.request.components.codecCertificateRegions;
    if (have === undefined) return [];
    return plan.regions.filter((r) => r.codecServers.length > 0 && !have.includes(r.awsRegion)).map((r) => ({
      prop: `codecServer.certificateArns.${r.awsRegion}`,
      value: '(not set)',
      message: `a codec server runs in ${r.awsRegion}, and the web UI reaches it only over HTTPS; ACM certificates are regional, so ${r.awsRegion} needs its own.`,
      fix: `add certificateArns: { '${r.awsRegion}': 'arn:aws:acm:${r.awsRegion}:<account>:certificate/<id>' }.`,
    }));
  },
};

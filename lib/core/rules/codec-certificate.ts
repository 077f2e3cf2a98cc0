import { byRegion } from '../components/input';
import { Severity } from '../model';
import { DOCS, Rule } from './rule';

/** Certificate keys are matched as the emitters look them up (`byRegion`): `us-east-1`, `aws-us-east-1`, any case. */
export const CODEC_CERTIFICATE: Rule = {
  id: 'TEMPORAL_CODEC_CERTIFICATE',
  severity: Severity.ERROR,
  summary: 'Every region running a codec server has an HTTPS certificate for it (ACM certificates are regional).',
  source: { ...DOCS.ACM_REGIONS, quote: 'Certificates in ACM are regional resources. To use a certificate with Elastic Load Balancing for the same fully qualified domain name (FQDN) or set of FQDNs in more than one AWS region, you must request or import a certificate for each region.' },
  check(plan) {
    const keys = plan.request.components.codecCertificateRegions;
    if (keys === undefined) return [];
    const have = Object.fromEntries(keys.map((k) => [k, true]));
    return plan.regions.filter((r) => r.codecServers.length > 0 && byRegion(have, r.awsRegion) === undefined).map((r) => ({
      prop: `codecServer.certificateArns.${r.awsRegion}`,
      value: '(not set)',
      message: `a codec server runs in ${r.awsRegion}, and the web UI reaches it only over HTTPS; ACM certificates are regional, so ${r.awsRegion} needs its own.`,
      fix: `add certificateArns: { '${r.awsRegion}': 'arn:aws:acm:${r.awsRegion}:<account>:certificate/<id>' }.`,
    }));
  },
};

import { Severity } from '../model';
import type { RegionPlan } from '../plan';
import { DOCS, Rule } from './rule';

/**
 * Read from the planned settings, so certificate keys match as the emitters look them up (`byRegion`: `us-east-1`, `aws-us-east-1`, any case).
 * A certificate of another region under a region's key is reported by TEMPORAL_CODEC_SERVER_SETTINGS (the checks blocks make too).
 */
export const CODEC_CERTIFICATE: Rule = {
  id: 'TEMPORAL_CODEC_CERTIFICATE',
  severity: Severity.ERROR,
  summary: 'Every region running a codec server has an HTTPS certificate for it (ACM certificates are regional), given or requested for its domain name.',
  source: { ...DOCS.ACM_REGIONS, quote: 'Certificates in ACM are regional resources. To use a certificate with Elastic Load Balancing for the same fully qualified domain name (FQDN) or set of FQDNs in more than one AWS region, you must request or import a certificate for each region.' },
  check(plan) {
    if (!plan.request.components.codecServerInput) return [];
    const uncovered = (r: RegionPlan) => r.codecServers.some((c) => c.settings.certificateArn === undefined && !c.settings.createCertificate);
    return plan.regions.filter(uncovered).map((r) => ({
      prop: `codecServer.certificateArns.${r.awsRegion}`,
      value: '(not set)',
      message: `a codec server runs in ${r.awsRegion}, and the web UI reaches it only over HTTPS; ACM certificates are regional, so ${r.awsRegion} needs its own.`,
      fix: `add certificateArns: { '${r.awsRegion}': 'arn:aws:acm:${r.awsRegion}:<account>:certificate/<id>' }, or domainNames: { '${r.awsRegion}': '<name>' } `
        + 'with the hosted zone to have a DNS-validated certificate requested.',
    }));
  },
};

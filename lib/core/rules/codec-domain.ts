import { Severity } from '../model';
import { DOCS, Rule } from './rule';

/** The browser-facing name of each region's codec server (`codecServer.domainNames`). */
export const CODEC_DOMAIN: Rule = {
  id: 'TEMPORAL_CODEC_DOMAIN',
  severity: Severity.WARNING,
  summary: 'A codec server has a domain name its certificate covers: browsers (the Web UI calls it from them) reject the load balancer\'s own DNS name.',
  source: { ...DOCS.ACM_PUBLIC_REQUEST, quote: 'You cannot request Amazon-issued certificates for Amazon-owned domain names such as those ending in amazonaws.com, cloudfront.net, or elasticbeanstalk.com.' },
  check(plan) {
    if (!plan.request.components.codecServerInput) return [];
    return plan.regions.filter((r) => r.codecServers.some((c) => c.settings.domainName === undefined)).map((r) => ({
      prop: `codecServer.domainNames.${r.awsRegion}`,
      value: '(not set)',
      message: `Workers and the Web UI would be given https://<load balancer DNS name> in ${r.awsRegion}, a name no certificate you can get covers, `
        + 'so browsers and the Web UI (which calls the codec server from the browser) reject the connection.',
      fix: `set domainNames: { '${r.awsRegion}': 'codec.example.com' } (with the hosted zone to get its record), a name your certificate covers.`,
    }));
  },
};

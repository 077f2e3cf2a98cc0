import { isUnresolved, show } from '../components/input';
import { Severity } from '../model';
import { DOCS, Rule, RuleHit } from './rule';

/**
 * Names a private zone must not be, be under or be a parent of: a private hosted zone associated with a VPC answers every query for its name and
 * the names under it from that VPC (records it lacks are NXDOMAIN, not passed on to public DNS), see
 * https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/hosted-zone-private-considerations.html.
 */
const RESERVED = [
  { domain: 'tmprl.cloud', why: 'Temporal Cloud\'s names (the Namespace Endpoint, region.tmprl.cloud) are under it' },
  { domain: 'temporal.io', why: 'Temporal\'s own names are under it' },
  { domain: 'amazonaws.com', why: 'the AWS service endpoints the tasks call are under it' },
];

/** A fully qualified DNS name: labels of 1 to 63 letters, digits and hyphens (not at either end), 253 characters in all, at least two labels. */
export function isDomainName(name: string): boolean {
  const labels = name.split('.');
  return name.length <= 253 && labels.length >= 2 && labels.every((l) => /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(l));
}

/** The private domain of the failover names (`failoverDomainName`) is a domain name of the user's own, not Temporal's or AWS's. */
export const FAILOVER_DOMAIN: Rule = {
  id: 'TEMPORAL_FAILOVER_DOMAIN',
  severity: Severity.ERROR,
  summary: 'The failover names\' private domain (failoverDomainName) is a valid domain name of your own, not tmprl.cloud, temporal.io or amazonaws.com (or a name under or above them).',
  source: {
    ...DOCS.HA_CONNECTIVITY,
    quote: 'Create a private hosted zone for region.tmprl.cloud and associate it with your VPC; the Namespace Endpoint is a CNAME to the active region\'s Regional Endpoint.',
  },
  check(plan) {
    const value = plan.request.failoverDomainName;
    if (plan.failoverRecords.length === 0 || typeof value !== 'string' || isUnresolved(value)) return [];
    const name = value.trim().toLowerCase().replace(/\.$/, '');
    const label = plan.constructPath.split('/').pop()!.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63) || 'temporal';
    const fix = `use a private domain of your own, such as '${label}.temporal.internal'.`;
    const hit = (message: string): RuleHit[] => [{ prop: 'failoverDomainName', value: show(value), message, fix }];
    if (!isDomainName(name)) {
      return hit('is not a domain name (labels of letters, digits and inner hyphens, separated by dots, at least two labels, at most 253 characters).');
    }
    for (const { domain, why } of RESERVED) {
      if (name === domain || name.endsWith(`.${domain}`) || domain.endsWith(`.${name}`)) {
        return hit(`the construct creates a private hosted zone of this name on the worker VPCs, which would answer for ${domain} (${why}) `
          + 'from those VPCs: names it does not hold would stop resolving, and a second region.tmprl.cloud zone cannot be on one VPC.');
      }
    }
    return [];
  },
};

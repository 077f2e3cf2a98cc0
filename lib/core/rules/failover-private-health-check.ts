import { Severity } from '../model';
import { FACTS, Rule } from './rule';

/** Route 53 health checkers cannot reach VPC addresses: failover records in private zones use alarm-based checks. */
export const FAILOVER_PRIVATE_HEALTH_CHECK: Rule = {
  id: 'TEMPORAL_FAILOVER_PRIVATE_HEALTH_CHECK',
  severity: Severity.ERROR,
  summary: 'Failover records in a private hosted zone use CloudWatch-alarm health checks.',
  source: { doc: FACTS, quote: 'Route 53\'s health checkers cannot reach addresses inside a VPC: failover records in a private hosted zone need health checks based on a CloudWatch alarm.' },
  check(plan) {
    return plan.failoverRecords.filter((r) => r.privateZone && r.healthCheck !== 'cloudwatch-alarm').map((r) => ({
      prop: 'componentRouting',
      value: `'${r.healthCheck}'`,
      message: `the ${r.component} failover record is in a private zone, where Route 53 health checkers cannot reach the ${r.primaryRegion} target; it would never fail over (or always).`,
      fix: 'use CloudWatch-alarm health checks for private failover records (the library\'s default).',
    }));
  },
};

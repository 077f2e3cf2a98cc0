import { FAILOVER_PRIVATE_HEALTH_CHECK_RULE, FailoverHealthCheckType } from '../components/failover-record';
import { Severity } from '../model';
import { DOCS, Rule } from './rule';

/** A `TemporalFailoverRecord` used on its own makes the same check (`checkFailoverRecord`). */
export const FAILOVER_PRIVATE_HEALTH_CHECK: Rule = {
  id: FAILOVER_PRIVATE_HEALTH_CHECK_RULE,
  severity: Severity.ERROR,
  summary: 'Failover records in a private hosted zone use CloudWatch-alarm health checks.',
  source: { ...DOCS.ROUTE53_PRIVATE_FAILOVER, quote: 'Route 53 health checkers are outside the VPC; to check an endpoint inside a VPC, create a CloudWatch metric and alarm and a health check based on the state of the alarm.' },
  check(plan) {
    return plan.failoverRecords.filter((r) => r.privateZone && r.healthCheck !== FailoverHealthCheckType.CLOUDWATCH_ALARM).map((r) => ({
      prop: 'componentRouting',
      value: `'${r.healthCheck}'`,
      message: `the ${r.component} failover record is in a private zone, where Route 53 health checkers cannot reach the ${r.primaryRegion} target; it would never fail over (or always).`,
      fix: 'use CloudWatch-alarm health checks for private failover records (the library\'s default).',
    }));
  },
};

import { FAILOVER_RECORD_RULE } from '../components/failover-record';
import { Severity } from '../model';
import { Rule } from './rule';

/** Checked by the blocks (`checkFailoverRecord`, `checkHealthAlarm`); the planner derives every failover setting itself. */
export const FAILOVER_RECORD_SETTINGS: Rule = {
  id: FAILOVER_RECORD_RULE,
  severity: Severity.ERROR,
  summary: 'Failover records, their health checks and health alarms have settings Route 53 and CloudWatch accept and that can fail over.',
  source: {
    doc: 'Amazon Route 53 API Reference: ResourceRecordSet (Failover)',
    url: 'https://docs.aws.amazon.com/Route53/latest/APIReference/API_ResourceRecordSet.html',
    quote: 'Failover takes two records of one name, one PRIMARY and one SECONDARY, each with the health check Route 53 performs for it; '
      + 'Route 53 answers with the secondary while the primary is unhealthy and the secondary healthy.',
  },
  check: () => [],
};

import { CLOUD_METRIC_ALARMS_RULE } from '../components/cloud-metrics';
import { Severity } from '../model';
import { DOCS, Rule } from './rule';

/** Checked by the Temporal Cloud metric alarm blocks (`checkCloudMetricAlarms`); no pattern creates them. */
export const CLOUD_METRIC_ALARM_SETTINGS: Rule = {
  id: CLOUD_METRIC_ALARMS_RULE,
  severity: Severity.ERROR,
  summary: 'Alarms on Temporal Cloud metrics read the metric names and labels Temporal Cloud publishes, with settings CloudWatch accepts.',
  source: {
    ...DOCS.CLOUD_OPENMETRICS,
    quote: 'All metrics include the base labels temporal_namespace, temporal_account and region; replication lag is published as '
      + 'temporal_cloud_v1_replication_lag_p50/p95/p99 in seconds, and polls as temporal_cloud_v1_poll_success_count and temporal_cloud_v1_poll_timeout_count.',
  },
  check: () => [],
};

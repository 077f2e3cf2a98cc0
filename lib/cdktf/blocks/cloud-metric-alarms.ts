import { Construct } from 'constructs';
import {
  checkCloudMetricAlarms, CloudMetricAlarmsInput, CloudMetricAlarmsOptions, CloudMetricAlarmSettings, resolveCloudMetricAlarms,
} from '../../core/components/cloud-metrics';
import { pascal } from '../../core/deployment-props';
import { throwIfProblems } from '../../core/errors';
import { AwsProvider, CloudwatchMetricAlarm } from '../engine';

export type { CloudMetricAlarmsOptions } from '../../core/components/cloud-metrics';

/** Construction properties of `TemporalCloudMetricAlarms`. */
export interface TemporalCloudMetricAlarmsProps extends CloudMetricAlarmsOptions {
  /** The provider of the region the metrics are published in (the alarms live there). */
  readonly provider: AwsProvider;
  /**
   * The P95 replication lag, in seconds, above which the replication lag alarm fires.
   * @default 60
   */
  readonly replicationLagThresholdSeconds?: number;
  /** Tags on every alarm. @default - none */
  readonly tags?: { [key: string]: string };
}

/**
 * CloudWatch alarms on Temporal Cloud's own metrics, once you publish them to CloudWatch (Temporal Cloud serves them on its OpenMetrics endpoint,
 * https://metrics.temporal.io/v1/metrics; see the README's "Alarms"): the namespace's P95 replication lag above a minute (check it before failing
 * over), its poll success rate below 90%, and tasks arriving on task queues no Worker polls (the active region's Workers are gone). The alarms read
 * the metrics by their Temporal names, in `metricNamespace`, with the namespace (and optionally the region) as dimensions; missing data is not
 * breaching, because Temporal Cloud publishes a series only for a minute in which something happened. The alarms have no actions: set
 * `alarm_actions` with an escape hatch (`alarm.alarmActions = [...]`). Settings, defaults and checks are the AWS CDK flavour's
 * (`lib/core/components/cloud-metrics`).
 */
export class TemporalCloudMetricAlarms extends Construct {
  /** P95 replication lag above the threshold. */
  public readonly replicationLag: CloudwatchMetricAlarm;
  /** Poll success rate below the threshold. */
  public readonly pollSuccessRate: CloudwatchMetricAlarm;
  /** Tasks added to task queues that no Worker polls. */
  public readonly tasksWithoutPollers: CloudwatchMetricAlarm;
  /** The three alarms. */
  public readonly alarms: CloudwatchMetricAlarm[];

  constructor(scope: Construct, id: string, props: TemporalCloudMetricAlarmsProps) {
    super(scope, id);
    const input: CloudMetricAlarmsInput = { ...props };
    throwIfProblems('TemporalCloudMetricAlarms', this.node.path, checkCloudMetricAlarms(input, this.node.path, 'replicationLagThresholdSeconds'));
    const settings = resolveCloudMetricAlarms(input);
    const alarmOf = (kind: CloudMetricAlarmSettings['kind']) => emitAlarm(this, props, settings.find((s) => s.kind === kind)!);
    this.replicationLag = alarmOf('replication-lag');
    this.pollSuccessRate = alarmOf('poll-success-rate');
    this.tasksWithoutPollers = alarmOf('tasks-without-pollers');
    this.alarms = [this.replicationLag, this.pollSuccessRate, this.tasksWithoutPollers];
  }
}

/** One alarm, on its metric, or on its metric math expression over the metrics (which then return no data of their own). */
function emitAlarm(scope: Construct, props: TemporalCloudMetricAlarmsProps, s: CloudMetricAlarmSettings): CloudwatchMetricAlarm {
  const metric = (m: CloudMetricAlarmSettings['metrics'][number]) => ({
    namespace: s.metricNamespace, metricName: m.metricName, dimensions: s.dimensions, stat: m.statistic, period: s.periodSeconds,
  });
  const [single] = s.expression === undefined ? s.metrics : [];
  const source = single
    ? { namespace: s.metricNamespace, metricName: single.metricName, dimensions: s.dimensions, statistic: single.statistic, period: s.periodSeconds }
    : {
      metricQuery: [
        { id: 'expression', expression: s.expression, label: s.expressionLabel, returnData: true },
        ...s.metrics.map((m) => ({ id: m.id, metric: metric(m), returnData: false })),
      ],
    };
  return new CloudwatchMetricAlarm(scope, pascal(s.kind), {
    provider: props.provider,
    alarmName: s.alarmName,
    alarmDescription: s.description,
    ...source,
    threshold: s.threshold,
    comparisonOperator: s.comparisonOperator,
    evaluationPeriods: s.evaluationPeriods,
    datapointsToAlarm: s.datapointsToAlarm,
    treatMissingData: s.treatMissingData,
    tags: props.tags,
  });
}

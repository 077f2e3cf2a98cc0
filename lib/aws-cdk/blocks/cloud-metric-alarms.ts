import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import {
  checkCloudMetricAlarms, CloudMetricAlarmsInput, CloudMetricAlarmsOptions, CloudMetricAlarmSettings, resolveCloudMetricAlarms,
} from '../../core/components/cloud-metrics';
import { pascal } from '../../core/deployment-props';
import { throwIfProblems } from '../../core/errors';

export type { CloudMetricAlarmsOptions } from '../../core/components/cloud-metrics';

/** Construction properties of `TemporalCloudMetricAlarms`. */
export interface TemporalCloudMetricAlarmsProps extends CloudMetricAlarmsOptions {
  /**
   * The P95 replication lag above which the replication lag alarm fires.
   * @default Duration.minutes(1)
   */
  readonly replicationLagThreshold?: Duration;
}

/**
 * CloudWatch alarms on Temporal Cloud's own metrics, once you publish them to CloudWatch (Temporal Cloud serves them on its OpenMetrics endpoint,
 * https://metrics.temporal.io/v1/metrics; see the README's "Alarms"): the namespace's P95 replication lag above a minute (check it before failing
 * over), its poll success rate below 90%, and tasks arriving on task queues no Worker polls (the active region's Workers are gone). The alarms read
 * the metrics by their Temporal names, in `metricNamespace`, with the namespace (and optionally the region) as dimensions; missing data is not
 * breaching, because Temporal Cloud publishes a series only for a minute in which something happened. The alarms have no actions: add yours with
 * `alarm.addAlarmAction(...)`.
 */
export class TemporalCloudMetricAlarms extends Construct {
  /** P95 replication lag above the threshold. */
  public readonly replicationLag: cloudwatch.Alarm;
  /** Poll success rate below the threshold. */
  public readonly pollSuccessRate: cloudwatch.Alarm;
  /** Tasks added to task queues that no Worker polls. */
  public readonly tasksWithoutPollers: cloudwatch.Alarm;
  /** The three alarms. */
  public readonly alarms: cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: TemporalCloudMetricAlarmsProps) {
    super(scope, id);
    const lag = props?.replicationLagThreshold?.toSeconds({ integral: false });
    const input: CloudMetricAlarmsInput = { ...props, replicationLagThresholdSeconds: lag };
    throwIfProblems('TemporalCloudMetricAlarms', this.node.path, checkCloudMetricAlarms(input, this.node.path));
    const settings = resolveCloudMetricAlarms(input);
    const alarmOf = (kind: CloudMetricAlarmSettings['kind']) => emitAlarm(this, settings.find((s) => s.kind === kind)!);
    this.replicationLag = alarmOf('replication-lag');
    this.pollSuccessRate = alarmOf('poll-success-rate');
    this.tasksWithoutPollers = alarmOf('tasks-without-pollers');
    this.alarms = [this.replicationLag, this.pollSuccessRate, this.tasksWithoutPollers];
  }
}

/** One alarm, on its metric or on its metric math expression. */
function emitAlarm(scope: Construct, s: CloudMetricAlarmSettings): cloudwatch.Alarm {
  const period = Duration.seconds(s.periodSeconds);
  const metrics = Object.fromEntries(s.metrics.map((m) => [m.id, new cloudwatch.Metric({
    namespace: s.metricNamespace, metricName: m.metricName, dimensionsMap: s.dimensions, statistic: m.statistic, period,
  })]));
  const metric = s.expression !== undefined
    ? new cloudwatch.MathExpression({ expression: s.expression, usingMetrics: metrics, period, label: s.expressionLabel })
    : Object.values(metrics)[0];
  return new cloudwatch.Alarm(scope, pascal(s.kind), {
    alarmName: s.alarmName,
    alarmDescription: s.description,
    metric,
    threshold: s.threshold,
    comparisonOperator: s.comparisonOperator as cloudwatch.ComparisonOperator,
    evaluationPeriods: s.evaluationPeriods,
    datapointsToAlarm: s.datapointsToAlarm,
    treatMissingData: s.treatMissingData as cloudwatch.TreatMissingData,
  });
}

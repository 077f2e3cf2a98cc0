/**
 * CloudWatch alarms on Temporal Cloud's own metrics that matter for failover: the namespace's replication lag, its poll success rate, and tasks
 * that arrive while no Worker polls. Temporal Cloud publishes these on its OpenMetrics endpoint (`https://metrics.temporal.io/v1/metrics`, an API
 * key of a service account with the Metrics Read-Only role; https://docs.temporal.io/cloud/metrics/openmetrics/api-reference), not in CloudWatch:
 * the user scrapes the endpoint and publishes the metrics to CloudWatch (for example the OpenTelemetry Collector's prometheus receiver and awsemf
 * exporter), keeping the metric names and, as dimensions, the labels named here. Its inputs, defaults (written once), checks and the settings both
 * engines emit.
 * Metric names and labels: https://docs.temporal.io/cloud/metrics/openmetrics/metrics-reference
 */
import { InputChecker, InputHit, isUnresolved } from './input';
import { isKnownRegion, temporalRegionId } from '../regions';

/** Rule id of the checks on the Temporal Cloud metric alarms. */
export const CLOUD_METRIC_ALARMS_RULE = 'TEMPORAL_CLOUD_METRIC_ALARM_SETTINGS';

/** Temporal Cloud's OpenMetrics endpoint, where the metrics come from. */
export const TEMPORAL_CLOUD_METRICS_ENDPOINT = 'https://metrics.temporal.io/v1/metrics';

/**
 * The OpenMetrics metrics the alarms read (https://docs.temporal.io/cloud/metrics/openmetrics/metrics-reference). Every one is a gauge aggregated
 * over one minute, labelled `temporal_namespace` and `region` (the Temporal region it comes from, e.g. `aws-us-west-2`); the count metrics are
 * per-second rates. A series appears only for a minute in which it was reported
 * (https://docs.temporal.io/cloud/metrics/openmetrics/api-reference#metric-family): missing data means "nothing happened", never "broken".
 */
export const TEMPORAL_CLOUD_METRIC_NAMES = {
  /** The 95th percentile cross-region replication lag, in seconds. */
  replicationLagP95: 'temporal_cloud_v1_replication_lag_p95',
  /** Tasks matched to a poller, per second (sync matches are a subset: the sync match rate divides them by this). */
  pollSuccess: 'temporal_cloud_v1_poll_success_count',
  /** Polls that timed out without a task, per second. */
  pollTimeout: 'temporal_cloud_v1_poll_timeout_count',
  /** Tasks added to task queues that have no active poller, per second. */
  noPollerTasks: 'temporal_cloud_v1_no_poller_tasks_count',
} as const;

/** Defaults, written once. */
export const CLOUD_METRIC_ALARM_DEFAULTS = {
  /** The CloudWatch namespace the user publishes the metrics to. */
  metricNamespace: 'TemporalCloud',
  /** The dimension carrying the `temporal_namespace` label. */
  namespaceDimension: 'temporal_namespace',
  /** The dimension carrying the `region` label (only with `temporalRegion`). */
  regionDimension: 'region',
  /** The metrics are one-minute aggregates. */
  periodSeconds: 60,
  evaluationPeriods: 3,
  /**
   * Temporal Cloud aims at a P95 replication lag under one minute and recommends alerting when it rises above about a minute
   * (https://docs.temporal.io/cloud/high-availability/monitor, https://docs.temporal.io/cloud/rpo-rto).
   */
  replicationLagThresholdSeconds: 60,
  /** Temporal's Worker health guide: alert when the poll success rate falls below 90% (https://docs.temporal.io/production-deployment/cloud/worker-health). */
  pollSuccessRateThreshold: 90,
  /** A series is absent for a minute in which nothing was reported (no replication, no polls, no task without pollers). */
  treatMissingData: 'notBreaching',
} as const;

/** Which alarm: `replication-lag`, `poll-success-rate` or `tasks-without-pollers`. */
export type CloudMetricAlarmKind = 'replication-lag' | 'poll-success-rate' | 'tasks-without-pollers';

/** The inputs of the Temporal Cloud metric alarms that both engines' props share (durations are the engines' own). */
export interface CloudMetricAlarmsOptions {
  /**
   * The Temporal namespace, as the metrics' `temporal_namespace` label carries it (the dimension value), e.g. `orders.a2dd6`.
   */
  readonly namespace: string;
  /**
   * The CloudWatch namespace you publish the scraped metrics to.
   * @default 'TemporalCloud'
   */
  readonly metricNamespace?: string;
  /**
   * The CloudWatch dimension that carries the `temporal_namespace` label.
   * @default 'temporal_namespace'
   */
  readonly namespaceDimension?: string;
  /**
   * Alarm on one Temporal region's metrics only (the `region` label, e.g. `aws-us-west-2`; an AWS region name such as `us-west-2` is accepted):
   * publish the metrics with the region dimension as well.
   * @default - no region dimension: the metrics of every region of the namespace together
   */
  readonly temporalRegion?: string;
  /**
   * The CloudWatch dimension that carries the `region` label (used with `temporalRegion`).
   * @default 'region'
   */
  readonly regionDimension?: string;
  /**
   * The poll success rate, in percent (tasks matched to a poller over all polls that ended), below which the poll success alarm fires.
   * @default 90
   */
  readonly pollSuccessRateThreshold?: number;
  /**
   * Consecutive one-minute periods a threshold must be crossed before an alarm fires.
   * @default 3
   */
  readonly evaluationPeriods?: number;
  /**
   * The start of the alarm names: `<prefix>-replication-lag`, `<prefix>-poll-success-rate`, `<prefix>-tasks-without-pollers`.
   * @default - `temporal-<namespace>`, then `-<temporal region>` when `temporalRegion` is set
   */
  readonly alarmNamePrefix?: string;
}

/** The inputs in engine-neutral terms (the engines turn their replication lag threshold into seconds). */
export interface CloudMetricAlarmsInput extends CloudMetricAlarmsOptions {
  /** The P95 replication lag, in seconds, above which the replication lag alarm fires. @default 60 */
  readonly replicationLagThresholdSeconds?: number;
}

/** One metric an alarm reads (`id` names it in `expression`). */
export interface CloudMetricQuery {
  readonly id: string;
  readonly metricName: string;
  readonly statistic: string;
}

/** The settings of one alarm, as both engines emit it (a single metric, or `expression` over `metrics`). */
export interface CloudMetricAlarmSettings {
  readonly kind: CloudMetricAlarmKind;
  readonly alarmName: string;
  readonly description: string;
  readonly metricNamespace: string;
  /** Dimension name -> value, the same for every metric. */
  readonly dimensions: Record<string, string>;
  readonly metrics: CloudMetricQuery[];
  /** A CloudWatch metric math expression over `metrics` (undefined: the alarm reads the one metric). */
  readonly expression?: string;
  /** The expression's label. */
  readonly expressionLabel?: string;
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
  readonly threshold: number;
  readonly comparisonOperator: string;
  readonly treatMissingData: string;
}

/** The longest alarm name suffix. */
const LONGEST_SUFFIX = '-tasks-without-pollers';

/** The default alarm name prefix: `temporal-<namespace>[-<temporal region>]`. */
function defaultPrefix(i: CloudMetricAlarmsInput): string {
  return `temporal-${i.namespace}${i.temporalRegion !== undefined ? `-${regionValue(i.temporalRegion)}` : ''}`;
}

/** The `region` label value of a region the user wrote (`us-west-2` -> `aws-us-west-2`). */
function regionValue(region: string): string {
  return isUnresolved(region) ? region : temporalRegionId(region);
}

/** The three alarms' settings. */
export function resolveCloudMetricAlarms(i: CloudMetricAlarmsInput): CloudMetricAlarmSettings[] {
  const d = CLOUD_METRIC_ALARM_DEFAULTS;
  const m = TEMPORAL_CLOUD_METRIC_NAMES;
  const dimensions: Record<string, string> = { [i.namespaceDimension ?? d.namespaceDimension]: i.namespace };
  if (i.temporalRegion !== undefined) dimensions[i.regionDimension ?? d.regionDimension] = regionValue(i.temporalRegion);
  const evaluationPeriods = i.evaluationPeriods ?? d.evaluationPeriods;
  const prefix = i.alarmNamePrefix ?? defaultPrefix(i);
  const where = `${i.namespace}${i.temporalRegion !== undefined ? ` in ${regionValue(i.temporalRegion)}` : ''}`;
  const common = {
    metricNamespace: i.metricNamespace ?? d.metricNamespace,
    dimensions,
    periodSeconds: d.periodSeconds,
    evaluationPeriods,
    datapointsToAlarm: evaluationPeriods,
    treatMissingData: d.treatMissingData,
  };
  const lag = i.replicationLagThresholdSeconds ?? d.replicationLagThresholdSeconds;
  const rate = i.pollSuccessRateThreshold ?? d.pollSuccessRateThreshold;
  const span = `for ${evaluationPeriods} consecutive minutes`;
  return [
    {
      ...common,
      kind: 'replication-lag',
      alarmName: `${prefix}-replication-lag`,
      description: `Temporal Cloud namespace ${where}: P95 replication lag above ${lag} s ${span} (${m.replicationLagP95}). A failover now may leave `
        + 'recent progress behind in the old region until it recovers: check the lag before failing over.',
      metrics: [{ id: 'lag', metricName: m.replicationLagP95, statistic: 'Maximum' }],
      threshold: lag,
      comparisonOperator: 'GreaterThanThreshold',
    },
    {
      ...common,
      kind: 'poll-success-rate',
      alarmName: `${prefix}-poll-success-rate`,
      description: `Temporal Cloud namespace ${where}: fewer than ${rate}% of Worker polls got a task ${span} `
        + `(${m.pollSuccess} / (${m.pollSuccess} + ${m.pollTimeout})): more pollers than work, or tasks not reaching them.`,
      metrics: [{ id: 'success', metricName: m.pollSuccess, statistic: 'Sum' }, { id: 'timeout', metricName: m.pollTimeout, statistic: 'Sum' }],
      expression: '100 * success / (success + timeout)',
      expressionLabel: 'Poll success rate (%)',
      threshold: rate,
      comparisonOperator: 'LessThanThreshold',
    },
    {
      ...common,
      kind: 'tasks-without-pollers',
      alarmName: `${prefix}-tasks-without-pollers`,
      description: `Temporal Cloud namespace ${where}: tasks arrive on task queues that no Worker polls ${span} (${m.noPollerTasks}): `
        + "the active region's Workers are down or unreachable; check the capacity alarms and fail the Workers over.",
      metrics: [{ id: 'orphans', metricName: m.noPollerTasks, statistic: 'Maximum' }],
      threshold: 0,
      comparisonOperator: 'GreaterThanThreshold',
    },
  ];
}

/** CloudWatch names (namespaces, dimension names): 1-255 printable ASCII characters, not starting with ':'. */
const CLOUDWATCH_NAME = /^[\x21-\x39\x3b-\x7e][\x20-\x7e]{0,254}$/;

/**
 * The input problems, in the user's words. `lagProp` is the engine's name of the replication lag threshold (`replicationLagThreshold`, a Duration
 * in AWS CDK; `replicationLagThresholdSeconds` in CDK for Terraform).
 */
export function checkCloudMetricAlarms(i: CloudMetricAlarmsInput, path?: string, lagProp = 'replicationLagThreshold'): InputHit[] {
  const c = new InputChecker(CLOUD_METRIC_ALARMS_RULE, '', path);
  const known = (v: unknown): v is string => typeof v === 'string' && !isUnresolved(v);
  if (typeof i.namespace !== 'string' || (known(i.namespace) && !/^[\x21-\x7e]{1,1024}$/.test(i.namespace))) {
    c.add('namespace', i.namespace, 'must be the namespace as the metrics label it: 1 to 1024 printable characters without spaces (a CloudWatch dimension value).',
      "give the namespace with its account id, e.g. 'orders.a2dd6'.");
  }
  if (known(i.metricNamespace) && (!CLOUDWATCH_NAME.test(i.metricNamespace) || i.metricNamespace.startsWith('AWS/'))) {
    c.add('metricNamespace', i.metricNamespace, "must be 1 to 255 printable ASCII characters, not starting with ':' or 'AWS/' (reserved for AWS services).",
      "use the namespace your collector publishes to, e.g. 'TemporalCloud'.");
  }
  for (const prop of ['namespaceDimension', 'regionDimension'] as const) {
    const v = i[prop];
    if (known(v) && !CLOUDWATCH_NAME.test(v)) {
      c.add(prop, v, "must be a CloudWatch dimension name: 1 to 255 printable ASCII characters, not starting with ':'.", 'use the label name the collector keeps as the dimension.');
    }
  }
  if (known(i.temporalRegion) && !isKnownRegion(i.temporalRegion)) {
    c.add('temporalRegion', i.temporalRegion, "is not a Temporal Cloud region (the metrics' region label).", "use e.g. 'aws-us-west-2' (or 'us-west-2').");
  }
  c.wholeNumber('evaluationPeriods', i.evaluationPeriods, 1, 1440, 'use one-minute periods, at most a day, e.g. 3.');
  number(c, 'pollSuccessRateThreshold', i.pollSuccessRateThreshold, 100, 'percent', 'give a percentage, e.g. 90.');
  number(c, lagProp, i.replicationLagThresholdSeconds, 86400, 'seconds', 'give e.g. one minute (Temporal aims at a P95 replication lag under one minute).');
  const prefix = i.alarmNamePrefix;
  if (known(prefix) && (prefix.length < 1 || prefix.length + LONGEST_SUFFIX.length > 255 || /[\u0000-\u001f\u007f]/.test(prefix))) {
    c.add('alarmNamePrefix', prefix, `must be 1 to ${255 - LONGEST_SUFFIX.length} printable characters (alarm names are at most 255, with '${LONGEST_SUFFIX}').`,
      'use a shorter prefix, or omit it for the default.');
  } else if (prefix === undefined && known(i.namespace) && defaultPrefix(i).length + LONGEST_SUFFIX.length > 255) {
    c.add('alarmNamePrefix', prefix, "is not set, and the default alarm names from the namespace are over CloudWatch's 255 characters.",
      'give a shorter alarmNamePrefix.');
  }
  return c.hits;
}

/** A number greater than 0 and at most `max` `unit` (unresolved values are not checked). */
function number(c: InputChecker, prop: string, value: number | undefined, max: number, unit: string, fix: string): void {
  if (value === undefined || isUnresolved(value)) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > max) {
    c.add(prop, value, `must be greater than 0 and at most ${max} ${unit}.`, fix);
  }
}

/**
 * The capacity alarms of one region: an `aws_cloudwatch_metric_alarm` per planned entry on the ECS service's running task count (Container
 * Insights), with the names, thresholds and periods of the plan. An alarm whose service follows the failover state reads the state at apply time:
 * its threshold is the count the region needs while it is active, or while it stands by (0: never fires), and missing data is breaching only while
 * it is active. Nothing here decides a setting: the plan's entry and the core's `FAILOVER_DEFAULTS.capacityAlarm` say everything (the AWS CDK
 * flavour emits the same from lib/aws-cdk/render/capacity-alarms.ts).
 */
import { Construct } from 'constructs';
import type { PlannedCapacityAlarm, RegionPlan, ServiceRef } from '../../core';
import { FAILOVER_DEFAULTS } from '../../core/components/failover-state';
import { pascal } from '../../core/deployment-props';
import { AwsProvider, CloudwatchMetricAlarm } from '../engine';

/** A value by the live failover state of a unit: `whenActive` while this region is the unit's active region, else `whenStandby` (a token). */
export type CapacityStateValue = <T>(unit: string, whenActive: T, whenStandby: T) => T;

/** An ECS service's cluster and service names (tokens allowed). */
export interface CapacityAlarmTarget {
  readonly clusterName: string;
  readonly serviceName: string;
}

/**
 * One `aws_cloudwatch_metric_alarm` per `region.capacityAlarms` entry, in `scope`, created with the region's `provider`. `lookup` gives a planned
 * service's ECS cluster and service names (undefined: the service was not rendered, and gets no alarm); `value` reads the state (see
 * `CapacityStateValue`); `tags` go on every alarm.
 */
export function emitCapacityAlarms(
  scope: Construct,
  provider: AwsProvider,
  region: RegionPlan,
  lookup: (s: ServiceRef) => CapacityAlarmTarget | undefined,
  value: CapacityStateValue,
  tags?: Record<string, string>,
): CloudwatchMetricAlarm[] {
  return region.capacityAlarms.flatMap((alarm) => {
    const target = lookup(alarm.service);
    return target ? [emitCapacityAlarm(scope, provider, alarm, target, value, tags)] : [];
  });
}

function emitCapacityAlarm(scope: Construct, provider: AwsProvider, alarm: PlannedCapacityAlarm, target: CapacityAlarmTarget,
  value: CapacityStateValue, tags: Record<string, string> | undefined): CloudwatchMetricAlarm {
  const a = FAILOVER_DEFAULTS.capacityAlarm;
  // Without a unit the service never moves with the state: the active-side values always apply.
  const byState = <T>(whenActive: T, whenStandby: T): T => (alarm.unit === undefined ? whenActive : value(alarm.unit, whenActive, whenStandby));
  return new CloudwatchMetricAlarm(scope, `${pascal(`${alarm.service.kind}-${alarm.service.id}`)}RunningTasks`, {
    provider,
    alarmName: alarm.alarmName,
    alarmDescription: alarm.description,
    namespace: a.namespace,
    metricName: a.metricName,
    dimensions: { ClusterName: target.clusterName, ServiceName: target.serviceName },
    statistic: a.statistic,
    period: alarm.periodSeconds,
    evaluationPeriods: alarm.evaluationPeriods,
    datapointsToAlarm: alarm.evaluationPeriods,
    threshold: byState(alarm.minRunningWhenActive, alarm.minRunningWhenStandby),
    comparisonOperator: a.comparisonOperator,
    treatMissingData: byState<string>(a.treatMissingDataWhenActive, a.treatMissingDataWhenStandby),
    tags,
  });
}

/**
 * The capacity alarms of one region: an `aws_cloudwatch_metric_alarm` per planned entry on the ECS service's running task count (Container
 * Insights), with the names, thresholds and periods of the plan. An alarm whose service follows the failover state reads the state at apply time:
 * its threshold is the count the region needs while it is active, or while it stands by (0: never fires), and missing data is breaching only while
 * it is active. Nothing here decides a setting: the core's `capacityAlarmSettings` says everything (the AWS CDK
 * flavour emits the same from lib/aws-cdk/render/capacity-alarms.ts).
 */
import { Construct } from 'constructs';
import type { PlannedCapacityAlarm, RegionPlan, ServiceRef } from '../../core';
import { capacityAlarmSettings, StateValue } from '../../core/components/failover-state';
import { pascal } from '../../core/deployment-props';
import { AwsProvider, CloudwatchMetricAlarm } from '../engine';

/** A value by the live failover state of a unit: `whenActive` while this region is the unit's active region, else `whenStandby` (a token). */
export type CapacityStateValue = StateValue;

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
  const a = capacityAlarmSettings(alarm, target, value);
  return new CloudwatchMetricAlarm(scope, `${pascal(`${alarm.service.kind}-${alarm.service.id}`)}RunningTasks`, {
    provider,
    alarmName: a.alarmName,
    alarmDescription: a.description,
    namespace: a.namespace,
    metricName: a.metricName,
    dimensions: a.dimensions,
    statistic: a.statistic,
    period: a.periodSeconds,
    evaluationPeriods: a.evaluationPeriods,
    datapointsToAlarm: a.datapointsToAlarm,
    threshold: a.threshold,
    comparisonOperator: a.comparisonOperator,
    treatMissingData: a.treatMissingData,
    tags,
  });
}

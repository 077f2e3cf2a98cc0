/**
 * The capacity alarms of one region: a CloudWatch alarm per planned entry on the ECS service's running task count (Container Insights), with the
 * names, thresholds and periods of the plan. An alarm whose service follows the failover state reads the state at deploy time: its threshold is
 * the count the region needs while it is active, or while it stands by (0: never fires), and missing data is breaching only while it is active.
 * Nothing here decides a setting: the plan's entry and the core's `FAILOVER_DEFAULTS.capacityAlarm` say everything.
 */
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import type { PlannedCapacityAlarm, RegionPlan, ServiceRef } from '../../core';
import { FAILOVER_DEFAULTS } from '../../core/components/failover-state';
import { pascal } from '../../core/deployment-props';

/** A value by the live failover state of a unit: `whenActive` while this region is the unit's active region, else `whenStandby`. */
export type CapacityStateValue = <T>(unit: string, whenActive: T, whenStandby: T) => T;

/**
 * One `AWS::CloudWatch::Alarm` per `region.capacityAlarms` entry, in `scope`. `lookup` gives a planned service's ECS cluster and service names
 * (tokens allowed; undefined: the service was not rendered, and gets no alarm); `value` reads the state (see `CapacityStateValue`).
 */
export function emitCapacityAlarms(
  scope: Construct,
  region: RegionPlan,
  lookup: (s: ServiceRef) => { clusterName: string; serviceName: string } | undefined,
  value: CapacityStateValue,
): void {
  for (const alarm of region.capacityAlarms) {
    const names = lookup(alarm.service);
    if (names) emitCapacityAlarm(scope, alarm, names, value);
  }
}

function emitCapacityAlarm(scope: Construct, alarm: PlannedCapacityAlarm, names: { clusterName: string; serviceName: string },
  value: CapacityStateValue): cloudwatch.CfnAlarm {
  const a = FAILOVER_DEFAULTS.capacityAlarm;
  // Without a unit the service never moves with the state: the active-side values always apply.
  const byState = <T>(whenActive: T, whenStandby: T): T => (alarm.unit === undefined ? whenActive : value(alarm.unit, whenActive, whenStandby));
  return new cloudwatch.CfnAlarm(scope, `${pascal(`${alarm.service.kind}-${alarm.service.id}`)}RunningTasks`, {
    alarmName: alarm.alarmName,
    alarmDescription: alarm.description,
    namespace: a.namespace,
    metricName: a.metricName,
    dimensions: [{ name: 'ClusterName', value: names.clusterName }, { name: 'ServiceName', value: names.serviceName }],
    statistic: a.statistic,
    period: alarm.periodSeconds,
    evaluationPeriods: alarm.evaluationPeriods,
    datapointsToAlarm: alarm.evaluationPeriods,
    threshold: byState(alarm.minRunningWhenActive, alarm.minRunningWhenStandby),
    comparisonOperator: a.comparisonOperator,
    treatMissingData: byState<string>(a.treatMissingDataWhenActive, a.treatMissingDataWhenStandby),
  });
}

/**
 * The capacity alarms of one region: a CloudWatch alarm per planned entry on the ECS service's running task count (Container Insights), with the
 * names, thresholds and periods of the plan. An alarm whose service follows the failover state reads the state at deploy time: its threshold is
 * the count the region needs while it is active, or while it stands by (0: never fires), and missing data is breaching only while it is active.
 * Nothing here decides a setting: the core's `capacityAlarmSettings` says everything.
 */
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import type { PlannedCapacityAlarm, RegionPlan, ServiceRef } from '../../core';
import { capacityAlarmSettings, StateValue } from '../../core/components/failover-state';
import { pascal } from '../../core/deployment-props';

/** A value by the live failover state of a unit: `whenActive` while this region is the unit's active region, else `whenStandby`. */
export type CapacityStateValue = StateValue;

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
  const a = capacityAlarmSettings(alarm, names, value);
  return new cloudwatch.CfnAlarm(scope, `${pascal(`${alarm.service.kind}-${alarm.service.id}`)}RunningTasks`, {
    alarmName: a.alarmName,
    alarmDescription: a.description,
    namespace: a.namespace,
    metricName: a.metricName,
    dimensions: Object.entries(a.dimensions).map(([name, v]) => ({ name, value: v })),
    statistic: a.statistic,
    period: a.periodSeconds,
    evaluationPeriods: a.evaluationPeriods,
    datapointsToAlarm: a.datapointsToAlarm,
    threshold: a.threshold,
    comparisonOperator: a.comparisonOperator,
    treatMissingData: a.treatMissingData,
  });
}

import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import type { FailoverTarget } from './failover-record';
import {
  checkHealthAlarm, ComponentLoadBalancerType, componentHealthAlarmName, FAILOVER_RECORD_RULE, HealthAlarmSettings, healthyHostCountNamespace,
  resolveHealthAlarm,
} from '../../core/components/failover-record';
import { InputChecker } from '../../core/components/input';
import { throwIfProblems } from '../../core/errors';

export { ComponentLoadBalancerType } from '../../core/components/failover-record';

/** The CloudWatch dimensions of a target group's `HealthyHostCount`, for a target group this app does not hold as a construct. */
export interface HealthyHostCountDimensions {
  /** The kind of load balancer (`AWS/ApplicationELB` or `AWS/NetworkELB` metrics). */
  readonly loadBalancerType: ComponentLoadBalancerType;
  /** The `LoadBalancer` dimension, `app/<name>/<id>` or `net/<name>/<id>` (`loadBalancer.loadBalancerFullName`). */
  readonly loadBalancerFullName: string;
  /** The `TargetGroup` dimension, `targetgroup/<name>/<id>` (`targetGroup.targetGroupFullName`). */
  readonly targetGroupFullName: string;
}

/** Construction properties of `TemporalComponentHealthAlarm`. */
export interface TemporalComponentHealthAlarmProps {
  /**
   * A name for the component, unique among your components in the account (e.g. `orders-codec`, `orders-proxy`). With the stack's region it makes the
   * default `alarmName`, so a health check in another stack or region can name the alarm without a cross-stack reference
   * (`TemporalComponentHealthAlarm.alarmNameFor(name, region)`). Letters, digits, `.`, `_` and `-`.
   */
  readonly name: string;
  /**
   * The component's target group: an `elbv2.ApplicationTargetGroup` or `elbv2.NetworkTargetGroup` (created, or imported with `loadBalancerArns`),
   * attached to exactly one load balancer. Give this or `dimensions`.
   * @default - use `dimensions`
   */
  readonly targetGroup?: elbv2.ITargetGroup;
  /**
   * The `HealthyHostCount` dimensions, for a target group this app does not hold as a construct. Give this or `targetGroup`.
   * @default - use `targetGroup`
   */
  readonly dimensions?: HealthyHostCountDimensions;
  /**
   * Consecutive one-minute periods with no healthy target before the alarm fires: a failover record
   * switches about this many minutes (plus the record TTL) after the last target went unhealthy.
   * @default 2
   */
  readonly evaluationPeriods?: number;
  /**
   * The alarm name. Keep it deterministic (no tokens): failover health checks in other stacks find the alarm by name and region.
   * @default - `TemporalComponentHealthAlarm.alarmNameFor(name, <stack region>)`, i.e. `temporal-<name>-<region>-no-healthy-targets`
   */
  readonly alarmName?: string;
  /** The alarm description. @default - a description naming the component, region and rule */
  readonly alarmDescription?: string;
}

/**
 * A CloudWatch alarm, in the component's region stack, that is in ALARM when a codec server or proxy has no healthy target: the target group's
 * `HealthyHostCount` (minimum over one minute) is below 1 for `evaluationPeriods` consecutive minutes. Missing data counts as breaching, so a region
 * whose service is scaled to zero (a cold region) or stopped reporting is unhealthy.
 * The alarm name is deterministic (from `name` and the stack's region), so a `TemporalFailoverRecord` in any stack or region names it
 * (`toFailoverTarget`, `alarmNameFor`) without a cross-stack reference. The alarm has no actions; add yours with `alarm.addAlarmAction(...)`.
 */
export class TemporalComponentHealthAlarm extends Construct {
  /**
   * The default alarm name of a component in a region: `temporal-<name>-<region>-no-healthy-targets`.
   * Use it to name an alarm in another stack without referencing it.
   * @param name the component name (the `name` prop)
   * @param region the AWS region of the component's stack, e.g. `us-east-1`
   */
  public static alarmNameFor(name: string, region: string): string {
    return componentHealthAlarmName(name, region);
  }

  /** The CloudWatch alarm. */
  public readonly alarm: cloudwatch.Alarm;
  /** The alarm's name (a plain string, never a token). */
  public readonly alarmName: string;
  /** The alarm's AWS region (the stack's region). */
  public readonly alarmRegion: string;
  /** The metric alarmed on: `HealthyHostCount`, minimum, one minute. */
  public readonly metric: cloudwatch.IMetric;

  constructor(scope: Construct, id: string, props: TemporalComponentHealthAlarmProps) {
    super(scope, id);
    const input = { ...props, region: Stack.of(this).region, loadBalancerType: props.dimensions?.loadBalancerType };
    const settings = resolveHealthAlarm(input);
    const c = new InputChecker(FAILOVER_RECORD_RULE, '', this.node.path);
    const metric = metricOf(props, settings, c);
    throwIfProblems('TemporalComponentHealthAlarm', this.node.path, [...checkHealthAlarm(input, this.node.path), ...c.hits]);

    this.alarmRegion = input.region;
    this.alarmName = settings.alarmName;
    this.metric = metric!;
    this.alarm = new cloudwatch.Alarm(this, 'Alarm', {
      alarmName: settings.alarmName,
      alarmDescription: settings.description,
      metric: this.metric,
      threshold: settings.threshold,
      comparisonOperator: settings.comparisonOperator as cloudwatch.ComparisonOperator,
      evaluationPeriods: settings.evaluationPeriods,
      datapointsToAlarm: settings.datapointsToAlarm,
      treatMissingData: settings.treatMissingData as cloudwatch.TreatMissingData,
    });
  }

  /**
   * A failover target for this component: `dnsName` (e.g. its load balancer's DNS name) with this alarm's name and region. Only `dnsName` may be a
   * reference to this stack; the alarm is named, not referenced.
   * @param dnsName the DNS name the failover record points to in this region
   */
  public toFailoverTarget(dnsName: string): FailoverTarget {
    return { dnsName, region: this.alarmRegion, healthAlarmName: this.alarmName };
  }
}

/** The `HealthyHostCount` metric of the target group or dimensions (undefined, with a problem added, when there is none). */
function metricOf(props: TemporalComponentHealthAlarmProps, s: HealthAlarmSettings, c: InputChecker): cloudwatch.IMetric | undefined {
  const options: cloudwatch.MetricOptions = { statistic: s.statistic, period: Duration.seconds(s.periodSeconds) };
  const d = props.dimensions;
  if (props.targetGroup !== undefined && d !== undefined) {
    c.add('dimensions', '(set)', 'is set as well as targetGroup.', 'give one of them.');
  } else if (d !== undefined) {
    const dimensionsMap = { LoadBalancer: d.loadBalancerFullName, TargetGroup: d.targetGroupFullName };
    return new cloudwatch.Metric({ namespace: s.namespace, metricName: s.metricName, dimensionsMap, ...options });
  } else if (props.targetGroup === undefined) {
    c.add('targetGroup', undefined, 'is not set, and neither is dimensions.', "give the component's target group (targetGroup: ...), or its HealthyHostCount dimensions.");
  } else {
    return healthyHostCountOf(props.targetGroup, options, c);
  }
  return undefined;
}

/** `HealthyHostCount` of an ALB or NLB target group (undefined, with a problem added, for any other). */
function healthyHostCountOf(targetGroup: elbv2.ITargetGroup, options: cloudwatch.MetricOptions, c: InputChecker): cloudwatch.IMetric | undefined {
  const path = targetGroup.node.path;
  let metric: cloudwatch.Metric | undefined;
  try {
    // The `metrics` of an ALB or NLB target group; it throws when the group has no load balancer.
    metric = (targetGroup as Partial<elbv2.IApplicationTargetGroup>).metrics?.healthyHostCount?.(options);
  } catch (e) {
    c.add('targetGroup', path, `has no load balancer to read metrics for (${(e as Error).message.split('\n')[0]}).`,
      'create the alarm after listener.addTargets(...), import it with loadBalancerArns, or use dimensions.');
    return undefined;
  }
  const namespaces = Object.values(ComponentLoadBalancerType).map(healthyHostCountNamespace);
  if (metric === undefined) {
    c.add('targetGroup', path, 'is neither an Application nor a Network target group.', 'give an elbv2.ApplicationTargetGroup or elbv2.NetworkTargetGroup, or use dimensions.');
  } else if (!namespaces.includes(metric.namespace)) {
    c.add('targetGroup', path, `reports HealthyHostCount in ${metric.namespace}, not ${namespaces.join(' or ')}.`, 'use dimensions.');
  } else {
    return metric;
  }
  return undefined;
}

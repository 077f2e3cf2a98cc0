import { Construct } from 'constructs';
import { normalizeAwsRegion } from '../../core/regions';
import { AwsProvider, CloudwatchMetricAlarm, Lb, LbTargetGroup, Route53HealthCheck, Route53Record } from '../engine';

/** One regional instance behind a failover record. */
export interface FailoverTarget {
  /** The instance's region. */
  readonly awsRegion: string;
  /** The provider of that region (the health alarm lives there). */
  readonly provider: AwsProvider;
  /** The instance's load balancer (the record points to its DNS name). */
  readonly loadBalancer: Lb;
  /** The instance's target group (the alarm watches its healthy host count). */
  readonly targetGroup: LbTargetGroup;
  /** `application` (codec server) or `network` (proxy). */
  readonly loadBalancerType: string;
}

/** Construction properties of `TemporalFailoverRecord`. */
export interface TemporalFailoverRecordProps {
  /** The provider Route 53 resources are created with (Route 53 is global: any region's). */
  readonly provider: AwsProvider;
  /** The hosted zone of the record. */
  readonly zoneId: string;
  /** The record name, e.g. `codec.temporal.internal`. */
  readonly recordName: string;
  /** The instance answered while healthy. */
  readonly primary: FailoverTarget;
  /** The instance answered when the primary is unhealthy. */
  readonly secondary: FailoverTarget;
  /**
   * Record TTL in seconds.
   * @default 30
   */
  readonly ttl?: number;
}

/**
 * A Route 53 failover record pair (PRIMARY/SECONDARY CNAMEs) in front of a regional component. The
 * records live in a private hosted zone, where Route 53's health checkers cannot reach targets, so
 * each side's health is a CloudWatch alarm on its target group's healthy host count, read by a
 * `CLOUDWATCH_METRIC` health check.
 */
export class TemporalFailoverRecord extends Construct {
  /** The PRIMARY and SECONDARY records. */
  public readonly records: Route53Record[] = [];
  /** The health checks, primary first. */
  public readonly healthChecks: Route53HealthCheck[] = [];
  /** The alarms, primary first. */
  public readonly alarms: CloudwatchMetricAlarm[] = [];

  constructor(scope: Construct, id: string, props: TemporalFailoverRecordProps) {
    super(scope, id);
    const side = (label: 'PRIMARY' | 'SECONDARY', t: FailoverTarget) => {
      const region = normalizeAwsRegion(t.awsRegion);
      const alarm = new CloudwatchMetricAlarm(this, `${label}Alarm`, {
        provider: t.provider,
        alarmName: `${this.node.path.replace(/\//g, '-')}-${label.toLowerCase()}-${region}`.slice(0, 255),
        alarmDescription: `${props.recordName} ${label} (${region}): no healthy target`,
        namespace: t.loadBalancerType === 'network' ? 'AWS/NetworkELB' : 'AWS/ApplicationELB',
        metricName: 'HealthyHostCount',
        dimensions: { LoadBalancer: t.loadBalancer.arnSuffix, TargetGroup: t.targetGroup.arnSuffix },
        statistic: 'Minimum',
        period: 60,
        evaluationPeriods: 2,
        comparisonOperator: 'LessThanThreshold',
        threshold: 1,
        treatMissingData: 'breaching',
      });
      const healthCheck = new Route53HealthCheck(this, `${label}HealthCheck`, {
        provider: props.provider,
        type: 'CLOUDWATCH_METRIC',
        cloudwatchAlarmName: alarm.alarmName,
        cloudwatchAlarmRegion: region,
        insufficientDataHealthStatus: 'LastKnownStatus',
        tags: { Name: `${props.recordName} ${label} (${region})` },
      });
      const record = new Route53Record(this, `${label}Record`, {
        provider: props.provider,
        zoneId: props.zoneId,
        name: props.recordName,
        type: 'CNAME',
        ttl: props.ttl ?? 30,
        records: [t.loadBalancer.dnsName],
        setIdentifier: `${label.toLowerCase()}-${region}`,
        failoverRoutingPolicy: { type: label },
        healthCheckId: healthCheck.id,
      });
      this.alarms.push(alarm);
      this.healthChecks.push(healthCheck);
      this.records.push(record);
    };
    side('PRIMARY', props.primary);
    side('SECONDARY', props.secondary);
  }
}

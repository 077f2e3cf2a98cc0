import { Construct } from 'constructs';
import {
  checkFailoverRecord, checkHealthAlarm, FailoverRecordInput, HealthAlarmInput, resolveFailoverRecord, resolveHealthAlarm,
} from '../../core/components/failover-record';
import { FAILOVER_DEFAULTS } from '../../core/components/failover-state';
import { InputHit } from '../../core/components/input';
import { throwIfProblems } from '../../core/errors';
import { AwsProvider, CloudwatchMetricAlarm, Lb, LbTargetGroup, Route53HealthCheck, Route53Record } from '../engine';

/** One regional instance behind a failover record. */
export interface FailoverTarget {
  /** The instance's AWS region, e.g. `us-east-1`. */
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

/**
 * A gate on the PRIMARY record of a `TemporalFailoverRecord`: a Route 53 `CALCULATED` health check whose only child is the primary's health check.
 * With `healthThreshold` 1 the primary's own health decides; with 2 (more than its one child) it is always unhealthy, so Route 53 answers with the
 * SECONDARY ("If you specify a number greater than the number of child health checks, Route 53 always considers this health check to be
 * unhealthy": https://docs.aws.amazon.com/Route53/latest/APIReference/API_UpdateHealthCheck.html). Moving a failover name on purpose is then one
 * `UpdateHealthCheck` call on the gate, found by its tag.
 */
export interface FailoverGate {
  /** The value of the gate health check's `temporal-ha:failover-gate` tag (the failover runbooks find gates by it). */
  readonly tag: string;
  /**
   * The gate's `child_health_threshold`: 1 (open: the primary's health decides) or 2 (closed: Route 53 answers with the secondary). A Terraform
   * expression (for example a conditional on the failover state) is read at apply time.
   * @default 1
   */
  readonly healthThreshold?: number;
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
  /** Record TTL in seconds (at most 300). @default 30 */
  readonly ttl?: number;
  /** The zone's name, to qualify a relative record name and refuse the zone apex. @default - unknown: the record name is used as given */
  readonly zoneName?: string;
  /**
   * The component's name (letters, digits, `.`, `_`, `-`), which names the health alarms
   * `temporal-<name>-<region>-no-healthy-targets`, as the AWS CDK flavour's `TemporalComponentHealthAlarm` does.
   * @default - this construct's path, with other characters replaced by `-`
   */
  readonly name?: string;
  /** Consecutive one-minute periods with no healthy target before a health alarm fires. @default 2 */
  readonly evaluationPeriods?: number;
  /** Gate the PRIMARY record: a calculated health check over the primary's own, with a threshold that can close it on purpose. @default - none */
  readonly primaryGate?: FailoverGate;
}

/**
 * A Route 53 failover record pair (PRIMARY/SECONDARY CNAMEs) in front of a regional component. The records live in a private hosted zone, where Route
 * 53's health checkers cannot reach targets, so each side's health is a CloudWatch alarm on its target group's healthy host count, read by a
 * `CLOUDWATCH_METRIC` health check. Settings, defaults and checks are the AWS CDK flavour's (`lib/core/components/failover-record`).
 */
export class TemporalFailoverRecord extends Construct {
  /** The PRIMARY and SECONDARY records. */
  public readonly records: Route53Record[] = [];
  /** The health checks, primary first. */
  public readonly healthChecks: Route53HealthCheck[] = [];
  private _gate?: Route53HealthCheck;
  /** The alarms, primary first. */
  public readonly alarms: CloudwatchMetricAlarm[] = [];

  constructor(scope: Construct, id: string, props: TemporalFailoverRecordProps) {
    super(scope, id);
    const targets = [props.primary, props.secondary];
    const alarmInputs: HealthAlarmInput[] = targets.map((t) => ({
      name: props.name ?? this.node.path.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 150),
      region: t.awsRegion,
      loadBalancerType: t.loadBalancerType,
      evaluationPeriods: props.evaluationPeriods,
    }));
    const alarms = alarmInputs.map(resolveHealthAlarm);
    // One DNS name token per load balancer, so that the same load balancer twice reads as the same target.
    const dnsNames = new Map(targets.map((t) => [t.loadBalancer, t.loadBalancer.dnsName]));
    const side = (t: FailoverTarget, i: number) => ({
      dnsName: dnsNames.get(t.loadBalancer)!, region: t.awsRegion, healthAlarmName: alarms[i].alarmName,
    });
    const input: FailoverRecordInput = {
      recordName: props.recordName,
      zoneName: props.zoneName,
      ttlSeconds: props.ttl,
      primary: side(props.primary, 0),
      secondary: side(props.secondary, 1),
      regionProp: 'awsRegion',
    };
    throwIfProblems('TemporalFailoverRecord', this.node.path, unique([
      ...alarmInputs.flatMap((a, i) => checkHealthAlarm(a, this.node.path, { side: ['primary', 'secondary'][i], regionProp: 'awsRegion' })),
      ...checkFailoverRecord(input, this.node.path),
    ]));

    const s = resolveFailoverRecord(input);
    [s.primary, s.secondary].forEach((planned, i) => {
      const t = targets[i];
      const a = alarms[i];
      const alarm = new CloudwatchMetricAlarm(this, `${planned.failover}Alarm`, {
        provider: t.provider,
        alarmName: a.alarmName,
        alarmDescription: a.description,
        namespace: a.namespace,
        metricName: a.metricName,
        dimensions: { LoadBalancer: t.loadBalancer.arnSuffix, TargetGroup: t.targetGroup.arnSuffix },
        statistic: a.statistic,
        period: a.periodSeconds,
        evaluationPeriods: a.evaluationPeriods,
        datapointsToAlarm: a.datapointsToAlarm,
        comparisonOperator: a.comparisonOperator,
        threshold: a.threshold,
        treatMissingData: a.treatMissingData,
      });
      const healthCheck = new Route53HealthCheck(this, `${planned.failover}HealthCheck`, {
        provider: props.provider,
        type: s.healthCheck.route53Type,
        cloudwatchAlarmName: alarm.alarmName,
        cloudwatchAlarmRegion: planned.region,
        insufficientDataHealthStatus: s.healthCheck.insufficientDataHealthStatus,
        tags: { Name: planned.healthCheckName },
      });
      const gate = i === 0 && props.primaryGate ? this.gate(planned.failover, planned.healthCheckName, healthCheck, props) : undefined;
      this.records.push(new Route53Record(this, `${planned.failover}Record`, {
        provider: props.provider,
        zoneId: props.zoneId,
        name: props.recordName,
        type: 'CNAME',
        ttl: s.ttlSeconds,
        records: [planned.dnsName],
        setIdentifier: planned.setIdentifier,
        failoverRoutingPolicy: { type: planned.failover },
        healthCheckId: (gate ?? healthCheck).id,
      }));
      this.alarms.push(alarm);
      this.healthChecks.push(healthCheck);
      this._gate ??= gate;
    });
  }

  /** The gate of the PRIMARY record (a calculated health check over the primary's), when `primaryGate` is given. */
  public get primaryGateHealthCheck(): Route53HealthCheck | undefined {
    return this._gate;
  }

  /** A gate over a side's health check: a calculated health check with that check as its only child, tagged for the runbooks. */
  private gate(failover: string, name: string, child: Route53HealthCheck, props: TemporalFailoverRecordProps): Route53HealthCheck {
    const gate = props.primaryGate!;
    return new Route53HealthCheck(this, `${failover}GateHealthCheck`, {
      provider: props.provider,
      type: 'CALCULATED',
      childHealthchecks: [child.id],
      childHealthThreshold: gate.healthThreshold ?? FAILOVER_DEFAULTS.gate.healthThresholdWhenActive,
      tags: { Name: `${name} gate`, [FAILOVER_DEFAULTS.gate.tagKey]: gate.tag },
    });
  }
}

/** The hits without repeats (the alarm checks of shared props run once per side). */
function unique(hits: InputHit[]): InputHit[] {
  const byKey = new Map(hits.map((h) => [`${h.prop}|${h.message}`, h]));
  return [...byKey.values()];
}

import { Duration, Stack, Tags, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';
import { FAILOVER_PRIVATE_HEALTH_CHECK } from '../../core/rules/failover-private-health-check';

// ---------------------------------------------------------------------------------------------
// Component health alarm (in the component's region)
// ---------------------------------------------------------------------------------------------

/** The kind of load balancer in front of a component, which decides the CloudWatch namespace. */
export enum ComponentLoadBalancerType {
  /** Application Load Balancer (codec server): namespace `AWS/ApplicationELB`. */
  APPLICATION = 'application',
  /** Network Load Balancer (proxy): namespace `AWS/NetworkELB`. */
  NETWORK = 'network',
}

/**
 * The CloudWatch dimensions of a target group's `HealthyHostCount`, for a target group this app
 * does not hold as a construct.
 */
export interface HealthyHostCountDimensions {
  /** The kind of load balancer (`AWS/ApplicationELB` or `AWS/NetworkELB` metrics). */
  readonly loadBalancerType: ComponentLoadBalancerType;
  /**
   * The load balancer's full name, the `LoadBalancer` dimension: `app/<name>/<id>` or
   * `net/<name>/<id>` (`loadBalancer.loadBalancerFullName`).
   */
  readonly loadBalancerFullName: string;
  /**
   * The target group's full name, the `TargetGroup` dimension: `targetgroup/<name>/<id>`
   * (`targetGroup.targetGroupFullName`).
   */
  readonly targetGroupFullName: string;
}

/** Construction properties of `TemporalComponentHealthAlarm`. */
export interface TemporalComponentHealthAlarmProps {
  /**
   * A name for the component, unique among your components in the account (e.g. `orders-codec`,
   * `orders-proxy`). With the stack's region it makes the default `alarmName`, so a health check in
   * another stack or region can name the alarm without a cross-stack reference
   * (`TemporalComponentHealthAlarm.alarmNameFor(name, region)`). Letters, digits, `.`, `_` and `-`.
   */
  readonly name: string;
  /**
   * The component's target group: an `elbv2.ApplicationTargetGroup` or `elbv2.NetworkTargetGroup`
   * (created, or imported with `loadBalancerArns`), attached to exactly one load balancer. Give
   * this or `dimensions`.
   *
   * @default - use `dimensions`
   */
  readonly targetGroup?: elbv2.ITargetGroup;
  /**
   * The `HealthyHostCount` dimensions, for a target group this app does not hold as a construct.
   * Give this or `targetGroup`.
   *
   * @default - use `targetGroup`
   */
  readonly dimensions?: HealthyHostCountDimensions;
  /**
   * Consecutive one-minute periods with no healthy target before the alarm fires (each period's
   * minimum `HealthyHostCount` below 1). This is the detection part of the component's failover
   * time: a failover record switches about this many minutes after the last target went unhealthy
   * (plus the record TTL).
   *
   * @default 2
   */
  readonly evaluationPeriods?: number;
  /**
   * The alarm name. Keep it deterministic (no tokens): failover health checks in other stacks find
   * the alarm by name and region.
   *
   * @default - `TemporalComponentHealthAlarm.alarmNameFor(name, <stack region>)`, i.e.
   * `temporal-<name>-<region>-no-healthy-targets`
   */
  readonly alarmName?: string;
  /**
   * The alarm description.
   *
   * @default - a description naming the component, region and rule
   */
  readonly alarmDescription?: string;
}

/**
 * A CloudWatch alarm, in the component's region stack, that is in ALARM when a codec server or
 * proxy has no healthy target: the target group's `HealthyHostCount` (minimum over one minute) is
 * below 1 for `evaluationPeriods` consecutive minutes. Missing data counts as breaching, so a region
 * whose service is scaled to zero (a cold region) or stopped reporting is unhealthy.
 *
 * The alarm name is deterministic (from `name` and the stack's region), so the Route 53 health check
 * of a `TemporalFailoverRecord` in any stack or region can reference it by name and region
 * (`toFailoverTarget`, or `TemporalComponentHealthAlarm.alarmNameFor`) without a cross-stack
 * reference. The alarm has no actions; add yours with `alarm.addAlarmAction(...)`.
 */
export class TemporalComponentHealthAlarm extends Construct {
  /**
   * The default alarm name of a component in a region: `temporal-<name>-<region>-no-healthy-targets`.
   * Use it to name an alarm in another stack without referencing it.
   *
   * @param name the component name (the `name` prop)
   * @param region the AWS region of the component's stack, e.g. `us-east-1`
   */
  public static alarmNameFor(name: string, region: string): string {
    return `temporal-${name}-${region}-no-healthy-targets`;
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
    const where = `TemporalComponentHealthAlarm(${this.node.path})`;
    const errors: string[] = [];
    const evaluationPeriods = props.evaluationPeriods ?? 2;
    const region = Stack.of(this).region;

    if (Token.isUnresolved(props.name)) {
      errors.push('name is a token. Give a literal component name such as \'orders-codec\': the alarm name must be known at synth time so other stacks can reference it.');
    } else if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,149}$/.test(props.name)) {
      errors.push(`name ('${props.name}') must be 1 to 150 letters, digits, '.', '_' or '-', starting with a letter or digit. Use e.g. 'orders-codec'.`);
    }
    if (Token.isUnresolved(region)) {
      errors.push('the stack\'s region is unresolved (a region-agnostic stack), so the alarm\'s region, which health checks need, is unknown. Give the stack env: { region: \'...\' }.');
    }
    if (props.alarmName !== undefined) {
      if (Token.isUnresolved(props.alarmName)) {
        errors.push('alarmName is a token. Give a literal name (or omit it for the default): health checks in other stacks find the alarm by name.');
      } else if (props.alarmName.length < 1 || props.alarmName.length > 255 || /[\u0000-\u001f\u007f]/.test(props.alarmName)) {
        errors.push(`alarmName ('${props.alarmName}') must be 1 to 255 printable characters. Omit it for the default name.`);
      }
    }
    if (!Token.isUnresolved(evaluationPeriods) && (!Number.isInteger(evaluationPeriods) || evaluationPeriods < 1 || evaluationPeriods > 1440)) {
      errors.push(`evaluationPeriods (${evaluationPeriods}) must be a whole number from 1 to 1440 (one-minute periods, at most a day). Use e.g. 2.`);
    }
    if ((props.targetGroup === undefined) === (props.dimensions === undefined)) {
      errors.push(props.targetGroup === undefined
        ? 'neither targetGroup nor dimensions is set. Give the component\'s target group (targetGroup: ...), or its HealthyHostCount dimensions.'
        : 'both targetGroup and dimensions are set. Give one of them.');
    }
    let metric: cloudwatch.IMetric | undefined;
    const metricOptions: cloudwatch.MetricOptions = { statistic: cloudwatch.Stats.MINIMUM, period: Duration.minutes(1) };
    if (props.targetGroup !== undefined && props.dimensions === undefined) {
      const m = healthyHostCountOf(props.targetGroup, metricOptions);
      if (typeof m === 'string') errors.push(m);
      else metric = m;
    } else if (props.dimensions !== undefined && props.targetGroup === undefined) {
      const d = props.dimensions;
      for (const [prop, value, pattern, example] of [
        ['loadBalancerFullName', d.loadBalancerFullName, /^(app|net)\/[^/]+\/[^/]+$/, 'app/<name>/<id>'],
        ['targetGroupFullName', d.targetGroupFullName, /^targetgroup\/[^/]+\/[^/]+$/, 'targetgroup/<name>/<id>'],
      ] as Array<[string, string, RegExp, string]>) {
        if (!Token.isUnresolved(value) && !pattern.test(value)) {
          errors.push(`dimensions.${prop} ('${value}') is not a full name. Use '${example}' (the ARN's part after 'loadbalancer/' or the target group ARN's last three parts).`);
        }
      }
      const kind = d.loadBalancerFullName.split('/')[0];
      const expected = d.loadBalancerType === ComponentLoadBalancerType.NETWORK ? 'net' : 'app';
      if (!Token.isUnresolved(d.loadBalancerFullName) && (kind === 'app' || kind === 'net') && kind !== expected) {
        errors.push(`dimensions.loadBalancerType (${d.loadBalancerType}) does not match dimensions.loadBalancerFullName ('${d.loadBalancerFullName}'). Use ComponentLoadBalancerType.${kind === 'net' ? 'NETWORK' : 'APPLICATION'}.`);
      }
      metric = new cloudwatch.Metric({
        namespace: d.loadBalancerType === ComponentLoadBalancerType.NETWORK ? 'AWS/NetworkELB' : 'AWS/ApplicationELB',
        metricName: 'HealthyHostCount',
        dimensionsMap: { LoadBalancer: d.loadBalancerFullName, TargetGroup: d.targetGroupFullName },
        ...metricOptions,
      });
    }
    throwErrors(where, errors);

    this.alarmRegion = region;
    this.alarmName = props.alarmName ?? TemporalComponentHealthAlarm.alarmNameFor(props.name, region);
    this.metric = metric!;
    this.alarm = new cloudwatch.Alarm(this, 'Alarm', {
      alarmName: this.alarmName,
      alarmDescription: props.alarmDescription
        ?? `Temporal component ${props.name} in ${region} has no healthy target (HealthyHostCount minimum < 1 for ${evaluationPeriods} consecutive minutes, missing data breaching). `
        + 'Route 53 failover health checks read this alarm by name: do not rename it.',
      metric: this.metric,
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      evaluationPeriods,
      datapointsToAlarm: evaluationPeriods,
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    });
  }

  /**
   * A failover target for this component: `dnsName` (e.g. its load balancer's DNS name) with this
   * alarm's name and region. Only `dnsName` may be a reference to this stack; the alarm is named, not
   * referenced.
   *
   * @param dnsName the DNS name the failover record points to in this region
   */
  public toFailoverTarget(dnsName: string): FailoverTarget {
    return { dnsName, region: this.alarmRegion, healthAlarmName: this.alarmName };
  }
}

/** `HealthyHostCount` of an ALB or NLB target group, or an error message. */
function healthyHostCountOf(targetGroup: elbv2.ITargetGroup, options: cloudwatch.MetricOptions): cloudwatch.IMetric | string {
  const withMetrics = targetGroup as Partial<elbv2.IApplicationTargetGroup> | Partial<elbv2.INetworkTargetGroup>;
  let metric: cloudwatch.Metric;
  try {
    const metrics = withMetrics.metrics;
    if (metrics === undefined || typeof metrics.healthyHostCount !== 'function') {
      return `targetGroup (${targetGroup.node.path}) is neither an Application nor a Network target group. Give an elbv2.ApplicationTargetGroup or elbv2.NetworkTargetGroup, or use dimensions.`;
    }
    metric = metrics.healthyHostCount(options);
  } catch (e) {
    return `targetGroup (${targetGroup.node.path}) has no load balancer to read metrics for (${(e as Error).message.split('\n')[0]}). `
      + 'Create the alarm after listener.addTargets(...), import it with loadBalancerArns, or use dimensions.';
  }
  if (metric.namespace !== 'AWS/ApplicationELB' && metric.namespace !== 'AWS/NetworkELB') {
    return `targetGroup (${targetGroup.node.path}) reports HealthyHostCount in ${metric.namespace}, not AWS/ApplicationELB or AWS/NetworkELB. Use dimensions.`;
  }
  return metric;
}

// ---------------------------------------------------------------------------------------------
// Failover health checks
// ---------------------------------------------------------------------------------------------

/** How a failover record's targets are health-checked. */
export enum FailoverHealthCheckType {
  /** A Route 53 `CLOUDWATCH_METRIC` health check on each target's CloudWatch alarm (works in private zones). */
  CLOUDWATCH_ALARM = 'cloudwatch-alarm',
  /** A Route 53 HTTPS health check from the internet (public zones and internet-reachable targets only). */
  HTTPS = 'https',
}

/** Options of `FailoverHealthCheck.cloudWatchAlarm`. */
export interface CloudWatchAlarmHealthCheckOptions {
  /**
   * The health check's status while CloudWatch has insufficient data to evaluate the alarm (for
   * example a new alarm, or CloudWatch impaired in the target's region).
   *
   * The default, `UNHEALTHY`, moves traffic away from a target whose health cannot be seen, but
   * never onto an unknown one: Route 53 answers with the secondary only while the secondary is
   * healthy, and with the primary whenever the secondary is unhealthy. `LAST_KNOWN_STATUS`
   * (Route 53's own default) keeps traffic where it was, which during a regional outage that also
   * silences CloudWatch means no failover.
   *
   * @default route53.InsufficientDataHealthStatusEnum.UNHEALTHY
   */
  readonly insufficientDataHealthStatus?: route53.InsufficientDataHealthStatusEnum;
}

/** Options of `FailoverHealthCheck.https`. */
export interface HttpsHealthCheckOptions {
  /**
   * The path requested (expects 2xx or 3xx).
   *
   * @default '/health'
   */
  readonly path?: string;
  /**
   * The port checked.
   *
   * @default 443
   */
  readonly port?: number;
  /**
   * Seconds between checks by each Route 53 health checker: 10 or 30.
   *
   * @default Duration.seconds(30)
   */
  readonly requestInterval?: Duration;
  /**
   * Consecutive failed (or passed) checks before the status changes, 1 to 10.
   *
   * @default 3
   */
  readonly failureThreshold?: number;
}

/**
 * How `TemporalFailoverRecord` checks the health of its targets: `cloudWatchAlarm()` (the default,
 * required in private hosted zones) or `https(...)` (public zones only).
 */
export class FailoverHealthCheck {
  /**
   * A `CLOUDWATCH_METRIC` health check per target on the target's alarm (`healthAlarmName` in
   * `region`, e.g. a `TemporalComponentHealthAlarm`). The only kind that works in a private hosted
   * zone, where Route 53 health checkers cannot reach the targets.
   */
  public static cloudWatchAlarm(options: CloudWatchAlarmHealthCheckOptions = {}): FailoverHealthCheck {
    return new FailoverHealthCheck(FailoverHealthCheckType.CLOUDWATCH_ALARM, options, {});
  }

  /**
   * An HTTPS health check per target, from Route 53's health checkers on the internet, on the
   * target's `dnsName`. Public hosted zones only, with internet-facing targets: an internal load
   * balancer is never reachable, so it would always be unhealthy.
   */
  public static https(options: HttpsHealthCheckOptions = {}): FailoverHealthCheck {
    return new FailoverHealthCheck(FailoverHealthCheckType.HTTPS, {}, options);
  }

  /** The kind of health check. */
  public readonly kind: FailoverHealthCheckType;
  /** @internal */
  public readonly _alarm: CloudWatchAlarmHealthCheckOptions;
  /** @internal */
  public readonly _https: HttpsHealthCheckOptions;

  private constructor(kind: FailoverHealthCheckType, alarm: CloudWatchAlarmHealthCheckOptions, https: HttpsHealthCheckOptions) {
    this.kind = kind;
    this._alarm = alarm;
    this._https = https;
  }

  /** How the health check reads in messages, e.g. `FailoverHealthCheck.https()`. */
  public toString(): string {
    return this.kind === FailoverHealthCheckType.HTTPS ? 'FailoverHealthCheck.https()' : 'FailoverHealthCheck.cloudWatchAlarm()';
  }
}

// ---------------------------------------------------------------------------------------------
// Failover record
// ---------------------------------------------------------------------------------------------

/** One side (PRIMARY or SECONDARY) of a `TemporalFailoverRecord`. */
export interface FailoverTarget {
  /**
   * The DNS name the record answers with (a CNAME target), e.g. the component's load balancer DNS
   * name in that region. No scheme, port or path.
   */
  readonly dnsName: string;
  /** The AWS region of the target and of its health alarm, e.g. `us-east-1`. */
  readonly region: string;
  /**
   * The name of the target's CloudWatch alarm (ALARM = unhealthy), e.g.
   * `TemporalComponentHealthAlarm.alarmName`. Required with `FailoverHealthCheck.cloudWatchAlarm()`
   * (the default); ignored with `FailoverHealthCheck.https()`.
   *
   * @default - none (only valid with an HTTPS health check)
   */
  readonly healthAlarmName?: string;
  /**
   * The record's set identifier (unique among the records of this name).
   *
   * @default - `primary-<region>` or `secondary-<region>`
   */
  readonly setIdentifier?: string;
}

/** Construction properties of `TemporalFailoverRecord`. */
export interface TemporalFailoverRecordProps {
  /** The hosted zone to create the records in (a private zone per worker VPC, or a public zone). */
  readonly zone: route53.IHostedZone;
  /**
   * The record name, relative to the zone (`codec`) or fully qualified (`codec.orders.temporal.internal`).
   * Not the zone apex (a CNAME cannot be there).
   */
  readonly recordName: string;
  /** The target answered while it is healthy (or while the secondary is unhealthy). */
  readonly primary: FailoverTarget;
  /** The target answered while the primary is unhealthy and this one is healthy. */
  readonly secondary: FailoverTarget;
  /**
   * Whether `zone` is a private hosted zone. Needed only for an imported zone with an HTTPS health
   * check (an imported zone does not say which kind it is); otherwise it must match the zone.
   *
   * @default - detected for zones created in this app (`PrivateHostedZone`, `PublicHostedZone`, `HostedZone`)
   */
  readonly privateZone?: boolean;
  /**
   * How the targets are health-checked. Private zones must use `FailoverHealthCheck.cloudWatchAlarm()`
   * (Route 53 health checkers cannot reach addresses inside a VPC).
   *
   * @default FailoverHealthCheck.cloudWatchAlarm()
   */
  readonly healthCheck?: FailoverHealthCheck;
  /**
   * TTL of both records: clients keep the old answer this long after a failover.
   *
   * @default Duration.seconds(30)
   */
  readonly ttl?: Duration;
  /**
   * A comment on the records.
   *
   * @default - a description naming the failover target
   */
  readonly comment?: string;
}

/**
 * A Route 53 failover name for a component that runs in two regions (a codec server or a proxy):
 * a PRIMARY and a SECONDARY CNAME record of `recordName`, each with its own health check. Route 53
 * answers with the primary while it is healthy, with the secondary while the primary is unhealthy
 * and the secondary healthy, and with the primary again when both are unhealthy.
 *
 * Health checks default to `CLOUDWATCH_METRIC` checks on each target's alarm, named by
 * `{ healthAlarmName, region }` rather than referenced, so the records can live in any stack (for
 * example a per-region links stack that holds the worker VPC's private zone) without cross-region
 * references to the alarms. Give each worker VPC's private zone its own `TemporalFailoverRecord`:
 * every region resolves the same name with both records.
 *
 * Seed 000 (Active/Cold): "Put DNS or a load balancer in front of the Codec Server address, and
 * update it on failover".
 */
export class TemporalFailoverRecord extends Construct {
  /** The PRIMARY record. */
  public readonly primaryRecord: route53.CnameRecord;
  /** The SECONDARY record. */
  public readonly secondaryRecord: route53.CnameRecord;
  /** The health check of the primary target. */
  public readonly primaryHealthCheck: route53.HealthCheck;
  /** The health check of the secondary target. */
  public readonly secondaryHealthCheck: route53.HealthCheck;
  /** The record's fully qualified name, without a trailing dot (e.g. `codec.orders.temporal.internal`). */
  public readonly recordName: string;
  /** The kind of health check used. */
  public readonly healthCheckType: FailoverHealthCheckType;

  constructor(scope: Construct, id: string, props: TemporalFailoverRecordProps) {
    super(scope, id);
    const where = `TemporalFailoverRecord(${this.node.path})`;
    const errors: string[] = [];
    const healthCheck = props.healthCheck ?? FailoverHealthCheck.cloudWatchAlarm();
    const ttl = props.ttl ?? Duration.seconds(30);

    // --- Record name -------------------------------------------------------------------------
    const recordName = fullyQualified(props.recordName, props.zone);
    if (typeof recordName !== 'string') {
      errors.push(recordName.error);
    } else if (!Token.isUnresolved(recordName)) {
      if (!isDnsName(recordName)) {
        errors.push(`recordName ('${props.recordName}') is not a DNS name. Use a name such as 'codec' or 'codec.orders.temporal.internal'.`);
      } else if (recordName.toLowerCase() === stripDot(zoneNameOf(props.zone) ?? '').toLowerCase()) {
        errors.push(`recordName ('${props.recordName}') is the zone apex; a CNAME cannot be there. Use a name inside the zone, e.g. 'codec.${recordName}'.`);
      }
    }

    // --- Zone kind and the private-zone rule --------------------------------------------------
    const detected = detectPrivateZone(props.zone);
    if (props.privateZone !== undefined && detected !== undefined && props.privateZone !== detected) {
      errors.push(`privateZone (${props.privateZone}) contradicts the zone (${props.zone.node.path}), which is a ${detected ? 'private' : 'public'} hosted zone. Omit privateZone.`);
    }
    const privateZone = detected ?? props.privateZone;
    if (healthCheck.kind === FailoverHealthCheckType.HTTPS) {
      if (privateZone === true) {
        const rule = FAILOVER_PRIVATE_HEALTH_CHECK;
        errors.push(`[${rule.id}] healthCheck = ${healthCheck}: the ${typeof recordName === 'string' ? recordName : props.recordName} failover record is in a private zone, `
          + `where Route 53 health checkers cannot reach the ${props.primary.region} or ${props.secondary.region} target; it would never fail over (or always). `
          + 'Fix: use healthCheck: FailoverHealthCheck.cloudWatchAlarm() (the default) with a TemporalComponentHealthAlarm per target.');
      } else if (privateZone === undefined) {
        errors.push(`healthCheck = ${healthCheck} needs a public zone, but the zone (${props.zone.node.path}) is imported and does not say which kind it is. `
          + 'Set privateZone: false if it is public; a private zone needs FailoverHealthCheck.cloudWatchAlarm().');
      }
    }
    checkHttpsOptions(errors, healthCheck);
    const insufficient = healthCheck._alarm.insufficientDataHealthStatus ?? route53.InsufficientDataHealthStatusEnum.UNHEALTHY;

    // --- Targets ------------------------------------------------------------------------------
    const sides: Array<[string, FailoverTarget]> = [['primary', props.primary], ['secondary', props.secondary]];
    for (const [side, t] of sides) {
      checkTarget(errors, side, t, healthCheck.kind, typeof recordName === 'string' ? recordName : undefined);
    }
    if (same(stripDot(props.primary.dnsName), stripDot(props.secondary.dnsName))) {
      errors.push(`primary.dnsName and secondary.dnsName are both '${props.primary.dnsName}': the record could never fail over. Point the secondary at the other region's component.`);
    }
    if (healthCheck.kind === FailoverHealthCheckType.CLOUDWATCH_ALARM
      && same(props.primary.healthAlarmName, props.secondary.healthAlarmName) && same(props.primary.region, props.secondary.region)) {
      errors.push(`primary and secondary use the same health alarm ('${props.primary.healthAlarmName}' in ${props.primary.region}): both targets would always be healthy or unhealthy together. Give each target its own region's alarm.`);
    }
    const primaryId = props.primary.setIdentifier ?? setIdentifier('primary', props.primary.region);
    const secondaryId = props.secondary.setIdentifier ?? setIdentifier('secondary', props.secondary.region);
    for (const [prop, value] of [['primary.setIdentifier', primaryId], ['secondary.setIdentifier', secondaryId]]) {
      if (!Token.isUnresolved(value) && (value.length < 1 || value.length > 128)) {
        errors.push(`${prop} ('${value}') must be 1 to 128 characters. Omit it for the default.`);
      }
    }
    if (same(primaryId, secondaryId)) {
      errors.push(`primary and secondary have the same set identifier ('${primaryId}'). Give them different setIdentifier values, or omit them.`);
    }
    if (!Token.isUnresolved(ttl.toSeconds()) && ttl.toSeconds() > 300) {
      errors.push(`ttl (${ttl.toSeconds()} s) is above 300 s: clients would keep a failed region's address that long after failover. Use a short TTL such as Duration.seconds(30).`);
    }
    throwErrors(where, errors);

    // --- Resources ----------------------------------------------------------------------------
    this.recordName = recordName as string;
    this.healthCheckType = healthCheck.kind;
    const make = (side: 'Primary' | 'Secondary', target: FailoverTarget, identifier: string): [route53.HealthCheck, route53.CnameRecord] => {
      const check = healthCheck.kind === FailoverHealthCheckType.HTTPS
        ? new route53.HealthCheck(this, `${side}HealthCheck`, {
          type: route53.HealthCheckType.HTTPS,
          fqdn: stripDot(target.dnsName),
          port: healthCheck._https.port ?? 443,
          resourcePath: healthCheck._https.path ?? '/health',
          requestInterval: healthCheck._https.requestInterval ?? Duration.seconds(30),
          failureThreshold: healthCheck._https.failureThreshold ?? 3,
          enableSNI: true,
        })
        : new route53.HealthCheck(this, `${side}HealthCheck`, {
          type: route53.HealthCheckType.CLOUDWATCH_METRIC,
          alarmIdentifier: { name: target.healthAlarmName!, region: target.region },
          insufficientDataHealthStatus: insufficient,
        });
      if (!Token.isUnresolved(this.recordName) && !Token.isUnresolved(target.region)) {
        Tags.of(check).add('Name', `${this.recordName} ${side.toUpperCase()} (${target.region})`);
      }
      const record = new route53.CnameRecord(this, side, {
        zone: props.zone,
        recordName: props.recordName,
        domainName: target.dnsName,
        ttl,
        failover: side === 'Primary' ? route53.Failover.PRIMARY : route53.Failover.SECONDARY,
        setIdentifier: identifier,
        healthCheck: check,
        comment: props.comment ?? `Temporal component failover: ${side.toUpperCase()} target in ${target.region}`,
      });
      return [check, record];
    };
    [this.primaryHealthCheck, this.primaryRecord] = make('Primary', props.primary, primaryId);
    [this.secondaryHealthCheck, this.secondaryRecord] = make('Secondary', props.secondary, secondaryId);
  }
}

function checkTarget(errors: string[], side: string, t: FailoverTarget, type: FailoverHealthCheckType, recordName: string | undefined): void {
  if (!Token.isUnresolved(t.dnsName)) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(t.dnsName) || /[/:]/.test(t.dnsName) || !isDnsName(stripDot(t.dnsName))) {
      errors.push(`${side}.dnsName ('${t.dnsName}') is not a DNS name. Give the host only, without scheme, port or path, e.g. loadBalancer.loadBalancerDnsName.`);
    } else if (recordName !== undefined && !Token.isUnresolved(recordName) && stripDot(t.dnsName).toLowerCase() === recordName.toLowerCase()) {
      errors.push(`${side}.dnsName ('${t.dnsName}') is the record itself: the CNAME would loop. Point it at the component in ${t.region}.`);
    }
  }
  if (!Token.isUnresolved(t.region)) {
    if (/^aws-/.test(t.region)) {
      errors.push(`${side}.region ('${t.region}') is a Temporal Cloud region id. Use the AWS region, '${t.region.slice(4)}'.`);
    } else if (!/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(t.region)) {
      errors.push(`${side}.region ('${t.region}') is not an AWS region. Use e.g. 'us-east-1'.`);
    }
  }
  if (type === FailoverHealthCheckType.CLOUDWATCH_ALARM) {
    if (t.healthAlarmName === undefined || (!Token.isUnresolved(t.healthAlarmName) && t.healthAlarmName.trim() === '')) {
      errors.push(`${side}.healthAlarmName is not set, but FailoverHealthCheck.cloudWatchAlarm() reads each target's alarm. Set it to the ${t.region} component's TemporalComponentHealthAlarm.alarmName (or use alarm.toFailoverTarget(dnsName)).`);
    } else if (!Token.isUnresolved(t.healthAlarmName) && t.healthAlarmName.length > 255) {
      errors.push(`${side}.healthAlarmName is longer than 255 characters, which no CloudWatch alarm name is. Use the alarm's name.`);
    }
  }
}

function checkHttpsOptions(errors: string[], hc: FailoverHealthCheck): void {
  if (hc.kind !== FailoverHealthCheckType.HTTPS) return;
  const o = hc._https;
  if (o.path !== undefined && !Token.isUnresolved(o.path) && (!o.path.startsWith('/') || o.path.length > 255)) {
    errors.push(`healthCheck https path ('${o.path}') must start with '/' (at most 255 characters). Use e.g. '/health'.`);
  }
  if (o.port !== undefined && !Token.isUnresolved(o.port) && (!Number.isInteger(o.port) || o.port < 1 || o.port > 65535)) {
    errors.push(`healthCheck https port (${o.port}) must be a whole number from 1 to 65535. Use e.g. 443.`);
  }
  if (o.requestInterval !== undefined && !Token.isUnresolved(o.requestInterval.toSeconds()) && ![10, 30].includes(o.requestInterval.toSeconds())) {
    errors.push(`healthCheck https requestInterval (${o.requestInterval.toSeconds()} s) must be 10 or 30 seconds (Route 53's only intervals). Use Duration.seconds(30) or Duration.seconds(10).`);
  }
  if (o.failureThreshold !== undefined && !Token.isUnresolved(o.failureThreshold)
    && (!Number.isInteger(o.failureThreshold) || o.failureThreshold < 1 || o.failureThreshold > 10)) {
    errors.push(`healthCheck https failureThreshold (${o.failureThreshold}) must be a whole number from 1 to 10. Use e.g. 3.`);
  }
}

/** True for a private zone, false for a public one, undefined when the zone is imported (unknown). */
function detectPrivateZone(zone: route53.IHostedZone): boolean | undefined {
  if (zone instanceof route53.PrivateHostedZone) return true;
  if (zone instanceof route53.PublicHostedZone) return false;
  if (zone instanceof route53.HostedZone) {
    const cfn = zone.node.defaultChild;
    if (cfn instanceof route53.CfnHostedZone) {
      const vpcs = Stack.of(zone).resolve(cfn.vpcs);
      return Array.isArray(vpcs) && vpcs.length > 0;
    }
  }
  return undefined;
}

/** The zone's name, or undefined when the zone was imported without one. */
function zoneNameOf(zone: route53.IHostedZone): string | undefined {
  try {
    return zone.zoneName;
  } catch {
    return undefined;
  }
}

/** The record's FQDN without the trailing dot, as Route 53 (and CDK) will name it. */
function fullyQualified(recordName: string, zone: route53.IHostedZone): string | { error: string } {
  if (Token.isUnresolved(recordName)) return recordName;
  const name = recordName.trim();
  if (name === '') return { error: 'recordName is empty. Use a name such as \'codec\'.' };
  if (name.endsWith('.')) return stripDot(name);
  const zoneName = zoneNameOf(zone);
  if (zoneName === undefined) {
    return { error: `recordName ('${recordName}') is relative, but the zone (${zone.node.path}) was imported without its name. Give the fully qualified name with a trailing dot, e.g. '${recordName}.example.internal.', or import the zone with its zone name.` };
  }
  if (Token.isUnresolved(zoneName)) return `${name}.${zoneName}`;
  const z = stripDot(zoneName);
  return name.toLowerCase() === z.toLowerCase() || name.toLowerCase().endsWith(`.${z.toLowerCase()}`) ? name : `${name}.${z}`;
}

/** Whether two names are known and equal, ignoring case. */
function same(a?: string, b?: string): boolean {
  return a !== undefined && b !== undefined && !Token.isUnresolved(a) && !Token.isUnresolved(b) && a.toLowerCase() === b.toLowerCase();
}

function setIdentifier(side: string, region: string): string {
  return Token.isUnresolved(region) ? side : `${side}-${region}`;
}

function stripDot(s: string): string {
  return s.endsWith('.') ? s.slice(0, -1) : s;
}

function isDnsName(s: string): boolean {
  if (s.length < 1 || s.length > 253) return false;
  return s.split('.').every((label, i) => (i === 0 && label === '*') || /^[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$/.test(label));
}

function throwErrors(where: string, errors: string[]): void {
  if (errors.length === 0) return;
  throw new Error(errors.length === 1
    ? `${where}: ${errors[0]}`
    : `${where} has ${errors.length} errors:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
}

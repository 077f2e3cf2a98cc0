import { Duration, Stack, Tags, Token } from 'aws-cdk-lib';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';
import { FailoverHealthCheck } from './failover-health-check';
import {
  checkFailoverRecord, FAILOVER_RECORD_RULE, FailoverHealthCheckType, FailoverRecordInput, FailoverRecordSettings, FailoverSideSettings,
  FailoverTargetInput, resolveFailoverRecord,
} from '../../core/components/failover-record';
import { FAILOVER_GATE_OPEN, FAILOVER_GATE_TAG } from '../../core/components/failover-state';
import { InputChecker, isUnresolved } from '../../core/components/input';
import { throwIfProblems } from '../../core/errors';

// The names this module has always exported: the health alarm and the health check live beside it.
export * from './component-health-alarm';
export * from './failover-health-check';
export type { FailoverTargetInput } from '../../core/components/failover-record';

/**
 * One side (PRIMARY or SECONDARY) of a `TemporalFailoverRecord`: its DNS name, region, health alarm
 * name and set identifier (`TemporalComponentHealthAlarm.toFailoverTarget` makes one).
 */
export interface FailoverTarget extends FailoverTargetInput {}

/**
 * A gate on the PRIMARY record of a `TemporalFailoverRecord`: a Route 53 `CALCULATED` health check whose only child is the primary target's health
 * check. With `healthThreshold` 1 the primary's own health decides; with 2 (more than its one child) it is always unhealthy, so Route 53 answers
 * with the SECONDARY ("If you specify a number greater than the number of child health checks, Route 53 always considers this health check to be
 * unhealthy": https://docs.aws.amazon.com/Route53/latest/APIReference/API_UpdateHealthCheck.html). Moving a failover name on purpose is then one
 * `UpdateHealthCheck` call on the gate, found by its tag.
 */
export interface FailoverGate {
  /** The value of the gate health check's `temporal-ha:failover-gate` tag (the failover runbooks find gates by it). */
  readonly tag: string;
  /**
   * The gate's `HealthThreshold`: 1 (open: the primary's health decides) or 2 (closed: Route 53 answers with the secondary). A token (for example
   * a CloudFormation `Fn::If` on the failover state) is read at deploy time.
   * @default 1
   */
  readonly healthThreshold?: number;
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
   * @default - detected for zones created in this app (`PrivateHostedZone`, `PublicHostedZone`, `HostedZone`)
   */
  readonly privateZone?: boolean;
  /**
   * How the targets are health-checked. Private zones must use `FailoverHealthCheck.cloudWatchAlarm()`
   * (Route 53 health checkers cannot reach addresses inside a VPC).
   * @default FailoverHealthCheck.cloudWatchAlarm()
   */
  readonly healthCheck?: FailoverHealthCheck;
  /** TTL of both records: clients keep the old answer this long after a failover (at most 300 s). @default Duration.seconds(30) */
  readonly ttl?: Duration;
  /** A comment on the records. @default - a description naming the failover target */
  readonly comment?: string;
  /** Gate the PRIMARY record: a calculated health check over the primary's own, with a threshold that can close it on purpose. @default - none */
  readonly primaryGate?: FailoverGate;
}

/**
 * A Route 53 failover name for a component that runs in two regions (a codec server or a proxy): a PRIMARY and a SECONDARY CNAME record of
 * `recordName`, each with its own health check. Route 53 answers with the secondary only while the primary is unhealthy and the secondary healthy.
 * Health checks default to `CLOUDWATCH_METRIC` checks on each target's alarm, named by `{ healthAlarmName, region }` rather than referenced, so the
 * records can live in any stack (e.g. the one holding a worker VPC's private zone) without cross-region references. Give each worker VPC's private
 * zone its own `TemporalFailoverRecord`: every region resolves the same name.
 */
export class TemporalFailoverRecord extends Construct {
  /** The PRIMARY record. */
  public readonly primaryRecord: route53.CnameRecord;
  /** The SECONDARY record. */
  public readonly secondaryRecord: route53.CnameRecord;
  /** The health check of the primary target. */
  public readonly primaryHealthCheck: route53.HealthCheck;
  /** The gate of the PRIMARY record (its health check, over `primaryHealthCheck`), when `primaryGate` is given. */
  public readonly primaryGateHealthCheck?: route53.HealthCheck;
  /** The health check of the secondary target. */
  public readonly secondaryHealthCheck: route53.HealthCheck;
  /** The record's fully qualified name, without a trailing dot (e.g. `codec.orders.temporal.internal`). */
  public readonly recordName: string;
  /** The kind of health check used. */
  public readonly healthCheckType: FailoverHealthCheckType;

  constructor(scope: Construct, id: string, props: TemporalFailoverRecordProps) {
    super(scope, id);
    const zoneName = zoneNameOf(props.zone);
    const input: FailoverRecordInput = {
      ...props,
      zoneName,
      zoneLabel: props.zone.node.path,
      zoneIsPrivate: detectPrivateZone(props.zone),
      ttlSeconds: props.ttl?.toSeconds({ integral: false }),
      healthCheck: (props.healthCheck ?? FailoverHealthCheck.cloudWatchAlarm())._toInput(),
    };
    // CDK qualifies a relative record name with the zone's name, which an imported zone may lack.
    const c = new InputChecker(FAILOVER_RECORD_RULE, '', this.node.path);
    const name = isUnresolved(props.recordName) ? '' : props.recordName.trim();
    if (zoneName === undefined && name !== '' && !name.endsWith('.')) {
      c.add('recordName', props.recordName, `is relative, but the zone (${props.zone.node.path}) was imported without its name.`,
        `give the fully qualified name with a trailing dot, e.g. '${name}.example.internal.', or import the zone with its zone name.`);
    }
    throwIfProblems('TemporalFailoverRecord', this.node.path, [...checkFailoverRecord(input, this.node.path), ...c.hits]);

    const settings = resolveFailoverRecord(input);
    this.recordName = settings.recordName;
    this.healthCheckType = settings.healthCheck.type;
    this.primaryHealthCheck = this.healthCheck(settings, settings.primary);
    this.primaryGateHealthCheck = props.primaryGate && this.gate(settings, settings.primary, this.primaryHealthCheck, props.primaryGate);
    this.primaryRecord = this.record(props, settings, settings.primary, this.primaryGateHealthCheck ?? this.primaryHealthCheck);
    this.secondaryHealthCheck = this.healthCheck(settings, settings.secondary);
    this.secondaryRecord = this.record(props, settings, settings.secondary, this.secondaryHealthCheck);
  }

  /** One target's health check. */
  private healthCheck(s: FailoverRecordSettings, side: FailoverSideSettings): route53.HealthCheck {
    const hc = s.healthCheck;
    const check = new route53.HealthCheck(this, `${side.label}HealthCheck`, hc.type === FailoverHealthCheckType.HTTPS
      ? {
        type: route53.HealthCheckType.HTTPS,
        fqdn: side.dnsName,
        port: hc.https.port,
        resourcePath: hc.https.path,
        requestInterval: Duration.seconds(hc.https.requestIntervalSeconds),
        failureThreshold: hc.https.failureThreshold,
        enableSNI: hc.https.enableSni,
      }
      : {
        type: route53.HealthCheckType.CLOUDWATCH_METRIC,
        alarmIdentifier: { name: side.healthAlarmName!, region: side.region },
        insufficientDataHealthStatus: hc.insufficientDataHealthStatus as route53.InsufficientDataHealthStatusEnum,
      });
    if (!Token.isUnresolved(s.recordName) && !Token.isUnresolved(side.region)) Tags.of(check).add('Name', side.healthCheckName);
    return check;
  }

  /** One target's record, answered while `check` is healthy. */
  private record(
    props: TemporalFailoverRecordProps, s: FailoverRecordSettings, side: FailoverSideSettings, check: route53.IHealthCheck,
  ): route53.CnameRecord {
    return new route53.CnameRecord(this, side.label, {
      zone: props.zone,
      recordName: props.recordName,
      domainName: side.dnsName,
      ttl: Duration.seconds(s.ttlSeconds),
      failover: side.failover as route53.Failover,
      setIdentifier: side.setIdentifier,
      healthCheck: check,
      comment: props.comment ?? side.comment,
    });
  }

  /** A gate over a side's health check: a calculated health check with that check as its only child, tagged for the runbooks. */
  private gate(s: FailoverRecordSettings, side: FailoverSideSettings, child: route53.HealthCheck, gate: FailoverGate): route53.HealthCheck {
    const check = new route53.HealthCheck(this, `${side.label}GateHealthCheck`, {
      type: route53.HealthCheckType.CALCULATED,
      childHealthChecks: [child],
      healthThreshold: gate.healthThreshold ?? FAILOVER_GATE_OPEN,
    });
    if (!Token.isUnresolved(s.recordName) && !Token.isUnresolved(side.region)) Tags.of(check).add('Name', `${side.healthCheckName} gate`);
    Tags.of(check).add(FAILOVER_GATE_TAG, gate.tag);
    return check;
  }
}

/** True for a private zone, false for a public one, undefined when the zone is imported (unknown). */
function detectPrivateZone(zone: route53.IHostedZone): boolean | undefined {
  if (zone instanceof route53.PrivateHostedZone) return true;
  if (zone instanceof route53.PublicHostedZone) return false;
  const cfn = zone instanceof route53.HostedZone ? zone.node.defaultChild : undefined;
  if (!(cfn instanceof route53.CfnHostedZone)) return undefined;
  const vpcs = Stack.of(zone).resolve(cfn.vpcs);
  return Array.isArray(vpcs) && vpcs.length > 0;
}

/** The zone's name, or undefined when the zone was imported without one. */
function zoneNameOf(zone: route53.IHostedZone): string | undefined {
  try {
    return zone.zoneName;
  } catch {
    return undefined;
  }
}

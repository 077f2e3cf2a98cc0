import { Duration } from 'aws-cdk-lib';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { FailoverHealthCheckInput, FailoverHealthCheckType } from '../../core/components/failover-record';

export { FailoverHealthCheckType } from '../../core/components/failover-record';

/** Options of `FailoverHealthCheck.cloudWatchAlarm`. */
export interface CloudWatchAlarmHealthCheckOptions {
  /**
   * The health check's status while CloudWatch has insufficient data about the alarm (a new alarm, or CloudWatch impaired in the target's region).
   * `UNHEALTHY` moves traffic away from a target whose health cannot be seen, never onto an unknown one (Route 53 answers with the secondary only
   * while it is healthy); `LAST_KNOWN_STATUS` (Route 53's default) keeps traffic where it was, so a regional outage that also silences CloudWatch
   * would not fail over.
   * @default route53.InsufficientDataHealthStatusEnum.UNHEALTHY
   */
  readonly insufficientDataHealthStatus?: route53.InsufficientDataHealthStatusEnum;
}

/** Options of `FailoverHealthCheck.https`. */
export interface HttpsHealthCheckOptions {
  /** The path requested (expects 2xx or 3xx). @default '/health' */
  readonly path?: string;
  /** The port checked. @default 443 */
  readonly port?: number;
  /** Seconds between checks by each Route 53 health checker: 10 or 30. @default Duration.seconds(30) */
  readonly requestInterval?: Duration;
  /** Consecutive failed (or passed) checks before the status changes, 1 to 10. @default 3 */
  readonly failureThreshold?: number;
}

/**
 * How `TemporalFailoverRecord` checks the health of its targets: `cloudWatchAlarm()` (the default,
 * required in private hosted zones) or `https(...)` (public zones only).
 */
export class FailoverHealthCheck {
  /**
   * A `CLOUDWATCH_METRIC` health check per target on the target's alarm (`healthAlarmName` in `region`, e.g. a `TemporalComponentHealthAlarm`). The
   * only kind that works in a private hosted zone, where Route 53 health checkers cannot reach the targets.
   */
  public static cloudWatchAlarm(options: CloudWatchAlarmHealthCheckOptions = {}): FailoverHealthCheck {
    const { insufficientDataHealthStatus } = options;
    return new FailoverHealthCheck(FailoverHealthCheckType.CLOUDWATCH_ALARM, { insufficientDataHealthStatus });
  }

  /**
   * An HTTPS health check per target, from Route 53's health checkers on the internet, on the target's `dnsName`. Public hosted zones only, with
   * internet-facing targets: an internal load balancer is never reachable, so it would always be unhealthy.
   */
  public static https(options: HttpsHealthCheckOptions = {}): FailoverHealthCheck {
    return new FailoverHealthCheck(FailoverHealthCheckType.HTTPS, options);
  }

  /** The kind of health check. */
  public readonly kind: FailoverHealthCheckType;

  private constructor(kind: FailoverHealthCheckType, private readonly options: CloudWatchAlarmHealthCheckOptions & HttpsHealthCheckOptions) {
    this.kind = kind;
  }

  /** How the health check reads in messages, e.g. `FailoverHealthCheck.https()`. */
  public toString(): string {
    return this.kind === FailoverHealthCheckType.HTTPS ? 'FailoverHealthCheck.https()' : 'FailoverHealthCheck.cloudWatchAlarm()';
  }

  /** The engine-neutral health check input. @internal */
  public _toInput(): FailoverHealthCheckInput {
    const { requestInterval, ...rest } = this.options;
    return { type: this.kind, ...rest, requestIntervalSeconds: requestInterval?.toSeconds({ integral: false }) };
  }
}

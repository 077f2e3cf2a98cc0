/**
 * A failover name for a component that runs in two regions (a codec server or a proxy): a PRIMARY and a SECONDARY Route 53 CNAME record, a health
 * check per record, and the CloudWatch alarm (in each component's region) a health check reads. Its inputs, its defaults (written once), the checks
 * on them and the settings both engines emit. Failover records: https://docs.aws.amazon.com/Route53/latest/APIReference/API_ResourceRecordSet.html
 * Health check values: https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/health-checks-creating-values.html
 */
import { InputChecker, InputHit, isUnresolved, known } from './input';

/** Rule id of the checks on failover records, their health checks and health alarms. */
export const FAILOVER_RECORD_RULE = 'TEMPORAL_FAILOVER_RECORD_SETTINGS';
/** Rule id of the check that a failover record in a private zone is health-checked by alarms. */
export const FAILOVER_PRIVATE_HEALTH_CHECK_RULE = 'TEMPORAL_FAILOVER_PRIVATE_HEALTH_CHECK';

/** The kind of load balancer in front of a component, which decides the CloudWatch namespace. */
export enum ComponentLoadBalancerType {
  /** Application Load Balancer (codec server): namespace `AWS/ApplicationELB`. */
  APPLICATION = 'application',
  /** Network Load Balancer (proxy): namespace `AWS/NetworkELB`. */
  NETWORK = 'network',
}

/** How a failover record's targets are health-checked. */
export enum FailoverHealthCheckType {
  /** A Route 53 `CLOUDWATCH_METRIC` health check on each target's CloudWatch alarm (works in private zones). */
  CLOUDWATCH_ALARM = 'cloudwatch-alarm',
  /** A Route 53 HTTPS health check from the internet (public zones and internet-reachable targets only). */
  HTTPS = 'https',
}

const INSUFFICIENT_DATA_STATUSES = ['Healthy', 'Unhealthy', 'LastKnownStatus'];

/** Defaults, written once. */
export const FAILOVER_RECORD_DEFAULTS = {
  /** TTL of both records: clients keep the old answer this long after a failover. */
  ttlSeconds: 30,
  /** The component's health alarm: no healthy target in the target group. */
  alarm: {
    metricName: 'HealthyHostCount',
    statistic: 'Minimum',
    periodSeconds: 60,
    threshold: 1,
    comparisonOperator: 'LessThanThreshold',
    evaluationPeriods: 2,
    /** A region whose service is scaled to zero (cold) or stopped reporting is unhealthy. */
    treatMissingData: 'breaching',
  },
  healthCheck: {
    type: FailoverHealthCheckType.CLOUDWATCH_ALARM,
    /**
     * The status while CloudWatch has insufficient data about the alarm (`InsufficientDataHealthStatus`,
     * https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html). A region that is
     * down stops reporting: `LastKnownStatus` (Route 53's default) would keep answering with it,
     * `Unhealthy` fails over (never onto an unhealthy secondary: Route 53 then answers with the primary).
     */
    insufficientDataHealthStatus: 'Unhealthy',
  },
  /** HTTPS health checks (public zones only). */
  https: { port: 443, path: '/health', requestIntervalSeconds: 30, failureThreshold: 3 },
} as const;

/** The most a failover record's TTL may be: clients keep a failed region's address this long. */
export const MAX_TTL_SECONDS = 300;

/** The default name of a component's health alarm in a region: `temporal-<name>-<region>-no-healthy-targets`. */
export function componentHealthAlarmName(name: string, region: string): string {
  return `temporal-${name}-${region}-no-healthy-targets`;
}

/** The CloudWatch namespace of a load balancer type's `HealthyHostCount`. */
export function healthyHostCountNamespace(type: string): string {
  return type === ComponentLoadBalancerType.NETWORK ? 'AWS/NetworkELB' : 'AWS/ApplicationELB';
}

/** What a component's health alarm is given (both engines). */
export interface HealthAlarmInput {
  /** The component name (letters, digits, `.`, `_`, `-`), part of the default alarm name. */
  readonly name: string;
  /** The AWS region of the alarm (the component's). */
  readonly region: string;
  /** `application` or `network`. */
  readonly loadBalancerType?: string;
  /** Consecutive one-minute periods with no healthy target before the alarm fires. */
  readonly evaluationPeriods?: number;
  /** The alarm name (default: `componentHealthAlarmName(name, region)`). */
  readonly alarmName?: string;
  readonly alarmDescription?: string;
  /** The `HealthyHostCount` dimensions, when given as names. */
  readonly dimensions?: { readonly loadBalancerFullName: string; readonly targetGroupFullName: string };
}

/** The settings of a component's health alarm: what both engines write. */
export function resolveHealthAlarm(i: HealthAlarmInput) {
  const d = FAILOVER_RECORD_DEFAULTS.alarm;
  const evaluationPeriods = i.evaluationPeriods ?? d.evaluationPeriods;
  return {
    ...d,
    evaluationPeriods,
    datapointsToAlarm: evaluationPeriods,
    alarmName: i.alarmName ?? componentHealthAlarmName(i.name, i.region),
    description: i.alarmDescription
      ?? `Temporal component ${i.name} in ${i.region} has no healthy target (${d.metricName} minimum < ${d.threshold} for ${evaluationPeriods} consecutive minutes, `
      + 'missing data breaching). Route 53 failover health checks read this alarm by name: do not rename it.',
    namespace: healthyHostCountNamespace(i.loadBalancerType ?? ComponentLoadBalancerType.APPLICATION),
  };
}

/** A health alarm's resolved settings. */
export type HealthAlarmSettings = ReturnType<typeof resolveHealthAlarm>;

/**
 * Checks a health alarm's inputs. `opts.side` prefixes the props of one target (region, load
 * balancer type, dimensions) when a block makes an alarm per target; `opts.regionProp` names its region prop.
 */
export function checkHealthAlarm(i: HealthAlarmInput, path?: string,
  opts: { readonly side?: string; readonly regionProp?: string } = {}): InputHit[] {
  const c = new InputChecker(FAILOVER_RECORD_RULE, '', path);
  const own = (prop: string) => (opts.side ? `${opts.side}.${prop}` : prop);
  if (isUnresolved(i.name)) {
    c.add('name', i.name, 'is a token; the alarm name must be known at synth so that health checks in other stacks can name it.', "give a literal component name such as 'orders-codec'.");
  } else if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,149}$/.test(i.name ?? '')) {
    c.add('name', i.name, "must be 1 to 150 letters, digits, '.', '_' or '-', starting with a letter or digit.", "use e.g. 'orders-codec'.");
  }
  if (isUnresolved(i.region)) {
    c.add(own(opts.regionProp ?? 'region'), i.region, 'is unresolved (a region-agnostic stack), so the alarm\'s region, which health checks need, is unknown.',
      "give the stack env: { region: '...' }.");
  }
  if (isUnresolved(i.alarmName)) {
    c.add('alarmName', i.alarmName, 'is a token; health checks in other stacks find the alarm by name.', 'give a literal name, or omit it for the default.');
  } else if (i.alarmName !== undefined && (i.alarmName.length < 1 || i.alarmName.length > 255 || /[\u0000-\u001f\u007f]/.test(i.alarmName))) {
    c.add('alarmName', i.alarmName, 'must be 1 to 255 printable characters.', 'omit it for the default name.');
  }
  c.wholeNumber('evaluationPeriods', i.evaluationPeriods, 1, 1440, 'use one-minute periods, at most a day, e.g. 2.');
  const type = i.loadBalancerType;
  if (type !== undefined && !isUnresolved(type) && !Object.values<string>(ComponentLoadBalancerType).includes(type)) {
    c.add(own('loadBalancerType'), type, "is neither 'application' nor 'network'.", "use 'application' (codec server, ALB) or 'network' (proxy, NLB).");
  }
  if (i.dimensions) checkDimensions(c, i.dimensions, type, own('dimensions'));
  return c.hits;
}

function checkDimensions(c: InputChecker, d: NonNullable<HealthAlarmInput['dimensions']>, type: string | undefined, prefix: string): void {
  const names: Array<[string, string, RegExp, string]> = [
    ['loadBalancerFullName', d.loadBalancerFullName, /^(app|net)\/[^/]+\/[^/]+$/, "'app/<name>/<id>' (the load balancer ARN's part after 'loadbalancer/')"],
    ['targetGroupFullName', d.targetGroupFullName, /^targetgroup\/[^/]+\/[^/]+$/, "'targetgroup/<name>/<id>' (the target group ARN's last three parts)"],
  ];
  for (const [prop, value, pattern, example] of names) {
    if (!isUnresolved(value) && !pattern.test(value ?? '')) c.add(`${prefix}.${prop}`, value, 'is not a full name.', `use ${example}.`);
  }
  const kind = isUnresolved(d.loadBalancerFullName) ? undefined : d.loadBalancerFullName?.split('/')[0];
  const expected = type === ComponentLoadBalancerType.NETWORK ? 'net' : 'app';
  if ((kind === 'app' || kind === 'net') && kind !== expected) {
    c.add(`${prefix}.loadBalancerType`, type, `does not match dimensions.loadBalancerFullName ('${d.loadBalancerFullName}').`,
      `use ComponentLoadBalancerType.${kind === 'net' ? 'NETWORK' : 'APPLICATION'}.`);
  }
}

/** One side (PRIMARY or SECONDARY) of a failover record. */
export interface FailoverTargetInput {
  /** The DNS name the record answers with (a CNAME target), e.g. the component's load balancer DNS name in that region. No scheme, port or path. */
  readonly dnsName: string;
  /** The AWS region of the target and of its health alarm, e.g. `us-east-1`. */
  readonly region: string;
  /**
   * The name of the target's CloudWatch alarm (ALARM = unhealthy), e.g. `TemporalComponentHealthAlarm.alarmName`. Required with CloudWatch-alarm
   * health checks (the default); ignored with HTTPS health checks.
   * @default - none (only valid with an HTTPS health check)
   */
  readonly healthAlarmName?: string;
  /** The record's set identifier (unique among the records of this name). @default - `primary-<region>` or `secondary-<region>` */
  readonly setIdentifier?: string;
}

/** How a failover record's targets are health-checked (engine-neutral). */
export interface FailoverHealthCheckInput {
  readonly type: FailoverHealthCheckType;
  /** CloudWatch-alarm checks: `Healthy`, `Unhealthy` or `LastKnownStatus`. */
  readonly insufficientDataHealthStatus?: string;
  /** HTTPS checks: the path requested. */
  readonly path?: string;
  /** HTTPS checks: the port. */
  readonly port?: number;
  /** HTTPS checks: seconds between checks (10 or 30). */
  readonly requestIntervalSeconds?: number;
  /** HTTPS checks: consecutive results before the status changes (1 to 10). */
  readonly failureThreshold?: number;
}

/** What a failover record is given (both engines). */
export interface FailoverRecordInput {
  /** The record name, relative to the zone or fully qualified (a trailing dot is allowed). */
  readonly recordName: string;
  /** The zone's name, when known: relative names are qualified with it, and the apex is refused. */
  readonly zoneName?: string;
  /** The zone, for messages (its construct path or id). */
  readonly zoneLabel?: string;
  /** Whether the zone is private, when the engine can tell. */
  readonly zoneIsPrivate?: boolean;
  /** Whether the zone is private, as the user declared. */
  readonly privateZone?: boolean;
  readonly ttlSeconds?: number;
  readonly healthCheck?: FailoverHealthCheckInput;
  readonly primary: FailoverTargetInput;
  readonly secondary: FailoverTargetInput;
  /** The name of the targets' region prop in messages (`region`, or `awsRegion` in CDK for Terraform). */
  readonly regionProp?: string;
}

/** The settings of a failover record pair: what both engines write. */
export function resolveFailoverRecord(i: FailoverRecordInput) {
  const d = FAILOVER_RECORD_DEFAULTS;
  const hc = i.healthCheck ?? { type: d.healthCheck.type };
  /** The record's name, fully qualified (no trailing dot) when the zone name is known. */
  const recordName = qualifiedRecordName(i.recordName, i.zoneName);
  const side = (failover: 'PRIMARY' | 'SECONDARY', t: FailoverTargetInput) => ({
    failover,
    /** `Primary` or `Secondary`, for construct ids. */
    label: `${failover.charAt(0)}${failover.slice(1).toLowerCase()}`,
    dnsName: stripDot(t.dnsName),
    region: t.region,
    setIdentifier: t.setIdentifier ?? defaultSetIdentifier(failover, t.region),
    healthAlarmName: t.healthAlarmName,
    /** The `Name` tag of its health check. */
    healthCheckName: `${recordName} ${failover} (${t.region})`,
    comment: `Temporal component failover: ${failover} target in ${t.region}`,
  });
  return {
    recordName,
    ttlSeconds: i.ttlSeconds ?? d.ttlSeconds,
    healthCheck: {
      type: hc.type,
      /** Route 53's health check type. */
      route53Type: hc.type === FailoverHealthCheckType.HTTPS ? 'HTTPS' : 'CLOUDWATCH_METRIC',
      insufficientDataHealthStatus: hc.insufficientDataHealthStatus ?? d.healthCheck.insufficientDataHealthStatus,
      https: {
        port: hc.port ?? d.https.port,
        path: hc.path ?? d.https.path,
        requestIntervalSeconds: hc.requestIntervalSeconds ?? d.https.requestIntervalSeconds,
        failureThreshold: hc.failureThreshold ?? d.https.failureThreshold,
        enableSni: true,
      },
    },
    primary: side('PRIMARY', i.primary),
    secondary: side('SECONDARY', i.secondary),
  };
}

/** A failover record's resolved settings. */
export type FailoverRecordSettings = ReturnType<typeof resolveFailoverRecord>;
/** One record's resolved settings. */
export type FailoverSideSettings = FailoverRecordSettings['primary'];

/** Checks a failover record's inputs: the record name, the zone kind, the health check, the targets and the TTL. */
export function checkFailoverRecord(i: FailoverRecordInput, path?: string): InputHit[] {
  const c = new InputChecker(FAILOVER_RECORD_RULE, '', path);
  const recordName = qualifiedRecordName(i.recordName, i.zoneName);
  checkRecordName(c, i, recordName);
  const zoneHits = checkZoneKind(c, i, recordName, path);
  checkHealthCheckOptions(c, i.healthCheck);
  const s = resolveFailoverRecord(i);
  const type = s.healthCheck.type;
  checkTarget(c, 'primary', i.primary, type, recordName, i.regionProp);
  checkTarget(c, 'secondary', i.secondary, type, recordName, i.regionProp);
  checkPair(c, i, s);
  const ttl = i.ttlSeconds;
  c.wholeNumber('ttl', ttl, 0, Number.MAX_SAFE_INTEGER, 'give the TTL in whole seconds, e.g. 30.');
  if (known(ttl) && ttl! > MAX_TTL_SECONDS) {
    c.add('ttl', ttl, `is above ${MAX_TTL_SECONDS} s: clients would keep a failed region's address that long after failover.`,
      `use a short TTL such as ${FAILOVER_RECORD_DEFAULTS.ttlSeconds} s.`);
  }
  return [...zoneHits, ...c.hits];
}

function checkRecordName(c: InputChecker, i: FailoverRecordInput, recordName: string): void {
  if (isUnresolved(recordName)) return;
  if (recordName === '') {
    c.add('recordName', i.recordName, 'is empty.', "use a name such as 'codec'.");
  } else if (!isDnsName(recordName)) {
    c.add('recordName', i.recordName, 'is not a DNS name.', "use a name such as 'codec' or 'codec.orders.temporal.internal'.");
  } else if (known(i.zoneName) && recordName.toLowerCase() === stripDot(i.zoneName!).toLowerCase()) {
    c.add('recordName', i.recordName, 'is the zone apex, where a CNAME cannot be.', `use a name inside the zone, e.g. 'codec.${recordName}'.`);
  }
}

/** The zone-kind checks; the private-zone one is reported under its own rule. */
function checkZoneKind(c: InputChecker, i: FailoverRecordInput, recordName: string, path?: string): InputHit[] {
  const zone = i.zoneLabel ? `the zone (${i.zoneLabel})` : 'the zone';
  if (i.privateZone !== undefined && i.zoneIsPrivate !== undefined && i.privateZone !== i.zoneIsPrivate) {
    c.add('privateZone', i.privateZone, `contradicts ${zone}, which is a ${i.zoneIsPrivate ? 'private' : 'public'} hosted zone.`, 'omit privateZone.');
  }
  const privateZone = i.zoneIsPrivate ?? i.privateZone;
  if (i.healthCheck?.type !== FailoverHealthCheckType.HTTPS) return [];
  if (privateZone === undefined) {
    c.add('healthCheck', i.healthCheck.type, `needs a public zone, but ${zone} does not say which kind it is (an imported zone).`,
      'set privateZone: false if it is public; a private zone needs CloudWatch-alarm health checks.');
  }
  if (privateZone !== true) return [];
  const p = new InputChecker(FAILOVER_PRIVATE_HEALTH_CHECK_RULE, '', path);
  p.add('healthCheck', i.healthCheck.type, `the ${recordName} failover record is in a private zone, where Route 53 health checkers cannot reach `
    + `the ${i.primary.region} or ${i.secondary.region} target; it would never fail over (or always).`,
  'use CloudWatch-alarm health checks (FailoverHealthCheck.cloudWatchAlarm(), the default) with a health alarm per target.');
  return p.hits;
}

function checkHealthCheckOptions(c: InputChecker, hc: FailoverHealthCheckInput | undefined): void {
  if (hc === undefined) return;
  const status = hc.insufficientDataHealthStatus;
  if (status !== undefined && !isUnresolved(status) && !INSUFFICIENT_DATA_STATUSES.includes(status)) {
    c.add('healthCheck.insufficientDataHealthStatus', status, `is not one of ${INSUFFICIENT_DATA_STATUSES.join(', ')}.`, "use 'Unhealthy' (the default).");
  }
  if (hc.type !== FailoverHealthCheckType.HTTPS) return;
  if (hc.path !== undefined && !isUnresolved(hc.path) && (!hc.path.startsWith('/') || hc.path.length > 255)) {
    c.add('healthCheck.path', hc.path, "must start with '/' (at most 255 characters).", "use e.g. '/health'.");
  }
  c.wholeNumber('healthCheck.port', hc.port, 1, 65535, 'use e.g. 443.');
  const interval = hc.requestIntervalSeconds;
  if (known(interval) && ![10, 30].includes(interval!)) {
    c.add('healthCheck.requestInterval', interval, "is not 10 or 30 seconds, Route 53's only intervals.", 'use 30 s (or 10 s).');
  }
  c.wholeNumber('healthCheck.failureThreshold', hc.failureThreshold, 1, 10, 'use e.g. 3.');
}

function checkTarget(c: InputChecker, side: string, t: FailoverTargetInput, type: FailoverHealthCheckType, recordName: string, regionProp = 'region'): void {
  if (!isUnresolved(t.dnsName)) {
    const host = stripDot(t.dnsName ?? '');
    if (/[/:]/.test(host) || !isDnsName(host)) {
      c.add(`${side}.dnsName`, t.dnsName, 'is not a DNS name.', "give the host only, without scheme, port or path (the load balancer's DNS name).");
    } else if (!isUnresolved(recordName) && host.toLowerCase() === recordName.toLowerCase()) {
      c.add(`${side}.dnsName`, t.dnsName, 'is the record itself: the CNAME would loop.', `point it at the component in ${t.region}.`);
    }
  }
  if (!isUnresolved(t.region)) {
    if (/^aws-/.test(t.region ?? '')) {
      c.add(`${side}.${regionProp}`, t.region, 'is a Temporal Cloud region id.', `use the AWS region, '${t.region.slice(4)}'.`);
    } else if (!/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(t.region ?? '')) {
      c.add(`${side}.${regionProp}`, t.region, 'is not an AWS region.', "use e.g. 'us-east-1'.");
    }
  }
  if (type !== FailoverHealthCheckType.CLOUDWATCH_ALARM) return;
  const alarm = t.healthAlarmName;
  if (alarm === undefined || (!isUnresolved(alarm) && alarm.trim() === '')) {
    c.add(`${side}.healthAlarmName`, alarm, "is not set, but CloudWatch-alarm health checks read each target's alarm.",
      `set it to the ${t.region} component's alarm name (TemporalComponentHealthAlarm.alarmName, or use alarm.toFailoverTarget(dnsName)).`);
  } else if (!isUnresolved(alarm) && alarm.length > 255) {
    c.add(`${side}.healthAlarmName`, alarm, 'is longer than 255 characters, which no CloudWatch alarm name is.', "use the alarm's name.");
  }
}

function checkPair(c: InputChecker, i: FailoverRecordInput, s: FailoverRecordSettings): void {
  const { primary, secondary } = i;
  if (same(stripDot(primary.dnsName ?? ''), stripDot(secondary.dnsName ?? ''))) {
    c.add('secondary.dnsName', secondary.dnsName, 'is also primary.dnsName: the record could never fail over.', "point the secondary at the other region's component.");
  }
  const alarms = s.healthCheck.type === FailoverHealthCheckType.CLOUDWATCH_ALARM;
  if (alarms && same(primary.healthAlarmName, secondary.healthAlarmName) && same(primary.region, secondary.region)) {
    c.add('secondary.healthAlarmName', secondary.healthAlarmName, `is also the primary's health alarm (in ${primary.region}): both targets would always be healthy or unhealthy together.`,
      "give each target its own region's alarm.");
  }
  for (const [prop, value] of [['primary.setIdentifier', s.primary.setIdentifier], ['secondary.setIdentifier', s.secondary.setIdentifier]]) {
    if (!isUnresolved(value) && (value.length < 1 || value.length > 128)) c.add(prop, value, 'must be 1 to 128 characters.', 'omit it for the default.');
  }
  if (same(s.primary.setIdentifier, s.secondary.setIdentifier)) {
    c.add('secondary.setIdentifier', s.secondary.setIdentifier, 'is also the primary\'s set identifier.', 'give them different setIdentifier values, or omit them.');
  }
}

/** The record's name as Route 53 will hold it, without the trailing dot (as given when the zone name is unknown). */
export function qualifiedRecordName(recordName: string, zoneName?: string): string {
  if (isUnresolved(recordName)) return recordName;
  const name = (recordName ?? '').trim();
  if (name.endsWith('.') || zoneName === undefined || name === '') return stripDot(name);
  if (isUnresolved(zoneName)) return `${name}.${zoneName}`;
  const z = stripDot(zoneName);
  return name.toLowerCase() === z.toLowerCase() || name.toLowerCase().endsWith(`.${z.toLowerCase()}`) ? name : `${name}.${z}`;
}

/** `primary-<region>` / `secondary-<region>` (`primary` when the region is a token). */
function defaultSetIdentifier(failover: string, region: string): string {
  const side = failover.toLowerCase();
  return isUnresolved(region) ? side : `${side}-${region}`;
}

/** Whether two values are the same: the same token, or known and equal ignoring case. */
function same(a?: string, b?: string): boolean {
  if (a === undefined || b === undefined || a === '') return false;
  return a === b || (known(a, b) && a.toLowerCase() === b.toLowerCase());
}

function stripDot(s: string): string {
  return s.endsWith('.') ? s.slice(0, -1) : s;
}

function isDnsName(s: string): boolean {
  if (s.length < 1 || s.length > 253) return false;
  return s.split('.').every((label, i) => (i === 0 && label === '*') || /^[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$/.test(label));
}

/**
 * The failover state of a deployment: which AWS region each failover unit (a namespace whose Worker side can move between two AWS regions) has
 * active, kept in one SSM parameter per region and read at deploy time. Written once here: the names (state parameter, runbooks, role, gate tag,
 * capacity alarms), the unit planning, the capacities that follow the state, the capacity alarms' settings and the checks on the `failover`
 * props (rule TEMPORAL_FAILOVER_SETTINGS). Both engines emit what these say.
 */
import { DeploymentPattern, FleetRole, FleetState } from '../model';
import type {
  CapacityCounts, DeploymentPlan, DeploymentRequest, FailoverCapacity, PlannedCapacityAlarm, PlannedCloudOpsApi, PlannedFailover,
  PlannedFailoverUnit, PlannedFleet, PlannedNamespace, PlannedRegionalService, PlannedRunbook, RegionPlan, ServiceRef,
} from '../plan';
import { normalizeAwsRegion, temporalRegionId } from '../regions';
import { MAX_TTL_SECONDS } from './failover-record';
import { InputChecker, InputHit, isUnresolved } from './input';
import { FleetSizing, resolveFleetService, ServiceSettings } from './service';

/** Rule id of the checks on the `failover` props, a shard's `activeRegion` and `recoveryTimeObjective`. */
export const FAILOVER_SETTINGS_RULE = 'TEMPORAL_FAILOVER_SETTINGS';

/** The failover unit of a single-namespace pattern (a shard's unit is the shard name). */
export const MAIN_FAILOVER_UNIT = 'main';

/** Defaults, written once. */
export const FAILOVER_DEFAULTS = {
  /** The state parameter: `/<root>/<failover name>/<unit>/<leaf>`, an SSM `String` parameter holding an AWS region name. */
  parameter: { root: 'temporal-ha', leaf: 'active-region', type: 'String' },
  /**
   * The gate of a failover record's PRIMARY side: a Route 53 `CALCULATED` health check whose one child is the component's health check. A
   * threshold above the number of children makes it always unhealthy, so Route 53 answers with the SECONDARY record
   * (https://docs.aws.amazon.com/Route53/latest/APIReference/API_UpdateHealthCheck.html, HealthThreshold).
   */
  gate: { tagKey: 'temporal-ha:failover-gate', healthThresholdWhenActive: 1, healthThresholdWhenStandby: 2 },
  /** The Cloud Ops API (https://docs.temporal.io/cloud/high-availability/failovers/manage, "Cloud Ops API"). */
  cloudOpsApi: { baseUrl: 'https://saas-api.tmprl.cloud', apiVersion: 'v0.15.0' },
  /**
   * The capacity alarms: Container Insights' `RunningTaskCount` per ECS service
   * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-metrics-ECS.html), its minimum below the count the state
   * needs for 3 one-minute periods. Missing data (no task reports) is breaching while the region is active, not while it stands by.
   */
  capacityAlarm: {
    namespace: 'ECS/ContainerInsights',
    metricName: 'RunningTaskCount',
    statistic: 'Minimum',
    comparisonOperator: 'LessThanThreshold',
    periodSeconds: 60,
    evaluationPeriods: 3,
    treatMissingDataWhenActive: 'breaching',
    treatMissingDataWhenStandby: 'notBreaching',
  },
} as const;

/** Picks a value by the live failover state of `unit` (an engine's conditional: `Fn::If`, a Terraform conditional). */
export type StateValue = <T>(unit: string, whenActive: T, whenStandby: T) => T;

/** A capacity alarm as both engines write it: the plan's alarm with the metric, dimensions and the values the live state picks. */
export interface CapacityAlarmSettings {
  readonly alarmName: string;
  readonly description: string;
  readonly namespace: string;
  readonly metricName: string;
  /** Dimension name -> value (the service's cluster and service names, tokens allowed). */
  readonly dimensions: Record<string, string>;
  readonly statistic: string;
  readonly comparisonOperator: string;
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
  readonly threshold: number;
  readonly treatMissingData: string;
}

/**
 * The settings of a capacity alarm on the service `names` point at. A service that follows the failover state alarms on its active or standby
 * threshold as `value` picks; one without a unit never moves with the state, so the active-side values always apply.
 */
export function capacityAlarmSettings(alarm: PlannedCapacityAlarm, names: { readonly clusterName: string; readonly serviceName: string },
  value: StateValue): CapacityAlarmSettings {
  const a = FAILOVER_DEFAULTS.capacityAlarm;
  const byState = <T>(whenActive: T, whenStandby: T): T => (alarm.unit === undefined ? whenActive : value(alarm.unit, whenActive, whenStandby));
  return {
    alarmName: alarm.alarmName,
    description: alarm.description,
    namespace: a.namespace,
    metricName: a.metricName,
    dimensions: { ClusterName: names.clusterName, ServiceName: names.serviceName },
    statistic: a.statistic,
    comparisonOperator: a.comparisonOperator,
    periodSeconds: alarm.periodSeconds,
    evaluationPeriods: alarm.evaluationPeriods,
    datapointsToAlarm: alarm.evaluationPeriods,
    threshold: byState(alarm.minRunningWhenActive, alarm.minRunningWhenStandby),
    treatMissingData: byState<string>(a.treatMissingDataWhenActive, a.treatMissingDataWhenStandby),
  };
}

/** The gate's `HealthThreshold` while the record's primary region is the unit's active region (its one child decides). */
export const FAILOVER_GATE_OPEN = FAILOVER_DEFAULTS.gate.healthThresholdWhenActive;
/** The gate's `HealthThreshold` otherwise: more than its children, always unhealthy (Route 53 answers SECONDARY). */
export const FAILOVER_GATE_CLOSED = FAILOVER_DEFAULTS.gate.healthThresholdWhenStandby;
/** The tag key the runbooks find the gates by. */
export const FAILOVER_GATE_TAG = FAILOVER_DEFAULTS.gate.tagKey;

/** What AWS accepts in the names derived from the failover name. */
const LIMITS = {
  /** https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html (RoleName: 1-64). */
  roleName: 64,
  /** https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_CreateDocument.html (Name: 3-128 of [a-zA-Z0-9_.-]). */
  documentName: 128,
  /** https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html (AlarmName: 1-255). */
  alarmName: 255,
  /**
   * https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-parameter-name-constraints.html: a name, with its full ARN, is at most
   * 1011 characters; hierarchies are at most 15 levels deep. The ARN prefix is counted at its longest partition and region.
   */
  parameterArn: 1011,
  /** https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_CreateSecret.html (Name: 1-512 of [A-Za-z0-9/_+=.@-]). */
  secretName: 512,
} as const;

/** A failover name: lower case letters, digits and hyphens. */
const NAME = /^[a-z0-9-]+$/;
/** Prefixes SSM reserves for AWS's own documents (CreateDocument: "aws", "amazon", "amzn", any case). */
const RESERVED_DOCUMENT_PREFIXES = ['aws', 'amazon', 'amzn'];

/** The default failover name: the construct id, lower case, every character but `[a-z0-9-]` replaced by a hyphen. */
export function defaultFailoverName(constructId: string): string {
  return constructId.toLowerCase().replace(/[^a-z0-9-]/g, '-');
}

/** Failover names claimed in each app (by the construct tree's root): name -> the construct path of the deployment that has it. */
const CLAIMED_NAMES = new WeakMap<object, Map<string, string>>();

/**
 * Claims a failover name app-wide for the deployment at `constructPath`; returns the path of ANOTHER deployment that already has it (the same
 * deployment may claim again: cdktf plans twice). Two deployments with one name would write the same state parameters, runbooks, roles and alarms.
 */
export function claimFailoverName(scope: { readonly node: { readonly root: object } }, name: string, constructPath: string): string | undefined {
  const root = scope.node.root;
  let names = CLAIMED_NAMES.get(root);
  if (!names) CLAIMED_NAMES.set(root, names = new Map());
  const holder = names.get(name);
  if (holder === undefined) names.set(name, constructPath);
  return holder !== undefined && holder !== constructPath ? holder : undefined;
}

/** The deployment's failover name: `failover.name` as given (the rule checks it), else the default from the construct id. */
export function failoverNameOf(request: DeploymentRequest): string {
  return failoverNameFor(request.failover?.name, request.constructPath);
}

/** The failover name of the deployment at `constructPath` given `failover.name` (a string as given, else the default from the construct id). */
export function failoverNameFor(given: unknown, constructPath: string): string {
  return typeof given === 'string' ? given : defaultFailoverName(constructPath.split('/').pop() ?? constructPath);
}

/** The state parameter of a unit (the same name in each of its regions): `/temporal-ha/<failover name>/<unit>/active-region`. */
export function failoverParameterName(name: string, unit: string): string {
  const p = FAILOVER_DEFAULTS.parameter;
  return `/${p.root}/${name}/${unit}/${p.leaf}`;
}

/** The prefix of a unit's runbook and role names: the failover name, and the shard for a shard's unit. */
function unitBase(name: string, unit: string): string {
  return unit === MAIN_FAILOVER_UNIT ? name : `${name}-${unit}`;
}

/** The runbook that makes `region` active: `<name>[-<shard>]-activate-<region>`. */
export function activateDocumentName(name: string, unit: string, region: string): string {
  return `${unitBase(name, unit)}-activate-${region}`;
}

/** The runbook that scales `region` down to standby: `<name>[-<shard>]-standby-<region>`. */
export function standbyDocumentName(name: string, unit: string, region: string): string {
  return `${unitBase(name, unit)}-standby-${region}`;
}

/** The role both runbooks of `region` run as (IAM is global: the name carries the region): `<name>[-<shard>]-failover-<region>`. */
export function failoverRoleName(name: string, unit: string, region: string): string {
  return `${unitBase(name, unit)}-failover-${region}`;
}

/** The `temporal-ha:failover-gate` tag value of a failover record's gate: `<failover name>/<component>`. */
export function failoverGateTag(name: string, component: string): string {
  return `${name}/${component}`;
}

/** The capacity alarm of an ECS service in a region: `temporal-<failover name>-<service id>-<region>-running-tasks`. */
export function capacityAlarmName(name: string, serviceId: string, region: string): string {
  return `temporal-${name}-${serviceId}-${region}-running-tasks`;
}

/** No task in any count: a service on standby. */
export const STANDBY_CAPACITY: CapacityCounts = { desiredCount: 0, minCapacity: 0, maxCapacity: 0 };

/** The capacity of a Worker or starter fleet that follows a unit's state: its active counts, or nothing on standby. */
export function fleetFailoverCapacity(unit: string, sizing: FleetSizing | undefined): FailoverCapacity {
  const active = resolveFleetService(sizing, FleetState.ACTIVE);
  return {
    unit,
    whenActive: { desiredCount: active.activeDesiredCount, minCapacity: active.scaling!.minCapacity, maxCapacity: active.scaling!.maxCapacity },
    whenStandby: STANDBY_CAPACITY,
  };
}

/** The capacity of a codec server or proxy (a fixed task count) that follows a unit's state. */
export function componentFailoverCapacity(unit: string, settings: ServiceSettings): FailoverCapacity {
  const n = settings.activeDesiredCount;
  return { unit, whenActive: { desiredCount: n, minCapacity: n, maxCapacity: n }, whenStandby: STANDBY_CAPACITY };
}

/** A namespace's failover unit as its pattern plans it: its id, the AWS regions that can be active, and the declared active region. */
export interface FailoverUnitCandidate {
  readonly id: string;
  readonly namespace: PlannedNamespace;
  /** The namespace's primary (or its fleet region) first. */
  readonly regions: string[];
  readonly declaredActiveRegion: string;
}

/** The unit id of a namespace: `main`, or its shard. */
export function failoverUnitId(ns: PlannedNamespace): string {
  return ns.shard ?? MAIN_FAILOVER_UNIT;
}

/** The active region a namespace's failover options ask for, as written (a shard's `activeRegion`; `failover.activeRegion` otherwise). */
function askedActiveRegion(ns: PlannedNamespace, request: DeploymentRequest): unknown {
  return ns.shard !== undefined
    ? request.shards?.find((s) => s.name === ns.shard)?.activeRegion
    : request.failover?.activeRegion;
}

/**
 * The region a unit over `regions` declares active: the one asked for when it is one of them (else the rule reports it), by default the first.
 * Undefined when there is no unit (fewer than two regions).
 */
export function declaredActiveRegion(ns: PlannedNamespace, request: DeploymentRequest, regions: string[]): string | undefined {
  if (regions.length < 2) return undefined;
  const asked = askedActiveRegion(ns, request);
  const region = typeof asked === 'string' && !isUnresolved(asked) ? normalizeAwsRegion(asked) : undefined;
  return region !== undefined && regions.includes(region) ? region : regions[0];
}

/** The services of a region whose capacity follows `unit` (none when the region has no plan). */
function followers(region: RegionPlan | undefined, unit: string): ServiceRef[] {
  if (!region) return [];
  return [
    ...region.fleets.filter((f) => f.failoverCapacity?.unit === unit).map((f): ServiceRef => ({ kind: 'fleet', id: f.id })),
    ...region.codecServers.filter((s) => s.failoverCapacity?.unit === unit).map((s): ServiceRef => ({ kind: 'codec-server', id: s.id })),
    ...region.proxies.filter((s) => s.failoverCapacity?.unit === unit).map((s): ServiceRef => ({ kind: 'proxy', id: s.id })),
  ];
}

/**
 * Temporal's region id for each unit region, for the Cloud Ops API: the primary's, and the replica's for the other (on another cloud, the replica
 * the standby region's Workers follow).
 */
function temporalRegionIds(ns: PlannedNamespace, regions: string[]): Record<string, string> {
  const [first, second] = regions;
  return { [first]: temporalRegionId(ns.primaryRegion), [second]: temporalRegionId(ns.replicaRegion ?? second) };
}

/** The plan's failover part: the name, one unit per candidate (first of an id wins: duplicate shard names are reported elsewhere), the options. */
export function planFailover(request: DeploymentRequest, candidates: FailoverUnitCandidate[], regions: RegionPlan[]): PlannedFailover {
  const name = failoverNameOf(request);
  const seen = new Set<string>();
  const units: PlannedFailoverUnit[] = candidates.filter((c) => !seen.has(c.id) && seen.add(c.id)).map((c) => ({
    id: c.id,
    namespace: c.namespace.qualifiedName,
    pattern: c.namespace.pattern,
    regions: c.regions,
    declaredActiveRegion: c.declaredActiveRegion,
    parameterName: failoverParameterName(name, c.id),
    temporalRegionIds: temporalRegionIds(c.namespace, c.regions),
    runbooks: c.regions.map((awsRegion): PlannedRunbook => ({
      awsRegion,
      activateDocumentName: activateDocumentName(name, c.id, awsRegion),
      standbyDocumentName: standbyDocumentName(name, c.id, awsRegion),
      roleName: failoverRoleName(name, c.id, awsRegion),
      services: followers(regions.find((r) => r.awsRegion === awsRegion), c.id),
    })),
  }));
  const ops = request.failover?.cloudOpsApi;
  const d = FAILOVER_DEFAULTS.cloudOpsApi;
  const cloudOpsApi: PlannedCloudOpsApi | undefined = ops
    ? { apiKeySecretName: ops.apiKeySecretName, baseUrl: ops.baseUrl ?? d.baseUrl, apiVersion: ops.apiVersion ?? d.apiVersion }
    : undefined;
  return { name, units, cloudOpsApi, recoveryTimeObjectiveSeconds: request.failover?.recoveryTimeObjectiveSeconds };
}

/** The running task counts an ECS service needs: by the unit's state when it follows one, else always the same. */
function capacityNeeds(service: { failoverCapacity?: FailoverCapacity }, steady: number): { unit?: string; active: number; standby: number } {
  const fc = service.failoverCapacity;
  return fc ? { unit: fc.unit, active: fc.whenActive.minCapacity, standby: fc.whenStandby.minCapacity } : { active: steady, standby: steady };
}

/**
 * The capacity alarms of a region: one per ECS service that must run tasks (fleets: their minimum, a hot standby's `standbyMinCapacity`; codec
 * servers and proxies: their task count), on the count its unit's state needs when it follows one. A service that never runs a task has none.
 */
export function planCapacityAlarms(name: string, region: Pick<RegionPlan, 'awsRegion' | 'fleets' | 'codecServers' | 'proxies'>): PlannedCapacityAlarm[] {
  const a = FAILOVER_DEFAULTS.capacityAlarm;
  const alarm = (service: ServiceRef, label: string, needs: { unit?: string; active: number; standby: number }): PlannedCapacityAlarm[] => {
    if (needs.active === 0) return [];
    const when = needs.unit ? ` while ${region.awsRegion} is the active region of failover unit ${needs.unit} (${needs.standby} on standby)` : '';
    return [{
      service,
      alarmName: capacityAlarmName(name, service.id, region.awsRegion),
      description: `Temporal ${label} '${service.id}' in ${region.awsRegion} runs fewer than ${needs.active} tasks${when}: ${a.namespace} ${a.metricName} `
        + `${a.statistic.toLowerCase()} below the threshold for ${a.evaluationPeriods} one-minute periods. Needs Container Insights on the cluster.`,
      unit: needs.unit,
      minRunningWhenActive: needs.active,
      minRunningWhenStandby: needs.standby,
      periodSeconds: a.periodSeconds,
      evaluationPeriods: a.evaluationPeriods,
    }];
  };
  const fleetSteady = (f: PlannedFleet) => f.service!.scaling?.minCapacity ?? f.service!.desiredCount;
  const fleetLabel = (f: PlannedFleet) => (f.role === FleetRole.WORKER ? 'Worker fleet' : 'starter fleet');
  const componentSteady = (s: PlannedRegionalService & { settings: ServiceSettings }) => s.settings.desiredCount;
  return [
    ...region.fleets.filter((f) => f.service !== undefined)
      .flatMap((f) => alarm({ kind: 'fleet', id: f.id }, fleetLabel(f), capacityNeeds(f, fleetSteady(f)))),
    ...region.codecServers.flatMap((s) => alarm({ kind: 'codec-server', id: s.id }, 'codec server', capacityNeeds(s, componentSteady(s)))),
    ...region.proxies.flatMap((s) => alarm({ kind: 'proxy', id: s.id }, 'proxy', capacityNeeds(s, componentSteady(s)))),
  ];
}

// ---------------------------------------------------------------------------------------------
// Checks (rule TEMPORAL_FAILOVER_SETTINGS)
// ---------------------------------------------------------------------------------------------

/** A value only known at deploy time, reported as such (its token text means nothing to the user). */
function unresolved(c: InputChecker, prop: string, message: string, fix: string, path?: string): void {
  c.hits.push({ ruleId: FAILOVER_SETTINGS_RULE, prop, value: '(unresolved token)', message, fix, path });
}

/** Checks the failover props of a planned deployment. */
export function checkFailoverSettings(plan: DeploymentPlan): InputHit[] {
  const c = new InputChecker(FAILOVER_SETTINGS_RULE, '');
  checkName(c, plan);
  checkActiveRegions(c, plan);
  checkCloudOpsApi(c, plan.request);
  checkRecordTtl(c, plan);
  const rto = plan.request.failover?.recoveryTimeObjectiveSeconds;
  if (rto !== undefined && isUnresolved(rto)) {
    unresolved(c, 'recoveryTimeObjective', 'is not known at synth: the recovery-time estimate is compared with it when the app synthesizes.',
      'give a literal duration, e.g. 300 seconds.');
  } else if (rto !== undefined && !(typeof rto === 'number' && Number.isInteger(rto) && rto > 0)) {
    c.add('recoveryTimeObjective', rto, 'is not a positive whole number of seconds.', 'give the objective in whole seconds above 0, e.g. 300.');
  }
  return c.hits;
}

/** `failover.name` (or the construct id it defaults to): valid, and short enough for every name derived from it. */
function checkName(c: InputChecker, plan: DeploymentPlan): void {
  const given = plan.request.failover?.name;
  const name = plan.failover.name;
  const what = given === undefined ? `defaults to '${name}' (from the construct id), which` : 'is the failover name, which';
  if (isUnresolved(given)) {
    unresolved(c, 'failover.name', 'is not known at synth: it names the state parameter, runbooks and role that other regions refer to.',
      "give a literal name, e.g. 'orders'.");
    return;
  }
  const takenBy = plan.request.failoverNameTakenBy;
  if (takenBy !== undefined) {
    c.add('failover.name', given, `${what} is already the failover name of ${takenBy} in this app: both would write the same state parameters, `
      + 'runbooks, role and alarms.', `give one of them another failover.name, e.g. '${name}-2'.`);
    return;
  }
  if (given !== undefined && (typeof given !== 'string' || !NAME.test(given))) {
    c.add('failover.name', given, 'must be lower case letters, digits and hyphens: it names the state parameter, runbooks, role and alarms.',
      `use e.g. '${typeof given === 'string' ? defaultFailoverName(given) || 'orders' : 'orders'}'.`);
    return;
  }
  const reserved = RESERVED_DOCUMENT_PREFIXES.find((p) => name.startsWith(p));
  if (reserved && plan.failover.units.length > 0) {
    c.add('failover.name', given, `${what} starts with '${reserved}', a prefix Systems Manager reserves for AWS's own documents: the runbooks could not be created.`,
      given === undefined ? 'set failover.name to a name that does not start with aws, amazon or amzn.' : 'use a name that does not start with aws, amazon or amzn.');
    return;
  }
  const tooLong = longestOverLimit(plan);
  if (tooLong) {
    c.add('failover.name', given, `${what} makes the ${tooLong.what} '${tooLong.value}' (${tooLong.value.length} characters), over the ${tooLong.limit} AWS accepts.`,
      `use a failover.name of at most ${Math.max(1, name.length - (tooLong.value.length - tooLong.limit))} characters${tooLong.shard ? ' (or a shorter shard name)' : ''}.`);
  }
}

/** The first derived name over its limit, if any. */
function longestOverLimit(plan: DeploymentPlan): { what: string; value: string; limit: number; shard: boolean } | undefined {
  const arnPrefix = 'arn:aws-iso-b:ssm:ap-southeast-4:123456789012:parameter';
  const names = [
    ...plan.failover.units.flatMap((u) => [
      ...u.runbooks.flatMap((r) => [
        { what: 'IAM role name', value: r.roleName, limit: LIMITS.roleName, shard: u.id !== MAIN_FAILOVER_UNIT },
        { what: 'runbook name', value: r.activateDocumentName, limit: LIMITS.documentName, shard: u.id !== MAIN_FAILOVER_UNIT },
        { what: 'runbook name', value: r.standbyDocumentName, limit: LIMITS.documentName, shard: u.id !== MAIN_FAILOVER_UNIT },
      ]),
      { what: 'state parameter ARN', value: `${arnPrefix}${u.parameterName}`, limit: LIMITS.parameterArn, shard: u.id !== MAIN_FAILOVER_UNIT },
    ]),
    ...plan.regions.flatMap((r) => r.capacityAlarms.map((a) => ({ what: 'alarm name', value: a.alarmName, limit: LIMITS.alarmName, shard: false }))),
  ];
  return names.find((n) => n.value.length > n.limit);
}

/** `failover.activeRegion` and each shard's `activeRegion`: one of the unit's regions, known at synth. */
function checkActiveRegions(c: InputChecker, plan: DeploymentPlan): void {
  const { request } = plan;
  const asked = request.failover?.activeRegion;
  if (request.shards !== undefined) {
    if (asked !== undefined) {
      c.add('failover.activeRegion', asked, 'does not apply to regionally sharded namespaces: each shard is its own failover unit.',
        'remove it and set shards[i].activeRegion on the shards to fail over.');
    }
    request.shards.forEach((s, i) => {
      const unit = plan.failover.units.find((u) => u.id === s?.name);
      checkActiveRegion(c, `shards[${i}].activeRegion`, s?.activeRegion, unit, `${plan.constructPath}/${s?.name}`);
    });
    return;
  }
  checkActiveRegion(c, 'failover.activeRegion', asked, plan.failover.units.find((u) => u.id === MAIN_FAILOVER_UNIT));
}

function checkActiveRegion(c: InputChecker, prop: string, asked: string | undefined, unit: PlannedFailoverUnit | undefined, path?: string): void {
  if (asked === undefined) return;
  const at = new InputChecker(FAILOVER_SETTINGS_RULE, '', path);
  if (isUnresolved(asked)) {
    unresolved(at, prop, 'is not known at synth: the deployment decides from it which region runs the Workers.',
      `give a literal region${unit ? `: ${unit.regions.join(' or ')}` : ''}.`, path);
  } else if (!unit) {
    at.add(prop, asked, 'has nothing to choose between: the Workers do not run in two AWS regions here, so there is no failover state.',
      'remove it (or give the namespace a replica in another AWS region, with a pattern that runs Workers there).');
  } else if (typeof asked !== 'string' || !unit.regions.includes(normalizeAwsRegion(asked))) {
    at.add(prop, asked, `is not one of the regions this namespace's Workers can be active in (${unit.regions.join(', ')}).`,
      `set ${unit.regions.map((r) => `'${r}'`).join(' or ')}.`);
  }
  c.hits.push(...at.hits);
}

/** `failover.recordTtlSeconds`: a whole number of seconds a resolver may keep a failover name's answer, where there are failover names. */
function checkRecordTtl(c: InputChecker, plan: DeploymentPlan): void {
  const ttl = plan.request.failover?.recordTtlSeconds;
  if (ttl === undefined) return;
  if (isUnresolved(ttl)) {
    unresolved(c, 'failover.recordTtlSeconds', 'is not known at synth: it is a part of the recovery-time estimate.', 'give a literal number of seconds, e.g. 30.');
  } else if (!(typeof ttl === 'number' && Number.isInteger(ttl) && ttl >= 0 && ttl <= MAX_TTL_SECONDS)) {
    c.add('failover.recordTtlSeconds', ttl, `is not a whole number of seconds from 0 to ${MAX_TTL_SECONDS}: resolvers would keep a failed region's address too long.`,
      'use a short TTL such as 30.');
  } else if (plan.failoverRecords.length === 0) {
    c.add('failover.recordTtlSeconds', ttl, 'has no effect: the deployment has no failover names (componentRouting is not ComponentRouting.FAILOVER_DNS, or no codec server or proxy runs in two regions).',
      'remove it, or set componentRouting: ComponentRouting.FAILOVER_DNS.');
  }
}

/** `failover.cloudOpsApi`: a Secrets Manager secret name and an HTTPS base URL. */
function checkCloudOpsApi(c: InputChecker, request: DeploymentRequest): void {
  const ops = request.failover?.cloudOpsApi;
  if (ops === undefined) return;
  const secret = ops.apiKeySecretName;
  if (!isUnresolved(secret) && (typeof secret !== 'string' || !/^[A-Za-z0-9/_+=.@-]+$/.test(secret) || secret.length > LIMITS.secretName)) {
    c.add('failover.cloudOpsApi.apiKeySecretName', secret, `is not a Secrets Manager secret name (1 to ${LIMITS.secretName} letters, digits and /_+=.@-).`,
      "give the secret's name, e.g. 'temporal/cloud-ops-api-key' (the name, not the ARN).");
  }
  const url = ops.baseUrl;
  if (url !== undefined && !isUnresolved(url) && !(typeof url === 'string' && /^https:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(url))) {
    c.add('failover.cloudOpsApi.baseUrl', url, 'is not an https:// URL: the API key would be sent in the clear, or not at all.',
      `use '${FAILOVER_DEFAULTS.cloudOpsApi.baseUrl}' (or omit it).`);
  }
  const version = ops.apiVersion;
  if (version !== undefined && !isUnresolved(version) && !(typeof version === 'string' && /^\S+$/.test(version))) {
    c.add('failover.cloudOpsApi.apiVersion', version, 'is not an API version (one word, e.g. a `temporal-cloud-api-version` value).',
      `omit it for '${FAILOVER_DEFAULTS.cloudOpsApi.apiVersion}'.`);
  }
}

/** Whether a unit's capacity follows its state (Active/Cold): the other patterns keep both regions running. */
export function capacityFollowsState(pattern: DeploymentPattern): boolean {
  return pattern === DeploymentPattern.ACTIVE_COLD;
}

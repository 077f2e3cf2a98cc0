/**
 * The recovery-time model: how long the Worker side of each failover unit takes, after its active region fails, to process at full capacity in
 * the region that takes over. Time 0 is the moment the namespace fails over (Temporal's, or yours) and the activate runbook starts. The estimate
 * is a set of parallel paths (a fleet reconnecting, a cold fleet starting, a failover name moving), each a sequence of parts; the unit's estimate is
 * its longest path, and the part a user can shorten is the largest part on that path.
 *
 * Every figure is written once, in RECOVERY_TIME_MODEL, with the public page it comes from. Where AWS or Temporal publish no figure (Fargate task
 * launch time, Route 53's reaction to a health check's change), the figure is this library's stated assumption: the runbook prints each one.
 */
import { DeploymentPattern, EndpointKind, FleetState, WorkerRuntime } from '../model';
import type {
  DeploymentPlan, FailoverCapacity, PlannedFailoverRecord, PlannedFailoverUnit, PlannedFleet, PlannedRegionalService, RegionPlan,
} from '../plan';

/** One part of a recovery path. */
export interface RecoveryTimePart {
  /** Stable id of the kind of part, e.g. `image-pull`. */
  readonly id: string;
  /** What happens, for this deployment, e.g. `Fargate pulls and extracts the image of workers (0.5 vCPU)`. */
  readonly label: string;
  /** Whole seconds. */
  readonly seconds: number;
  /** What the figure assumes. */
  readonly assumption: string;
  /** The public page the figure comes from. */
  readonly source: string;
  /** The change that shortens this part. */
  readonly change: string;
}

/** A sequence of parts that must happen one after the other before something runs at full capacity in the new active region. */
export interface RecoveryPath {
  /** Stable id, e.g. `fleet/us-west-2/workers`. */
  readonly id: string;
  /** What the path brings back, e.g. `workers in us-west-2 (cold: scaled up by the runbook)`. */
  readonly label: string;
  readonly seconds: number;
  readonly parts: RecoveryTimePart[];
}

/** The estimate of one failover unit, for an outage of its declared active region. */
export interface UnitRecoveryTime {
  /** The failover unit (`main` or a shard). */
  readonly unit: string;
  readonly namespace: string;
  readonly pattern: DeploymentPattern;
  /** The region whose outage the estimate is for: the unit's declared active region. */
  readonly failedRegion: string;
  /** The region that takes over. */
  readonly activeRegion: string;
  /** The longest path, in seconds. */
  readonly totalSeconds: number;
  readonly paths: RecoveryPath[];
  /** The longest path. */
  readonly criticalPath: RecoveryPath;
  /** The largest part of the longest path. */
  readonly largestPart: RecoveryTimePart;
}

/** The deployment's recovery-time estimate: per failover unit, and the worst of them. */
export interface RecoveryTimeEstimate {
  /** The longest unit estimate, in seconds (0 when the deployment has no failover unit). */
  readonly totalSeconds: number;
  readonly units: UnitRecoveryTime[];
  /** The unit with the longest estimate (undefined without units). */
  readonly worstUnit?: UnitRecoveryTime;
}

const FARGATE_PULL = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-pull-behavior.html';
const FARGATE_PULL_TASK_SIZE = 'https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/pull-behavior.html';

/** The model's figures, each with its source. */
export const RECOVERY_TIME_MODEL = {
  /** Temporal Cloud's default (hybrid) failover: a graceful handover of at most 10 s, then forced. */
  namespaceFailover: { seconds: 10, source: 'https://docs.temporal.io/cloud/high-availability/failovers' },
  /** Temporal Core's retry of a Worker's task polls (TypeScript, Python, .NET and Ruby SDKs): exponential, at most 10 s apart, 20% jitter. */
  pollRetry: { maxIntervalSeconds: 10, jitter: 0.2, source: 'https://github.com/temporalio/sdk-core/blob/main/crates/client/src/retry.rs' },
  /** Temporal Core's HTTP/2 keepalive: a ping every 30 s, the connection closed when it is not answered within 15 s. */
  keepAlive: { intervalSeconds: 30, timeoutSeconds: 15, source: 'https://github.com/temporalio/sdk-core/blob/main/crates/client/src/options_structs.rs' },
  /** The Namespace Endpoint CNAME: TTL 15 s, clients converge in about twice the TTL; connections live at most 5 minutes. */
  namespaceDns: {
    ttlSeconds: 15,
    convergenceFactor: 2,
    maxConnectionLifetimeSeconds: 300,
    source: 'https://docs.temporal.io/cloud/high-availability/ha-connectivity',
  },
  /** The activate runbook (SSM Automation): its start, and each step that makes one AWS API call. */
  runbook: { startSeconds: 3, secondsPerStep: 2, source: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/automation-action-executeAwsApi.html' },
  /** Fargate: capacity, the task's network interface (awsvpc), scheduling. */
  fargateProvisioning: { seconds: 20, source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-recommendations.html' },
  /** Fargate's task launch rate per account and region: a bucket of 100 tasks, refilled at 20 per second. */
  fargateLaunchRate: { burstTasks: 100, tasksPerSecond: 20, source: 'https://docs.aws.amazon.com/AmazonECS/latest/userguide/throttling.html' },
  /** Fargate pulls the whole image for every task; extraction is CPU-bound, so a larger task extracts faster. */
  imagePull: {
    downloadSeconds: 15, extractSecondsPerVcpu: 15, assumedImage: 'about 300 MB compressed, in Amazon ECR in the same region', source: FARGATE_PULL,
  },
  /** The container's process starting, connecting to Temporal Cloud and polling. */
  containerStart: { seconds: 5, source: FARGATE_PULL },
  /** A target tracking policy's scale-out alarm: 3 one-minute datapoints above the target. */
  targetTrackingScaleOut: { datapoints: 3, periodSeconds: 60, source: 'https://docs.aws.amazon.com/autoscaling/application/userguide/target-tracking-scaling-policy-overview.html' },
  /** A new target of an Application Load Balancer serves after one passing health check (default interval 30 s; the library sets no other). */
  albFirstHealthCheck: { seconds: 30, source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html' },
  /** A new target of a Network Load Balancer: "It can take a few minutes for the registration process to complete and health checks to start." */
  nlbRegistration: { seconds: 120, source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/target-group-health-checks.html' },
  /** Route 53 acting on a health check's new status (an alarm's state, or a calculated check's threshold). */
  route53HealthCheck: { seconds: 30, source: 'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-determining-health-of-endpoints.html' },
  /** A Lambda function's first invocation in a new execution environment (cold start) with the Worker connecting. */
  lambdaColdStart: { seconds: 2, source: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html' },
  /** Fargate's largest task: 16 vCPU (the fastest extraction the model allows). */
  largestTaskVcpu: 16,
} as const;

const M = RECOVERY_TIME_MODEL;

/** Fargate CPU units per vCPU. */
const CPU_UNITS_PER_VCPU = 1024;

type Part = RecoveryTimePart;

function part(id: string, label: string, seconds: number, assumption: string, source: string, change: string): Part {
  return { id, label, seconds: Math.max(0, Math.ceil(seconds)), assumption, source, change };
}

function path(id: string, label: string, parts: Part[]): RecoveryPath {
  return { id, label, parts, seconds: parts.reduce((sum, p) => sum + p.seconds, 0) };
}

const USE_HOT = 'use Active/Hot (ActiveHotDeployment), whose standby fleet already runs';

function namespaceFailoverPart(): Part {
  return part('namespace-failover', 'the namespace fails over', M.namespaceFailover.seconds,
    `Temporal Cloud's default hybrid failover: a graceful handover of at most ${M.namespaceFailover.seconds} s, during which requests get a retryable `
    + '"Service unavailable"; Temporal fails the namespace over (or you trigger it) as the runbook starts.',
    M.namespaceFailover.source, 'none on the Worker side: the handover is Temporal Cloud\'s.');
}

function pollRetryPart(who: string): Part {
  const p = M.pollRetry;
  return part('poll-retry', `${who}: the next poll reaches the newly active replica`, p.maxIntervalSeconds * (1 + p.jitter),
    `polls that failed while the replica was passive are retried at most ${p.maxIntervalSeconds} s apart (+${p.jitter * 100}% jitter), Temporal Core's `
    + 'task poll retry policy; the Go and Java SDKs retry on their own schedules.', p.source,
    'nothing to change: this is the SDK\'s retry interval.');
}

function namespaceEndpointParts(who: string): Part[] {
  const k = M.keepAlive;
  const d = M.namespaceDns;
  return [
    part('keepalive-detection', `${who}: the SDK notices its connection to the failed region is dead`, k.intervalSeconds + k.timeoutSeconds,
      `the SDK's keepalive pings every ${k.intervalSeconds} s and closes a connection whose ping is unanswered after ${k.timeoutSeconds} s (Temporal Core's `
      + 'defaults); without a closed connection, Temporal Cloud\'s 5-minute maximum connection lifetime bounds the wait.', k.source,
      'use Regional Endpoints (Active/Hot: EndpointKind.REGIONAL, each fleet on its own region), or shorten the keepalive in the Worker\'s client options.'),
    part('namespace-dns', `${who}: the Namespace Endpoint resolves to the new active region`,
      Math.min(d.ttlSeconds * d.convergenceFactor, d.maxConnectionLifetimeSeconds),
      `the Namespace Endpoint's CNAME has a ${d.ttlSeconds} s TTL and clients converge in about ${d.convergenceFactor}x the TTL (Temporal).`, d.source,
      'use Regional Endpoints (Active/Hot), which need no DNS change at failover.'),
  ];
}

/** The runbook's work before a service's scale-up: its start, PutParameter, the best-effort copy, and the scale-up calls before the service's own. */
function runbookPart(scaleSteps: number): Part {
  const r = M.runbook;
  const steps = 2 + scaleSteps;
  return part('runbook-steps', `the activate runbook records the state and scales up (${steps} steps)`, r.startSeconds + r.secondsPerStep * steps,
    `the Automation execution starts in ${r.startSeconds} s and each step (PutParameter, the best-effort copy to the other regions, one `
    + `RegisterScalableTarget or UpdateService per service) takes about ${r.secondsPerStep} s; the copy is assumed to fail fast for a region that is down.`,
    r.source,
    `${USE_HOT}: nothing has to be scaled up at failover.`);
}

/** The parts of starting `tasks` cold Fargate tasks of a service with `cpu` CPU units, `launchTasks` tasks being launched at once in the region. */
function fargateStartParts(who: string, cpu: number, launchTasks: number): Part[] {
  const vcpu = cpu / CPU_UNITS_PER_VCPU;
  const rate = M.fargateLaunchRate;
  const pull = M.imagePull;
  return [
    part('fargate-provisioning', `${who}: ECS schedules the tasks and Fargate provisions them`, M.fargateProvisioning.seconds,
      'ECS places the tasks and Fargate provisions capacity and attaches each task\'s network interface (awsvpc: "several seconds", AWS); assumed '
      + `${M.fargateProvisioning.seconds} s, as AWS publishes no launch-time figure.`, M.fargateProvisioning.source, `${USE_HOT}.`),
    part('fargate-launch-rate', `${who}: Fargate admits ${launchTasks} task launches in this region`,
      Math.max(0, launchTasks - rate.burstTasks) / rate.tasksPerSecond,
      `Fargate launches up to ${rate.burstTasks} tasks at once per account and region, then ${rate.tasksPerSecond} per second; assumes this failover's `
      + 'tasks are the only launches in the account and region.', rate.source, 'run fewer, larger tasks, or use Active/Hot.'),
    part('image-pull', `${who}: Fargate pulls and extracts the image (${vcpu} vCPU)`, pull.downloadSeconds + pull.extractSecondsPerVcpu / vcpu,
      `Fargate pulls the whole image for every task: assumed ${pull.assumedImage}, downloaded in ${pull.downloadSeconds} s and extracted in `
      + `${pull.extractSecondsPerVcpu} s on 1 vCPU, faster on a larger task in proportion to its vCPUs (AWS: "Use a larger task size with additional vCPUs" `
      + `to extract the image faster, ${FARGATE_PULL_TASK_SIZE}).`,
      pull.source, 'use a larger task (more cpu), a smaller image, or Active/Hot.'),
    part('container-start', `${who}: the container starts and connects to Temporal Cloud`, M.containerStart.seconds,
      `assumed ${M.containerStart.seconds} s for the process to start, open its connection and poll.`, M.containerStart.source, `${USE_HOT}.`),
  ];
}

/** Whether a service starts from zero when its region takes over: it follows the state with no task on standby (or was planned cold). */
function startsCold(s: { readonly state: FleetState; readonly failoverCapacity?: FailoverCapacity }): boolean {
  const fc = s.failoverCapacity;
  return fc ? fc.whenStandby.desiredCount === 0 && fc.whenActive.desiredCount > 0 : s.state === FleetState.COLD_STANDBY;
}

/** The tasks a service runs once its region is active. */
function activeTasks(s: { readonly failoverCapacity?: FailoverCapacity }, fallback: number): number {
  return s.failoverCapacity?.whenActive.desiredCount ?? fallback;
}

/** What one unit's failover touches in the region that takes over. */
interface Scene {
  readonly plan: DeploymentPlan;
  readonly unit: PlannedFailoverUnit;
  readonly failed: string;
  readonly active: RegionPlan | undefined;
  /** Regions (other than the failed one) where this unit's namespace runs Workers. */
  readonly surviving: RegionPlan[];
  /** Tasks launched at once in the active region by this failover (every unit failing out of the same region). */
  readonly launchTasks: number;
  /** Scale-up steps of the runbook (RegisterScalableTarget per fleet, UpdateService per service). */
  readonly scaleSteps: number;
}

/** Something that serves namespaces and may follow a unit's state: a fleet, a codec server, a proxy. */
interface Serving {
  readonly namespace?: string;
  readonly namespaces?: string[];
  readonly failoverCapacity?: FailoverCapacity;
}

function servesUnit(unit: PlannedFailoverUnit, s: Serving): boolean {
  return s.failoverCapacity ? s.failoverCapacity.unit === unit.id : (s.namespace === unit.namespace || (s.namespaces ?? []).includes(unit.namespace));
}

/** A codec server or proxy with the settings the model reads. */
type ComponentService = PlannedRegionalService & { readonly settings?: { readonly cpu: number; readonly activeDesiredCount: number } };

type ColdComponent = { readonly kind: 'codec server' | 'proxy'; readonly service: ComponentService };

function coldServices(region: RegionPlan | undefined, unit: PlannedFailoverUnit): { fleets: PlannedFleet[]; components: ColdComponent[] } {
  if (!region) return { fleets: [], components: [] };
  const fleets = region.fleets.filter((f) => f.runtime === WorkerRuntime.FARGATE && servesUnit(unit, f) && startsCold(f));
  const components: ColdComponent[] = [
    ...region.codecServers.filter((c) => servesUnit(unit, c) && startsCold(c)).map((service) => ({ kind: 'codec server' as const, service })),
    ...region.proxies.filter((c) => servesUnit(unit, c) && startsCold(c)).map((service) => ({ kind: 'proxy' as const, service })),
  ];
  return { fleets, components };
}

function fleetCpu(f: PlannedFleet): number {
  return f.service?.cpu ?? CPU_UNITS_PER_VCPU / 2;
}

function fleetName(f: PlannedFleet): string {
  return `${f.id} in ${f.awsRegion}`;
}

/** A cold Fargate fleet: the runbook, the launch, the health check's start period. */
function coldFleetParts(scene: Scene, f: PlannedFleet): Part[] {
  const hc = f.service?.healthCheck;
  return [
    runbookPart(scene.scaleSteps),
    ...fargateStartParts(fleetName(f), fleetCpu(f), scene.launchTasks),
    ...(hc && hc.startPeriodSeconds > 0 ? [part('health-check-start-period', `${fleetName(f)}: the container health check's start period`, hc.startPeriodSeconds,
      `the container health check's start period (${hc.startPeriodSeconds} s) is taken as the time the Worker needs to be ready.`,
      'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html', 'shorten the health check\'s startPeriod if the Worker is ready sooner.')] : []),
  ];
}

/** A cold codec server or proxy: started like a fleet, then its load balancer's health checks. */
function coldComponentParts(scene: Scene, c: ComponentService, kind: 'codec server' | 'proxy'): Part[] {
  const w = `${kind} ${c.id} in ${c.awsRegion}`;
  const lb = kind === 'proxy'
    ? part('load-balancer-registration', `${w}: the Network Load Balancer registers the new tasks`, M.nlbRegistration.seconds,
      `assumed ${M.nlbRegistration.seconds} s, the low end of AWS's "a few minutes" for a Network Load Balancer to register a target and start its health checks.`,
      M.nlbRegistration.source, `${USE_HOT}: its proxies already run and are registered.`)
    : part('load-balancer-health-check', `${w}: the Application Load Balancer's first health check passes`, M.albFirstHealthCheck.seconds,
      `a new target serves after one passing health check, at most one interval (${M.albFirstHealthCheck.seconds} s, ELB's default) after registration.`,
      M.albFirstHealthCheck.source, `${USE_HOT}: its codec servers already run.`);
  return [runbookPart(scene.scaleSteps), ...fargateStartParts(w, c.settings?.cpu ?? CPU_UNITS_PER_VCPU / 4, scene.launchTasks), lb];
}

function componentOf(region: RegionPlan | undefined, kind: string, id: string | undefined) {
  if (!region || id === undefined) return undefined;
  const list: ComponentService[] = kind === 'proxy' ? region.proxies : region.codecServers;
  return list.find((c) => c.id === id);
}

/** The longer of several alternative part lists (they run in parallel: the slowest decides). */
function longest(...alternatives: Part[][]): Part[] {
  return alternatives.reduce((a, b) => (b.reduce((s, p) => s + p.seconds, 0) > a.reduce((s, p) => s + p.seconds, 0) ? b : a), []);
}

function fleetPaths(scene: Scene): RecoveryPath[] {
  const fargate = (r: RegionPlan) => r.fleets.filter((f) => servesUnit(scene.unit, f) && f.runtime === WorkerRuntime.FARGATE);
  return scene.surviving.flatMap((region) => fargate(region).flatMap((f) => {
    const proxy = f.viaProxy ? componentOf(region, 'proxy', f.proxyId) : undefined;
    const viaColdProxy = proxy && startsCold(proxy) ? coldComponentParts(scene, proxy, 'proxy') : [];
    if (region === scene.active && startsCold(f)) {
      const own = coldFleetParts(scene, f);
      const parts = longest(own, viaColdProxy);
      return [path(`fleet/${f.awsRegion}/${f.id}`, `${f.id} in ${f.awsRegion} (cold: started by the runbook${parts === own ? '' : ', waits for its proxy'})`, parts)];
    }
    const reconnect = f.endpoint === EndpointKind.REGIONAL
      ? [namespaceFailoverPart(), pollRetryPart(fleetName(f))]
      : longest([namespaceFailoverPart()], namespaceEndpointParts(fleetName(f)));
    const paths = [path(`fleet/${f.awsRegion}/${f.id}`, `${f.id} in ${f.awsRegion} (running: ${f.endpoint === EndpointKind.REGIONAL ? 'Regional' : 'Namespace'} Endpoint)`,
      longest(reconnect, viaColdProxy))];
    const standby = f.service && f.state === FleetState.HOT_STANDBY ? f.service.activeDesiredCount - f.service.desiredCount : 0;
    if (standby > 0) {
      paths.push(path(`fleet/${f.awsRegion}/${f.id}/scale-out`, `${f.id} in ${f.awsRegion} (scales out from its standby size)`, [
        part('autoscaling-scale-out', `${fleetName(f)}: target tracking scales out from standbyMinCapacity`, M.targetTrackingScaleOut.datapoints * M.targetTrackingScaleOut.periodSeconds,
          `the standby runs ${f.service!.desiredCount} of ${f.service!.activeDesiredCount} tasks; the CPU target tracking policy adds the rest once its scale-out alarm `
        + `has ${M.targetTrackingScaleOut.datapoints} one-minute datapoints above the target.`, M.targetTrackingScaleOut.source,
          'raise standbyMinCapacity to the active fleet\'s minimum (or omit it).'),
        ...fargateStartParts(fleetName(f), fleetCpu(f), standby),
      ]));
    }
    return paths;
  }));
}

function componentPaths(scene: Scene): RecoveryPath[] {
  return coldServices(scene.active, scene.unit).components.map(({ kind, service: c }) =>
    path(`${kind === 'proxy' ? 'proxy' : 'codec-server'}/${c.awsRegion}/${c.id}`, `${kind} ${c.id} in ${c.awsRegion} (cold: started by the runbook)`,
      coldComponentParts(scene, c, kind)));
}

function functionPaths(scene: Scene): RecoveryPath[] {
  return scene.surviving.flatMap((region) => region.functions.filter((fn) => fn.namespace === scene.unit.namespace).map((fn) =>
    path(`function/${fn.awsRegion}/${fn.namespace}`, `serverless Workers of ${fn.namespace} in ${fn.awsRegion}`, [
      namespaceFailoverPart(),
      part('lambda-cold-start', `Temporal Cloud invokes the function in ${fn.awsRegion}`, M.lambdaColdStart.seconds,
        `assumed ${M.lambdaColdStart.seconds} s for a new execution environment (cold start) and the Worker's connection.`, M.lambdaColdStart.source,
        'nothing to change on the AWS side.'),
    ])));
}

/** Seconds until every cold service of the scene runs its tasks (what the runbook's wait step waits for), from the end of its scale-up steps. */
function coldReadySeconds(scene: Scene): number {
  const { fleets, components } = coldServices(scene.active, scene.unit);
  const starts = [...fleets.map(fleetCpu), ...components.map((c) => c.service.settings?.cpu ?? CPU_UNITS_PER_VCPU / 4)]
    .map((cpu) => fargateStartParts('', cpu, scene.launchTasks).reduce((s, p) => s + p.seconds, 0));
  return Math.max(0, ...starts);
}

/** The runbook moving a failover name on purpose: its steps, the wait for the cold services, the Cloud Ops step, then the gate. */
function gatePart(scene: Scene): Part {
  const r = M.runbook;
  const steps = 2 + scene.scaleSteps + 1 + (scene.plan.failover.cloudOpsApi ? 1 : 0);
  const wait = coldReadySeconds(scene);
  return part('runbook-gate', 'the activate runbook moves the name (the gate health check\'s threshold)', r.startSeconds + r.secondsPerStep * steps + wait,
    `the runbook sets the gate after its ${steps} steps${wait ? ` and its wait for the cold services to run (${wait} s)` : ''}.`, r.source,
    'start the activate runbook as soon as the region fails (for example from an alarm).');
}

function alarmPart(rec: PlannedFailoverRecord, region: string, what: string): Part {
  const a = rec.alarms[region];
  return part('health-alarm-evaluation', `${rec.component} health alarm in ${region} ${what}`, a ? a.periodSeconds * a.evaluationPeriods : 0,
    a ? `the ${a.alarmName} alarm changes state after ${a.evaluationPeriods} periods of ${a.periodSeconds} s of the load balancer's ${a.metricName}.`
      : `no health alarm is planned in ${region}.`, 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html',
    'start the activate runbook as soon as the region fails: it moves the name without waiting for the alarms.');
}

/**
 * A failover name moves once the failed side is unhealthy (its alarm fires, or the runbook closes its gate, whichever is first) and the new side is
 * healthy (a cold component started, registered and its alarm back to OK), then Route 53 acts and resolvers' caches expire.
 */
function namePaths(scene: Scene): RecoveryPath[] {
  const active = scene.active?.awsRegion;
  if (active === undefined) return [];
  return scene.plan.failoverRecords.filter((rec) => recordOfUnit(rec, scene.unit, scene.failed, active)).map((rec) => {
    const kind = rec.component === 'proxy' ? 'proxy' : 'codec server';
    const component = componentOf(scene.active, rec.component, rec.primaryRegion === active ? rec.primaryComponentId : rec.secondaryComponentId);
    const ready = component && startsCold(component) ? [...coldComponentParts(scene, component, kind), alarmPart(rec, active, 'returns to OK')] : [];
    const byAlarm = alarmPart(rec, scene.failed, 'fires');
    const byGate = rec.gate ? gatePart(scene) : undefined;
    const leave = byGate && byGate.seconds < byAlarm.seconds ? byGate : byAlarm;
    return path(`name/${rec.recordName}`, `failover name ${rec.recordName}`, [
      ...longest([leave], ready),
      part('route53-health-check', `Route 53 acts on the ${rec.component} health checks`, M.route53HealthCheck.seconds,
        `assumed ${M.route53HealthCheck.seconds} s for Route 53 to act on a health check's new status (one health-checker interval); AWS publishes no figure.`,
        M.route53HealthCheck.source, 'nothing to change: Route 53\'s own delay.'),
      part('record-ttl', `resolvers keep the old answer for ${rec.recordName}`, rec.ttlSeconds,
        `the record's TTL (${rec.ttlSeconds} s): resolvers may answer from their cache that long.`,
        'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resource-record-sets-values-failover.html', 'lower the failover record TTL.'),
    ]);
  });
}

function recordOfUnit(rec: PlannedFailoverRecord, unit: PlannedFailoverUnit, failed: string, active: string): boolean {
  if (rec.gate) return rec.gate.unit === unit.id;
  const sides = [rec.primaryRegion, rec.secondaryRegion];
  return sides.includes(failed) && sides.includes(active);
}

function sceneOf(plan: DeploymentPlan, unit: PlannedFailoverUnit): Scene | undefined {
  const failed = unit.declaredActiveRegion;
  const target = unit.regions.find((r) => r !== failed);
  if (target === undefined) return undefined;
  const active = plan.regions.find((r) => r.awsRegion === target);
  const launchTasks = plan.failover.units.filter((u) => u.declaredActiveRegion === failed).reduce((sum, u) => {
    const { fleets, components } = coldServices(active, u);
    return sum + fleets.reduce((s, f) => s + activeTasks(f, f.service?.activeDesiredCount ?? 0), 0)
      + components.reduce((s, c) => s + activeTasks(c.service, c.service.settings?.activeDesiredCount ?? 0), 0);
  }, 0);
  const { fleets, components } = coldServices(active, unit);
  return {
    plan,
    unit,
    failed,
    active,
    launchTasks,
    surviving: plan.regions.filter((r) => r.awsRegion !== failed),
    scaleSteps: fleets.length * 2 + components.length,
  };
}

function estimateUnit(plan: DeploymentPlan, unit: PlannedFailoverUnit): UnitRecoveryTime | undefined {
  const scene = sceneOf(plan, unit);
  if (!scene) return undefined;
  const paths = [
    path('namespace', `namespace ${unit.namespace}`, [namespaceFailoverPart()]),
    ...fleetPaths(scene), ...componentPaths(scene), ...functionPaths(scene), ...namePaths(scene),
  ];
  const criticalPath = paths.reduce((a, b) => (b.seconds > a.seconds ? b : a));
  const largestPart = criticalPath.parts.reduce((a, b) => (b.seconds > a.seconds ? b : a));
  return {
    unit: unit.id,
    namespace: unit.namespace,
    pattern: unit.pattern,
    failedRegion: scene.failed,
    activeRegion: scene.active?.awsRegion ?? '',
    totalSeconds: criticalPath.seconds,
    paths,
    criticalPath,
    largestPart,
  };
}

/** The recovery-time estimate of a planned deployment: per failover unit, for an outage of the unit's declared active region. */
export function estimateRecoveryTime(plan: DeploymentPlan): RecoveryTimeEstimate {
  const units = (plan.failover?.units ?? []).flatMap((u) => estimateUnit(plan, u) ?? []);
  const worstUnit = units.length ? units.reduce((a, b) => (b.totalSeconds > a.totalSeconds ? b : a)) : undefined;
  return { totalSeconds: worstUnit?.totalSeconds ?? 0, units, worstUnit };
}

/**
 * The fastest an Active/Cold fleet can start in this model: the runbook, provisioning, the image on the largest task, the container. An objective
 * below it cannot be met by any Active/Cold sizing.
 */
export function coldStartFloorSeconds(): number {
  return [runbookPart(2), ...fargateStartParts('', M.largestTaskVcpu * CPU_UNITS_PER_VCPU, 1)].reduce((s, p) => s + p.seconds, 0);
}

/**
 * An ECS Fargate service of the library's: a Worker or starter fleet, a codec server, a proxy. Its
 * sizing inputs, their defaults, the checks on them and the settings both engines emit.
 */
import { FleetState } from '../model';
import { InputChecker, InputHit, isUnresolved, known } from './input';

/** CPU architecture of a task's image. */
export enum CpuArchitecture {
  /** x86-64. */
  X86_64 = 'X86_64',
  /** 64-bit ARM (Graviton). */
  ARM64 = 'ARM64',
}

/** Rule id of the sizing checks (tasks, CPU, memory, counts, stop timeout, health check). */
export const SERVICE_SIZING_RULE = 'TEMPORAL_SERVICE_SIZING';
/** Rule id of the checks on `standbyMinCapacity` (an Active/Hot standby fleet's task count). */
export const STANDBY_MIN_CAPACITY_RULE = 'TEMPORAL_STANDBY_MIN_CAPACITY';

/** How a fleet of Workers or starters is sized and scaled (both engines' fleet options and Worker service props extend this). */
export interface FleetSizing {
  /** Fargate CPU units per task: 256, 512, 1024, 2048, 4096, 8192 or 16384. @default 512 */
  readonly cpu?: number;
  /** Memory per task, in MiB; a size Fargate offers for `cpu` (e.g. 1024 to 4096 for 512 CPU units). @default 1024 */
  readonly memoryLimitMiB?: number;
  /**
   * Lowest task count autoscaling may set: the task count of a running (active or hot standby)
   * fleet (a hot standby keeps `standbyMinCapacity` instead, when set). A cold standby fleet runs 0
   * tasks and is scaled to this on failover.
   * @default 2 (a Worker service given a lower `desiredCount`: that count)
   */
  readonly minCapacity?: number;
  /** Highest task count autoscaling may set. @default 10, or the minimum (or desired) count when higher */
  readonly maxCapacity?: number;
  /** Average CPU utilization the fleet is scaled to keep (target tracking), in percent. @default 60 */
  readonly targetCpuUtilizationPercent?: number;
  /** CPU architecture of the image. @default CpuArchitecture.X86_64 */
  readonly cpuArchitecture?: CpuArchitecture;
  /**
   * Active/Hot only: the task count the hot standby fleet keeps (its autoscaling minimum and its
   * desired count at deployment; an idle standby scales in to its minimum). Set it to the active
   * fleet's steady state so that a failover lands on a fleet that can take the load at once, not on
   * a skeleton fleet. By default the standby keeps `minCapacity`, which is a full-size standby only
   * when `minCapacity` is the active fleet's steady state. 0 is refused (a hot standby without tasks
   * is a cold standby: use Active/Cold); so is a value above `maxCapacity`, and any value where the
   * fleet has no hot standby (other patterns, starters, a Worker service block on its own).
   * @default - minCapacity: the standby keeps the active fleet's minimum
   */
  readonly standbyMinCapacity?: number;
  /**
   * Seconds ECS waits after SIGTERM before it kills the container (`stopTimeout`; Fargate allows 2 to
   * 120). It must exceed the graceful shutdown time of the SDK's Worker (TypeScript
   * `shutdownGraceTime`, Go `WorkerStopTimeout`, Python `graceful_shutdown_timeout`, ...), so that
   * in-flight Activities finish (or are cancelled and reported) before SIGKILL. A Worker that exits
   * sooner is not delayed.
   * @default 120 (Fargate's maximum; ECS's own default is 30)
   */
  readonly stopTimeoutSeconds?: number;
  /**
   * A container health check: ECS replaces a task whose container is UNHEALTHY, and a deployment
   * waits for new tasks to be HEALTHY.
   * @default - none (a task is healthy while its container runs)
   */
  readonly healthCheck?: ContainerHealthCheck;
  /**
   * Extra, non-secret environment variables (task queue names and the like). Temporal's connection
   * variables are set by the library; credential variables are refused (they come from Secrets Manager).
   * @default - none
   */
  readonly environment?: { [key: string]: string };
}

/**
 * A container health check (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html),
 * in seconds; both engines write the same one.
 */
export interface ContainerHealthCheck {
  /**
   * The command: `['CMD', '/bin/healthcheck']`, or `['CMD-SHELL', 'curl -f http://localhost:8080/ || exit 1']`. A
   * command that starts with neither is run by the shell (`CMD-SHELL` is prepended). Exit code 0 is healthy.
   */
  readonly command: string[];
  /** Seconds between checks, 5 to 300. @default 30 */
  readonly intervalSeconds?: number;
  /** Seconds a check may take before it counts as failed, 2 to 60. @default 5 */
  readonly timeoutSeconds?: number;
  /** Failed checks in a row before the container is UNHEALTHY, 1 to 10. @default 3 */
  readonly retries?: number;
  /** Seconds after start during which failed checks do not count, 0 to 300. @default 0 */
  readonly startPeriodSeconds?: number;
}

/**
 * The sizing of a codec server or proxy: a fixed task count (both engines' options and block props extend this).
 * @internal a hidden base: jsii copies its props into the interfaces that extend it
 */
export interface ComponentSizing {
  /** Fargate CPU units per task. @default 256 */
  readonly cpu?: number;
  /** Memory per task, in MiB. @default 512 */
  readonly memoryLimitMiB?: number;
  /**
   * Tasks to run. A pattern runs this many wherever its Workers run or stand by hot, and 0 in a cold
   * standby region (scaled up on failover); a block runs exactly this many (`0`: a cold region's).
   * @default 2
   */
  readonly desiredCount?: number;
}

/** Defaults, written once. Fargate sizes: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#task_size */
export const SERVICE_DEFAULTS = {
  /** Workers and starters. */
  fleet: {
    cpu: 512,
    memoryLimitMiB: 1024,
    minCapacity: 2,
    maxCapacity: 10,
    targetCpuUtilizationPercent: 60,
    /** Target tracking cooldowns: scale out within a minute, scale in slowly. */
    scaleOutCooldownSeconds: 60,
    scaleInCooldownSeconds: 300,
    /**
     * Fargate's maximum: only a Worker still running after SIGTERM waits that long, and it gives in-flight Activities the most time to finish.
     * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html (stopTimeout: 2 to 120 s on Fargate, 30 s by default)
     */
    stopTimeoutSeconds: 120,
  },
  /** ECS's health check defaults, written out so that both engines emit the same values (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html). */
  healthCheck: { intervalSeconds: 30, timeoutSeconds: 5, retries: 3, startPeriodSeconds: 0 },
  /** Codec servers and proxies (small stateless HTTP/TCP services). */
  component: { cpu: 256, memoryLimitMiB: 512, desiredCount: 2 },
  /** CloudWatch Logs retention of every container log group, in days. */
  logRetentionDays: 30,
  cpuArchitecture: CpuArchitecture.X86_64,
} as const;

/** Autoscaling of a service (Workers and starters scale on CPU). */
export interface ServiceScaling {
  readonly minCapacity: number;
  readonly maxCapacity: number;
  readonly targetCpuUtilizationPercent: number;
  readonly scaleOutCooldownSeconds: number;
  readonly scaleInCooldownSeconds: number;
}

/** A service's resolved settings: what both engines write. */
export interface ServiceSettings {
  readonly cpu: number;
  readonly memoryLimitMiB: number;
  readonly cpuArchitecture: CpuArchitecture;
  /** Tasks at deployment (0 for a cold standby). */
  readonly desiredCount: number;
  /** Tasks to run when this region takes over (a cold standby's active size). */
  readonly activeDesiredCount: number;
  readonly scaling?: ServiceScaling;
  readonly logRetentionDays: number;
  /** The container's plain environment, keys sorted: the extra variables (and a codec server's or proxy's own, e.g. `PORT`). */
  readonly environment: Record<string, string>;
  /** Workers and starters: seconds between SIGTERM and SIGKILL (the container's `stopTimeout`). */
  readonly stopTimeoutSeconds?: number;
  /** Workers and starters: the container health check, every field set (undefined: none). */
  readonly healthCheck?: ResolvedHealthCheck;
}

/** A container health check with ECS's defaults filled in and the command prefixed (`CMD` or `CMD-SHELL`). */
export interface ResolvedHealthCheck {
  /** The command, starting with `CMD` or `CMD-SHELL`. */
  readonly command: string[];
  /** Seconds between checks. */
  readonly intervalSeconds: number;
  /** Seconds a check may take. */
  readonly timeoutSeconds: number;
  /** Failed checks before the container is unhealthy. */
  readonly retries: number;
  /** Seconds after start during which failures do not count. */
  readonly startPeriodSeconds: number;
}

/** A health check as both engines write it: ECS's defaults filled in, `CMD-SHELL` prepended to a bare command (as ECS requires a prefix). */
export function resolveHealthCheck(h: ContainerHealthCheck | undefined): ResolvedHealthCheck | undefined {
  if (h === undefined) return undefined;
  const d = SERVICE_DEFAULTS.healthCheck;
  const command = h.command ?? [];
  return {
    command: command[0] === 'CMD' || command[0] === 'CMD-SHELL' ? [...command] : ['CMD-SHELL', ...command],
    intervalSeconds: h.intervalSeconds ?? d.intervalSeconds,
    timeoutSeconds: h.timeoutSeconds ?? d.timeoutSeconds,
    retries: h.retries ?? d.retries,
    startPeriodSeconds: h.startPeriodSeconds ?? d.startPeriodSeconds,
  };
}

/**
 * The task counts of a Worker or starter service from what was given: the minimum defaults to 2 (or to a lower desired count, so that `desiredCount:
 * 0` is a cold fleet), the desired count to the minimum, the maximum to 10 or the highest of them (and of a hot standby's minimum).
 */
export function resolveServiceCounts(i: ServiceSizingInput = {}): { desiredCount: number; minCapacity: number; maxCapacity: number } {
  const d = SERVICE_DEFAULTS.fleet;
  const minCapacity = i.minCapacity ?? (known(i.desiredCount) ? Math.min(d.minCapacity, i.desiredCount!) : d.minCapacity);
  const desiredCount = i.desiredCount ?? minCapacity;
  const counts = [minCapacity, desiredCount, i.standbyMinCapacity].filter((v): v is number => known(v));
  const maxCapacity = i.maxCapacity ?? Math.max(d.maxCapacity, ...counts);
  return { desiredCount, minCapacity, maxCapacity };
}

/**
 * Settings of a Worker or starter fleet in a given state (a cold standby deploys 0 tasks, minimum 0; a hot standby keeps `standbyMinCapacity`
 * when given, else the active fleet's counts); a block used on its own may give its `desiredCount`.
 */
export function resolveFleetService(sizing: FleetSizing | undefined, state: FleetState, desiredCount?: number): ServiceSettings {
  const d = SERVICE_DEFAULTS.fleet;
  const standbyMinCapacity = sizing?.standbyMinCapacity;
  const counts = resolveServiceCounts({ minCapacity: sizing?.minCapacity, maxCapacity: sizing?.maxCapacity, desiredCount, standbyMinCapacity });
  const cold = state === FleetState.COLD_STANDBY;
  const standby = state === FleetState.HOT_STANDBY ? standbyMinCapacity : undefined;
  return {
    cpu: sizing?.cpu ?? d.cpu,
    memoryLimitMiB: sizing?.memoryLimitMiB ?? d.memoryLimitMiB,
    cpuArchitecture: sizing?.cpuArchitecture ?? SERVICE_DEFAULTS.cpuArchitecture,
    desiredCount: cold ? 0 : standby ?? counts.desiredCount,
    activeDesiredCount: counts.desiredCount,
    stopTimeoutSeconds: sizing?.stopTimeoutSeconds ?? d.stopTimeoutSeconds,
    healthCheck: resolveHealthCheck(sizing?.healthCheck),
    scaling: {
      minCapacity: cold ? 0 : standby ?? counts.minCapacity,
      maxCapacity: counts.maxCapacity,
      targetCpuUtilizationPercent: sizing?.targetCpuUtilizationPercent ?? d.targetCpuUtilizationPercent,
      scaleOutCooldownSeconds: d.scaleOutCooldownSeconds,
      scaleInCooldownSeconds: d.scaleInCooldownSeconds,
    },
    logRetentionDays: SERVICE_DEFAULTS.logRetentionDays,
    environment: sortedEnvironment(sizing?.environment),
  };
}

/** Settings of a codec server or proxy in a given state. */
export function resolveComponentService(input: ServiceSizingInput | undefined, state: FleetState): ServiceSettings {
  const d = SERVICE_DEFAULTS.component;
  const active = input?.desiredCount ?? d.desiredCount;
  return {
    cpu: input?.cpu ?? d.cpu,
    memoryLimitMiB: input?.memoryLimitMiB ?? d.memoryLimitMiB,
    cpuArchitecture: input?.cpuArchitecture ?? SERVICE_DEFAULTS.cpuArchitecture,
    desiredCount: state === FleetState.COLD_STANDBY ? 0 : active,
    activeDesiredCount: active,
    logRetentionDays: SERVICE_DEFAULTS.logRetentionDays,
    environment: sortedEnvironment(input?.environment),
  };
}

/** The same entries with keys in a stable order (both engines write them in this order). */
export function sortedEnvironment<T = string>(env: Record<string, T> | undefined): Record<string, T> {
  return Object.fromEntries(Object.entries(env ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** What a service block is given directly (a block used on its own can set the counts itself). */
export interface ServiceSizingInput extends FleetSizing {
  readonly desiredCount?: number;
}

/** Reports each variable of `env` that the library sets from a prop (`reserved`: variable -> prop). */
export function checkReservedEnvironment(c: InputChecker, env: Record<string, string> | undefined, reserved: Record<string, string>): void {
  for (const [name, value] of Object.entries(env ?? {})) {
    if (name in reserved) c.add(`environment.${name}`, value, `${name} is set by the library from ${reserved[name]}.`, `remove it and set ${reserved[name]} instead.`);
  }
}

/** Fargate task memory sizes per CPU value: from, to, step (MiB); 256 CPU units take 512, 1024 or 2048. */
const FARGATE_MEMORY: Record<number, readonly [number, number, number]> = {
  256: [512, 2048, 512],
  512: [1024, 4096, 1024],
  1024: [2048, 8192, 1024],
  2048: [4096, 16384, 1024],
  4096: [8192, 30720, 1024],
  8192: [16384, 61440, 4096],
  16384: [32768, 122880, 8192],
};

/**
 * Checks a service's sizing under `prefix` (e.g. `workers`, `codecServer`, or '' for a block's own props). Counts are checked as given (pass the
 * resolved minimum and maximum to check them against each other); CPU and memory are checked together as Fargate accepts them, an unset one taken at
 * its default (the fleet's, or the component's when `scaled` is false: codec servers and proxies, which have no autoscaling).
 */
export function checkServiceSizing(
  input: ServiceSizingInput | undefined, prefix: string, path?: string, opts: { readonly scaled?: boolean } = {},
): InputHit[] {
  const c = new InputChecker(SERVICE_SIZING_RULE, prefix, path);
  const i = input ?? {};
  const scaled = opts.scaled !== false;
  const defaults = scaled ? SERVICE_DEFAULTS.fleet : SERVICE_DEFAULTS.component;
  const cpu = i.cpu ?? defaults.cpu;
  const memory = i.memoryLimitMiB ?? defaults.memoryLimitMiB;
  const sizes = FARGATE_MEMORY[cpu];
  if (known(i.cpu) && !sizes) {
    c.add('cpu', i.cpu, 'is not a Fargate CPU value: the task definition would be rejected at deploy.', 'use 256, 512, 1024, 2048, 4096, 8192 or 16384.');
  }
  const before = c.hits.length;
  c.wholeNumber('memoryLimitMiB', i.memoryLimitMiB, 512, 122880, 'use a Fargate memory size valid for the CPU, e.g. 1024 for 512 CPU units.');
  const fits = sizes && memory >= sizes[0] && memory <= sizes[1] && (memory - sizes[0]) % sizes[2] === 0 && !(cpu === 256 && memory === 1536);
  if (c.hits.length === before && sizes && known(memory) && !fits) {
    const which = i.memoryLimitMiB === undefined ? `the default ${memory} MiB` : `${memory} MiB`;
    const offered = cpu === 256 ? '512, 1024 or 2048' : `${sizes[0]} to ${sizes[1]} in steps of ${sizes[2]}`;
    c.add('memoryLimitMiB', i.memoryLimitMiB, `${which} is not a Fargate size for ${cpu} CPU units: the task definition would be rejected at deploy.`,
      `set memoryLimitMiB to ${offered}, or choose another cpu.`);
  }
  c.wholeNumber('desiredCount', i.desiredCount, 0, 10000, 'set 0 (cold standby) or more.');
  if (scaled) {
    c.wholeNumber('minCapacity', i.minCapacity, 0, 10000, 'set minCapacity to 0 or more.');
    c.wholeNumber('maxCapacity', i.maxCapacity, 1, 10000, 'set maxCapacity to 1 or more.');
    if (known(i.minCapacity, i.maxCapacity) && i.minCapacity! > i.maxCapacity!) {
      c.add('minCapacity', i.minCapacity, `is greater than maxCapacity (${i.maxCapacity}): autoscaling could never satisfy both.`, 'set minCapacity <= maxCapacity.');
    }
    if (known(i.desiredCount, i.maxCapacity) && i.desiredCount! > i.maxCapacity!) {
      c.add('desiredCount', i.desiredCount, `is greater than maxCapacity (${i.maxCapacity}).`, 'set desiredCount <= maxCapacity.');
    }
    if (known(i.desiredCount, i.minCapacity) && i.desiredCount! < i.minCapacity!) {
      const cold = i.desiredCount === 0;
      c.add('desiredCount', i.desiredCount, `is below minCapacity (${i.minCapacity})${cold ? ': autoscaling would start the cold standby fleet' : ''}.`,
        cold ? 'set minCapacity: 0 (or omit it) for a cold fleet.' : 'set minCapacity <= desiredCount.');
    }
    const t = i.targetCpuUtilizationPercent;
    if (t !== undefined && !isUnresolved(t) && !(t > 0 && t <= 100)) {
      c.add('targetCpuUtilizationPercent', t, 'is not a percentage above 0 and at most 100.', 'set a percentage such as 60.');
    }
    checkContainerLifecycle(c, i);
  }
  return c.hits;
}

/**
 * The container's stop timeout and health check, in the ranges ECS accepts on Fargate
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html, API_HealthCheck.html).
 */
function checkContainerLifecycle(c: InputChecker, i: FleetSizing): void {
  c.wholeNumber('stopTimeoutSeconds', i.stopTimeoutSeconds, 2, 120,
    "set 2 to 120 seconds (Fargate's range), more than the Worker's graceful shutdown time.");
  const h = i.healthCheck;
  if (h === undefined) return;
  const command = h.command ?? [];
  const body = command[0] === 'CMD' || command[0] === 'CMD-SHELL' ? command.slice(1) : command;
  if (!isUnresolved(command) && (!Array.isArray(command) || body.length === 0 || body.some((x) => typeof x !== 'string' || x === ''))) {
    c.add('healthCheck.command', h.command, 'is not a command: ECS needs a command to run.',
      "set e.g. ['CMD-SHELL', 'curl -f http://localhost:8080/health || exit 1'] or ['CMD', '/bin/healthcheck'].");
  }
  c.wholeNumber('healthCheck.intervalSeconds', h.intervalSeconds, 5, 300, 'set 5 to 300 seconds (ECS default 30).');
  c.wholeNumber('healthCheck.timeoutSeconds', h.timeoutSeconds, 2, 60, 'set 2 to 60 seconds (ECS default 5).');
  c.wholeNumber('healthCheck.retries', h.retries, 1, 10, 'set 1 to 10 (ECS default 3).');
  c.wholeNumber('healthCheck.startPeriodSeconds', h.startPeriodSeconds, 0, 300, 'set 0 to 300 seconds.');
  // A check that may run longer than the time between checks overlaps the next one; ECS and aws-cdk-lib refuse it.
  const interval = h.intervalSeconds ?? SERVICE_DEFAULTS.healthCheck.intervalSeconds;
  const timeout = h.timeoutSeconds ?? SERVICE_DEFAULTS.healthCheck.timeoutSeconds;
  const inRange = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
  // Only between values that are each valid (an out-of-range value is reported once, above).
  if (inRange(interval, 5, 300) && inRange(timeout, 2, 60) && timeout >= interval) {
    c.add('healthCheck.timeoutSeconds', timeout, `is not shorter than the interval between checks (${interval} s): each check would overlap the next.`,
      `set timeoutSeconds below intervalSeconds (e.g. ${Math.max(2, Math.min(interval - 1, 5))}).`);
  }
}

/**
 * Checks `<prefix>.standbyMinCapacity`: only where the fleet has a hot standby (`noStandby` says why it has none), 1 or more (a hot standby with no
 * task is a cold one), at most the fleet's maximum.
 */
export function checkStandbyMinCapacity(sizing: FleetSizing | undefined, prefix: string, noStandby?: string, path?: string): InputHit[] {
  const c = new InputChecker(STANDBY_MIN_CAPACITY_RULE, prefix, path);
  const v = sizing?.standbyMinCapacity;
  if (v === undefined) return [];
  if (noStandby !== undefined) {
    c.add('standbyMinCapacity', v, `applies only to an Active/Hot standby fleet, and ${noStandby}.`, 'remove standbyMinCapacity (minCapacity sizes this fleet).');
  } else if (v === 0) {
    c.add('standbyMinCapacity', v, 'leaves the hot standby without tasks: that is a cold standby, and a failover would wait for tasks to start.',
      'set 1 or more (the active fleet\'s steady state for a full-size standby), or use ActiveColdDeployment for a standby without tasks.');
  } else {
    c.wholeNumber('standbyMinCapacity', v, 1, 10000, 'set the task count the standby keeps, e.g. the active fleet\'s steady state.');
    if (known(v, sizing!.maxCapacity) && v > sizing!.maxCapacity!) {
      c.add('standbyMinCapacity', v, `is greater than maxCapacity (${sizing!.maxCapacity}): autoscaling could never satisfy both.`,
        'set standbyMinCapacity <= maxCapacity, or raise maxCapacity.');
    }
  }
  return c.hits;
}

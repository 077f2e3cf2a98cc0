/**
 * The Worker (or starter) service block used on its own: its engine-neutral props, which both
 * engines' `TemporalWorkerService` props extend, checked and resolved once for both.
 */
import { formatFinding, throwIfProblems } from '../errors';
import { AuthMethod, FleetState, Severity } from '../model';
import type { PlannedFleet } from '../plan';
import { WorkerConnectionInput, workerEnvironment, WorkerEnvironment } from '../worker-config';
import { checkConnection, checkEnvironment } from './connection';
import { InputHit } from './input';
import {
  checkServiceSizing, checkStandbyMinCapacity, CpuArchitecture, FleetSizing, resolveFleetService, ResolvedHealthCheck, SERVICE_DEFAULTS,
  ServiceScaling,
} from './service';

/** What a Worker service is given, whichever engine deploys it. */
export interface WorkerServiceInput extends FleetSizing, WorkerConnectionInput {
  /**
   * The `host:port` the Workers dial: the Namespace Endpoint (`orders.a1b2c.tmprl.cloud:7233`), a
   * Regional Endpoint (`aws-us-east-1.region.tmprl.cloud:7233`) or a proxy. Written to `TEMPORAL_ADDRESS`.
   */
  readonly address: string;
  /**
   * Tasks to run at deployment. `0` deploys a cold standby fleet: the service and its scaling target exist, no task runs, and `minCapacity` defaults
   * to `0` so that autoscaling does not start it (CPU target tracking has no data from zero tasks). Autoscaling owns the count afterwards: to
   * activate a cold fleet on failover, raise the scalable target's minimum capacity (Application Auto Scaling then raises the desired count).
   * @default minCapacity
   */
  readonly desiredCount?: number;
}

/** A warning a block raises: its id (`temporal-ha:<RULE_ID>`, a rule of RULES.md) and its text. */
export interface BlockWarning {
  readonly id: string;
  readonly text: string;
}

/** A Worker service's resolved settings: what both engines write. */
export interface WorkerServiceSettings {
  readonly cpu: number;
  readonly memoryLimitMiB: number;
  readonly cpuArchitecture: CpuArchitecture;
  readonly desiredCount: number;
  readonly scaling: ServiceScaling;
  readonly logRetentionDays: number;
  /** Seconds between SIGTERM and SIGKILL (the container's `stopTimeout`). */
  readonly stopTimeoutSeconds: number;
  /** The container health check (undefined: none). */
  readonly healthCheck?: ResolvedHealthCheck;
  /** The container's environment: plain variables and secret-backed ones, keys sorted. */
  readonly environment: WorkerEnvironment;
  /** Warnings to annotate the block with. */
  readonly warnings: BlockWarning[];
}

/**
 * Checks a Worker service's props (sizing, extra environment, connection) and resolves its
 * settings; throws one `TemporalHaValidationError` listing every problem, as `kind` at `path`.
 */
export function resolveWorkerService(kind: string, path: string, input: WorkerServiceInput, auth: AuthMethod): WorkerServiceSettings {
  const d = SERVICE_DEFAULTS.fleet;
  const connection = checkConnection({ ...input, auth }, path);
  throwIfProblems(kind, path, [
    // A default minimum is checked against a given maximum; a minimum derived from desiredCount never exceeds it.
    ...checkServiceSizing({ ...input, minCapacity: input.minCapacity ?? (input.desiredCount === undefined ? d.minCapacity : undefined) }, '', path),
    ...checkStandbyMinCapacity(input, '', 'a Worker service block is one fleet: set its minCapacity and desiredCount', path),
    ...checkEnvironment(input.environment, '', path),
    ...connection.errors,
  ]);
  const { activeDesiredCount, scaling, ...service } = resolveFleetService(input, FleetState.ACTIVE, input.desiredCount);
  return {
    ...service,
    stopTimeoutSeconds: service.stopTimeoutSeconds!,
    scaling: scaling!,
    environment: workerEnvironment({ ...input, auth }, input.environment),
    warnings: connection.warnings.map((w) => blockWarning(w, path)),
  };
}

/** A block's warning for an input hit: id `temporal-ha:<RULE_ID>`, text as findings are written. */
export function blockWarning(hit: InputHit, path: string): BlockWarning {
  return {
    id: `temporal-ha:${hit.ruleId}`,
    text: formatFinding({ ...hit, severity: Severity.WARNING, constructPath: hit.path ?? path }),
  };
}

/**
 * What a planned fleet's Worker service block is given, in both engines: its connection (the proxy's address and the codec server's URL are the
 * engine's values, looked up by the plan's ids) and its resolved sizing.
 */
export function plannedWorkerServiceInput(f: PlannedFleet, refs: { readonly proxyAddress?: string; readonly codecUrl?: string }): WorkerServiceInput {
  const s = f.service!;
  return {
    namespace: f.namespace,
    address: refs.proxyAddress ?? f.temporalAddress,
    tlsServerName: f.tlsServerName,
    codecEndpoint: refs.codecUrl,
    environment: s.environment,
    cpu: s.cpu,
    memoryLimitMiB: s.memoryLimitMiB,
    cpuArchitecture: s.cpuArchitecture,
    desiredCount: s.desiredCount,
    minCapacity: s.scaling?.minCapacity,
    maxCapacity: s.scaling?.maxCapacity,
    targetCpuUtilizationPercent: s.scaling?.targetCpuUtilizationPercent,
    stopTimeoutSeconds: s.stopTimeoutSeconds,
    healthCheck: s.healthCheck,
  };
}

/**
 * A proxy between Workers and Temporal Cloud: the user's forward proxy or TCP passthrough image on ECS Fargate behind an internal Network Load
 * Balancer. TLS stays end to end (the proxy passes the gRPC stream through to a Temporal endpoint, `<host>:7233`:
 * https://docs.temporal.io/cloud/high-availability/ha-connectivity). Its inputs, defaults, checks and the settings both engines emit.
 */
import { FleetState } from '../model';
import { TEMPORAL_GRPC_PORT } from '../regions';
import { hostOf } from './connection';
import { InputChecker, InputHit, isUnresolved } from './input';
import { checkReservedEnvironment, checkServiceSizing, ComponentSizing, resolveComponentService, ServiceSettings, sortedEnvironment } from './service';

/** Rule id of the checks on a proxy's inputs. */
export const PROXY_SETTINGS_RULE = 'TEMPORAL_PROXY_SETTINGS';

/** The environment variables the proxy container reads (its contract). */
export const ProxyEnv = {
  /** The `host:port` to dial. */
  UPSTREAM: 'TEMPORAL_PROXY_UPSTREAM',
  /** The port to accept TCP on. */
  LISTEN_PORT: 'TEMPORAL_PROXY_LISTEN_PORT',
} as const;

/** The engine-neutral part of both flavours' `ProxyOptions` and proxy blocks' props. */
export interface ProxySettingsInput extends ComponentSizing {
  /** The port the container accepts TCP on (`TEMPORAL_PROXY_LISTEN_PORT`). @default 7233 */
  readonly containerPort?: number;
  /** The port the load balancer listens on (what Workers dial). @default 7233 */
  readonly listenerPort?: number;
}

/** What the proxy checks and settings read: a pattern's options or a block's props. */
export interface ProxyInput extends ProxySettingsInput {
  /** Extra plain environment variables of the container. */
  readonly environment?: { [key: string]: string };
}

/** Defaults, written once. */
export const PROXY_DEFAULTS = {
  containerName: 'proxy',
  containerPort: TEMPORAL_GRPC_PORT,
  listenerPort: TEMPORAL_GRPC_PORT,
  deregistrationDelaySeconds: 60,
} as const;

/** A proxy's resolved settings: what both engines write. */
export interface ProxySettings extends ServiceSettings {
  readonly containerName: string;
  readonly containerPort: number;
  readonly listenerPort: number;
  /** The `host:port` the proxy dials. */
  readonly upstreamAddress: string;
  /** Its host: the TLS server name of API-key Workers dialing the proxy (the address itself when unresolved). */
  readonly upstreamHost: string;
  readonly deregistrationDelaySeconds: number;
}

/** The settings of a proxy dialing `upstreamAddress`, in a given state (cold standby: 0 tasks). */
export function resolveProxy(input: ProxyInput | undefined, upstreamAddress: string, state: FleetState): ProxySettings {
  const d = PROXY_DEFAULTS;
  const i = input ?? {};
  const containerPort = i.containerPort ?? d.containerPort;
  return {
    ...resolveComponentService(i, state),
    containerName: d.containerName,
    containerPort,
    listenerPort: i.listenerPort ?? d.listenerPort,
    upstreamAddress,
    upstreamHost: hostOf(upstreamAddress) ?? upstreamAddress,
    deregistrationDelaySeconds: d.deregistrationDelaySeconds,
    environment: sortedEnvironment({
      ...i.environment,
      [ProxyEnv.UPSTREAM]: upstreamAddress,
      [ProxyEnv.LISTEN_PORT]: String(containerPort),
    }),
  };
}

/** The block props that write planned settings (what a renderer passes to either flavour's `TemporalProxy`). */
export function proxySettingsInput(s: ProxySettings): ProxySettingsInput {
  const { containerPort, listenerPort, cpu, memoryLimitMiB, desiredCount } = s;
  return { containerPort, listenerPort, cpu, memoryLimitMiB, desiredCount };
}

/** The prop each reserved variable comes from. */
const RESERVED: Record<string, string> = {
  [ProxyEnv.UPSTREAM]: 'upstreamAddress',
  [ProxyEnv.LISTEN_PORT]: 'containerPort',
};

/**
 * Checks a proxy's inputs as the user wrote them, under `prefix` (`proxy` for a pattern, '' for a
 * block). `upstreamAddress` is checked when given (a block's prop; a pattern plans it).
 */
export function checkProxy(input: ProxyInput | undefined, upstreamAddress: string | undefined, prefix: string, path?: string): InputHit[] {
  const c = new InputChecker(PROXY_SETTINGS_RULE, prefix, path);
  const i = input ?? {};
  c.wholeNumber('containerPort', i.containerPort, 1, 65535, 'use a TCP port such as 7233.');
  c.wholeNumber('listenerPort', i.listenerPort, 1, 65535, 'use a TCP port such as 7233.');
  if (upstreamAddress !== undefined && !isUnresolved(upstreamAddress) && hostOf(upstreamAddress) === undefined) {
    c.add('upstreamAddress', upstreamAddress, "is not 'host:port'.", "use e.g. 'aws-us-east-1.region.tmprl.cloud:7233' (no scheme, with the port).");
  }
  checkReservedEnvironment(c, i.environment, RESERVED);
  return [...c.hits, ...checkServiceSizing(i, prefix, path, { scaled: false })];
}

/**
 * How a Worker, starter or serverless Worker connects to Temporal Cloud: the environment an unmodified SDK process reads
 * (https://docs.temporal.io/references/client-environment-configuration), the checks on what a user may add to it, and the checks on a block's own
 * connection inputs. Both engines write exactly what `workerEnvironment` returns.
 */
import { namespaceEndpointHost, requiredTlsServerName } from '../endpoints';
import { AuthMethod } from '../model';
import { ConnectionSettings, workerEnvironment, WorkerEnvironment } from '../worker-config';
import { InputChecker, InputHit, isUnresolved } from './input';

export { checkEnvironment, ENVIRONMENT_RULE } from '../worker-config';

/** Rule id of the checks on a block's connection inputs (namespace, address, codec URL). */
export const CONNECTION_RULE = 'TEMPORAL_CONNECTION_SETTINGS';
/** Rule id of a missing TLS server name (the id of the pattern rule in `rules/tls-server-name.ts`). */
export const TLS_SERVER_NAME_RULE = 'TEMPORAL_TLS_SERVER_NAME';
/** Rule id of the warning on a TLS server name that is not the Namespace Endpoint host. */
export const TLS_SERVER_NAME_MISMATCH_RULE = 'TEMPORAL_TLS_SERVER_NAME_MISMATCH';

/** What a process connects with, as planned (the proxy address and codec URL are the engine's values). */
export type FleetConnection = Pick<ConnectionSettings, 'namespace' | 'auth' | 'tlsServerName'> & {
  /** The Temporal address (or the proxy's, when `proxyAddress` is given). */
  readonly temporalAddress: string;
  /** Extra plain variables. */
  readonly environment?: Record<string, string>;
};

/**
 * The whole environment of a fleet's container or function: the extra variables and Temporal's
 * connection variables, keys sorted, and the secret-backed variable names.
 */
export function fleetEnvironment(
  fleet: FleetConnection, refs: { readonly proxyAddress?: string; readonly codecUrl?: string } = {},
): WorkerEnvironment {
  return workerEnvironment({ ...fleet, address: refs.proxyAddress ?? fleet.temporalAddress, codecEndpoint: refs.codecUrl }, fleet.environment);
}

/**
 * Checks a block's connection inputs. Errors: a malformed namespace, address or codec URL (`TEMPORAL_CONNECTION_SETTINGS`), and mTLS to a host other
 * than the Namespace Endpoint without `tlsServerName` (`TEMPORAL_TLS_SERVER_NAME`, the rule the patterns enforce). Warning: a server name other than
 * the Namespace Endpoint host with mTLS (`TEMPORAL_TLS_SERVER_NAME_MISMATCH`).
 */
export function checkConnection(i: ConnectionSettings, path?: string): { errors: InputHit[]; warnings: InputHit[] } {
  const c = new InputChecker(CONNECTION_RULE, '', path);
  if (!isUnresolved(i.namespace) && !/^[A-Za-z0-9][A-Za-z0-9_-]*\.[A-Za-z0-9]+$/.test(i.namespace ?? '')) {
    c.add('namespace', i.namespace, 'is not a qualified namespace.', "use '<name>.<account>', e.g. 'orders.a1b2c'.");
  }
  const host = hostOf(i.address);
  if (!isUnresolved(i.address) && host === undefined) {
    c.add('address', i.address, "is not 'host:port'.", "use e.g. 'orders.a1b2c.tmprl.cloud:7233' (no scheme, with the port).");
  }
  if (i.codecEndpoint !== undefined && !isUnresolved(i.codecEndpoint) && !/^https?:\/\/[^\s]+$/.test(i.codecEndpoint)) {
    c.add('codecEndpoint', i.codecEndpoint, 'is not a URL.', "use e.g. 'https://codec.example.com'.");
  }
  const tls = new InputChecker(TLS_SERVER_NAME_RULE, '', path);
  const warnings = new InputChecker(TLS_SERVER_NAME_MISMATCH_RULE, '', path);
  const dot = isUnresolved(i.namespace) ? -1 : (i.namespace ?? '').indexOf('.');
  if (i.auth === AuthMethod.MTLS && host !== undefined && dot > 0) {
    const namespaceHost = namespaceEndpointHost({ name: i.namespace.slice(0, dot), accountId: i.namespace.slice(dot + 1) });
    const needed = requiredTlsServerName({ auth: AuthMethod.MTLS, namespaceHost, upstreamHost: host, viaProxy: false });
    if (i.tlsServerName === undefined) {
      if (needed !== undefined) {
        tls.add('tlsServerName', undefined, `the credentials are mTLS and address ('${i.address}') is not the Namespace Endpoint: Temporal Cloud presents the namespace's certificate, so TLS verification of '${host}' fails.`,
          `set tlsServerName: '${needed}'.`);
      }
    } else if (!isUnresolved(i.tlsServerName) && i.tlsServerName !== namespaceHost) {
      warnings.add('tlsServerName', i.tlsServerName, `is not the Namespace Endpoint host ('${namespaceHost}'), which Temporal Cloud's mTLS certificate names.`,
        `set tlsServerName: '${namespaceHost}' unless a TLS-terminating proxy presents another certificate.`);
    }
  }
  return { errors: [...c.hits, ...tls.hits], warnings: warnings.hits };
}

/** The host of `host:port` / `[v6]:port`, or undefined when the string is not of that form. */
export function hostOf(address: string | undefined): string | undefined {
  if (address === undefined || isUnresolved(address)) return undefined;
  const m = /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):(\d{1,5})$/.exec(address);
  if (!m) return undefined;
  const port = Number(m[2]);
  return port >= 1 && port <= 65535 ? m[1] : undefined;
}

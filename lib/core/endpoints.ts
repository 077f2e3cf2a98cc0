/** Endpoint derivation: what a fleet dials and the TLS server name it must present (namespace, endpoint choice, proxy). */
import { AuthMethod, EndpointKind, NamespaceSpec } from './model';
import { regionalEndpointHost, TEMPORAL_GRPC_PORT } from './regions';

/** `orders.a1b2c`: the namespace name Temporal's APIs and SDKs expect. */
export function qualifiedNamespace(ns: Pick<NamespaceSpec, 'name' | 'accountId'>): string {
  return `${ns.name}.${ns.accountId}`;
}

/** `orders.a1b2c.tmprl.cloud`: the Namespace Endpoint host (a CNAME that follows the active region). */
export function namespaceEndpointHost(ns: Pick<NamespaceSpec, 'name' | 'accountId'>): string {
  return `${qualifiedNamespace(ns)}.tmprl.cloud`;
}

/** `host:7233`. */
export function withPort(host: string, port: number = TEMPORAL_GRPC_PORT): string {
  return `${host}:${port}`;
}

/** The Temporal Cloud host a fleet in `awsRegion` dials for the given endpoint kind. */
export function temporalHost(ns: Pick<NamespaceSpec, 'name' | 'accountId'>, kind: EndpointKind, awsRegion: string): string {
  return kind === EndpointKind.NAMESPACE ? namespaceEndpointHost(ns) : regionalEndpointHost(awsRegion);
}

/**
 * The TLS server name a client must set, or undefined when the host it dials is already right.
 * - mTLS presents the namespace's certificate, so any host other than the Namespace Endpoint
 *   (a Regional Endpoint, or a proxy in front of anything) needs the Namespace Endpoint host.
 * - An API key is checked against Temporal's own certificate for the host dialed upstream, so only a
 *   proxy in front of it needs the upstream host as server name.
 */
export function requiredTlsServerName(
  opts: { readonly auth: AuthMethod; readonly namespaceHost: string; readonly upstreamHost: string; readonly viaProxy: boolean },
): string | undefined {
  if (opts.auth === AuthMethod.MTLS) {
    return opts.viaProxy || opts.upstreamHost !== opts.namespaceHost ? opts.namespaceHost : undefined;
  }
  return opts.viaProxy ? opts.upstreamHost : undefined;
}

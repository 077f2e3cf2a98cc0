/**
 * The environment a Worker (or Client) process is given, in the variable names Temporal's SDKs read
 * (`@temporalio/envconfig` and its peers in the other SDKs), so an unmodified SDK worker connects.
 * Secrets are named here and resolved by each engine from Secrets Manager; never put in plain text.
 */
import { AuthMethod } from './model';

/** Temporal's standard environment variable names (checked against `@temporalio/envconfig` by the tests). */
export const TemporalEnv = {
  ADDRESS: 'TEMPORAL_ADDRESS',
  NAMESPACE: 'TEMPORAL_NAMESPACE',
  API_KEY: 'TEMPORAL_API_KEY',
  TLS: 'TEMPORAL_TLS',
  TLS_SERVER_NAME: 'TEMPORAL_TLS_SERVER_NAME',
  TLS_CLIENT_CERT_DATA: 'TEMPORAL_TLS_CLIENT_CERT_DATA',
  TLS_CLIENT_KEY_DATA: 'TEMPORAL_TLS_CLIENT_KEY_DATA',
  TLS_CLIENT_CERT_PATH: 'TEMPORAL_TLS_CLIENT_CERT_PATH',
  TLS_CLIENT_KEY_PATH: 'TEMPORAL_TLS_CLIENT_KEY_PATH',
  CODEC_ENDPOINT: 'TEMPORAL_CODEC_ENDPOINT',
} as const;

/** Which credential a secret-backed variable carries. */
export enum CredentialPart {
  /** The API key. */
  API_KEY = 'api-key',
  /** The PEM client certificate (chain). */
  CLIENT_CERTIFICATE = 'client-certificate',
  /** The PEM private key of the client certificate. */
  CLIENT_KEY = 'client-key',
}

/** What a fleet connects with. */
export interface ConnectionSettings {
  /** `host:port` the process dials (a Temporal endpoint, or the proxy in front of it). */
  readonly address: string;
  /** The qualified namespace, `orders.a1b2c`. */
  readonly namespace: string;
  readonly auth: AuthMethod;
  /** Set when the dialed host is not the one the server's certificate names. */
  readonly tlsServerName?: string;
  /** The codec server URL Workers and tools should use, if any. */
  readonly codecEndpoint?: string;
}

/** Plain variables and secret-backed variables for a container or function. */
export interface WorkerEnvironment {
  /** Non-secret variables, written in the clear. */
  readonly plain: Record<string, string>;
  /** Secret-backed variables: variable name -> which credential it must hold. */
  readonly secrets: Record<string, CredentialPart>;
}

/** The environment for a long-lived container: credentials injected as values (`*_DATA`, API key). */
export function workerEnvironment(conn: ConnectionSettings, extra: Record<string, string> = {}): WorkerEnvironment {
  const plain: Record<string, string> = {
    ...extra,
    [TemporalEnv.ADDRESS]: conn.address,
    [TemporalEnv.NAMESPACE]: conn.namespace,
    [TemporalEnv.TLS]: 'true',
  };
  if (conn.tlsServerName) plain[TemporalEnv.TLS_SERVER_NAME] = conn.tlsServerName;
  if (conn.codecEndpoint) plain[TemporalEnv.CODEC_ENDPOINT] = conn.codecEndpoint;
  const secrets: Record<string, CredentialPart> = conn.auth === AuthMethod.API_KEY
    ? { [TemporalEnv.API_KEY]: CredentialPart.API_KEY }
    : {
      [TemporalEnv.TLS_CLIENT_CERT_DATA]: CredentialPart.CLIENT_CERTIFICATE,
      [TemporalEnv.TLS_CLIENT_KEY_DATA]: CredentialPart.CLIENT_KEY,
    };
  // Credentials never go in plain text, whatever the auth method: refuse every credential variable.
  const credentialNames = [TemporalEnv.API_KEY, TemporalEnv.TLS_CLIENT_CERT_DATA, TemporalEnv.TLS_CLIENT_KEY_DATA];
  for (const name of credentialNames) {
    if (name in extra) {
      throw new Error(`environment: ${name} holds a credential, which this library injects from Secrets Manager and never writes in plain text; `
        + 'remove it from the extra environment and pass the secret as credentials.');
    }
  }
  return { plain, secrets };
}

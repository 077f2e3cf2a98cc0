/**
 * The environment a Worker (or Client) process is given, in the variable names Temporal's SDKs read (`@temporalio/envconfig` and its peers; see
 * https://docs.temporal.io/references/client-environment-configuration), so an unmodified SDK worker connects. Secrets are named here and resolved by
 * each engine from Secrets Manager; never put in plain text.
 */
import { InputChecker, InputHit } from './components/input';
import { sortedEnvironment } from './components/service';
import { throwIfProblems } from './errors';
import { AuthMethod } from './model';

/** Temporal's standard environment variable names (checked against `@temporalio/envconfig` by the tests). */
export const TemporalEnv = {
  ADDRESS: 'TEMPORAL_ADDRESS',
  NAMESPACE: 'TEMPORAL_NAMESPACE',
  API_KEY: 'TEMPORAL_API_KEY',
  /** Never written (see `workerEnvironment`); reserved, so that users do not set it either. */
  TLS: 'TEMPORAL_TLS',
  TLS_SERVER_NAME: 'TEMPORAL_TLS_SERVER_NAME',
  TLS_CLIENT_CERT_DATA: 'TEMPORAL_TLS_CLIENT_CERT_DATA',
  TLS_CLIENT_KEY_DATA: 'TEMPORAL_TLS_CLIENT_KEY_DATA',
  TLS_CLIENT_CERT_PATH: 'TEMPORAL_TLS_CLIENT_CERT_PATH',
  TLS_CLIENT_KEY_PATH: 'TEMPORAL_TLS_CLIENT_KEY_PATH',
} as const;

/**
 * The library's own variable for the codec server URL. No Temporal SDK reads a codec server URL (Workers encode in process with a payload codec;
 * the codec server serves the web UI and the CLI), so it is not named like Temporal's variables: it is there for application code or tooling.
 */
export const CODEC_SERVER_URL_VARIABLE = 'CODEC_SERVER_URL';

/** Which credential a secret-backed variable carries. */
export enum CredentialPart {
  /** The API key. */
  API_KEY = 'api-key',
  /** The PEM client certificate (chain). */
  CLIENT_CERTIFICATE = 'client-certificate',
  /** The PEM private key of the client certificate. */
  CLIENT_KEY = 'client-key',
}

/**
 * The connection props a Worker service and a serverless Worker share (both engines' props extend this).
 * @internal a hidden base: jsii copies its props into the interfaces that extend it
 */
export interface WorkerConnectionInput {
  /** The qualified namespace, `<name>.<account>`, e.g. `orders.a1b2c`. Written to `TEMPORAL_NAMESPACE`. */
  readonly namespace: string;
  /**
   * The TLS server name to verify (`TEMPORAL_TLS_SERVER_NAME`). Required with mTLS whenever `address` is not the Namespace Endpoint (a Regional
   * Endpoint or a proxy): set it to the Namespace Endpoint host, `<namespace>.tmprl.cloud`, because Temporal Cloud presents the namespace's
   * certificate (https://docs.temporal.io/cloud/high-availability/how-it-works).
   * @default - none: the host of `address` is verified
   */
  readonly tlsServerName?: string;
  /**
   * The codec server URL, written to `CODEC_SERVER_URL`: the library's own variable, for application code or tooling (no Temporal SDK reads a
   * codec server URL; Workers encode with their payload codec).
   * @default - none
   */
  readonly codecEndpoint?: string;
}

/** What a process connects with. */
export interface ConnectionSettings extends WorkerConnectionInput {
  /** `host:port` the process dials (a Temporal endpoint, or the proxy in front of it). */
  readonly address: string;
  readonly auth: AuthMethod;
}

/** Plain variables and secret-backed variables for a container or function. */
export interface WorkerEnvironment {
  /** Non-secret variables, written in the clear, keys sorted. */
  readonly plain: Record<string, string>;
  /** Secret-backed variables (keys sorted): variable name -> which credential it must hold. */
  readonly secrets: Record<string, CredentialPart>;
}

/** Rule id of the checks on the extra environment. */
export const ENVIRONMENT_RULE = 'TEMPORAL_ENVIRONMENT_RESERVED';

/** Variables the library sets, and the input that sets each. */
const MANAGED: Record<string, string> = {
  [TemporalEnv.ADDRESS]: 'address (a pattern derives it from the namespace and the pattern)',
  [TemporalEnv.NAMESPACE]: 'namespace',
  [TemporalEnv.TLS_SERVER_NAME]: 'tlsServerName',
  [CODEC_SERVER_URL_VARIABLE]: 'codecEndpoint (a pattern sets it from codecServer)',
};

/** Variables holding a credential: injected from Secrets Manager, never written in plain text. */
export const CREDENTIAL_VARIABLES: readonly string[] = [
  TemporalEnv.API_KEY, TemporalEnv.TLS_CLIENT_CERT_DATA, TemporalEnv.TLS_CLIENT_KEY_DATA,
  TemporalEnv.TLS_CLIENT_CERT_PATH, TemporalEnv.TLS_CLIENT_KEY_PATH,
];

/** Checks extra environment variables under `<prefix>.environment`: none the library sets (unless `managed` is false), no credential. */
export function checkEnvironment(env: Record<string, string> | undefined, prefix: string, path?: string, managed = true): InputHit[] {
  const c = new InputChecker(ENVIRONMENT_RULE, prefix, path);
  for (const name of Object.keys(env ?? {})) {
    if (managed && name in MANAGED) {
      c.add(`environment.${name}`, env![name], `${name} is set by the library.`, `remove it and set ${MANAGED[name]}.`);
    } else if (managed && name === TemporalEnv.TLS) {
      c.add(`environment.${name}`, env![name], `${name} is not needed: the SDK turns TLS on when an API key or a client certificate is configured, and @temporalio/envconfig before 1.24 reads ${name}=true as TLS off.`,
        'remove it.');
    } else if (CREDENTIAL_VARIABLES.includes(name)) {
      c.hits.push({
        ruleId: ENVIRONMENT_RULE,
        prop: c.propPath(`environment.${name}`),
        value: '(redacted)',
        path,
        message: `${name} holds a credential, which this library injects from Secrets Manager and never writes in plain text.`,
        fix: 'remove it from the extra environment and pass the secret as credentials (TemporalCredentials).',
      });
    }
  }
  return c.hits;
}

/**
 * The environment for a long-lived container: the extra variables, then the connection variables (which win over an extra variable of the same name),
 * credentials as secret-backed variables. Throws `TemporalHaValidationError` when `extra` holds a credential.
 */
export function workerEnvironment(conn: ConnectionSettings, extra: Record<string, string> = {}): WorkerEnvironment {
  throwIfProblems('workerEnvironment', 'environment', checkEnvironment(extra, '', undefined, false));
  // No TEMPORAL_TLS: envconfig turns TLS on when an API key or a client certificate is configured (test/core/envconfig.test.ts loads the real
  // package on this environment), and @temporalio/envconfig before 1.24 reads TEMPORAL_TLS=true as TLS off
  // (https://github.com/temporalio/sdk-typescript/issues/2271).
  const plain: Record<string, string> = {
    ...extra,
    [TemporalEnv.ADDRESS]: conn.address,
    [TemporalEnv.NAMESPACE]: conn.namespace,
  };
  if (conn.tlsServerName) plain[TemporalEnv.TLS_SERVER_NAME] = conn.tlsServerName;
  if (conn.codecEndpoint) plain[CODEC_SERVER_URL_VARIABLE] = conn.codecEndpoint;
  const secrets: Record<string, CredentialPart> = conn.auth === AuthMethod.API_KEY
    ? { [TemporalEnv.API_KEY]: CredentialPart.API_KEY }
    : { [TemporalEnv.TLS_CLIENT_CERT_DATA]: CredentialPart.CLIENT_CERTIFICATE, [TemporalEnv.TLS_CLIENT_KEY_DATA]: CredentialPart.CLIENT_KEY };
  return { plain: sortedEnvironment(plain), secrets: sortedEnvironment(secrets) };
}


/**
 * The environment a Worker (or Client) process is given, in the variable names Temporal's SDKs read (`@temporalio/envconfig` and its peers; see
 * https://docs.temporal.io/references/client-environment-configuration), so an unmodified SDK worker connects. Secrets are named here and resolved by
 * each engine from Secrets Manager; never put in plain text.
 */
import { InputChecker, InputHit, show } from './components/input';
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

/**
 * Variables Temporal's clients read as credentials besides the standard ones: any `TEMPORAL_API_KEY*`, the codec server's authorization
 * (`TEMPORAL_CODEC_AUTH`) and gRPC metadata headers (`TEMPORAL_GRPC_META_<header>`, e.g. `authorization`), see
 * https://docs.temporal.io/references/client-environment-configuration and https://docs.temporal.io/cli/cmd-options.
 */
const CREDENTIAL_NAME = /^TEMPORAL_(API_KEY|CODEC_AUTH$|GRPC_META_)/i;
/** Values that are secrets whatever their name: PEM blocks (keys, certificates) and AWS access key ids. */
const SECRET_VALUE = [
  { test: /-----BEGIN [A-Z0-9 ]+-----/, what: 'a PEM block (a private key or certificate)' },
  { test: /\b(AKIA|ASIA)[A-Z0-9]{16}\b/, what: 'an AWS access key id' },
];

/** A plain variable that carries a credential, or changes how the Worker verifies Temporal Cloud's certificate: what it is, or undefined. */
function unsafeVariable(name: string, value: unknown): { what: string; fix: string; redact: boolean } | undefined {
  const secretsFix = 'keep it in Secrets Manager (the Worker reads it at start, or pass it as credentials with TemporalCredentials): plain environment '
    + 'variables are written into the template and shown in the console.';
  if (CREDENTIAL_NAME.test(name)) return { what: `${name} carries a credential (an API key, the codec server's authorization or a gRPC header)`, fix: secretsFix, redact: true };
  const pem = typeof value === 'string' ? SECRET_VALUE.find((v) => v.test.test(value)) : undefined;
  if (pem) return { what: `the value of ${name} looks like ${pem.what}, written in plain text`, fix: secretsFix, redact: true };
  if (/^TEMPORAL_TLS_/i.test(name) && name.toUpperCase() !== TemporalEnv.TLS_SERVER_NAME) {
    return {
      what: `${name} changes how the Worker verifies Temporal Cloud (host verification off, another CA or server certificate)`,
      fix: 'remove it: Temporal Cloud presents certificates the system roots verify; set tlsServerName (a pattern derives it) to change the name verified.',
      redact: /DATA$/i.test(name),
    };
  }
  return undefined;
}

/** Checks extra environment variables under `<prefix>.environment`: none the library sets (unless `managed` is false), no credential. */
export function checkEnvironment(env: Record<string, string> | undefined, prefix: string, path?: string, managed = true): InputHit[] {
  const c = new InputChecker(ENVIRONMENT_RULE, prefix, path);
  for (const name of Object.keys(env ?? {})) {
    // A credential variable, and the serverless `<credential>_SECRET_ARN` / `_SECRET_FIELD` variables (which name a secret), have checks of their own.
    const own = CREDENTIAL_VARIABLES.includes(name.replace(/_SECRET_(ARN|FIELD)$/, ''));
    const unsafe = own ? undefined : unsafeVariable(name, env![name]);
    if (unsafe) {
      c.hits.push({
        ruleId: ENVIRONMENT_RULE,
        prop: c.propPath(`environment.${name}`),
        value: unsafe.redact ? '(redacted)' : show(env![name]),
        path,
        message: `${unsafe.what}.`,
        fix: unsafe.fix,
      });
    } else if (managed && name in MANAGED) {
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


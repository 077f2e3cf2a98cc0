/**
 * A serverless Worker: a Lambda function Temporal Cloud invokes in each namespace region, a version (and alias) per Build ID, and the invoker role
 * Temporal Cloud assumes. Its inputs, defaults, checks and resolved settings, the function's environment, and the registration both engines output.
 * https://docs.temporal.io/production-deployment/worker-deployments/serverless-workers/aws-lambda
 */
import { createHash } from 'crypto';
import { withPort } from '../endpoints';
import { AuthMethod } from '../model';
import type { PlannedFunction } from '../plan';
import { LAMBDA_RESERVED_ENV, ServerlessEnv, TEMPORAL_CLOUD_INVOKER_PRINCIPALS } from '../serverless';
import { CREDENTIAL_VARIABLES, CredentialPart, WorkerConnectionInput, workerEnvironment } from '../worker-config';
import { checkConnection, checkEnvironment } from './connection';
import { InputChecker, InputHit, isUnresolved } from './input';
import { CpuArchitecture, sortedEnvironment } from './service';

/** Rule id of the checks on a serverless Worker's settings (Build ID, handler, memory, timeout, environment). */
export const SERVERLESS_SETTINGS_RULE = 'TEMPORAL_SERVERLESS_SETTINGS';
/** Rule id of the check on the invoker role's external ID. */
export const SERVERLESS_EXTERNAL_ID_RULE = 'TEMPORAL_SERVERLESS_EXTERNAL_ID';

/** What serverless Worker options have in both engines (the patterns' options and the blocks' props). */
export interface ServerlessFunctionInput {
  /** The handler (zip archives), e.g. `index.handler`. @default 'index.handler' */
  readonly handler?: string;
  /**
   * The external ID Temporal Cloud presents when it assumes the invoker role (`sts:ExternalId`):
   * 5-45 characters of `[A-Za-z0-9+=,.@:/_-]`. Register the same value with the Worker Deployment Version.
   */
  readonly externalId: string;
  /**
   * The Worker Deployment name the version is registered under (must equal the one in the Worker
   * code). Written to `TEMPORAL_LAMBDA_DEPLOYMENT_NAME` and used in the registration command.
   * @default - none: the registration command shows the placeholder `YourDeploymentName`
   */
  readonly deploymentName?: string;
  /**
   * The Task Queue the Worker polls. Written to `TEMPORAL_TASK_QUEUE`, which Temporal's Lambda Worker
   * packages read to pre-populate the Worker's task queue.
   * @default - none: the Worker code sets its task queue
   */
  readonly taskQueue?: string;
  /** Memory in MiB (128-10240). @default 1024 */
  readonly memorySize?: number;
  /**
   * Additional plain environment variables. Must not contain the variables the library sets, any
   * credential variable (nor its `_SECRET_ARN` / `_SECRET_FIELD` variable), nor one Lambda reserves.
   * @default - none
   */
  readonly environment?: { [key: string]: string };
}

/** What a serverless Worker block is given in both engines: the function's options, its Build ID and connection. */
export interface ServerlessWorkerInput extends ServerlessFunctionInput, WorkerConnectionInput {
  /**
   * The Build ID of this code: the Worker Deployment Version registers under it, and a Lambda version
   * (and an alias named after it) is published for it. Use the same Build ID in every namespace region.
   */
  readonly buildId: string;
  /**
   * The `host:port` the Worker dials. Written to `TEMPORAL_ADDRESS`.
   * @default - the Namespace Endpoint, `<namespace>.tmprl.cloud:7233` (it follows the active region after a failover)
   */
  readonly address?: string;
}

/**
 * The engine-neutral function settings on top of `ServerlessFunctionInput`: the values whose types
 * differ between the engines (a `lambda.Runtime`, a `Duration`) as names and numbers.
 */
export interface ServerlessFunctionSpec extends ServerlessFunctionInput {
  /** Lambda runtime name, e.g. `nodejs24.x` (default `SERVERLESS_DEFAULTS.runtime`). */
  readonly runtime?: string;
  /** Invocation timeout in seconds (1-900). */
  readonly timeoutSeconds?: number;
  /** Instruction set: Lambda's name (`x86_64`, `arm64`) or a `CpuArchitecture` value, any case. */
  readonly architecture?: string;
  /** Log retention in days. */
  readonly logRetentionDays?: number;
  /** Whether the version of a replaced Build ID is kept. */
  readonly retainPreviousVersions?: boolean;
}

/** Everything a serverless Worker block is made from, in engine-neutral terms. */
export interface ServerlessWorkerSpec extends ServerlessWorkerInput, ServerlessFunctionSpec {}

/** Defaults, written once. */
export const SERVERLESS_DEFAULTS = {
  handler: 'index.handler',
  /**
   * The latest runtime (cdk-nag's AwsSolutions-L1), deprecated 30 April 2028 (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html);
   * async handlers only. The Terraform AWS provider accepts it from 6.19 (`@cdktf/provider-aws` ^21.22.1 pins 6.25.0 or later).
   */
  runtime: 'nodejs24.x',
  /** MiB (https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html). */
  memorySize: 1024,
  /** Seconds: every Activity must finish within it, minus the Worker's shutdown buffer. */
  timeoutSeconds: 90,
  architecture: CpuArchitecture.X86_64,
  logRetentionDays: 30,
  /** Workflows pinned to the previous Worker Deployment Version are still invoked on it until they drain. */
  retainPreviousVersions: true,
} as const;

/** A serverless Worker function's resolved settings: what both engines write. */
export interface FunctionSettings extends WorkerConnectionInput {
  readonly handler: string;
  readonly runtime: string;
  readonly memorySize: number;
  readonly timeoutSeconds: number;
  readonly architecture: CpuArchitecture;
  /** Lambda's name of `architecture`: `x86_64` or `arm64`. */
  readonly lambdaArchitecture: string;
  readonly logRetentionDays: number;
  readonly retainPreviousVersions: boolean;
  readonly buildId: string;
  readonly externalId: string;
  /** `address`, or the Namespace Endpoint. */
  readonly address: string;
  readonly deploymentName?: string;
  readonly taskQueue?: string;
  /** Extra plain environment, keys sorted. */
  readonly environment: Record<string, string>;
  /** The function's description. */
  readonly description: string;
  /** The alias named after the Build ID. */
  readonly aliasName: string;
  readonly aliasDescription: string;
}

/** The settings of a serverless Worker function. */
export function resolveServerlessFunction(spec: ServerlessWorkerSpec): FunctionSettings {
  const d = SERVERLESS_DEFAULTS;
  const architecture = architectureOf(spec.architecture) ?? d.architecture;
  return {
    handler: spec.handler ?? d.handler,
    runtime: spec.runtime ?? d.runtime,
    memorySize: spec.memorySize ?? d.memorySize,
    timeoutSeconds: spec.timeoutSeconds ?? d.timeoutSeconds,
    architecture,
    lambdaArchitecture: architecture === CpuArchitecture.ARM64 ? 'arm64' : 'x86_64',
    logRetentionDays: spec.logRetentionDays ?? d.logRetentionDays,
    retainPreviousVersions: spec.retainPreviousVersions ?? d.retainPreviousVersions,
    buildId: spec.buildId,
    externalId: spec.externalId,
    namespace: spec.namespace,
    // The Namespace Endpoint of `<name>.<account>` is `<name>.<account>.tmprl.cloud`.
    address: spec.address ?? withPort(`${spec.namespace}.tmprl.cloud`),
    tlsServerName: spec.tlsServerName,
    codecEndpoint: spec.codecEndpoint,
    deploymentName: spec.deploymentName,
    taskQueue: spec.taskQueue,
    environment: sortedEnvironment(spec.environment),
    description: `Temporal serverless Worker for ${spec.namespace}`,
    aliasName: aliasNameFor(spec.buildId),
    aliasDescription: `Build ID ${spec.buildId}`,
  };
}

/** The function's environment. */
export interface FunctionEnvironment {
  /** Every variable, keys sorted: Temporal's, the serverless ones, and the secret ARN (and field) variables. */
  readonly variables: Record<string, string>;
  /** Credential variable -> the variable holding its secret ARN (`TEMPORAL_API_KEY` -> `TEMPORAL_API_KEY_SECRET_ARN`). */
  readonly secretArnVariables: Record<string, string>;
}

/**
 * The function's environment. Lambda cannot inject secrets, so each credential variable `<VAR>` is
 * replaced by `<VAR>_SECRET_ARN` (and `<VAR>_SECRET_FIELD` for a JSON field), which the handler reads
 * at cold start; `secretOf` gives the engine's secret of each credential part (its ARN, or partial ARN, and JSON field).
 */
export function functionEnvironment(
  s: FunctionSettings, auth: AuthMethod, secretOf: (part: CredentialPart) => { readonly secretArn: string; readonly field?: string },
): FunctionEnvironment {
  const env = workerEnvironment({ ...s, auth }, s.environment);
  const vars: Record<string, string> = { ...env.plain, [ServerlessEnv.BUILD_ID]: s.buildId };
  if (s.deploymentName !== undefined) vars[ServerlessEnv.DEPLOYMENT_NAME] = s.deploymentName;
  if (s.taskQueue !== undefined) vars[ServerlessEnv.TASK_QUEUE] = s.taskQueue;
  const secretArnVariables: Record<string, string> = {};
  for (const [name, part] of Object.entries(env.secrets)) {
    const ref = secretOf(part);
    secretArnVariables[name] = `${name}${ServerlessEnv.SECRET_ARN_SUFFIX}`;
    vars[secretArnVariables[name]] = ref.secretArn;
    if (ref.field !== undefined) vars[`${name}${ServerlessEnv.SECRET_FIELD_SUFFIX}`] = ref.field;
  }
  return { variables: sortedEnvironment(vars), secretArnVariables };
}

/** The invoker role's trust statement: Temporal Cloud's principals, under the external ID. */
export function invokerTrustStatement(externalId: string) {
  return {
    Effect: 'Allow' as const,
    Principal: { AWS: [...TEMPORAL_CLOUD_INVOKER_PRINCIPALS] },
    Action: 'sts:AssumeRole',
    Condition: { StringEquals: { 'sts:ExternalId': externalId } },
  };
}

/** What the invoker role may invoke: the function and its versions (`<function ARN>:*`). */
export function invokeResources(functionArn: string): string[] {
  return [functionArn, `${functionArn}:*`];
}

/** The registration call (`temporal worker deployment create-version`) for the function's version ARN and invoker role ARN. */
export function registrationCommand(s: FunctionSettings, functionArn: string, invokerRoleArn: string): string {
  return [
    'temporal worker deployment create-version',
    `--namespace ${shellQuote(s.namespace)}`,
    `--deployment-name ${s.deploymentName === undefined ? 'YourDeploymentName' : shellQuote(s.deploymentName)}`,
    `--build-id ${shellQuote(s.buildId)}`,
    `--aws-lambda-function-arn ${functionArn}`,
    `--aws-lambda-assume-role-arn ${invokerRoleArn}`,
    `--aws-lambda-assume-role-external-id ${shellQuote(s.externalId)}`,
  ].join(' ');
}

/**
 * The outputs (CloudFormation or Terraform) the registration needs, in order, from the values as the
 * engine refers to them; `awsRegion` is named in the descriptions when known.
 */
export function registrationOutputs(
  s: FunctionSettings, refs: { readonly functionArn: string; readonly invokerRoleArn: string; readonly registrationCommand: string },
  awsRegion?: string,
) {
  const inRegion = awsRegion === undefined || isUnresolved(awsRegion) ? '' : ` in ${awsRegion}`;
  const outputs = [
    { id: 'FunctionVersionArn', value: refs.functionArn, description: `Versioned function ARN of Build ID ${s.buildId}${inRegion} (--aws-lambda-function-arn)` },
    { id: 'InvokerRoleArn', value: refs.invokerRoleArn, description: `Role Temporal Cloud assumes to invoke the function${inRegion} (--aws-lambda-assume-role-arn)` },
    { id: 'ExternalId', value: s.externalId, description: 'External ID of the invoker role (--aws-lambda-assume-role-external-id)' },
    { id: 'BuildId', value: s.buildId, description: 'Build ID of the Worker Deployment Version (--build-id)' },
  ];
  if (s.deploymentName !== undefined) outputs.push({ id: 'DeploymentName', value: s.deploymentName, description: 'Worker Deployment name (--deployment-name)' });
  outputs.push({ id: 'RegistrationCommand', value: refs.registrationCommand, description: 'Shape of the Worker Deployment Version registration (add your connection flags or profile)' });
  return outputs;
}

// --- Checks ---------------------------------------------------------------------------------

const EXTERNAL_ID_CHARSET = /^[\w+=,.@:/-]+$/;

/**
 * The invoker role's external ID: 5-45 characters of STS's character set (rule
 * `TEMPORAL_SERVERLESS_EXTERNAL_ID`), reported as `prop`. Unresolved values are not checked.
 */
export function checkExternalId(externalId: string | undefined, prop: string, path?: string): InputHit[] {
  const c = new InputChecker(SERVERLESS_EXTERNAL_ID_RULE, '', path);
  if (externalId === undefined || isUnresolved(externalId)) return c.hits;
  const charset = EXTERNAL_ID_CHARSET.test(externalId);
  if (externalId.length >= 5 && externalId.length <= 45 && charset) return c.hits;
  c.add(prop, externalId,
    `the external ID has ${externalId.length} characters${charset ? '' : ' and characters STS rejects'}; Temporal Cloud must present it to assume the invoker role, and STS accepts only 5-45 characters of [A-Za-z0-9+=,.@:/_-].`,
    'use the external ID you register with the Worker Deployment Version: 5 to 45 characters, e.g. a random 32-character string kept in your deployment config.');
  return c.hits;
}

/**
 * A Build ID a Lambda version and alias can be published for: known at synth, not empty, no surrounding whitespace, at most 256 characters (the
 * version's description). https://docs.aws.amazon.com/lambda/latest/api/API_PublishVersion.html
 */
export function checkBuildId(buildId: string, prop: string, path?: string): InputHit[] {
  const c = new InputChecker(SERVERLESS_SETTINGS_RULE, '', path);
  if (isUnresolved(buildId)) {
    c.add(prop, buildId, 'is only known at deploy time, but the Lambda version and its alias are named after it at synth.',
      'pass the Build ID as a string (e.g. from context or an environment variable of the synth).');
  } else if (buildId.trim() === '') {
    c.add(prop, buildId, 'is empty: a Worker Deployment Version needs a Build ID to register the function under.', 'set buildId to the version of the Worker code (e.g. a git SHA).');
  } else if (buildId.trim() !== buildId) {
    c.add(prop, buildId, 'has surrounding whitespace, which the Build ID in the Worker code would not have.', 'remove the whitespace.');
  } else if (buildId.length > 256) {
    c.add(prop, `${buildId.slice(0, 20)}...`, `has ${buildId.length} characters; it is the Lambda version's description, which holds at most 256.`, 'use a shorter Build ID (e.g. a git SHA).');
  }
  return c.hits;
}

/** Variables set by a serverless Worker from props, and the prop that sets each. */
const SERVERLESS_MANAGED: Record<string, string> = {
  [ServerlessEnv.BUILD_ID]: 'buildId',
  [ServerlessEnv.DEPLOYMENT_NAME]: 'deploymentName',
  [ServerlessEnv.TASK_QUEUE]: 'taskQueue',
};

/**
 * Checks a serverless function's options under `prefix` (`''` for a block, `serverlessWorkers` for a pattern): external ID, handler, memory, timeout,
 * architecture and the extra environment. Limits: https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
 */
export function checkServerlessFunction(input: ServerlessFunctionSpec, prefix: string, path?: string): InputHit[] {
  const c = new InputChecker(SERVERLESS_SETTINGS_RULE, prefix, path);
  if (input.handler !== undefined && !isUnresolved(input.handler) && input.handler.trim() === '') {
    c.add('handler', input.handler, 'is empty: Lambda needs the handler to call in a zip archive.', "set the handler, e.g. 'index.handler'.");
  }
  c.wholeNumber('memorySize', input.memorySize, 128, 10240, 'set the memory in MiB, e.g. 1024.');
  c.wholeNumber('timeoutSeconds', input.timeoutSeconds, 1, 900, 'set at most 900 seconds (15 minutes), Lambda\'s longest invocation.');
  if (input.architecture !== undefined && !isUnresolved(input.architecture) && architectureOf(input.architecture) === undefined) {
    c.add('architecture', input.architecture, 'is not a Lambda instruction set.', "use 'x86_64' or 'arm64'.");
  }
  for (const [name, value] of Object.entries(input.environment ?? {})) {
    const base = name.endsWith(ServerlessEnv.SECRET_ARN_SUFFIX) ? name.slice(0, -ServerlessEnv.SECRET_ARN_SUFFIX.length)
      : name.endsWith(ServerlessEnv.SECRET_FIELD_SUFFIX) ? name.slice(0, -ServerlessEnv.SECRET_FIELD_SUFFIX.length) : undefined;
    if (name in SERVERLESS_MANAGED) {
      c.add(`environment.${name}`, value, `${name} is set by the library from props.`, `remove it and set ${SERVERLESS_MANAGED[name]} instead.`);
    } else if (base !== undefined && CREDENTIAL_VARIABLES.includes(base)) {
      c.add(`environment.${name}`, value, `${name} names the secret of a credential, which the library sets from the credentials.`,
        'remove it and pass the secret as credentials (TemporalCredentials).');
    } else if (LAMBDA_RESERVED_ENV.includes(name)) {
      c.add(`environment.${name}`, value, `${name} is reserved by Lambda: the function would be rejected at deploy.`, 'remove it (Lambda sets it).');
    }
  }
  return [
    ...checkExternalId(input.externalId, prefix ? `${prefix}.externalId` : 'externalId', path),
    ...c.hits,
    ...checkEnvironment(input.environment, prefix, path),
  ];
}

/**
 * Every check of a serverless Worker block: its function options, Build ID and connection (with
 * `auth`). Warnings (a TLS server name that is not the Namespace Endpoint's) come back separately.
 */
export function checkServerlessWorker(spec: ServerlessWorkerSpec, auth: AuthMethod, path?: string): { errors: InputHit[]; warnings: InputHit[] } {
  const connection = checkConnection({ ...resolveServerlessFunction(spec), auth }, path);
  return {
    errors: [...checkBuildId(spec.buildId, 'buildId', path), ...connection.errors, ...checkServerlessFunction(spec, '', path)],
    warnings: connection.warnings,
  };
}

/** `CpuArchitecture` of a Lambda architecture name (`x86_64`, `arm64`) or of a `CpuArchitecture` value, any case. */
export function architectureOf(name: string | undefined): CpuArchitecture | undefined {
  switch (name?.toLowerCase()) {
    case 'x86_64': return CpuArchitecture.X86_64;
    case 'arm64': return CpuArchitecture.ARM64;
    default: return undefined;
  }
}

/**
 * A valid Lambda alias name derived from the Build ID: `[A-Za-z0-9_-]`, not all digits, at most 128
 * characters (https://docs.aws.amazon.com/lambda/latest/api/API_CreateAlias.html).
 */
export function aliasNameFor(buildId: string): string {
  let name = buildId.replace(/[^A-Za-z0-9_-]/g, '-');
  if (/^[0-9]+$/.test(name)) name = `build-${name}`;
  if (name.length > 128) name = `${name.slice(0, 119)}-${createHash('sha256').update(buildId).digest('hex').slice(0, 8)}`;
  return name;
}

/** Single-quotes a value for a POSIX shell when it holds anything beyond safe characters. */
function shellQuote(value: string): string {
  if (isUnresolved(value) || /^[A-Za-z0-9+=,.@:/_-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, '\'\\\'\'')}'`;
}

/** What a planned function's serverless Worker block is given, in both engines (the codec URL is the engine's value). */
export function plannedServerlessWorkerInput(fn: PlannedFunction, codecUrl: string | undefined): ServerlessWorkerInput {
  const { handler, externalId, deploymentName, taskQueue, environment, memorySize } = fn.settings;
  const { buildId, namespace, temporalAddress: address } = fn;
  return { handler, externalId, deploymentName, taskQueue, environment, memorySize, buildId, namespace, address, codecEndpoint: codecUrl };
}

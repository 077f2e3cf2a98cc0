import { createHash } from 'crypto';
import { Construct } from 'constructs';
import { TemporalCredentials } from './credentials';
import { namespaceEndpointHost, requiredTlsServerName, withPort } from '../../core/endpoints';
import { AuthMethod } from '../../core/model';
import { DeploymentPlan } from '../../core/plan';
import { normalizeAwsRegion } from '../../core/regions';
import { SERVERLESS_EXTERNAL_ID } from '../../core/rules/serverless-external-id';
import { INVOKER_ACTIONS, ServerlessEnv, TEMPORAL_CLOUD_INVOKER_PRINCIPALS } from '../../core/serverless';
import { TemporalEnv, workerEnvironment } from '../../core/worker-config';
import {
  AwsProvider, CloudwatchLogGroup, IamRole, IamRolePolicy, IamRolePolicyAttachment, LambdaAlias, LambdaFunction,
  SecurityGroup, TerraformOutput, Token, VpcSecurityGroupEgressRule,
} from '../engine';
import { policyDocument, serviceTrustPolicy, throwIfErrors } from '../util';

/**
 * Where a serverless Worker's code is, in the function's region (Lambda reads code from a bucket or
 * repository in its own region).
 */
export class ServerlessWorkerCode {
  /** A zip archive in S3 (run with `handler` and `runtime`). */
  public static fromS3(bucket: string, key: string, objectVersion?: string): ServerlessWorkerCode {
    return new ServerlessWorkerCode({ s3Bucket: bucket, s3Key: key, s3ObjectVersion: objectVersion });
  }

  /** A container image in ECR (`<account>.dkr.ecr.<region>.amazonaws.com/<repo>:<tag>` or `@sha256:...`). */
  public static fromImage(imageUri: string): ServerlessWorkerCode {
    return new ServerlessWorkerCode({ imageUri });
  }

  private constructor(
    /** The code location, as `aws_lambda_function` arguments. */
    public readonly location: { readonly s3Bucket?: string; readonly s3Key?: string; readonly s3ObjectVersion?: string; readonly imageUri?: string },
  ) {}

  /** Whether the code is a container image. */
  public get isImage(): boolean {
    return this.location.imageUri !== undefined;
  }
}

/** Construction properties of `TemporalServerlessWorker`. */
export interface TemporalServerlessWorkerProps {
  /** The provider of the function's region. */
  readonly provider: AwsProvider;
  /** The function's AWS region. */
  readonly awsRegion: string;
  /** The code, in this region. */
  readonly code: ServerlessWorkerCode;
  /**
   * The handler (zip archives).
   * @default 'index.handler'
   */
  readonly handler?: string;
  /**
   * The Build ID of this code: the Worker Deployment Version registers under it, and a Lambda
   * version (and an alias named after it) is published for it. Use the same Build ID in every
   * namespace region.
   */
  readonly buildId: string;
  /** The external ID Temporal Cloud presents when it assumes the invoker role (5-45 characters of `[A-Za-z0-9+=,.@:/_-]`). */
  readonly externalId: string;
  /** The qualified namespace, `<name>.<account>` (`TEMPORAL_NAMESPACE`). */
  readonly namespace: string;
  /** The credentials: their secret ARNs are passed to the function, never their values. */
  readonly credentials: TemporalCredentials;
  /**
   * The `host:port` the Worker dials (`TEMPORAL_ADDRESS`).
   * @default - the Namespace Endpoint (it follows the active region after a failover)
   */
  readonly address?: string;
  /**
   * The TLS server name to verify (`TEMPORAL_TLS_SERVER_NAME`). Required with mTLS whenever
   * `address` is not the Namespace Endpoint.
   * @default - none
   */
  readonly tlsServerName?: string;
  /**
   * The codec server URL (`TEMPORAL_CODEC_ENDPOINT`).
   * @default - none
   */
  readonly codecEndpoint?: string;
  /**
   * The Worker Deployment name the version is registered under (`TEMPORAL_LAMBDA_DEPLOYMENT_NAME`).
   * @default - none: the registration command shows the placeholder `YourDeploymentName`
   */
  readonly deploymentName?: string;
  /**
   * The Task Queue the Worker polls (`TEMPORAL_TASK_QUEUE`).
   * @default - none: the Worker code sets its task queue
   */
  readonly taskQueue?: string;
  /**
   * Additional plain environment variables. Must not contain the variables this construct sets, nor
   * any credential variable.
   * @default - none
   */
  readonly environment?: { [key: string]: string };
  /**
   * The Lambda runtime (zip archives).
   * @default 'nodejs22.x'
   */
  readonly runtime?: string;
  /**
   * Memory in MiB (128-10240).
   * @default 1024
   */
  readonly memorySize?: number;
  /**
   * The invocation timeout in seconds (1-900): every Activity must finish within it.
   * @default 90
   */
  readonly timeoutSeconds?: number;
  /**
   * Instruction set (`x86_64` or `arm64`).
   * @default 'x86_64'
   */
  readonly architecture?: string;
  /**
   * The function name.
   * @default - derived from the construct path
   */
  readonly functionName?: string;
  /**
   * Run the function in these subnets (to reach Temporal Cloud over PrivateLink, for example).
   * @default - not in a VPC
   */
  readonly vpc?: { readonly vpcId: string; readonly subnetIds: string[] };
  /**
   * Retention of the function's logs, in days.
   * @default 30
   */
  readonly logRetentionDays?: number;
  /**
   * Tags for every resource.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/**
 * A Temporal Serverless Worker on AWS Lambda, in one region: the function running your Worker code,
 * a published version (and alias) per Build ID, and the invoker role Temporal Cloud assumes to
 * invoke it (trusted by `TEMPORAL_CLOUD_INVOKER_PRINCIPALS` with an `sts:ExternalId` condition; it may
 * only `lambda:InvokeFunction` and `lambda:GetFunction` on `function:<name>` and `function:<name>:*`).
 * One Worker Deployment spans both namespace regions: deploy it in each region with the same Build
 * ID, then register each region's function under that Build ID.
 *
 * Environment contract (the same as the AWS CDK flavour's `TemporalServerlessWorker`, so one Worker
 * package works with either engine): Temporal's standard variables in the clear (`TEMPORAL_ADDRESS`,
 * `TEMPORAL_NAMESPACE`, `TEMPORAL_TLS`, optionally `TEMPORAL_TLS_SERVER_NAME`,
 * `TEMPORAL_CODEC_ENDPOINT`, `TEMPORAL_TASK_QUEUE`), `TEMPORAL_LAMBDA_BUILD_ID` and, when set,
 * `TEMPORAL_LAMBDA_DEPLOYMENT_NAME`. Lambda cannot inject secrets and a credential never appears in
 * the configuration: for each credential variable `<VAR>` (`TEMPORAL_API_KEY`, or
 * `TEMPORAL_TLS_CLIENT_CERT_DATA` and `TEMPORAL_TLS_CLIENT_KEY_DATA`) the function gets
 * `<VAR>_SECRET_ARN` and, for a JSON field, `<VAR>_SECRET_FIELD`; the execution role may read those
 * secrets. The handler reads them at cold start and sets `<VAR>` before loading its connection.
 *
 * Registration (no Terraform resource exists for a Worker Deployment Version): Terraform outputs per
 * region give the versioned function ARN, the invoker role ARN, the external ID and the Build ID,
 * and `registrationCommand` shows the `temporal worker deployment create-version` call.
 */
export class TemporalServerlessWorker extends Construct {
  /** The principals Temporal Cloud invokes serverless Workers from (the invoker role trusts them). */
  public static readonly TEMPORAL_CLOUD_INVOKER_PRINCIPALS: string[] = [...TEMPORAL_CLOUD_INVOKER_PRINCIPALS];
  /** The actions the invoker role needs on the function and its versions. */
  public static readonly INVOKER_ACTIONS: string[] = [...INVOKER_ACTIONS];
  /** Suffix of the variable holding the secret ARN of a credential variable (`TEMPORAL_API_KEY_SECRET_ARN`). */
  public static readonly SECRET_ARN_SUFFIX: string = ServerlessEnv.SECRET_ARN_SUFFIX;
  /** Suffix of the variable naming the JSON field of a credential inside its secret. */
  public static readonly SECRET_FIELD_SUFFIX: string = ServerlessEnv.SECRET_FIELD_SUFFIX;
  /** The variable holding the Build ID. */
  public static readonly BUILD_ID_ENV: string = ServerlessEnv.BUILD_ID;
  /** The variable holding the Worker Deployment name. */
  public static readonly DEPLOYMENT_NAME_ENV: string = ServerlessEnv.DEPLOYMENT_NAME;
  /** The variable holding the Task Queue. */
  public static readonly TASK_QUEUE_ENV: string = ServerlessEnv.TASK_QUEUE;

  /** The function (`publish = true`: a version per configuration, so per Build ID). */
  public readonly lambdaFunction: LambdaFunction;
  /** The alias named after the Build ID, pointing at the version published for it. */
  public readonly alias: LambdaAlias;
  /** The function's execution role (add your Activities' permissions to it). */
  public readonly executionRole: IamRole;
  /** The role Temporal Cloud assumes to invoke the function. */
  public readonly invokerRole: IamRole;
  /** The versioned function ARN (`...:function:<name>:<version>`) to register. */
  public readonly functionArn: string;
  /** The invoker role ARN to register. */
  public readonly invokerRoleArn: string;
  /** The external ID to register. */
  public readonly externalId: string;
  /** The Build ID to register. */
  public readonly buildId: string;
  /** The shape of the registration call (connection flags come from your CLI environment or profile). */
  public readonly registrationCommand: string;
  /** The function's plain environment (no secret value). */
  public readonly environment: { [key: string]: string };
  /** Credential variable -> the variable holding its secret ARN. */
  public readonly secretArnEnvironmentVariables: { [key: string]: string };

  constructor(scope: Construct, id: string, props: TemporalServerlessWorkerProps) {
    super(scope, id);
    const { provider } = props;
    const errors: string[] = [];
    const tags = props.tags ?? {};
    const region = normalizeAwsRegion(props.awsRegion);
    const address = props.address ?? defaultAddress(props.namespace);
    const memorySize = props.memorySize ?? 1024;
    const timeout = props.timeoutSeconds ?? 90;
    const functionName = props.functionName ?? lambdaName(this.node.path);

    checkExternalId(errors, props.externalId);
    if (!Token.isUnresolved(props.buildId) && props.buildId.trim() === '') {
      errors.push('buildId is empty: a Worker Deployment Version needs a Build ID to register the function under. Set buildId to the version of the Worker code (e.g. a git SHA).');
    }
    if (!Token.isUnresolved(memorySize) && !(Number.isInteger(memorySize) && memorySize >= 128 && memorySize <= 10240)) {
      errors.push(`memorySize (${memorySize}) must be a whole number of MiB from 128 to 10240. Use e.g. 1024.`);
    }
    if (!Token.isUnresolved(timeout) && !(timeout >= 1 && timeout <= 900)) {
      errors.push(`timeoutSeconds (${timeout}) is outside Lambda's 1-900 s. Use at most 900.`);
    }
    const host = Token.isUnresolved(address) ? undefined : /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):(\d{1,5})$/.exec(address)?.[1];
    if (props.credentials.method === AuthMethod.MTLS && host !== undefined && props.tlsServerName === undefined && props.namespace.includes('.')) {
      const [name, ...rest] = props.namespace.split('.');
      const needed = requiredTlsServerName({ auth: AuthMethod.MTLS, namespaceHost: namespaceEndpointHost({ name, accountId: rest.join('.') }), upstreamHost: host, viaProxy: false });
      if (needed) errors.push(`tlsServerName is not set, but the credentials are mTLS and address ('${address}') is not the Namespace Endpoint. Set tlsServerName: '${needed}'.`);
    }
    const managed = [TemporalServerlessWorker.BUILD_ID_ENV, TemporalServerlessWorker.DEPLOYMENT_NAME_ENV, TemporalServerlessWorker.TASK_QUEUE_ENV];
    const credentialVars: string[] = [
      TemporalEnv.API_KEY, TemporalEnv.TLS_CLIENT_CERT_DATA, TemporalEnv.TLS_CLIENT_KEY_DATA,
      TemporalEnv.TLS_CLIENT_CERT_PATH, TemporalEnv.TLS_CLIENT_KEY_PATH,
    ];
    for (const name of Object.keys(props.environment ?? {})) {
      const base = name.replace(/(_SECRET_ARN|_SECRET_FIELD)$/, '');
      if (managed.includes(name)) errors.push(`environment sets ${name}, which this construct sets from props. Remove it.`);
      else if (credentialVars.includes(base)) errors.push(`environment sets ${name}, a credential variable: credentials must come from Secrets Manager. Remove it and pass credentials.`);
    }
    throwIfErrors(`TemporalServerlessWorker(${this.node.path})`, errors);

    // Connection settings in Temporal's names; credential variables become secret-ARN variables.
    const env = workerEnvironment({
      address,
      namespace: props.namespace,
      auth: props.credentials.method,
      tlsServerName: props.tlsServerName,
      codecEndpoint: props.codecEndpoint,
    }, props.environment ?? {});
    const bound = props.credentials.bind(this, provider);
    const plain: Record<string, string> = { ...env.plain, [TemporalServerlessWorker.BUILD_ID_ENV]: props.buildId };
    if (props.deploymentName !== undefined) plain[TemporalServerlessWorker.DEPLOYMENT_NAME_ENV] = props.deploymentName;
    if (props.taskQueue !== undefined) plain[TemporalServerlessWorker.TASK_QUEUE_ENV] = props.taskQueue;
    const secretArnVars: Record<string, string> = {};
    for (const [name, part] of Object.entries(env.secrets)) {
      const p = bound.parts.find((x) => x.part === part)!;
      const arnVar = `${name}${TemporalServerlessWorker.SECRET_ARN_SUFFIX}`;
      plain[arnVar] = p.secretArn;
      if (p.field !== undefined) plain[`${name}${TemporalServerlessWorker.SECRET_FIELD_SUFFIX}`] = p.field;
      secretArnVars[name] = arnVar;
    }

    const logs = new CloudwatchLogGroup(this, 'Logs', {
      provider, name: `/aws/lambda/${functionName}`, retentionInDays: props.logRetentionDays ?? 30, tags,
    });
    // An explicit execution role: logs to this log group only, and read on its own secrets.
    this.executionRole = new IamRole(this, 'ExecutionRole', {
      provider,
      description: `Execution role of the Temporal serverless Worker ${functionName} (${region})`,
      assumeRolePolicy: serviceTrustPolicy('lambda.amazonaws.com'),
      tags,
    });
    new IamRolePolicy(this, 'ExecutionPolicy', {
      provider,
      role: this.executionRole.id,
      policy: policyDocument([
        { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: [logs.arn, `${logs.arn}:*`] },
        { Effect: 'Allow', Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Resource: bound.secretArns },
      ]),
    });
    let vpcConfig: { subnetIds: string[]; securityGroupIds: string[] } | undefined;
    if (props.vpc) {
      new IamRolePolicyAttachment(this, 'VpcAccess', {
        provider, role: this.executionRole.name, policyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole',
      });
      const sg = new SecurityGroup(this, 'SecurityGroup', {
        provider, vpcId: props.vpc.vpcId, description: 'Temporal serverless Worker: outbound only', tags,
      });
      new VpcSecurityGroupEgressRule(this, 'Egress', { provider, securityGroupId: sg.id, ipProtocol: '-1', cidrIpv4: '0.0.0.0/0', description: 'All outbound' });
      vpcConfig = { subnetIds: props.vpc.subnetIds, securityGroupIds: [sg.id] };
    }
    const image = props.code.isImage;
    this.lambdaFunction = new LambdaFunction(this, 'Function', {
      provider,
      functionName,
      description: `Temporal serverless Worker for ${props.namespace}`,
      role: this.executionRole.arn,
      packageType: image ? 'Image' : 'Zip',
      ...props.code.location,
      handler: image ? undefined : (props.handler ?? 'index.handler'),
      runtime: image ? undefined : (props.runtime ?? 'nodejs22.x'),
      architectures: [props.architecture ?? 'x86_64'],
      memorySize,
      timeout,
      // A version is published whenever the code or configuration changes; the Build ID is in the
      // environment, so each Build ID gets its own version. Earlier versions stay (pinned Workflows drain on them).
      publish: true,
      environment: { variables: plain },
      vpcConfig,
      loggingConfig: { logFormat: 'Text', logGroup: logs.name },
      tags: { ...tags, TemporalBuildId: props.buildId },
      dependsOn: [logs],
    });
    this.alias = new LambdaAlias(this, 'Alias', {
      provider,
      name: aliasNameFor(props.buildId),
      functionName: this.lambdaFunction.functionName,
      functionVersion: this.lambdaFunction.version,
      description: `Build ID ${props.buildId}`,
    });

    this.invokerRole = new IamRole(this, 'InvokerRole', {
      provider,
      description: `Assumed by Temporal Cloud to invoke ${functionName} in ${region}`,
      assumeRolePolicy: policyDocument([{
        Effect: 'Allow',
        Principal: { AWS: [...TemporalServerlessWorker.TEMPORAL_CLOUD_INVOKER_PRINCIPALS] },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': props.externalId } },
      }]),
      tags,
    });
    new IamRolePolicy(this, 'InvokePolicy', {
      provider,
      role: this.invokerRole.id,
      policy: policyDocument([{
        Effect: 'Allow',
        Action: TemporalServerlessWorker.INVOKER_ACTIONS,
        Resource: [this.lambdaFunction.arn, `${this.lambdaFunction.arn}:*`],
      }]),
    });

    this.functionArn = this.lambdaFunction.qualifiedArn;
    this.invokerRoleArn = this.invokerRole.arn;
    this.externalId = props.externalId;
    this.buildId = props.buildId;
    this.environment = { ...plain };
    this.secretArnEnvironmentVariables = secretArnVars;
    this.registrationCommand = [
      'temporal worker deployment create-version',
      `--namespace ${shellQuote(props.namespace)}`,
      `--deployment-name ${props.deploymentName === undefined ? 'YourDeploymentName' : shellQuote(props.deploymentName)}`,
      `--build-id ${shellQuote(props.buildId)}`,
      `--aws-lambda-function-arn ${this.functionArn}`,
      `--aws-lambda-assume-role-arn ${this.invokerRoleArn}`,
      `--aws-lambda-assume-role-external-id ${shellQuote(props.externalId)}`,
    ].join(' ');

    const out = (name: string, value: string, description: string) => new TerraformOutput(this, name, { value, description });
    out('FunctionVersionArn', this.functionArn, `Versioned function ARN of Build ID ${props.buildId} in ${region} (--aws-lambda-function-arn)`);
    out('InvokerRoleArn', this.invokerRoleArn, `Role Temporal Cloud assumes to invoke the function in ${region} (--aws-lambda-assume-role-arn)`);
    out('ExternalId', props.externalId, 'External ID of the invoker role (--aws-lambda-assume-role-external-id)');
    out('BuildId', props.buildId, 'Build ID of the Worker Deployment Version (--build-id)');
    if (props.deploymentName !== undefined) out('DeploymentName', props.deploymentName, 'Worker Deployment name (--deployment-name)');
    out('RegistrationCommand', this.registrationCommand, 'Shape of the Worker Deployment Version registration (add your connection flags or profile)');
  }
}

/** The Namespace Endpoint of a qualified namespace. */
function defaultAddress(namespace: string): string {
  const dot = namespace.indexOf('.');
  if (Token.isUnresolved(namespace) || dot < 0) return withPort(`${namespace}.tmprl.cloud`);
  return withPort(namespaceEndpointHost({ name: namespace.slice(0, dot), accountId: namespace.slice(dot + 1) }));
}

/** The core rule TEMPORAL_SERVERLESS_EXTERNAL_ID, applied to this prop (same check, same words). */
function checkExternalId(errors: string[], externalId: string): void {
  if (Token.isUnresolved(externalId)) return;
  const plan = { request: { serverless: { buildIds: {}, externalId } } } as unknown as DeploymentPlan;
  for (const hit of SERVERLESS_EXTERNAL_ID.check(plan)) {
    errors.push(`[${SERVERLESS_EXTERNAL_ID.id}] externalId = ${hit.value}: ${hit.message} Fix: ${hit.fix}`);
  }
}

/** A valid Lambda alias name derived from the Build ID: `[A-Za-z0-9_-]`, not all digits, at most 128 characters. */
export function aliasNameFor(buildId: string): string {
  let name = buildId.replace(/[^A-Za-z0-9_-]/g, '-');
  if (/^[0-9]+$/.test(name)) name = `build-${name}`;
  if (name.length > 128) name = `${name.slice(0, 119)}-${createHash('sha256').update(buildId).digest('hex').slice(0, 8)}`;
  return name;
}

/** A Lambda function name (at most 64 characters of `[A-Za-z0-9_-]`) from a construct path. */
function lambdaName(path: string): string {
  const s = path.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return s.length <= 64 ? s : `${s.slice(0, 55)}-${createHash('sha256').update(path).digest('hex').slice(0, 8)}`;
}

/** Single-quotes a value for a POSIX shell when it holds anything beyond safe characters. */
function shellQuote(value: string): string {
  if (Token.isUnresolved(value) || /^[A-Za-z0-9+=,.@:/_-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, '\'\\\'\'')}'`;
}

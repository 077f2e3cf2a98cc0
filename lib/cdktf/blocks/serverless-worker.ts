import { createHash } from 'crypto';
import { Construct } from 'constructs';
import { TemporalCredentials } from './credentials';
import {
  checkServerlessWorker, FunctionEnvironment, functionEnvironment, FunctionSettings, invokerTrustStatement, invokeResources, registrationCommand,
  registrationOutputs, resolveServerlessFunction, ServerlessWorkerInput,
} from '../../core/components/serverless-worker';
import { blockWarning } from '../../core/components/worker-service';
import { throwIfProblems } from '../../core/errors';
import { normalizeAwsRegion } from '../../core/regions';
import { EXECUTION_LOG_ACTIONS, INVOKER_ACTIONS, VPC_ACCESS_POLICY } from '../../core/serverless';
import {
  Annotations, AwsProvider, CloudwatchLogGroup, IamRole, IamRolePolicy, IamRolePolicyAttachment, LambdaAlias, LambdaFunction,
  SecurityGroup, SqsQueue, SqsQueuePolicy, TerraformOutput, VpcSecurityGroupEgressRule,
} from '../engine';
import { policyDocument, serviceTrustPolicy } from '../util';

export { aliasNameFor } from '../../core/components/serverless-worker';
export type { FunctionEnvironment, FunctionSettings } from '../../core/components/serverless-worker';

/** Where a serverless Worker's code is, in the function's region (Lambda reads code from its own region only). */
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
export interface TemporalServerlessWorkerProps extends ServerlessWorkerInput {
  /** The provider of the function's region. */
  readonly provider: AwsProvider;
  /** The function's AWS region. */
  readonly awsRegion: string;
  /** The code, in this region. */
  readonly code: ServerlessWorkerCode;
  /** The credentials: their secret ARNs are passed to the function, never their values. */
  readonly credentials: TemporalCredentials;
  /** The Lambda runtime name (zip archives). @default 'nodejs24.x' (`SERVERLESS_DEFAULTS.runtime`, the same in both engines) */
  readonly runtime?: string;
  /** The invocation timeout in seconds (1-900): every Activity must finish within it. @default 90 */
  readonly timeoutSeconds?: number;
  /** Instruction set: `x86_64` or `arm64` (or a `CpuArchitecture` value). @default 'x86_64' */
  readonly architecture?: string;
  /** The function name. @default - derived from the construct path */
  readonly functionName?: string;
  /** Run the function in these subnets (to reach Temporal Cloud over PrivateLink, for example). @default - not in a VPC */
  readonly vpc?: { readonly vpcId: string; readonly subnetIds: string[] };
  /** Retention of the function's logs, in days. @default 30 */
  readonly logRetentionDays?: number;
  /** Tags for every resource. @default - none */
  readonly tags?: { [key: string]: string };
  /** The ARN of a customer-managed KMS key for the function's log group (its key policy must let CloudWatch Logs use it). @default - CloudWatch Logs' own encryption */
  readonly logKmsKeyArn?: string;
  /** Reserved concurrency of the function (a cap, and executions kept for it). @default - none: the account's unreserved pool */
  readonly reservedConcurrentExecutions?: number;
  /**
   * With a value: a dead-letter queue (SQS, SSE-SQS, TLS only) for asynchronous invocations that failed every retry, keeping them this many days.
   * @default - no dead-letter queue
   */
  readonly deadLetterQueueRetentionDays?: number;
}

/**
 * A Temporal Serverless Worker on AWS Lambda, in one region: the function running your Worker code,
 * a published version (and alias) per Build ID, and the invoker role Temporal Cloud assumes to
 * invoke it (trusted by `TEMPORAL_CLOUD_INVOKER_PRINCIPALS` with an `sts:ExternalId` condition; it may
 * only `lambda:InvokeFunction` and `lambda:GetFunction` on `function:<name>` and `function:<name>:*`).
 * One Worker Deployment spans both namespace regions: deploy it in each region with the same Build
 * ID, then register each region's function under that Build ID.
 *
 * The environment contract (credentials as `<VAR>_SECRET_ARN`, read by the handler at cold start),
 * defaults and checks are the AWS CDK flavour's `TemporalServerlessWorker`, so one Worker package works
 * with either engine. Registration (no Terraform resource exists for a Worker Deployment Version):
 * Terraform outputs per region give the values; `registrationCommand` shows the CLI call.
 */
export class TemporalServerlessWorker extends Construct {
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
  /** The shape of the registration call (connection flags come from your CLI environment or profile). */
  public readonly registrationCommand: string;
  /** The resolved settings: the Build ID, external ID and Worker Deployment name to register, memory, timeout, ... */
  public readonly settings: FunctionSettings;
  /** The function's variables as written (no secret value), and each credential variable's secret ARN variable. */
  public readonly environment: FunctionEnvironment;

  constructor(scope: Construct, id: string, props: TemporalServerlessWorkerProps) {
    super(scope, id);
    const { provider } = props;
    const { errors, warnings } = checkServerlessWorker(props, props.credentials.method, this.node.path);
    throwIfProblems('TemporalServerlessWorker', this.node.path, errors);
    for (const w of warnings.map((h) => blockWarning(h, this.node.path))) Annotations.of(this).addWarning(`${w.id}: ${w.text}`);
    const s = resolveServerlessFunction(props);
    this.settings = s;
    const tags = props.tags ?? {};
    const region = normalizeAwsRegion(props.awsRegion);
    const functionName = props.functionName ?? lambdaName(this.node.path);

    const bound = props.credentials.bind(this, provider);
    this.environment = functionEnvironment(s, props.credentials.method, (part) => bound.parts.find((p) => p.part === part)!);

    const logs = new CloudwatchLogGroup(this, 'Logs', {
      provider, name: `/aws/lambda/${functionName}`, retentionInDays: s.logRetentionDays, kmsKeyId: props.logKmsKeyArn, tags,
    });
    const dlqDays = props.deadLetterQueueRetentionDays;
    const dlq = dlqDays === undefined ? undefined : deadLetterQueue(this, provider, dlqDays, tags);
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
        { Effect: 'Allow', Action: [...EXECUTION_LOG_ACTIONS], Resource: [logs.arn, `${logs.arn}:*`] },
        { Effect: 'Allow', Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Resource: bound.secretArns },
        ...(dlq ? [{ Effect: 'Allow' as const, Action: 'sqs:SendMessage', Resource: dlq.arn }] : []),
      ]),
    });
    let vpcConfig: { subnetIds: string[]; securityGroupIds: string[] } | undefined;
    if (props.vpc) {
      new IamRolePolicyAttachment(this, 'VpcAccess', { provider, role: this.executionRole.name, policyArn: `arn:aws:iam::aws:policy/service-role/${VPC_ACCESS_POLICY}` });
      const sg = new SecurityGroup(this, 'SecurityGroup', { provider, vpcId: props.vpc.vpcId, description: 'Temporal serverless Worker: outbound only', tags });
      new VpcSecurityGroupEgressRule(this, 'Egress', { provider, securityGroupId: sg.id, ipProtocol: '-1', cidrIpv4: '0.0.0.0/0', description: 'All outbound' });
      vpcConfig = { subnetIds: props.vpc.subnetIds, securityGroupIds: [sg.id] };
    }
    const image = props.code.isImage;
    this.lambdaFunction = new LambdaFunction(this, 'Function', {
      provider,
      functionName,
      description: s.description,
      role: this.executionRole.arn,
      packageType: image ? 'Image' : 'Zip',
      ...props.code.location,
      handler: image ? undefined : s.handler,
      runtime: image ? undefined : s.runtime,
      architectures: [s.lambdaArchitecture],
      memorySize: s.memorySize,
      timeout: s.timeoutSeconds,
      // A version is published whenever the code or configuration changes; the Build ID is in the
      // environment, so each Build ID gets its own version. Earlier versions stay (pinned Workflows drain on them).
      publish: true,
      environment: { variables: this.environment.variables },
      vpcConfig,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      deadLetterConfig: dlq && { targetArn: dlq.arn },
      loggingConfig: { logFormat: 'Text', logGroup: logs.name },
      tags: { ...tags, TemporalBuildId: s.buildId },
      dependsOn: [logs],
    });
    this.alias = new LambdaAlias(this, 'Alias', {
      provider,
      name: s.aliasName,
      functionName: this.lambdaFunction.functionName,
      functionVersion: this.lambdaFunction.version,
      description: s.aliasDescription,
    });

    this.invokerRole = new IamRole(this, 'InvokerRole', {
      provider,
      description: `Assumed by Temporal Cloud to invoke ${functionName} in ${region}`,
      assumeRolePolicy: policyDocument([invokerTrustStatement(s.externalId)]),
      tags,
    });
    new IamRolePolicy(this, 'InvokePolicy', {
      provider,
      role: this.invokerRole.id,
      policy: policyDocument([{ Effect: 'Allow', Action: [...INVOKER_ACTIONS], Resource: invokeResources(this.lambdaFunction.arn) }]),
    });

    this.functionArn = this.lambdaFunction.qualifiedArn;
    this.invokerRoleArn = this.invokerRole.arn;
    this.registrationCommand = registrationCommand(s, this.functionArn, this.invokerRoleArn);
    for (const o of registrationOutputs(s, this, region)) new TerraformOutput(this, o.id, { value: o.value, description: o.description });
  }
}

/** The dead-letter queue of a function, as the AWS CDK flavour's: SSE-SQS, and a policy refusing requests without TLS. */
function deadLetterQueue(scope: Construct, provider: AwsProvider, retentionDays: number, tags: Record<string, string>): SqsQueue {
  const queue = new SqsQueue(scope, 'DeadLetterQueue', { provider, messageRetentionSeconds: retentionDays * 86400, sqsManagedSseEnabled: true, tags });
  new SqsQueuePolicy(scope, 'DeadLetterQueuePolicy', {
    provider,
    queueUrl: queue.url,
    policy: policyDocument([{
      Sid: 'TlsOnly', Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sqs:*', Resource: queue.arn, Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    }]),
  });
  return queue;
}

/** A Lambda function name (at most 64 characters of `[A-Za-z0-9_-]`) from a construct path. */
function lambdaName(path: string): string {
  const s = path.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return s.length <= 64 ? s : `${s.slice(0, 55)}-${createHash('sha256').update(path).digest('hex').slice(0, 8)}`;
}

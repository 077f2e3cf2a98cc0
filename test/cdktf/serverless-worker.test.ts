/**
 * The CDK for Terraform `TemporalServerlessWorker` used on its own: the same defaults, checks, error
 * texts and environment as the AWS CDK flavour's block, from the same engine-neutral spec.
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack } from 'cdktf';
import { errorOf, newStack, resourcesOf, synthStack, TfJson } from './support';
import { ServerlessWorkerCode, TemporalCredentials, TemporalHaValidationError, TemporalServerlessWorker } from '../../lib/cdktf';
import type { TemporalServerlessWorkerProps } from '../../lib/cdktf/blocks/serverless-worker';
import { SERVERLESS_DEFAULTS } from '../../lib/core/components/serverless-worker';

const EXTERNAL_ID = 'orders-7f3c9a1e5b2d4c6a8e0f';
const MTLS = () => TemporalCredentials.mtlsFromSecretNames({ certificateSecretName: 'temporal/cert', privateKeySecretName: 'temporal/key' });

function worker(stack: TerraformStack, props: Partial<TemporalServerlessWorkerProps> = {}): TemporalServerlessWorker {
  const provider = new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  return new TemporalServerlessWorker(stack, 'Serverless', {
    provider,
    awsRegion: 'us-east-1',
    code: ServerlessWorkerCode.fromS3('artifacts-us-east-1', 'orders-1.4.2.zip'),
    buildId: 'v1.4.2',
    externalId: EXTERNAL_ID,
    namespace: 'orders.a1b2c',
    credentials: TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
    ...props,
  });
}

function functionOf(json: TfJson): any {
  const [fn] = resourcesOf(json, 'aws_lambda_function');
  return fn.body;
}

describe('TemporalServerlessWorker (CDK for Terraform) on its own', () => {
  test('defaults are the engine-neutral ones, the AWS CDK flavour\'s too: nodejs24.x, 1024 MiB, 90 s, x86_64, index.handler, 30-day logs', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    worker(stack);
    // THEN
    const json = synthStack(stack);
    expect(functionOf(json)).toMatchObject({
      runtime: SERVERLESS_DEFAULTS.runtime,
      memory_size: SERVERLESS_DEFAULTS.memorySize,
      timeout: SERVERLESS_DEFAULTS.timeoutSeconds,
      architectures: ['x86_64'],
      handler: SERVERLESS_DEFAULTS.handler,
      publish: true,
    });
    expect(SERVERLESS_DEFAULTS.runtime).toBe('nodejs24.x');
    const [logs] = resourcesOf(json, 'aws_cloudwatch_log_group');
    expect(logs.body.retention_in_days).toBe(30);
  });

  test('given settings are written as given; the architecture accepts Lambda\'s name or the CpuArchitecture value', () => {
    const stack = newStack();
    worker(stack, { runtime: 'nodejs22.x', architecture: 'ARM64', memorySize: 2048, timeoutSeconds: 300, handler: 'dist/main.handler', logRetentionDays: 7 });
    const json = synthStack(stack);
    expect(functionOf(json)).toMatchObject({ runtime: 'nodejs22.x', architectures: ['arm64'], memory_size: 2048, timeout: 300, handler: 'dist/main.handler' });
    expect(resourcesOf(json, 'aws_cloudwatch_log_group')[0].body.retention_in_days).toBe(7);
  });

  test('the environment: Temporal\'s variables, the Build ID and the secret ARN (never the value), keys sorted', () => {
    const stack = newStack();
    const w = worker(stack, { taskQueue: 'orders', deploymentName: 'orders', environment: { LOG_LEVEL: 'info' } });
    const env = functionOf(synthStack(stack)).environment.variables;
    expect(Object.keys(env)).toEqual([
      'LOG_LEVEL', 'TEMPORAL_ADDRESS', 'TEMPORAL_API_KEY_SECRET_ARN', 'TEMPORAL_LAMBDA_BUILD_ID', 'TEMPORAL_LAMBDA_DEPLOYMENT_NAME',
      'TEMPORAL_NAMESPACE', 'TEMPORAL_TASK_QUEUE',
    ]);
    expect(env).toMatchObject({ TEMPORAL_ADDRESS: 'orders.a1b2c.tmprl.cloud:7233', TEMPORAL_LAMBDA_BUILD_ID: 'v1.4.2', TEMPORAL_TASK_QUEUE: 'orders' });
    expect(env.TEMPORAL_API_KEY_SECRET_ARN).toMatch(/^\$\{data\.aws_secretsmanager_secret\..+\.arn\}$/);
    expect(w.environment.secretArnVariables).toEqual({ TEMPORAL_API_KEY: 'TEMPORAL_API_KEY_SECRET_ARN' });
  });

  test('a 3-character external ID: the same TemporalHaValidationError text as the AWS CDK block', () => {
    const err = errorOf(() => worker(newStack(), { externalId: 'abc' }));
    expect(err).toBeInstanceOf(TemporalHaValidationError);
    expect(err.message).toMatch(/^TemporalServerlessWorker stack\/Serverless has 1 configuration error /);
    expect(err.message).toContain('[TEMPORAL_SERVERLESS_EXTERNAL_ID] stack/Serverless: externalId = \'abc\': the external ID has 3 characters');
    expect(err.message).toContain('Fix: use the external ID you register with the Worker Deployment Version');
  });

  test.each<[string, Partial<TemporalServerlessWorkerProps>, string, string, string]>([
    ['memory below 128 MiB', { memorySize: 64 }, 'TEMPORAL_SERVERLESS_SETTINGS', 'memorySize', '64'],
    ['a timeout above 900 s', { timeoutSeconds: 901 }, 'TEMPORAL_SERVERLESS_SETTINGS', 'timeoutSeconds', '901'],
    ['an empty handler', { handler: '' }, 'TEMPORAL_SERVERLESS_SETTINGS', 'handler', "''"],
    ['an unknown architecture', { architecture: 'sparc' }, 'TEMPORAL_SERVERLESS_SETTINGS', 'architecture', "'sparc'"],
    ['an empty Build ID', { buildId: '' }, 'TEMPORAL_SERVERLESS_SETTINGS', 'buildId', "''"],
    ['a Build ID with surrounding whitespace', { buildId: 'v1 ' }, 'TEMPORAL_SERVERLESS_SETTINGS', 'buildId', "'v1 '"],
    ['a Build ID longer than a version description', { buildId: 'b'.repeat(257) }, 'TEMPORAL_SERVERLESS_SETTINGS', 'buildId', `'${'b'.repeat(20)}...'`],
    ['the Build ID variable in the environment', { environment: { TEMPORAL_LAMBDA_BUILD_ID: 'v9' } }, 'TEMPORAL_SERVERLESS_SETTINGS', 'environment.TEMPORAL_LAMBDA_BUILD_ID', "'v9'"],
    ['a secret ARN variable in the environment', { environment: { TEMPORAL_API_KEY_SECRET_ARN: 'arn:x' } }, 'TEMPORAL_SERVERLESS_SETTINGS', 'environment.TEMPORAL_API_KEY_SECRET_ARN', "'arn:x'"],
    ['a variable Lambda reserves', { environment: { AWS_REGION: 'us-east-1' } }, 'TEMPORAL_SERVERLESS_SETTINGS', 'environment.AWS_REGION', "'us-east-1'"],
    ['a credential in the environment', { environment: { TEMPORAL_API_KEY: 'plaintext' } }, 'TEMPORAL_ENVIRONMENT_RESERVED', 'environment.TEMPORAL_API_KEY', '(redacted)'],
    ['a namespace without the account', { namespace: 'orders' }, 'TEMPORAL_CONNECTION_SETTINGS', 'namespace', "'orders'"],
    ['an address without a port', { address: 'orders.a1b2c.tmprl.cloud' }, 'TEMPORAL_CONNECTION_SETTINGS', 'address', "'orders.a1b2c.tmprl.cloud'"],
    ['a codec endpoint that is not a URL', { codecEndpoint: 'codec.example.com' }, 'TEMPORAL_CONNECTION_SETTINGS', 'codecEndpoint', "'codec.example.com'"],
    ['mTLS on a Regional Endpoint without tlsServerName', { address: 'aws-us-east-1.region.tmprl.cloud:7233', credentials: MTLS() }, 'TEMPORAL_TLS_SERVER_NAME', 'tlsServerName', '(not set)'],
  ])('%s is refused with its rule id, prop and value', (_what, props, ruleId, prop, value) => {
    const err = errorOf(() => worker(newStack(), props)) as TemporalHaValidationError;
    expect(err).toBeInstanceOf(TemporalHaValidationError);
    expect(err.findings.map((f) => [f.ruleId, f.prop])).toEqual([[ruleId, prop]]);
    expect(err.message).toContain(`[${ruleId}] stack/Serverless: ${prop} = ${value}: `);
    expect(err.message).not.toContain('plaintext');
  });

  test('the AWS CDK block refuses the same input with the same findings (one spec, two engines)', () => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const cdk = require('aws-cdk-lib');
    const lambda = require('aws-cdk-lib/aws-lambda');
    const cdkBlocks = require('../../lib/aws-cdk/blocks');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const bad = {
      buildId: ' v1',
      externalId: 'abc',
      namespace: 'orders',
      memorySize: 64,
      handler: '',
      codecEndpoint: 'codec',
      environment: { TEMPORAL_API_KEY: 'plaintext', TEMPORAL_TASK_QUEUE: 'q', AWS_REGION: 'us-east-1' },
    };
    const tf = errorOf(() => worker(newStack(), { ...bad, timeoutSeconds: 0 })) as TemporalHaValidationError;
    const aws = errorOf(() => new cdkBlocks.TemporalServerlessWorker(new cdk.Stack(new cdk.App(), 'stack'), 'Serverless', {
      ...bad, timeout: cdk.Duration.seconds(0), code: lambda.Code.fromInline('x'), credentials: cdkBlocks.TemporalCredentials.apiKeyFromSecretName('k'),
    })) as TemporalHaValidationError;
    expect(tf.findings.length).toBe(10);
    expect(aws.message).toBe(tf.message);
  });

  test('a TLS server name that is not the Namespace Endpoint host is a warning with the rule id', () => {
    const stack = newStack();
    const w = worker(stack, { address: 'aws-us-east-1.region.tmprl.cloud:7233', tlsServerName: 'proxy.internal.example', credentials: MTLS() });
    const warnings = w.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data));
    expect(warnings).toEqual([expect.stringMatching(
      /^temporal-ha:TEMPORAL_TLS_SERVER_NAME_MISMATCH: \[TEMPORAL_TLS_SERVER_NAME_MISMATCH\] stack\/Serverless: tlsServerName = 'proxy\.internal\.example': is not the Namespace Endpoint host/)]);
  });

  test('the registration outputs and command', () => {
    const stack = newStack();
    const w = worker(stack, { deploymentName: 'orders' });
    const outputs = synthStack(stack).output ?? {};
    expect(Object.keys(outputs).map((k) => k.replace(/^Serverless_|_[A-F0-9]+$/g, '')).sort())
      .toEqual(['BuildId', 'DeploymentName', 'ExternalId', 'FunctionVersionArn', 'InvokerRoleArn', 'RegistrationCommand']);
    expect(w.registrationCommand).toMatch(/^temporal worker deployment create-version --namespace orders\.a1b2c --deployment-name orders --build-id v1\.4\.2 --aws-lambda-function-arn \$\{TfToken\[.+\]\} --aws-lambda-assume-role-arn \$\{TfToken\[.+\]\} --aws-lambda-assume-role-external-id orders-7f3c9a1e5b2d4c6a8e0f$/);
  });
});

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadClientConnectConfig } from '@temporalio/envconfig';
import { App, Duration, Lazy, SecretValue, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { AwsSolutionsChecks } from 'cdk-nag';
import { TemporalCredentials } from '../../../lib/aws-cdk/blocks';
import { TemporalServerlessWorker, TemporalServerlessWorkerProps } from '../../../lib/aws-cdk/blocks/serverless-worker';
import { SERVERLESS_DEFAULTS } from '../../../lib/core/components/serverless-worker';
import { TemporalHaValidationError } from '../../../lib/core/errors';
import { errorOf } from '../support';

const ENV = { account: '111111111111', region: 'us-east-1' };
const NAMESPACE = 'orders.a1b2c';
const NAMESPACE_ADDRESS = 'orders.a1b2c.tmprl.cloud:7233';
const EXTERNAL_ID = 'orders-7f3c9a1e5b2d4c6a8e0f';
const TEMPORAL_CLOUD_PRINCIPALS = [
  'arn:aws:iam::902542641901:role/wci-lambda-invoke',
  'arn:aws:iam::160190466495:role/wci-lambda-invoke',
  'arn:aws:iam::819232936619:role/wci-lambda-invoke',
  'arn:aws:iam::829909441867:role/wci-lambda-invoke',
  'arn:aws:iam::354116250941:role/wci-lambda-invoke',
];

function newStack(app: App = new App()): Stack {
  return new Stack(app, 'Orders', { env: ENV });
}

function worker(stack: Stack, props: Partial<TemporalServerlessWorkerProps> = {}): TemporalServerlessWorker {
  return new TemporalServerlessWorker(stack, 'Serverless', {
    code: lambda.Code.fromInline('exports.handler = async () => null;'),
    handler: 'index.handler',
    buildId: 'v1.4.2',
    externalId: EXTERNAL_ID,
    namespace: NAMESPACE,
    credentials: TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
    ...props,
  });
}

/** The function's environment variables, as synthesized. */
function functionEnv(stack: Stack): Record<string, unknown> {
  const [fn] = Object.values<any>(Template.fromStack(stack).findResources('AWS::Lambda::Function'));
  return fn.Properties.Environment.Variables;
}

function logicalIdOf(stack: Stack, type: string): string {
  const ids = Object.keys(Template.fromStack(stack).findResources(type));
  expect(ids).toHaveLength(1);
  return ids[0];
}

describe('TemporalServerlessWorker', () => {
  test('the invoker role trusts exactly Temporal Cloud\'s principals, under the external ID', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    const w = worker(stack);
    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectEquals({
        Version: '2012-10-17',
        Statement: [{
          Action: 'sts:AssumeRole',
          Effect: 'Allow',
          Principal: { AWS: TEMPORAL_CLOUD_PRINCIPALS },
          Condition: { StringEquals: { 'sts:ExternalId': EXTERNAL_ID } },
        }],
      }),
    });
    expect(TemporalServerlessWorker.TEMPORAL_CLOUD_INVOKER_PRINCIPALS).toEqual(TEMPORAL_CLOUD_PRINCIPALS);
    expect(stack.resolve(w.invokerRoleArn)).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^ServerlessInvokerRole/), 'Arn'] });
    // Exactly two roles: the invoker role and the execution role (trusted by Lambda only).
    template.resourceCountIs('AWS::IAM::Role', 2);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectEquals({
        Version: '2012-10-17',
        Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } }],
      }),
    });
  });

  test('the invoker role may invoke and get the function and its versions, nothing else', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    worker(stack);
    // THEN
    const fnId = logicalIdOf(stack, 'AWS::Lambda::Function');
    const fnArn = { 'Fn::GetAtt': [fnId, 'Arn'] };
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: Match.objectEquals({
        Version: '2012-10-17',
        Statement: [{
          Effect: 'Allow',
          Action: ['lambda:InvokeFunction', 'lambda:GetFunction'],
          Resource: [fnArn, { 'Fn::Join': ['', [fnArn, ':*']] }],
        }],
      }),
      Roles: [{ Ref: Match.stringLikeRegexp('^ServerlessInvokerRole') }],
    });
    expect(TemporalServerlessWorker.INVOKER_ACTIONS).toEqual(['lambda:InvokeFunction', 'lambda:GetFunction']);
  });

  test('a supplied invoker role gets the permissions only: no role is created for it', () => {
    // GIVEN
    const stack = newStack();
    const supplied = new iam.Role(stack, 'PlatformInvoker', { assumedBy: new iam.AccountRootPrincipal() });
    // WHEN
    const w = worker(stack, { invokerRole: supplied });
    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::Role', 2); // the supplied role and the execution role
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [Match.objectLike({ Action: ['lambda:InvokeFunction', 'lambda:GetFunction'] })] },
      Roles: [{ Ref: Match.stringLikeRegexp('^PlatformInvoker') }],
    });
    expect(w.invokerRole).toBe(supplied);
    expect(stack.resolve(w.invokerRoleArn)).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^PlatformInvoker/), 'Arn'] });
  });

  test('a version per Build ID: the version\'s logical id follows the Build ID, described by it, retained, with an alias', () => {
    // GIVEN two stacks that differ only in the Build ID
    const v1 = newStack();
    const v2 = newStack();
    // WHEN
    const w1 = worker(v1, { buildId: 'v1.4.2' });
    const w2 = worker(v2, { buildId: 'v1.5.0' });
    // THEN
    const id1 = logicalIdOf(v1, 'AWS::Lambda::Version');
    const id2 = logicalIdOf(v2, 'AWS::Lambda::Version');
    expect(id1).not.toEqual(id2);
    expect(logicalIdOf(v1, 'AWS::Lambda::Function')).toEqual(logicalIdOf(v2, 'AWS::Lambda::Function'));
    Template.fromStack(v1).hasResource('AWS::Lambda::Version', {
      Properties: { Description: 'v1.4.2', FunctionName: { Ref: logicalIdOf(v1, 'AWS::Lambda::Function') } },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    Template.fromStack(v1).hasResourceProperties('AWS::Lambda::Alias', {
      Name: 'v1-4-2',
      FunctionVersion: { 'Fn::GetAtt': [id1, 'Version'] },
    });
    Template.fromStack(v2).hasResourceProperties('AWS::Lambda::Alias', { Name: 'v1-5-0' });
    // The registered ARN is the version's (qualified) ARN, and the Build ID reaches the function.
    expect(v1.resolve(w1.functionArn)).toEqual({ Ref: id1 });
    expect(v2.resolve(w2.functionArn)).toEqual({ Ref: id2 });
    expect(functionEnv(v1).TEMPORAL_LAMBDA_BUILD_ID).toBe('v1.4.2');
    expect(functionEnv(v2).TEMPORAL_LAMBDA_BUILD_ID).toBe('v1.5.0');
    expect(w1.version.node.id).toContain('v1.4.2');
  });

  test('retainPreviousVersions: false lets CloudFormation delete the version of a replaced Build ID', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    worker(stack, { retainPreviousVersions: false });
    // THEN
    Template.fromStack(stack).hasResource('AWS::Lambda::Version', { DeletionPolicy: 'Delete' });
  });

  test('numeric Build IDs get a valid alias name', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    worker(stack, { buildId: '20240611' });
    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Alias', { Name: 'build-20240611' });
  });

  test('outputs: versioned function ARN, invoker role ARN, external ID, Build ID, and the registration command', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    const w = worker(stack, { deploymentName: 'orders' });
    // THEN
    const template = Template.fromStack(stack);
    const versionId = logicalIdOf(stack, 'AWS::Lambda::Version');
    const roleArn = { 'Fn::GetAtt': [expect.stringMatching(/^ServerlessInvokerRole/), 'Arn'] };
    const outputs = template.toJSON().Outputs;
    const byId = (prefix: string) => Object.entries<any>(outputs).find(([k]) => k.startsWith(`Serverless${prefix}`))?.[1];
    expect(byId('FunctionVersionArn')?.Value).toEqual({ Ref: versionId });
    expect(byId('InvokerRoleArn')?.Value).toEqual(roleArn);
    expect(byId('ExternalId')?.Value).toBe(EXTERNAL_ID);
    expect(byId('BuildId')?.Value).toBe('v1.4.2');
    expect(byId('DeploymentName')?.Value).toBe('orders');
    expect(byId('RegistrationCommand')?.Value).toEqual(stack.resolve(w.registrationCommand));
    // Public fields carry the same values.
    expect(w.settings.externalId).toBe(EXTERNAL_ID);
    expect(w.settings.buildId).toBe('v1.4.2');
    expect(w.settings.deploymentName).toBe('orders');
  });

  test('registrationCommand is the temporal CLI create-version call, built from the outputs', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    const w = worker(stack, { deploymentName: 'orders' });
    // THEN
    const [sep, parts] = stack.resolve(w.registrationCommand)['Fn::Join'];
    expect(sep).toBe('');
    const rendered = parts.map((p: unknown) => (typeof p === 'string' ? p : JSON.stringify(p))).join('');
    const versionId = logicalIdOf(stack, 'AWS::Lambda::Version');
    expect(rendered).toBe([
      'temporal worker deployment create-version',
      '--namespace orders.a1b2c',
      '--deployment-name orders',
      '--build-id v1.4.2',
      `--aws-lambda-function-arn {"Ref":"${versionId}"}`,
      `--aws-lambda-assume-role-arn {"Fn::GetAtt":["${rolesOf(stack).invoker}","Arn"]}`,
      `--aws-lambda-assume-role-external-id ${EXTERNAL_ID}`,
    ].join(' '));
    // Without a deployment name, the placeholder stands in.
    const other = newStack();
    expect(JSON.stringify(other.resolve(worker(other).registrationCommand))).toContain('--deployment-name YourDeploymentName');
  });

  test('a 3-character external ID is refused with the rule, the prop, the value and the fix', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    const error = errorOf(() => worker(stack, { externalId: 'abc' }));
    // THEN one TemporalHaValidationError, the same rule and words as the pattern's check
    expect(error).toBeInstanceOf(TemporalHaValidationError);
    expect(error.message).toMatch(/^TemporalServerlessWorker Orders\/Serverless has 1 configuration error /);
    expect(error.message).toContain('[TEMPORAL_SERVERLESS_EXTERNAL_ID] Orders/Serverless: externalId = \'abc\': the external ID has 3 characters');
    expect(error.message).toContain('STS accepts only 5-45 characters of [A-Za-z0-9+=,.@:/_-]');
    expect(error.message).toContain('Fix: use the external ID you register with the Worker Deployment Version');
  });

  test.each([
    ['too long', 'x'.repeat(46), 'has 46 characters'],
    ['characters STS rejects', 'orders external id', 'characters STS rejects'],
  ])('an external ID that is %s is refused', (_what, externalId, expected) => {
    // GIVEN
    const stack = newStack();
    // WHEN
    const error = errorOf(() => worker(stack, { externalId }));
    // THEN
    expect(error.message).toContain(`[TEMPORAL_SERVERLESS_EXTERNAL_ID] Orders/Serverless: externalId = '${externalId}'`);
    expect(error.message).toContain(expected);
  });

  test('external IDs at the limits (5 and 45 characters, every allowed symbol) are accepted', () => {
    expect(() => worker(newStack(), { externalId: 'a+=,.' })).not.toThrow();
    expect(() => worker(newStack(), { externalId: `@:/_-${'z'.repeat(40)}` })).not.toThrow();
  });

  test('several configuration errors are reported together, each with its rule id and prop', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    const error = errorOf(() => worker(stack, {
      externalId: 'abc',
      buildId: '',
      namespace: 'orders',
      environment: { TEMPORAL_API_KEY: 'plain-text-key', TEMPORAL_NAMESPACE: 'other.a1b2c' },
    })) as TemporalHaValidationError;
    // THEN
    expect(error.message).toMatch(/^TemporalServerlessWorker Orders\/Serverless has 5 configuration errors /);
    expect(error.findings.map((f) => [f.ruleId, f.prop])).toEqual([
      ['TEMPORAL_SERVERLESS_SETTINGS', 'buildId'],
      ['TEMPORAL_CONNECTION_SETTINGS', 'namespace'],
      ['TEMPORAL_SERVERLESS_EXTERNAL_ID', 'externalId'],
      ['TEMPORAL_ENVIRONMENT_RESERVED', 'environment.TEMPORAL_API_KEY'],
      ['TEMPORAL_ENVIRONMENT_RESERVED', 'environment.TEMPORAL_NAMESPACE'],
    ]);
    expect(error.message).toContain('[TEMPORAL_SERVERLESS_SETTINGS] Orders/Serverless: buildId = \'\': is empty');
    expect(error.message).toContain('[TEMPORAL_CONNECTION_SETTINGS] Orders/Serverless: namespace = \'orders\': is not a qualified namespace');
    // The credential's value is never echoed back.
    expect(error.message).not.toContain('plain-text-key');
  });

  test('environment may not pre-empt the secret ARN variables, the Build ID, nor a variable Lambda reserves', () => {
    const error = errorOf(() => worker(newStack(), {
      environment: { TEMPORAL_API_KEY_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:111111111111:secret:x', TEMPORAL_LAMBDA_BUILD_ID: 'v9', AWS_REGION: 'us-east-1' },
    })) as TemporalHaValidationError;
    expect(error.findings.map((f) => [f.ruleId, f.prop])).toEqual([
      ['TEMPORAL_SERVERLESS_SETTINGS', 'environment.TEMPORAL_API_KEY_SECRET_ARN'],
      ['TEMPORAL_SERVERLESS_SETTINGS', 'environment.TEMPORAL_LAMBDA_BUILD_ID'],
      ['TEMPORAL_SERVERLESS_SETTINGS', 'environment.AWS_REGION'],
    ]);
    expect(error.message).toContain('TEMPORAL_LAMBDA_BUILD_ID is set by the library from props. Fix: remove it and set buildId instead.');
    expect(error.message).toContain('AWS_REGION is reserved by Lambda');
  });

  test.each<[string, Partial<TemporalServerlessWorkerProps>, string, string]>([
    ['memory below 128 MiB', { memorySize: 64 }, 'memorySize', '64'],
    ['memory above 10240 MiB', { memorySize: 10241 }, 'memorySize', '10241'],
    ['a timeout above 15 minutes', { timeout: Duration.minutes(16) }, 'timeoutSeconds', '960'],
    ['an empty handler', { handler: ' ' }, 'handler', '\' \''],
    ['a Build ID with surrounding whitespace', { buildId: ' v1 ' }, 'buildId', '\' v1 \''],
    ['a Build ID only known at deploy time', { buildId: Lazy.string({ produce: () => 'v1' }) }, 'buildId', '\'${Token['],
    ['a Build ID longer than a version description', { buildId: 'b'.repeat(257) }, 'buildId', `'${'b'.repeat(20)}...'`],
    ['security groups without a VPC', { securityGroups: [] }, 'securityGroups', '\'{...}\''],
  ])('%s is refused under TEMPORAL_SERVERLESS_SETTINGS', (_what, props, prop, value) => {
    const error = errorOf(() => worker(newStack(), props)) as TemporalHaValidationError;
    expect(error).toBeInstanceOf(TemporalHaValidationError);
    expect(error.findings.map((f) => [f.ruleId, f.prop])).toEqual([['TEMPORAL_SERVERLESS_SETTINGS', prop]]);
    expect(error.message).toContain(`[TEMPORAL_SERVERLESS_SETTINGS] Orders/Serverless: ${prop} = ${value}`);
    expect(error.findings[0].fix.length).toBeGreaterThan(10);
  });

  test('settings at Lambda\'s limits are accepted', () => {
    expect(() => worker(newStack(), { memorySize: 128, timeout: Duration.seconds(1) })).not.toThrow();
    expect(() => worker(newStack(), { memorySize: 10240, timeout: Duration.minutes(15), buildId: 'b'.repeat(256) })).not.toThrow();
  });

  test('mTLS on a Regional Endpoint without tlsServerName is refused with the name to set', () => {
    const stack = newStack();
    const error = errorOf(() => worker(stack, {
      address: 'aws-us-east-1.region.tmprl.cloud:7233',
      credentials: TemporalCredentials.mtlsFromSecretNames({ certificateSecretName: 'temporal/cert', privateKeySecretName: 'temporal/key' }),
    }));
    // The same rule as the patterns' (TEMPORAL_TLS_SERVER_NAME), through the shared connection checks.
    expect(error.message).toContain('[TEMPORAL_TLS_SERVER_NAME] Orders/Serverless: tlsServerName = (not set): the credentials are mTLS');
    expect(error.message).toContain('Fix: set tlsServerName: \'orders.a1b2c.tmprl.cloud\'.');
  });

  test('a TLS server name that is not the Namespace Endpoint host is a warning with the rule id', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    worker(stack, {
      address: 'aws-us-east-1.region.tmprl.cloud:7233',
      tlsServerName: 'proxy.internal.example',
      credentials: TemporalCredentials.mtlsFromSecretNames({ certificateSecretName: 'temporal/cert', privateKeySecretName: 'temporal/key' }),
    });
    // THEN
    const warnings = Annotations.fromStack(stack).findWarning('/Orders/Serverless', Match.anyValue());
    expect(warnings.map((w) => w.entry.data)).toEqual([expect.stringContaining(
      '[TEMPORAL_TLS_SERVER_NAME_MISMATCH] Orders/Serverless: tlsServerName = \'proxy.internal.example\': is not the Namespace Endpoint host (\'orders.a1b2c.tmprl.cloud\')')]);
    expect(warnings[0].entry.data).toContain('[ack: temporal-ha:TEMPORAL_TLS_SERVER_NAME_MISMATCH]');
  });

  test('API key: Temporal\'s variables in the clear, the key only as a secret ARN the function may read', () => {
    // GIVEN a secret whose value is known to the test
    const stack = newStack();
    const secret = new secretsmanager.Secret(stack, 'ApiKey', { secretStringValue: SecretValue.unsafePlainText('tcld-super-secret-key') });
    // WHEN
    const w = worker(stack, { credentials: TemporalCredentials.apiKey(secret), taskQueue: 'orders' });
    // THEN
    const env = functionEnv(stack);
    expect(env).toEqual({
      TEMPORAL_ADDRESS: NAMESPACE_ADDRESS,
      TEMPORAL_NAMESPACE: NAMESPACE,
      TEMPORAL_LAMBDA_BUILD_ID: 'v1.4.2',
      TEMPORAL_TASK_QUEUE: 'orders',
      TEMPORAL_API_KEY_SECRET_ARN: { Ref: expect.stringMatching(/^ApiKey/) },
    });
    expect(JSON.stringify(env)).not.toContain('tcld-super-secret-key');
    const [fn] = Object.values<any>(Template.fromStack(stack).findResources('AWS::Lambda::Function'));
    expect(JSON.stringify(fn)).not.toContain('tcld-super-secret-key');
    expect(w.environment.secretArnVariables).toEqual({ TEMPORAL_API_KEY: 'TEMPORAL_API_KEY_SECRET_ARN' });
    // The execution role reads the secret.
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
          Resource: { Ref: Match.stringLikeRegexp('^ApiKey') },
        })]),
      },
      Roles: [{ Ref: Match.stringLikeRegexp('^ServerlessExecutionRole') }],
    });
  });

  test('mTLS: certificate and key as secret ARNs (with their JSON fields), never as *_DATA values', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    worker(stack, {
      credentials: TemporalCredentials.mtlsFromSecretNames({
        certificateSecretName: 'temporal/orders/mtls',
        privateKeySecretName: 'temporal/orders/mtls',
        certificateField: 'cert',
        privateKeyField: 'key',
      }),
    });
    // THEN
    const env = functionEnv(stack);
    expect(Object.keys(env).sort()).toEqual([
      'TEMPORAL_ADDRESS', 'TEMPORAL_LAMBDA_BUILD_ID', 'TEMPORAL_NAMESPACE',
      'TEMPORAL_TLS_CLIENT_CERT_DATA_SECRET_ARN', 'TEMPORAL_TLS_CLIENT_CERT_DATA_SECRET_FIELD',
      'TEMPORAL_TLS_CLIENT_KEY_DATA_SECRET_ARN', 'TEMPORAL_TLS_CLIENT_KEY_DATA_SECRET_FIELD',
    ]);
    expect(env.TEMPORAL_TLS_CLIENT_CERT_DATA_SECRET_FIELD).toBe('cert');
    expect(env.TEMPORAL_TLS_CLIENT_KEY_DATA_SECRET_FIELD).toBe('key');
    expect(JSON.stringify(env.TEMPORAL_TLS_CLIENT_CERT_DATA_SECRET_ARN)).toContain(':secret:temporal/orders/mtls');
  });

  test('the handler contract: secrets resolved from *_SECRET_ARN, then @temporalio/envconfig connects to the Namespace Endpoint', () => {
    // GIVEN the function environment, with each secret ARN resolved as the handler does at cold start
    const stack = newStack();
    worker(stack);
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(functionEnv(stack))) {
      const arnVar = /^(.*)_SECRET_ARN$/.exec(name);
      if (arnVar) env[arnVar[1]] = 'fake-api-key';
      else if (typeof value === 'string') env[name] = value;
    }
    // WHEN an unmodified SDK loads its connection from the environment
    const config = loadClientConnectConfig({ disableFile: true, overrideEnvVars: env });
    // THEN
    expect(config.connectionOptions.address).toBe(NAMESPACE_ADDRESS);
    expect(config.namespace).toBe(NAMESPACE);
    expect(config.connectionOptions.apiKey).toBe('fake-api-key');
    expect(config.connectionOptions.tls).toBeTruthy();
  });

  test('function defaults (SERVERLESS_DEFAULTS, shared with the cdktf flavour): nodejs24.x, 1024 MiB, 90 s, x86_64, index.handler, 30-day logs', () => {
    // GIVEN
    const stack = newStack();
    // WHEN no handler, runtime, memory, timeout or architecture is given
    new TemporalServerlessWorker(stack, 'Serverless', {
      code: lambda.Code.fromInline('exports.handler = async () => null;'),
      buildId: 'v1.4.2',
      externalId: EXTERNAL_ID,
      namespace: NAMESPACE,
      credentials: TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
    });
    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      MemorySize: 1024,
      Timeout: 90,
      Architectures: ['x86_64'],
      Handler: 'index.handler',
      LoggingConfig: { LogGroup: { Ref: Match.stringLikeRegexp('^ServerlessLogs') } },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    template.hasResource('AWS::Lambda::Version', { DeletionPolicy: 'Retain' });
    for (const role of Object.values<any>(template.findResources('AWS::IAM::Role'))) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
    expect(SERVERLESS_DEFAULTS).toMatchObject({ runtime: 'nodejs24.x', memorySize: 1024, timeoutSeconds: 90, handler: 'index.handler', logRetentionDays: 30 });
  });

  test('a supplied runtime, architecture, memory, timeout and log retention are used as given', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    worker(stack, {
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: 2048,
      timeout: Duration.minutes(5),
      logRetention: logs.RetentionDays.ONE_WEEK,
    });
    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::Function', { Runtime: 'nodejs22.x', Architectures: ['arm64'], MemorySize: 2048, Timeout: 300 });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 7 });
  });

  test('in a VPC: subnets and security groups on the function, the VPC access policy on the execution role', () => {
    // GIVEN
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
    // WHEN
    worker(stack, { vpc });
    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::Function', {
      VpcConfig: { SubnetIds: Match.anyValue(), SecurityGroupIds: Match.anyValue() },
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole']] }],
    });
  });

  test('cdk-nag AwsSolutions: a stack with just this block has no unacknowledged finding; each acknowledgement has a reason', () => {
    // GIVEN an app running the AwsSolutions pack, as the example does, with just this block
    // WHEN
    const { failed, nag } = synthWithNag((stack) => worker(stack));
    // THEN
    expect(failed).toBe(false);
    expect(nag.violations).toEqual([]);
    expect(nag.conclusion).toBe('success');
    // The one acknowledgement: the documented `<function ARN>:*` of the invoke policy, for this function only.
    expect(nag.suppressedViolations.map((v: any) => v.ruleName)).toEqual([
      expect.stringMatching(/^AwsSolutions-IAM5\[Resource::<ServerlessFunction[0-9A-F]{8}\.Arn>:\*\]$/),
    ]);
    for (const v of nag.suppressedViolations) {
      expect(v.reason).toMatch(/<function ARN>:\*/);
      for (const c of v.violatingConstructs) expect(c.constructPath).toBe('Orders/Serverless/InvokePolicy/Resource');
    }
  });

  test('cdk-nag AwsSolutions in a VPC: nothing unacknowledged under the block (the VPC access policy is acknowledged with its reason)', () => {
    // GIVEN
    // WHEN
    const { nag } = synthWithNag((stack) => worker(stack, { vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 }) }));
    // THEN the only findings left are the test VPC's own (e.g. flow logs), none under the block
    const underBlock = nag.violations.filter((v: any) => v.violatingConstructs.some((c: any) => c.constructPath.startsWith('Orders/Serverless/')));
    expect(underBlock).toEqual([]);
    expect(nag.suppressedViolations.map((v: any) => v.ruleName).sort()).toEqual([
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole]',
      expect.stringMatching(/^AwsSolutions-IAM5\[Resource::<ServerlessFunction[0-9A-F]{8}\.Arn>:\*\]$/),
    ]);
  });
});

/** Synthesizes `build`'s stack with cdk-nag's AwsSolutions pack and reads the validation report. */
function synthWithNag(build: (stack: Stack) => void): { failed: boolean; nag: any } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'serverless-worker-'));
  try {
    const app = new App({ outdir });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    build(newStack(app));
    const exitCode = process.exitCode;
    // CDK prints the report to stderr; a failed validation sets the exit code (read it, then restore it).
    const stderr = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    app.synth({ validateOnSynthesis: true });
    stderr.mockRestore();
    const failed = process.exitCode === 1 && exitCode !== 1;
    process.exitCode = exitCode;
    const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'));
    return { failed, nag: report.pluginReports.find((r: any) => r.pluginName === 'AwsSolutions') };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** Logical ids of the two roles. */
function rolesOf(stack: Stack): { invoker: string; execution: string } {
  const ids = Object.keys(Template.fromStack(stack).findResources('AWS::IAM::Role'));
  return {
    invoker: ids.find((id) => id.startsWith('ServerlessInvokerRole'))!,
    execution: ids.find((id) => id.startsWith('ServerlessExecutionRole'))!,
  };
}

import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { TemporalCredentials, TemporalWorkerService, TemporalWorkerServiceProps } from '../../../lib/aws-cdk/blocks';
import { CpuArchitecture } from '../../../lib/core/components/service';
import { TemporalHaValidationError } from '../../../lib/core/errors';
import { Severity } from '../../../lib/core/model';
import { TLS_SERVER_NAME_MISMATCH } from '../../../lib/core/rules/tls-server-name-mismatch';

const ENV = { account: '111111111111', region: 'us-east-1' };
const NAMESPACE = 'orders.a1b2c';
const NAMESPACE_ADDRESS = 'orders.a1b2c.tmprl.cloud:7233';
const REGIONAL_ADDRESS = 'aws-us-east-1.region.tmprl.cloud:7233';

interface Fixture {
  readonly stack: Stack;
  readonly cluster: ecs.Cluster;
  readonly secret: secretsmanager.Secret;
}

function fixture(): Fixture {
  const stack = new Stack(new App(), 'Orders', { env: ENV });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
  const secret = new secretsmanager.Secret(stack, 'ApiKey');
  return { stack, cluster, secret };
}

function workers(f: Fixture, props: Partial<TemporalWorkerServiceProps> = {}): TemporalWorkerService {
  return new TemporalWorkerService(f.stack, 'Workers', {
    cluster: f.cluster,
    image: ecs.ContainerImage.fromRegistry('example/orders-worker:1.0.0'),
    namespace: NAMESPACE,
    address: NAMESPACE_ADDRESS,
    credentials: TemporalCredentials.apiKey(f.secret),
    ...props,
  });
}

function errorOf(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error, but none was thrown');
}

function containerDefinition(stack: Stack): any {
  const defs = Template.fromStack(stack).findResources('AWS::ECS::TaskDefinition');
  const [def] = Object.values(defs);
  return def.Properties.ContainerDefinitions[0];
}

describe('TemporalWorkerService', () => {
  test('API key: Temporal environment in the clear, the key from Secrets Manager', () => {
    // GIVEN
    const f = fixture();
    // WHEN
    const w = workers(f);
    // THEN
    const template = Template.fromStack(f.stack);
    template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [Match.objectLike({
        Environment: Match.arrayWith([
          { Name: 'TEMPORAL_ADDRESS', Value: NAMESPACE_ADDRESS },
          { Name: 'TEMPORAL_NAMESPACE', Value: NAMESPACE },
        ]),
        Secrets: [{ Name: 'TEMPORAL_API_KEY', ValueFrom: { Ref: Match.stringLikeRegexp('ApiKey') } }],
      })],
    });
    const container = containerDefinition(f.stack);
    const plainNames = container.Environment.map((e: any) => e.Name);
    expect(plainNames).not.toContain('TEMPORAL_API_KEY');
    expect(plainNames).not.toContain('TEMPORAL_TLS_SERVER_NAME');
    // No TEMPORAL_TLS: the SDK turns TLS on with the API key (and envconfig before 1.24 reads TEMPORAL_TLS=true as off).
    expect(w.settings.environment.plain).toEqual({
      TEMPORAL_ADDRESS: NAMESPACE_ADDRESS,
      TEMPORAL_NAMESPACE: NAMESPACE,
    });
    expect(Object.keys(w.settings.environment.secrets)).toEqual(['TEMPORAL_API_KEY']);
    // The execution role (not the task role) reads the secret.
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
          Resource: { Ref: Match.stringLikeRegexp('ApiKey') },
        })]),
      },
      Roles: [{ Ref: Match.stringLikeRegexp('WorkersTaskDefinitionExecutionRole') }],
    });
  });

  test('mTLS on a Regional Endpoint: certificate and key data from secret JSON fields, server name set', () => {
    // GIVEN
    const f = fixture();
    const certificate = new secretsmanager.Secret(f.stack, 'Mtls');
    // WHEN
    workers(f, {
      address: REGIONAL_ADDRESS,
      tlsServerName: 'orders.a1b2c.tmprl.cloud',
      credentials: TemporalCredentials.mtls({ certificate, privateKey: certificate, certificateField: 'crt', privateKeyField: 'key' }),
    });
    // THEN
    Template.fromStack(f.stack).hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [Match.objectLike({
        Environment: Match.arrayWith([
          { Name: 'TEMPORAL_ADDRESS', Value: REGIONAL_ADDRESS },
          { Name: 'TEMPORAL_TLS_SERVER_NAME', Value: 'orders.a1b2c.tmprl.cloud' },
        ]),
        Secrets: [
          { Name: 'TEMPORAL_TLS_CLIENT_CERT_DATA', ValueFrom: { 'Fn::Join': ['', [{ Ref: Match.stringLikeRegexp('Mtls') }, ':crt::']] } },
          { Name: 'TEMPORAL_TLS_CLIENT_KEY_DATA', ValueFrom: { 'Fn::Join': ['', [{ Ref: Match.stringLikeRegexp('Mtls') }, ':key::']] } },
        ],
      })],
    });
    const names = containerDefinition(f.stack).Environment.map((e: any) => e.Name);
    expect(names).not.toContain('TEMPORAL_TLS_CLIENT_CERT_DATA');
    expect(names).not.toContain('TEMPORAL_TLS_CLIENT_KEY_DATA');
    expect(names).not.toContain('TEMPORAL_API_KEY');
  });

  test('a secret named, not passed, resolves in the stack region (replicated secrets)', () => {
    // GIVEN
    const f = fixture();
    // WHEN
    workers(f, { credentials: TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key') });
    // THEN
    Template.fromStack(f.stack).hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [Match.objectLike({
        Secrets: [{
          Name: 'TEMPORAL_API_KEY',
          ValueFrom: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':secretsmanager:us-east-1:111111111111:secret:temporal/orders/api-key']] },
        }],
      })],
    });
  });

  test('defaults: 2 tasks, scaling 2-10 on 60% CPU, 512 CPU / 1024 MiB, logs kept a month', () => {
    // GIVEN
    const f = fixture();
    // WHEN
    workers(f);
    // THEN
    const template = Template.fromStack(f.stack);
    template.hasResourceProperties('AWS::ECS::Service', {
      DesiredCount: 2,
      LaunchType: 'FARGATE',
      NetworkConfiguration: { AwsvpcConfiguration: Match.objectLike({ AssignPublicIp: 'DISABLED' }) },
    });
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 2, MaxCapacity: 10 });
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({
        TargetValue: 60,
        PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
      }),
    });
    template.hasResourceProperties('AWS::ECS::TaskDefinition', { Cpu: '512', Memory: '1024', RuntimePlatform: { CpuArchitecture: 'X86_64', OperatingSystemFamily: 'LINUX' } });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    // 120 s between SIGTERM and SIGKILL (Fargate's maximum); no health check unless given.
    const container = containerDefinition(f.stack);
    expect(container.StopTimeout).toBe(120);
    expect(container.HealthCheck).toBeUndefined();
  });

  test('stop timeout and health check as given; a bare command runs in the shell; ECS defaults written out', () => {
    // GIVEN
    const f = fixture();
    // WHEN
    const w = workers(f, { stopTimeoutSeconds: 90, healthCheck: { command: ['test -f /tmp/worker-ready'], retries: 5, startPeriodSeconds: 20 } });
    // THEN
    const container = containerDefinition(f.stack);
    expect(container.StopTimeout).toBe(90);
    expect(container.HealthCheck).toEqual({ Command: ['CMD-SHELL', 'test -f /tmp/worker-ready'], Interval: 30, Timeout: 5, Retries: 5, StartPeriod: 20 });
    expect(w.settings.healthCheck).toEqual({ command: ['CMD-SHELL', 'test -f /tmp/worker-ready'], intervalSeconds: 30, timeoutSeconds: 5, retries: 5, startPeriodSeconds: 20 });
  });

  test('desiredCount 0 is a cold standby fleet: no task and autoscaling minimum 0', () => {
    // GIVEN
    const f = fixture();
    // WHEN
    const w = workers(f, { desiredCount: 0 });
    // THEN
    const template = Template.fromStack(f.stack);
    template.hasResourceProperties('AWS::ECS::Service', { DesiredCount: 0 });
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 0, MaxCapacity: 10 });
    expect(w.settings.scaling.minCapacity).toBe(0);
  });

  const SIZING = 'TEMPORAL_SERVICE_SIZING';
  const CONNECTION = 'TEMPORAL_CONNECTION_SETTINGS';
  const ENVIRONMENT = 'TEMPORAL_ENVIRONMENT_RESERVED';
  /** One problem as TemporalHaValidationError lists it. */
  const problem = (rule: string, prop: string, value: string, message: string, fix: string) =>
    `[${rule}] Orders/Workers: ${prop} = ${value}: ${message} Fix: ${fix}`;

  test.each([
    [{ minCapacity: 3, maxCapacity: 2 }, problem(SIZING, 'minCapacity', '3', 'is greater than maxCapacity (2): autoscaling could never satisfy both.', 'set minCapacity <= maxCapacity.')],
    // The default minimum (2) against a given maximum.
    [{ maxCapacity: 1 }, problem(SIZING, 'minCapacity', '2', 'is greater than maxCapacity (1): autoscaling could never satisfy both.', 'set minCapacity <= maxCapacity.')],
    [{ desiredCount: 0, minCapacity: 2 }, problem(SIZING, 'desiredCount', '0', 'is below minCapacity (2): autoscaling would start the cold standby fleet.', 'set minCapacity: 0 (or omit it) for a cold fleet.')],
    [{ desiredCount: 1, minCapacity: 2 }, problem(SIZING, 'desiredCount', '1', 'is below minCapacity (2).', 'set minCapacity <= desiredCount.')],
    [{ desiredCount: 12, maxCapacity: 11 }, problem(SIZING, 'desiredCount', '12', 'is greater than maxCapacity (11).', 'set desiredCount <= maxCapacity.')],
    [{ desiredCount: -1 }, problem(SIZING, 'desiredCount', '-1', 'must be a whole number from 0 to 10000.', 'set 0 (cold standby) or more.')],
    [{ maxCapacity: 0, minCapacity: 0 }, problem(SIZING, 'maxCapacity', '0', 'must be a whole number from 1 to 10000.', 'set maxCapacity to 1 or more.')],
    [{ cpu: 1.5 }, problem(SIZING, 'cpu', '1.5', 'is not a Fargate CPU value: the task definition would be rejected at deploy.', 'use 256, 512, 1024, 2048, 4096, 8192 or 16384.')],
    [{ cpu: 1024 }, problem(SIZING, 'memoryLimitMiB', '(not set)', 'the default 1024 MiB is not a Fargate size for 1024 CPU units: the task definition would be rejected at deploy.',
      'set memoryLimitMiB to 2048 to 8192 in steps of 1024, or choose another cpu.')],
    [{ cpu: 256, memoryLimitMiB: 1536 }, problem(SIZING, 'memoryLimitMiB', '1536', '1536 MiB is not a Fargate size for 256 CPU units: the task definition would be rejected at deploy.',
      'set memoryLimitMiB to 512, 1024 or 2048, or choose another cpu.')],
    [{ targetCpuUtilizationPercent: 120 }, problem(SIZING, 'targetCpuUtilizationPercent', '120', 'is not a percentage above 0 and at most 100.', 'set a percentage such as 60.')],
    [{ stopTimeoutSeconds: 121 }, problem(SIZING, 'stopTimeoutSeconds', '121', 'must be a whole number from 2 to 120.',
      "set 2 to 120 seconds (Fargate's range), more than the Worker's graceful shutdown time.")],
    [{ healthCheck: { command: ['CMD-SHELL'] } }, problem(SIZING, 'healthCheck.command', '["CMD-SHELL"]', 'is not a command: ECS needs a command to run.',
      "set e.g. ['CMD-SHELL', 'curl -f http://localhost:8080/health || exit 1'] or ['CMD', '/bin/healthcheck'].")],
    [{ healthCheck: { command: ['CMD', 'true'], intervalSeconds: 4 } }, problem(SIZING, 'healthCheck.intervalSeconds', '4', 'must be a whole number from 5 to 300.', 'set 5 to 300 seconds (ECS default 30).')],
    [{ healthCheck: { command: ['CMD', 'true'], timeoutSeconds: 61 } }, problem(SIZING, 'healthCheck.timeoutSeconds', '61', 'must be a whole number from 2 to 60.', 'set 2 to 60 seconds (ECS default 5).')],
    [{ healthCheck: { command: ['CMD', 'true'], retries: 0 } }, problem(SIZING, 'healthCheck.retries', '0', 'must be a whole number from 1 to 10.', 'set 1 to 10 (ECS default 3).')],
    [{ healthCheck: { command: ['CMD', 'true'], startPeriodSeconds: 301 } }, problem(SIZING, 'healthCheck.startPeriodSeconds', '301', 'must be a whole number from 0 to 300.', 'set 0 to 300 seconds.')],
    [{ standbyMinCapacity: 4 }, problem('TEMPORAL_STANDBY_MIN_CAPACITY', 'standbyMinCapacity', '4',
      'applies only to an Active/Hot standby fleet, and a Worker service block is one fleet: set its minCapacity and desiredCount.',
      'remove standbyMinCapacity (minCapacity sizes this fleet).')],
    [{ namespace: 'orders' }, problem(CONNECTION, 'namespace', "'orders'", 'is not a qualified namespace.', "use '<name>.<account>', e.g. 'orders.a1b2c'.")],
    [{ address: 'https://orders.a1b2c.tmprl.cloud' }, problem(CONNECTION, 'address', "'https://orders.a1b2c.tmprl.cloud'", "is not 'host:port'.",
      "use e.g. 'orders.a1b2c.tmprl.cloud:7233' (no scheme, with the port).")],
    [{ codecEndpoint: 'codec.example.com' }, problem(CONNECTION, 'codecEndpoint', "'codec.example.com'", 'is not a URL.', "use e.g. 'https://codec.example.com'.")],
    [{ environment: { CODEC_SERVER_URL: 'https://codec.example.com' } }, problem(ENVIRONMENT, 'environment.CODEC_SERVER_URL', "'https://codec.example.com'",
      'CODEC_SERVER_URL is set by the library.', 'remove it and set codecEndpoint (a pattern sets it from codecServer).')],
    [{ environment: { TEMPORAL_TLS: 'true' } }, problem(ENVIRONMENT, 'environment.TEMPORAL_TLS', "'true'",
      'TEMPORAL_TLS is not needed: the SDK turns TLS on when an API key or a client certificate is configured, and @temporalio/envconfig before 1.24 reads TEMPORAL_TLS=true as TLS off.',
      'remove it.')],
    [{ environment: { TEMPORAL_ADDRESS: 'x:1' } }, problem(ENVIRONMENT, 'environment.TEMPORAL_ADDRESS', "'x:1'", 'TEMPORAL_ADDRESS is set by the library.',
      'remove it and set address (a pattern derives it from the namespace and the pattern).')],
    [{ environment: { TEMPORAL_API_KEY: 'sk-secret-value' } }, problem(ENVIRONMENT, 'environment.TEMPORAL_API_KEY', '(redacted)',
      'TEMPORAL_API_KEY holds a credential, which this library injects from Secrets Manager and never writes in plain text.',
      'remove it from the extra environment and pass the secret as credentials (TemporalCredentials).')],
    [{ environment: { TEMPORAL_TLS_CLIENT_CERT_PATH: '/c.pem' } }, problem(ENVIRONMENT, 'environment.TEMPORAL_TLS_CLIENT_CERT_PATH', '(redacted)',
      'TEMPORAL_TLS_CLIENT_CERT_PATH holds a credential, which this library injects from Secrets Manager and never writes in plain text.',
      'remove it from the extra environment and pass the secret as credentials (TemporalCredentials).')],
  ] as Array<[Partial<TemporalWorkerServiceProps>, string]>)('rejects %o with one TemporalHaValidationError naming rule, prop, value and fix', (props, expected) => {
    // GIVEN
    const f = fixture();
    // WHEN
    const err = errorOf(() => workers(f, props));
    // THEN
    expect(err).toBeInstanceOf(TemporalHaValidationError);
    expect(err.message).toBe(`TemporalWorkerService Orders/Workers has 1 configuration error that would break failover or deployment:\n  1. ${expected}`);
    expect(err.message).not.toContain('sk-secret-value'); // a credential is never echoed
  });

  test('several bad props are reported together', () => {
    const f = fixture();
    const err = errorOf(() => workers(f, { cpu: 0, targetCpuUtilizationPercent: 0 }));
    expect(err.message).toMatch(/has 2 configuration errors .*\n  1\. \[TEMPORAL_SERVICE_SIZING\] Orders\/Workers: cpu = 0: .*\n  2\. \[TEMPORAL_SERVICE_SIZING\] Orders\/Workers: targetCpuUtilizationPercent = 0: /);
  });

  test('mTLS on a Regional Endpoint without tlsServerName is rejected with the server name to set', () => {
    // GIVEN
    const f = fixture();
    // WHEN
    const err = errorOf(() => workers(f, {
      address: REGIONAL_ADDRESS,
      credentials: TemporalCredentials.mtlsFromSecretNames({ certificateSecretName: 'temporal/crt', privateKeySecretName: 'temporal/key' }),
    }));
    // THEN
    expect(err.message).toContain(problem('TEMPORAL_TLS_SERVER_NAME', 'tlsServerName', '(not set)',
      "the credentials are mTLS and address ('aws-us-east-1.region.tmprl.cloud:7233') is not the Namespace Endpoint: Temporal Cloud presents the namespace's certificate, so TLS verification of 'aws-us-east-1.region.tmprl.cloud' fails.",
      "set tlsServerName: 'orders.a1b2c.tmprl.cloud'."));
  });

  test('mTLS with a server name other than the Namespace Endpoint warns, with the id of a rule', () => {
    const f = fixture();
    workers(f, {
      address: REGIONAL_ADDRESS,
      tlsServerName: 'aws-us-east-1.region.tmprl.cloud',
      credentials: TemporalCredentials.mtlsFromSecretNames({ certificateSecretName: 'temporal/crt', privateKeySecretName: 'temporal/key' }),
    });
    const text = problem('TEMPORAL_TLS_SERVER_NAME_MISMATCH', 'tlsServerName', "'aws-us-east-1.region.tmprl.cloud'",
      "is not the Namespace Endpoint host ('orders.a1b2c.tmprl.cloud'), which Temporal Cloud's mTLS certificate names.",
      "set tlsServerName: 'orders.a1b2c.tmprl.cloud' unless a TLS-terminating proxy presents another certificate.");
    Annotations.fromStack(f.stack).hasWarning('/Orders/Workers', `${text} [ack: temporal-ha:TEMPORAL_TLS_SERVER_NAME_MISMATCH]`);
    expect(TLS_SERVER_NAME_MISMATCH).toMatchObject({ id: 'TEMPORAL_TLS_SERVER_NAME_MISMATCH', severity: Severity.WARNING });
  });

  test('environment: sorted by name; scaling cooldowns and the CPU architecture from the core settings', () => {
    // GIVEN
    const f = fixture();
    // WHEN
    workers(f, { environment: { ZONE: 'a', LOG_LEVEL: 'info' }, cpuArchitecture: CpuArchitecture.ARM64 });
    // THEN
    const names = containerDefinition(f.stack).Environment.map((e: any) => e.Name);
    expect(names).toEqual(['LOG_LEVEL', 'TEMPORAL_ADDRESS', 'TEMPORAL_NAMESPACE', 'ZONE']);
    const template = Template.fromStack(f.stack);
    template.hasResourceProperties('AWS::ECS::TaskDefinition', { RuntimePlatform: { CpuArchitecture: 'ARM64', OperatingSystemFamily: 'LINUX' } });
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({ ScaleInCooldown: 300, ScaleOutCooldown: 60 }),
    });
  });

  test('extra environment, codec endpoint and networking options pass through', () => {
    // GIVEN
    const f = fixture();
    const sg = new ec2.SecurityGroup(f.stack, 'WorkerSg', { vpc: f.cluster.vpc });
    // WHEN
    const w = workers(f, {
      environment: { TASK_QUEUE: 'orders' },
      codecEndpoint: 'https://codec.example.com',
      securityGroups: [sg],
      serviceName: 'orders-workers',
    });
    // THEN
    Template.fromStack(f.stack).hasResourceProperties('AWS::ECS::Service', {
      ServiceName: 'orders-workers',
      NetworkConfiguration: { AwsvpcConfiguration: Match.objectLike({ SecurityGroups: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('WorkerSg'), 'GroupId'] }] }) },
    });
    // The codec server URL under the library's own name (no Temporal SDK reads one).
    expect(w.settings.environment.plain).toMatchObject({ TASK_QUEUE: 'orders', CODEC_SERVER_URL: 'https://codec.example.com' });
    expect(w.settings.environment.plain).not.toHaveProperty('TEMPORAL_CODEC_ENDPOINT');
    expect(w.connections.securityGroups).toEqual([sg]);
  });
});

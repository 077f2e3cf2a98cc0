import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { TemporalCredentials, TemporalWorkerService, TemporalWorkerServiceProps } from '../../../lib/aws-cdk/blocks';

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
          { Name: 'TEMPORAL_TLS', Value: 'true' },
        ]),
        Secrets: [{ Name: 'TEMPORAL_API_KEY', ValueFrom: { Ref: Match.stringLikeRegexp('ApiKey') } }],
      })],
    });
    const container = containerDefinition(f.stack);
    const plainNames = container.Environment.map((e: any) => e.Name);
    expect(plainNames).not.toContain('TEMPORAL_API_KEY');
    expect(plainNames).not.toContain('TEMPORAL_TLS_SERVER_NAME');
    expect(w.environment).toEqual({
      TEMPORAL_ADDRESS: NAMESPACE_ADDRESS,
      TEMPORAL_NAMESPACE: NAMESPACE,
      TEMPORAL_TLS: 'true',
    });
    expect(w.secretEnvironmentVariables).toEqual(['TEMPORAL_API_KEY']);
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
    template.hasResourceProperties('AWS::ECS::TaskDefinition', { Cpu: '512', Memory: '1024' });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
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
    expect(w.minCapacity).toBe(0);
  });

  test.each([
    [{ minCapacity: 3, maxCapacity: 2 }, 'TemporalWorkerService(Orders/Workers): minCapacity (3) is greater than maxCapacity (2). Set minCapacity <= maxCapacity.'],
    [{ desiredCount: 0, minCapacity: 2 }, /desiredCount \(0\) is below minCapacity \(2\).*Set minCapacity: 0/],
    [{ desiredCount: 1, minCapacity: 2 }, /desiredCount \(1\) is below minCapacity \(2\)\. Set minCapacity <= desiredCount\./],
    [{ desiredCount: 12, maxCapacity: 11 }, /desiredCount \(12\) is greater than maxCapacity \(11\)\. Set desiredCount <= maxCapacity\./],
    [{ desiredCount: -1 }, /desiredCount \(-1\) must be a whole number >= 0/],
    [{ maxCapacity: 0, minCapacity: 0 }, /maxCapacity \(0\) must be a whole number >= 1/],
    [{ cpu: 1.5 }, /cpu \(1\.5\) must be a whole number/],
    [{ targetCpuUtilizationPercent: 120 }, /targetCpuUtilizationPercent \(120\) is outside 1-100/],
    [{ namespace: 'orders' }, /namespace \('orders'\) is not a qualified namespace\. Use '<name>.<account>'/],
    [{ address: 'https://orders.a1b2c.tmprl.cloud' }, /address \('https:\/\/orders\.a1b2c\.tmprl\.cloud'\) is not 'host:port'/],
    [{ environment: { TEMPORAL_ADDRESS: 'x:1' } }, /environment sets TEMPORAL_ADDRESS.*set address instead/],
    [{ environment: { TEMPORAL_API_KEY: 'plain' } }, /environment sets TEMPORAL_API_KEY, a credential variable/],
    [{ environment: { TEMPORAL_TLS_CLIENT_CERT_PATH: '/c.pem' } }, /environment sets TEMPORAL_TLS_CLIENT_CERT_PATH, a credential variable/],
  ] as Array<[Partial<TemporalWorkerServiceProps>, string | RegExp]>)('rejects %o with a clear error', (props, message) => {
    // GIVEN
    const f = fixture();
    // WHEN / THEN
    expect(() => workers(f, props)).toThrow(message);
  });

  test('several bad props are reported together', () => {
    const f = fixture();
    expect(() => workers(f, { cpu: 0, targetCpuUtilizationPercent: 0 })).toThrow(/has 2 errors:\n  - cpu \(0\).*\n  - targetCpuUtilizationPercent \(0\)/);
  });

  test('mTLS on a Regional Endpoint without tlsServerName is rejected with the server name to set', () => {
    // GIVEN
    const f = fixture();
    // WHEN / THEN
    expect(() => workers(f, {
      address: REGIONAL_ADDRESS,
      credentials: TemporalCredentials.mtlsFromSecretNames({ certificateSecretName: 'temporal/crt', privateKeySecretName: 'temporal/key' }),
    })).toThrow("tlsServerName is not set, but the credentials are mTLS and address ('aws-us-east-1.region.tmprl.cloud:7233') is not the Namespace Endpoint: Temporal Cloud presents the namespace's certificate, so TLS verification of 'aws-us-east-1.region.tmprl.cloud' fails. Set tlsServerName: 'orders.a1b2c.tmprl.cloud'.");
  });

  test('mTLS with a server name other than the Namespace Endpoint warns', () => {
    const f = fixture();
    workers(f, {
      address: REGIONAL_ADDRESS,
      tlsServerName: 'aws-us-east-1.region.tmprl.cloud',
      credentials: TemporalCredentials.mtlsFromSecretNames({ certificateSecretName: 'temporal/crt', privateKeySecretName: 'temporal/key' }),
    });
    Annotations.fromStack(f.stack).hasWarning('/Orders/Workers', Match.stringLikeRegexp("Set tlsServerName: 'orders.a1b2c.tmprl.cloud'"));
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
    expect(w.environment).toMatchObject({ TASK_QUEUE: 'orders', TEMPORAL_CODEC_ENDPOINT: 'https://codec.example.com' });
    expect(w.connections.securityGroups).toEqual([sg]);
  });
});

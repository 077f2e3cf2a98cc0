/**
 * The CDK for Terraform TemporalWorkerService and TemporalCredentials used on their own: the same
 * checks, defaults and environment as the AWS CDK blocks (both call the same core functions), and a
 * task execution role scoped to the image's repository, the service's log group and its secrets.
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { errorOf, newStack, referenced, resourcesOf, synthStack, TfJson, workerContainers } from './support';
import * as cdkFlavour from '../../lib/aws-cdk/blocks';
import { TemporalCredentials, TemporalHaValidationError, TemporalWorkerService, TemporalWorkerServiceProps } from '../../lib/cdktf';
import { CpuArchitecture } from '../../lib/core/components/service';

type Input = Omit<TemporalWorkerServiceProps, 'provider' | 'clusterArn' | 'vpcId' | 'subnetIds' | 'image' | 'credentials'>;
const BASE: Input = { namespace: 'orders.a1b2c', address: 'orders.a1b2c.tmprl.cloud:7233' };
const MTLS = { certificateSecretName: 'temporal/orders/mtls', privateKeySecretName: 'temporal/orders/mtls', certificateField: 'crt', privateKeyField: 'key' };
const REGIONAL = 'aws-us-east-1.region.tmprl.cloud:7233';

/** A cdktf Worker service in `Workers/stack` (id 'Workers'); `mtls` picks the credentials. */
function tfWorkers(input: Partial<Input> = {}, opts: { mtls?: boolean; image?: string } = {}) {
  const stack = newStack();
  const provider = new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  const w = new TemporalWorkerService(stack, 'Workers', {
    provider,
    clusterArn: 'arn:aws:ecs:us-east-1:111111111111:cluster/c',
    vpcId: 'vpc-1',
    subnetIds: ['subnet-1'],
    image: opts.image ?? 'ghcr.io/acme/orders-worker:1.0.0',
    credentials: opts.mtls ? TemporalCredentials.mtlsFromSecretNames(MTLS) : TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
    ...BASE,
    ...input,
  });
  return { stack, w };
}

/** The AWS CDK Worker service for the same input. */
function cdkWorkers(input: Partial<Input> = {}, opts: { mtls?: boolean } = {}) {
  const stack = new Stack(new App(), 'stack', { env: { account: '111111111111', region: 'us-east-1' } });
  const cluster = ecs.Cluster.fromClusterAttributes(stack, 'C', {
    clusterName: 'c', vpc: ec2.Vpc.fromVpcAttributes(stack, 'V', { vpcId: 'vpc-1', availabilityZones: ['us-east-1a'], privateSubnetIds: ['subnet-1'] }),
  });
  const w = new cdkFlavour.TemporalWorkerService(stack, 'Workers', {
    cluster,
    image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/orders-worker:1.0.0'),
    credentials: opts.mtls ? cdkFlavour.TemporalCredentials.mtlsFromSecretNames(MTLS) : cdkFlavour.TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
    ...BASE,
    ...input,
  });
  return { stack, w };
}

const findingsOf = (e: Error) => (e as TemporalHaValidationError).findings
  .map(({ ruleId, prop, value, message, fix }) => ({ ruleId, prop, value, message, fix }));

describe('TemporalWorkerService (cdktf): the same checks as the AWS CDK block', () => {
  const CASES: Array<[string, Partial<Input>, string]> = [
    ['min above max', { minCapacity: 3, maxCapacity: 2 }, 'TEMPORAL_SERVICE_SIZING'],
    ['default min above a given max', { maxCapacity: 1 }, 'TEMPORAL_SERVICE_SIZING'],
    ['a cold fleet with a minimum', { desiredCount: 0, minCapacity: 2 }, 'TEMPORAL_SERVICE_SIZING'],
    ['desired above max', { desiredCount: 12, maxCapacity: 11 }, 'TEMPORAL_SERVICE_SIZING'],
    ['a negative desired count', { desiredCount: -1 }, 'TEMPORAL_SERVICE_SIZING'],
    ['a CPU Fargate does not offer', { cpu: 300 }, 'TEMPORAL_SERVICE_SIZING'],
    ['a memory size Fargate does not offer for the CPU', { cpu: 1024 }, 'TEMPORAL_SERVICE_SIZING'],
    ['a CPU target above 100%', { targetCpuUtilizationPercent: 120 }, 'TEMPORAL_SERVICE_SIZING'],
    ['a stop timeout above Fargate\'s 120 s', { stopTimeoutSeconds: 121 }, 'TEMPORAL_SERVICE_SIZING'],
    ['a stop timeout below 2 s', { stopTimeoutSeconds: 1 }, 'TEMPORAL_SERVICE_SIZING'],
    ['a health check without a command', { healthCheck: { command: [] } }, 'TEMPORAL_SERVICE_SIZING'],
    ['a health check interval below 5 s', { healthCheck: { command: ['CMD', 'true'], intervalSeconds: 4 } }, 'TEMPORAL_SERVICE_SIZING'],
    ['a health check timeout above 60 s', { healthCheck: { command: ['CMD', 'true'], timeoutSeconds: 61 } }, 'TEMPORAL_SERVICE_SIZING'],
    ['11 health check retries', { healthCheck: { command: ['CMD', 'true'], retries: 11 } }, 'TEMPORAL_SERVICE_SIZING'],
    ['a health check start period above 300 s', { healthCheck: { command: ['CMD', 'true'], startPeriodSeconds: 301 } }, 'TEMPORAL_SERVICE_SIZING'],
    ['a standby size on a block (one fleet, no standby)', { standbyMinCapacity: 4 }, 'TEMPORAL_STANDBY_MIN_CAPACITY'],
    ['an unqualified namespace', { namespace: 'orders' }, 'TEMPORAL_CONNECTION_SETTINGS'],
    ['an address with a scheme', { address: 'https://orders.a1b2c.tmprl.cloud' }, 'TEMPORAL_CONNECTION_SETTINGS'],
    ['a codec endpoint that is not a URL', { codecEndpoint: 'codec.example.com' }, 'TEMPORAL_CONNECTION_SETTINGS'],
    ['a connection variable in the environment', { environment: { TEMPORAL_NAMESPACE: 'other.a1b2c' } }, 'TEMPORAL_ENVIRONMENT_RESERVED'],
    ['the codec server URL variable in the environment', { environment: { CODEC_SERVER_URL: 'https://codec.example.com' } }, 'TEMPORAL_ENVIRONMENT_RESERVED'],
    ['TEMPORAL_TLS in the environment', { environment: { TEMPORAL_TLS: 'true' } }, 'TEMPORAL_ENVIRONMENT_RESERVED'],
    ['a credential in the environment', { environment: { TEMPORAL_TLS_CLIENT_KEY_DATA: 'sk-secret-value' } }, 'TEMPORAL_ENVIRONMENT_RESERVED'],
    ['mTLS on a Regional Endpoint without a server name', { address: REGIONAL }, 'TEMPORAL_TLS_SERVER_NAME'],
  ];
  test.each(CASES)('%s: one TemporalHaValidationError, with the findings of the AWS CDK block', (_name, input, ruleId) => {
    // GIVEN / WHEN
    const mtls = ruleId === 'TEMPORAL_TLS_SERVER_NAME';
    const tf = errorOf(() => tfWorkers(input, { mtls }));
    const cdk = errorOf(() => cdkWorkers(input, { mtls }));
    // THEN
    expect(tf).toBeInstanceOf(TemporalHaValidationError);
    expect(tf.message).toMatch(/^TemporalWorkerService stack\/Workers has 1 configuration error that would break failover or deployment:\n {2}1\. \[/);
    expect(findingsOf(tf)).toEqual([expect.objectContaining({ ruleId })]);
    expect(findingsOf(tf)).toEqual(findingsOf(cdk));
    expect(tf.message).not.toContain('sk-secret-value');
  });

  test('a cold fleet with a minimum above zero names the fix', () => {
    const err = errorOf(() => tfWorkers({ desiredCount: 0, minCapacity: 2 }));
    expect(err.message).toContain('[TEMPORAL_SERVICE_SIZING] stack/Workers: desiredCount = 0: is below minCapacity (2): autoscaling would start the cold standby fleet. '
      + 'Fix: set minCapacity: 0 (or omit it) for a cold fleet.');
  });

  test('a TLS server name other than the Namespace Endpoint host is a warning with the rule id', () => {
    const { w } = tfWorkers({ address: REGIONAL, tlsServerName: 'aws-us-east-1.region.tmprl.cloud' }, { mtls: true });
    expect(w.node.metadata.map((m) => ({ type: m.type, data: String(m.data) }))).toEqual([{
      type: '@cdktf/warn',
      data: "temporal-ha:TEMPORAL_TLS_SERVER_NAME_MISMATCH: [TEMPORAL_TLS_SERVER_NAME_MISMATCH] stack/Workers: tlsServerName = 'aws-us-east-1.region.tmprl.cloud': "
        + "is not the Namespace Endpoint host ('orders.a1b2c.tmprl.cloud'), which Temporal Cloud's mTLS certificate names. "
        + "Fix: set tlsServerName: 'orders.a1b2c.tmprl.cloud' unless a TLS-terminating proxy presents another certificate.",
    }]);
  });
});

describe('TemporalWorkerService (cdktf): what it deploys', () => {
  const one = (json: TfJson, type: string) => {
    const all = resourcesOf(json, type);
    expect(all).toHaveLength(1);
    return all[0].body;
  };

  test('defaults: 2 tasks, scaling 2-10 on 60% CPU (cooldowns 300 s in, 60 s out), 512 CPU / 1024 MiB on X86_64, logs kept 30 days', () => {
    const json = synthStack(tfWorkers().stack);
    expect(one(json, 'aws_ecs_service')).toMatchObject({ desired_count: 2, launch_type: 'FARGATE', lifecycle: { ignore_changes: ['desired_count'] } });
    expect(one(json, 'aws_ecs_task_definition')).toMatchObject({ cpu: '512', memory: '1024', runtime_platform: { cpu_architecture: 'X86_64', operating_system_family: 'LINUX' } });
    expect(one(json, 'aws_appautoscaling_target')).toMatchObject({ min_capacity: 2, max_capacity: 10 });
    expect(one(json, 'aws_appautoscaling_policy').target_tracking_scaling_policy_configuration).toMatchObject({
      target_value: 60,
      scale_in_cooldown: 300,
      scale_out_cooldown: 60,
      predefined_metric_specification: { predefined_metric_type: 'ECSServiceAverageCPUUtilization' },
    });
    expect(one(json, 'aws_cloudwatch_log_group')).toMatchObject({ retention_in_days: 30 });
    const [container] = JSON.parse(one(json, 'aws_ecs_task_definition').container_definitions);
    expect(container.stopTimeout).toBe(120);
    expect(container).not.toHaveProperty('healthCheck');
  });

  test('stop timeout and health check: the AWS CDK block\'s values, a bare command run by the shell, ECS defaults written out', () => {
    const input = { stopTimeoutSeconds: 45, healthCheck: { command: ['test -f /tmp/worker-ready'], intervalSeconds: 10, timeoutSeconds: 3 } };
    const tf = tfWorkers(input);
    const [container] = JSON.parse(one(synthStack(tf.stack), 'aws_ecs_task_definition').container_definitions);
    const cdkContainer = Object.values(Template.fromStack(cdkWorkers(input).stack).findResources('AWS::ECS::TaskDefinition'))[0].Properties.ContainerDefinitions[0];
    expect(container.stopTimeout).toBe(45);
    expect(container.healthCheck).toEqual({ command: ['CMD-SHELL', 'test -f /tmp/worker-ready'], interval: 10, timeout: 3, retries: 3, startPeriod: 0 });
    expect(cdkContainer.StopTimeout).toBe(container.stopTimeout);
    const h = container.healthCheck;
    expect(cdkContainer.HealthCheck).toEqual({
      Command: h.command, Interval: h.interval, Timeout: h.timeout, Retries: h.retries, StartPeriod: h.startPeriod,
    });
  });

  test('desiredCount 0 is a cold standby: no task, autoscaling minimum 0; ARM64 from the core enum', () => {
    const { stack, w } = tfWorkers({ desiredCount: 0, cpuArchitecture: CpuArchitecture.ARM64 });
    const json = synthStack(stack);
    expect(one(json, 'aws_ecs_service').desired_count).toBe(0);
    expect(one(json, 'aws_appautoscaling_target')).toMatchObject({ min_capacity: 0, max_capacity: 10 });
    expect(one(json, 'aws_ecs_task_definition').runtime_platform.cpu_architecture).toBe('ARM64');
    expect([w.settings.desiredCount, w.settings.scaling.minCapacity, w.settings.scaling.maxCapacity]).toEqual([0, 0, 10]);
  });

  test('the container environment is the AWS CDK block\'s: same variables, same (sorted) order, same secret names', () => {
    const input = { address: REGIONAL, tlsServerName: 'orders.a1b2c.tmprl.cloud', codecEndpoint: 'https://codec.example.com', environment: { ZONE: 'a', LOG_LEVEL: 'info' } };
    const tf = tfWorkers(input, { mtls: true });
    const cdk = cdkWorkers(input, { mtls: true });
    const [container] = workerContainers(synthStack(tf.stack));
    const [taskDef] = Object.values(Template.fromStack(cdk.stack).findResources('AWS::ECS::TaskDefinition'));
    const cdkContainer = taskDef.Properties.ContainerDefinitions[0];
    expect(container.container.environment).toEqual(cdkContainer.Environment.map((e: any) => ({ name: e.Name, value: e.Value })));
    expect(container.container.secrets.map((s: any) => s.name)).toEqual(cdkContainer.Secrets.map((s: any) => s.Name));
    // No TEMPORAL_TLS (the SDK turns TLS on with the credentials); the codec server URL under the library's own name.
    expect(Object.keys(container.env)).toEqual(['CODEC_SERVER_URL', 'LOG_LEVEL', 'TEMPORAL_ADDRESS', 'TEMPORAL_NAMESPACE', 'TEMPORAL_TLS_SERVER_NAME', 'ZONE']);
    expect(tf.w.settings.environment.plain).toEqual(cdk.w.settings.environment.plain);
    expect(Object.keys(tf.w.settings.environment.secrets)).toEqual(['TEMPORAL_TLS_CLIENT_CERT_DATA', 'TEMPORAL_TLS_CLIENT_KEY_DATA']);
    expect(container.secrets.TEMPORAL_TLS_CLIENT_KEY_DATA).toMatch(/^\$\{data\.aws_secretsmanager_secret\.[^.]+\.arn\}:key::$/);
  });

  test('the execution role: no AWS-managed policy; logs on its log group, read on its secrets, nothing for a non-ECR image', () => {
    const json = synthStack(tfWorkers().stack);
    expect(resourcesOf(json, 'aws_iam_role_policy_attachment')).toEqual([]);
    const role = resourcesOf(json, 'aws_iam_role').find((r) => r.name.includes('ExecutionRole'))!;
    const policy = one(json, 'aws_iam_role_policy');
    expect(referenced(policy.role, 'aws_iam_role')).toBe(role.name);
    const logGroup = resourcesOf(json, 'aws_cloudwatch_log_group')[0].name;
    const secret = resourcesOf(json, 'aws_secretsmanager_secret', 'data')[0].name;
    expect(JSON.parse(policy.policy).Statement).toEqual([
      { Sid: 'WriteLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `\${aws_cloudwatch_log_group.${logGroup}.arn}:*` },
      { Sid: 'ReadSecrets', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Resource: [`\${data.aws_secretsmanager_secret.${secret}.arn}`] },
    ]);
  });

  test('an ECR image: pull from that repository only (and the registry token, which has no resource)', () => {
    const json = synthStack(tfWorkers({}, { image: '111111111111.dkr.ecr.us-east-1.amazonaws.com/acme/orders-worker:1.0.0' }).stack);
    const statements = JSON.parse(one(json, 'aws_iam_role_policy').policy).Statement;
    expect(statements.slice(0, 2)).toEqual([
      { Sid: 'EcrToken', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
      {
        Sid: 'EcrPull',
        Effect: 'Allow',
        Action: ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'],
        Resource: 'arn:aws:ecr:us-east-1:111111111111:repository/acme/orders-worker',
      },
    ]);
    expect(statements.filter((s: any) => s.Resource === '*').map((s: any) => s.Action)).toEqual(['ecr:GetAuthorizationToken']);
  });
});

describe('TemporalCredentials (cdktf): the same checks as the AWS CDK flavour', () => {
  test.each([
    ['an ARN for a name', () => TemporalCredentials.apiKeyFromSecretName('arn:aws:secretsmanager:us-east-1:1:secret:x'),
      () => cdkFlavour.TemporalCredentials.apiKeyFromSecretName('arn:aws:secretsmanager:us-east-1:1:secret:x')],
    ['an empty JSON field', () => TemporalCredentials.apiKeyFromSecretName('k', { field: '' }), () => cdkFlavour.TemporalCredentials.apiKeyFromSecretName('k', { field: '' })],
    ['certificate and key from one value', () => TemporalCredentials.mtlsFromSecretNames({ certificateSecretName: 'a', privateKeySecretName: 'a', certificateField: 'x', privateKeyField: 'x' }),
      () => cdkFlavour.TemporalCredentials.mtlsFromSecretNames({ certificateSecretName: 'a', privateKeySecretName: 'a', certificateField: 'x', privateKeyField: 'x' })],
  ])('%s', (_name, tf, cdk) => {
    const tfError = errorOf(tf);
    expect(tfError).toBeInstanceOf(TemporalHaValidationError);
    expect(tfError.message).toContain('[TEMPORAL_CREDENTIALS_SECRETS]');
    expect(tfError.message).toBe(errorOf(cdk).message);
  });

  test('binding: one data source per region and secret name; valueFrom reads the JSON key', () => {
    const stack = newStack();
    const provider = new AwsProvider(stack, 'aws', { region: 'us-east-1' });
    const bound = TemporalCredentials.mtlsFromSecretNames(MTLS).bind(stack, provider);
    expect(bound.parts.map((p) => [p.part, p.secretName, p.field])).toEqual([['client-certificate', 'temporal/orders/mtls', 'crt'], ['client-key', 'temporal/orders/mtls', 'key']]);
    expect(bound.secretArns).toHaveLength(1);
    expect(bound.parts.map((p) => p.valueFrom)).toEqual([`${bound.secretArns[0]}:crt::`, `${bound.secretArns[0]}:key::`]);
    expect(resourcesOf(synthStack(stack), 'aws_secretsmanager_secret', 'data').map((d) => d.body.name)).toEqual(['temporal/orders/mtls']);
  });
});

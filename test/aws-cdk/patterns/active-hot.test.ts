import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import {
  ActiveHotDeployment,
  ActiveHotDeploymentProps,
  Connectivity,
  EndpointKind,
  PollerForwarding,
  TemporalCredentials,
} from '../../../lib';
import { errorOf, recordNames, workerContainers } from '../support';

const CERTS = {
  'us-east-1': 'arn:aws:acm:us-east-1:111111111111:certificate/11111111-1111-1111-1111-111111111111',
  'us-west-2': 'arn:aws:acm:us-west-2:111111111111:certificate/22222222-2222-2222-2222-222222222222',
};

function props(overrides: Partial<ActiveHotDeploymentProps> = {}): ActiveHotDeploymentProps {
  return {
    namespace: {
      name: 'orders',
      accountId: 'a1b2c',
      primaryRegion: 'us-east-1',
      replicaRegion: 'us-west-2',
      pollerForwarding: PollerForwarding.DISABLED,
    },
    credentials: TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
    connectivity: Connectivity.privateLink(),
    workers: { image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/orders-worker:1.0.0') },
    codecServer: { image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/codec:1.0.0'), certificateArns: CERTS },
    account: '111111111111',
    ...overrides,
  };
}

function deploy(overrides: Partial<ActiveHotDeploymentProps> = {}) {
  const app = new App();
  const hot = new ActiveHotDeployment(app, 'Orders', props(overrides));
  return { app, hot, east: hot.stacks['us-east-1'], west: hot.stacks['us-west-2'] };
}

describe('ActiveHotDeployment: normal operation', () => {
  test('creates one stack per namespace region, each with an explicit region', () => {
    // WHEN
    const { hot } = deploy();
    // THEN
    expect(Object.keys(hot.stacks).sort()).toEqual(['us-east-1', 'us-west-2']);
    expect(hot.stacks['us-west-2'].region).toBe('us-west-2');
    expect(hot.stacks['us-west-2'].stackName).toBe('Orders-us-west-2');
  });

  test.each([
    ['us-east-1', 'aws-us-east-1.region.tmprl.cloud:7233'],
    ['us-west-2', 'aws-us-west-2.region.tmprl.cloud:7233'],
  ])('workers in %s dial that region\'s Regional Endpoint', (region, address) => {
    // WHEN
    const { hot } = deploy();
    // THEN
    const workers = workerContainers(hot.stacks[region]);
    expect(workers).toHaveLength(1);
    expect(workers[0].env).toMatchObject({ TEMPORAL_ADDRESS: address, TEMPORAL_NAMESPACE: 'orders.a1b2c' });
    expect(workers[0].env).not.toHaveProperty('TEMPORAL_TLS');
    expect(workers[0].secrets).toEqual(['TEMPORAL_API_KEY']);
    expect(workers[0].env).not.toHaveProperty('TEMPORAL_TLS_SERVER_NAME');
  });

  test('both fleets run (hot standby), with the same image and autoscaling', () => {
    const { east, west } = deploy();
    for (const stack of [east, west]) {
      const t = Template.fromStack(stack);
      t.hasResourceProperties('AWS::ECS::Service', { DesiredCount: 2, LaunchType: 'FARGATE' });
      t.hasResourceProperties('AWS::ECS::TaskDefinition', {
        ContainerDefinitions: Match.arrayWith([Match.objectLike({ Image: 'ghcr.io/acme/orders-worker:1.0.0' })]),
      });
      t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 2, MaxCapacity: 10 });
    }
  });

  test('standbyMinCapacity sizes the hot standby only: us-west-2 keeps 6 tasks, us-east-1 its minimum; stop timeout and health check on both', () => {
    const image = ecs.ContainerImage.fromRegistry('ghcr.io/acme/orders-worker:1.0.0');
    const { east, west } = deploy({ workers: { image, standbyMinCapacity: 6, stopTimeoutSeconds: 60, healthCheck: { command: ['CMD', '/healthcheck'] } } });
    Template.fromStack(west).hasResourceProperties('AWS::ECS::Service', { DesiredCount: 6 });
    Template.fromStack(west).hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 6, MaxCapacity: 10 });
    Template.fromStack(east).hasResourceProperties('AWS::ECS::Service', { DesiredCount: 2 });
    Template.fromStack(east).hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 2, MaxCapacity: 10 });
    for (const stack of [east, west]) {
      Template.fromStack(stack).hasResourceProperties('AWS::ECS::TaskDefinition', {
        ContainerDefinitions: Match.arrayWith([Match.objectLike({
          StopTimeout: 60, HealthCheck: { Command: ['CMD', '/healthcheck'], Interval: 30, Timeout: 5, Retries: 3, StartPeriod: 0 },
        })]),
      });
    }
  });

  test('PrivateLink: each region has its Temporal VPC endpoint and a region.tmprl.cloud zone with its own record', () => {
    const { east, west } = deploy();
    Template.fromStack(east).hasResourceProperties('AWS::EC2::VPCEndpoint', {
      ServiceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0822256b6575ea37f', VpcEndpointType: 'Interface', PrivateDnsEnabled: false,
    });
    Template.fromStack(west).hasResourceProperties('AWS::EC2::VPCEndpoint', {
      ServiceName: 'com.amazonaws.vpce.us-west-2.vpce-svc-0f44b3d7302816b94',
    });
    Template.fromStack(east).hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: Match.arrayWith([Match.objectLike({ FromPort: 7233, ToPort: 7233, IpProtocol: 'tcp' })]),
    });
    Template.fromStack(west).hasResourceProperties('AWS::Route53::HostedZone', {
      Name: 'region.tmprl.cloud.', VPCs: Match.arrayWith([Match.objectLike({ VPCRegion: 'us-west-2' })]),
    });
    expect(recordNames(east)).toEqual(['aws-us-east-1.region.tmprl.cloud.']);
    expect(recordNames(west)).toEqual(['aws-us-west-2.region.tmprl.cloud.']);
  });

  test('never writes a private record for the Namespace Endpoint', () => {
    const { east, west } = deploy();
    for (const stack of [east, west]) {
      expect(recordNames(stack).filter((n) => n.includes('orders.a1b2c'))).toEqual([]);
    }
  });

  test('a codec server behind HTTPS runs in both regions, and Workers are given their own region\'s codec URL', () => {
    const { east, west } = deploy();
    for (const [stack, region] of [[east, 'us-east-1'], [west, 'us-west-2']] as const) {
      const t = Template.fromStack(stack);
      t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
        Protocol: 'HTTPS', Port: 443, Certificates: [{ CertificateArn: CERTS[region] }],
      });
      expect(workerContainers(stack)[0].env).toHaveProperty('CODEC_SERVER_URL');
    }
  });

  test('with a proxy, Workers dial the proxy and the proxy dials the region\'s Regional Endpoint', () => {
    const { west } = deploy({ proxy: { image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/proxy:1.0.0') } });
    const t = Template.fromStack(west);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { Type: 'network', Scheme: 'internal' });
    t.hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: Match.arrayWith([Match.objectLike({
        Environment: Match.arrayWith([{ Name: 'TEMPORAL_PROXY_UPSTREAM', Value: 'aws-us-west-2.region.tmprl.cloud:7233' }]),
      })]),
    });
    const worker = workerContainers(west)[0];
    expect(JSON.stringify(worker.env.TEMPORAL_ADDRESS)).toContain('Fn::GetAtt');
    // Through a proxy, TLS still ends at Temporal: the server name is the upstream host.
    expect(worker.env.TEMPORAL_TLS_SERVER_NAME).toBe('aws-us-west-2.region.tmprl.cloud');
  });

  test('mTLS on a Regional Endpoint sets the TLS server name to the Namespace Endpoint host', () => {
    const { west } = deploy({
      credentials: TemporalCredentials.mtlsFromSecretNames({
        certificateSecretName: 'temporal/orders/client-cert', privateKeySecretName: 'temporal/orders/client-key',
      }),
    });
    const worker = workerContainers(west)[0];
    expect(worker.env.TEMPORAL_TLS_SERVER_NAME).toBe('orders.a1b2c.tmprl.cloud');
    expect(worker.secrets.sort()).toEqual(['TEMPORAL_TLS_CLIENT_CERT_DATA', 'TEMPORAL_TLS_CLIENT_KEY_DATA']);
  });

  test('public connectivity creates no VPC endpoint or private zone', () => {
    const { east } = deploy({ connectivity: Connectivity.public() });
    const t = Template.fromStack(east);
    t.resourceCountIs('AWS::EC2::VPCEndpoint', 0);
    t.resourceCountIs('AWS::Route53::HostedZone', 0);
  });

  test('outputs what an operator needs per fleet', () => {
    const { west } = deploy();
    const outputs = Template.fromStack(west).toJSON().Outputs;
    const values = Object.values<any>(outputs).map((o) => o.Value);
    expect(values).toContain('aws-us-west-2.region.tmprl.cloud:7233');
    expect(values).toContain('2');
  });
});

describe('ActiveHotDeployment: composed into the platform team\'s stacks', () => {
  test('renders into supplied stacks and VPCs, creating no stacks of its own but the failover state\'s', () => {
    // GIVEN
    const app = new App();
    const east = new Stack(app, 'PlatformEast', { env: { account: '111111111111', region: 'us-east-1' } });
    const west = new Stack(app, 'PlatformWest', { env: { account: '111111111111', region: 'us-west-2' } });
    const eastVpc = new ec2.Vpc(east, 'Vpc', { ipAddresses: ec2.IpAddresses.cidr('10.10.0.0/16') });
    const westVpc = new ec2.Vpc(west, 'Vpc', { ipAddresses: ec2.IpAddresses.cidr('10.20.0.0/16') });
    // WHEN
    const hot = new ActiveHotDeployment(app, 'Orders', props({
      regions: { 'us-east-1': { stack: east, vpc: eastVpc }, 'us-west-2': { stack: west, vpc: westVpc } },
    }));
    // THEN
    expect(hot.stacks['us-east-1']).toBe(east);
    expect(app.node.findAll().filter((c) => Stack.isStack(c)).map((s) => (s as Stack).stackName).sort())
      .toEqual(['Orders-us-east-1-state', 'Orders-us-west-2-state', 'PlatformEast', 'PlatformWest']);
    Template.fromStack(west).resourceCountIs('AWS::EC2::VPC', 1);
    Template.fromStack(west).hasResourceProperties('AWS::EC2::VPCEndpoint', {
      ServiceName: 'com.amazonaws.vpce.us-west-2.vpce-svc-0f44b3d7302816b94',
    });
  });

  test('inside a single-region stack, asking for a second region without a stack names the fix', () => {
    const app = new App();
    const east = new Stack(app, 'PlatformEast', { env: { region: 'us-east-1' } });
    const err = errorOf(() => new ActiveHotDeployment(east, 'Orders', props()));
    expect(err.message).toContain('us-west-2');
    expect(err.message).toContain("regions: { 'us-west-2': { stack:");
  });
});

describe('ActiveHotDeployment: bad input fails with one clear error per construct', () => {
  const regionAgnostic = () => {
    const app = new App();
    return { 'us-west-2': { stack: new Stack(app, 'NoRegion') } };
  };
  test.each<[string, () => Partial<ActiveHotDeploymentProps>, string, string]>([
    ['Namespace Endpoint', () => ({ endpoint: EndpointKind.NAMESPACE }), 'TEMPORAL_HOT_REGIONAL_ENDPOINT', 'endpoint = EndpointKind.NAMESPACE'],
    ['forwarding enabled', () => ({ namespace: { ...props().namespace, pollerForwarding: PollerForwarding.ENABLED } }), 'TEMPORAL_HOT_FORWARDING_DISABLED', 'namespace.pollerForwarding = PollerForwarding.ENABLED'],
    ['forwarding left at Temporal\'s default', () => ({ namespace: { ...props().namespace, pollerForwarding: undefined } }), 'TEMPORAL_HOT_FORWARDING_DISABLED', 'namespace.pollerForwarding'],
    ['unknown region', () => ({ namespace: { ...props().namespace, replicaRegion: 'us-west-9' } }), 'TEMPORAL_REGION_UNKNOWN', "namespace.replicaRegion = 'us-west-9'"],
    ['replica equal to primary', () => ({ namespace: { ...props().namespace, replicaRegion: 'us-east-1' } }), 'TEMPORAL_REPLICA_SAME_REGION', "namespace.replicaRegion = 'us-east-1'"],
    ['replica that cannot pair', () => ({ namespace: { ...props().namespace, replicaRegion: 'sa-east-1' } }), 'TEMPORAL_REPLICA_REGION_PAIRING', "namespace.replicaRegion = 'sa-east-1'"],
    ['stack without an explicit region', () => ({ regions: regionAgnostic() }), 'TEMPORAL_STACK_REGION_EXPLICIT', 'regions.us-west-2.stack = (environment-agnostic)'],
    ['a hot standby of zero tasks', () => ({ workers: { ...props().workers!, standbyMinCapacity: 0 } }), 'TEMPORAL_STANDBY_MIN_CAPACITY', 'workers.standbyMinCapacity = 0'],
    ['a stop timeout above 120 s', () => ({ workers: { ...props().workers!, stopTimeoutSeconds: 600 } }), 'TEMPORAL_SERVICE_SIZING', 'workers.stopTimeoutSeconds = 600'],
  ])('%s', (_name, overrides, ruleId, propAndValue) => {
    // WHEN
    const err = errorOf(() => deploy(overrides()));
    // THEN: the rule id, construct path, prop = value and a fix
    expect(err.name).toBe('TemporalHaValidationError');
    expect(err.message).toContain(`[${ruleId}]`);
    expect(err.message).toContain('Orders');
    expect(err.message).toContain(propAndValue);
    expect(err.message).toMatch(/Fix: \S+/);
    expect(err.stack ?? '').not.toContain('aws-cdk-lib/core/lib/private'); // thrown by us, at construction
  });

  test('every problem is listed in the same error', () => {
    const err = errorOf(() => deploy({
      endpoint: EndpointKind.NAMESPACE,
      namespace: { ...props().namespace, pollerForwarding: PollerForwarding.ENABLED, replicaRegion: 'sa-east-1' },
    }));
    // sa-east-1 also lacks a codec certificate, and each of the two fleets dials the wrong endpoint.
    expect(err.message).toMatch(/has 5 configuration errors/);
    for (const id of ['TEMPORAL_HOT_REGIONAL_ENDPOINT', 'TEMPORAL_HOT_FORWARDING_DISABLED', 'TEMPORAL_REPLICA_REGION_PAIRING']) {
      expect(err.message).toContain(`[${id}]`);
    }
  });

  test('a missing codec certificate for a region is named', () => {
    const err = errorOf(() => deploy({
      codecServer: { image: ecs.ContainerImage.fromRegistry('codec'), certificateArns: { 'us-east-1': CERTS['us-east-1'] } },
    }));
    expect(err.message).toContain('[TEMPORAL_CODEC_CERTIFICATE]');
    expect(err.message).toContain('codecServer.certificateArns.us-west-2');
  });

  test('acknowledging an error or an unknown rule is itself an error', () => {
    const err = errorOf(() => deploy({ acknowledgeWarnings: { TEMPORAL_HOT_FORWARDING_DISABLED: 'we know what we are doing', TEMPORAL_NOPE: 'typo in the rule id' } }));
    expect(err.message).toContain('errors cannot be acknowledged');
    expect(err.message).toContain('no rule has the id TEMPORAL_NOPE');
  });
});

describe('inside a platform team\'s stack', () => {
  test('a second region without a stack of its own is one error naming the prop and the fix, before anything is created', () => {
    // GIVEN a construct inside a us-east-1 stack, planning Workers in us-east-1 and us-west-2
    const app = new App();
    const platform = new Stack(app, 'Platform', { env: { region: 'us-east-1', account: '111111111111' } });

    // WHEN it is constructed THEN us-west-2 is reported with the prop and the fix
    const err = errorOf(() => new ActiveHotDeployment(platform, 'Orders', props()));
    expect(err.name).toBe('TemporalHaValidationError');
    expect(err.message).toContain('[TEMPORAL_STACK_REGION_EXPLICIT] Platform/Orders: regions.us-west-2.stack = (not set)');
    expect(err.message).toContain("supply regions: { 'us-west-2': { stack: <a Stack with env.region 'us-west-2'> } }");
    // AND no resource was rendered into the platform stack
    expect(Template.fromStack(platform).toJSON().Resources ?? {}).toEqual({});
  });
});

/** The holes the property census found, closed in the AWS CDK flavour (the CDK for Terraform side: test/cdktf/holes.test.ts). */
import { App, CfnParameter, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { errorOf, resources, workerContainers } from '../support';
import {
  ActiveActiveDeployment, ActiveColdDeployment, ActiveHotDeployment, ActiveHotDeploymentProps, ComponentRouting, Connectivity, CrossRegionRoute,
  DeploymentPattern, NamespaceShard, PollerForwarding, RegionallyShardedNamespaces, ServerlessWorkers, TemporalCredentials,
} from 'temporal-ha-constructs';

const CERT = (region: string, n: number) => `arn:aws:acm:${region}:111111111111:certificate/00000000-0000-0000-0000-00000000000${n}`;
const shard = (name: string, primaryRegion: string, replicaRegion: string): NamespaceShard => ({
  name,
  namespace: { name, accountId: 'a1b2c', primaryRegion, replicaRegion, pollerForwarding: PollerForwarding.DISABLED },
  pattern: DeploymentPattern.ACTIVE_HOT,
  credentials: TemporalCredentials.apiKeyFromSecretName(`temporal/${name}/api-key`),
  workers: { image: ecs.ContainerImage.fromRegistry(`ghcr.io/acme/${name}:1`) },
});

/** The health alarms of the failover records (one per record and region), the same in both engines (test/cdktf/holes.test.ts). */
const ALARMS = ['ca-central-1 orders-b', 'us-east-2 orders-a', 'us-east-2 orders-b', 'us-west-2 orders-a']
  .map((s) => s.split(' ')).map(([region, shardName]) => `${region} temporal-orders-${shardName}-codec-${region}-no-healthy-targets`);

describe('two Active/Hot shards sharing a region, with a codec server behind failover names', () => {
  const sharded = () => new RegionallyShardedNamespaces(new App(), 'Orders', {
    account: '111111111111',
    shards: [shard('orders-a', 'us-west-2', 'us-east-2'), shard('orders-b', 'us-east-2', 'ca-central-1')],
    codecServer: {
      image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/codec:1'),
      certificateArns: { 'us-west-2': CERT('us-west-2', 1), 'us-east-2': CERT('us-east-2', 2), 'ca-central-1': CERT('ca-central-1', 3) },
    },
    componentRouting: ComponentRouting.FAILOVER_DNS,
  });

  test('synthesizes: each failover record points at the codec server instance of its region', () => {
    const s = sharded();
    const records = (region: string) => resources(s.linksStacks[region], 'AWS::Route53::RecordSet')
      .filter(([, p]) => p.Failover).map(([, p]) => `${p.Name} ${p.Failover}`).sort();
    // us-east-2 hosts one codec server for both shards (orders-a's standby, orders-b's primary): both records point at it.
    expect(records('us-east-2')).toEqual([
      'orders-a-codec.orders.temporal.internal. PRIMARY', 'orders-a-codec.orders.temporal.internal. SECONDARY',
      'orders-b-codec.orders.temporal.internal. PRIMARY', 'orders-b-codec.orders.temporal.internal. SECONDARY',
    ]);
    expect(records('us-west-2')).toHaveLength(2);
    expect(records('ca-central-1')).toHaveLength(2);
    // One codec server per region (the shared one in us-east-2), one health alarm per failover record and region (as in CDK for Terraform).
    const alarms: string[] = [];
    for (const region of ['us-west-2', 'us-east-2', 'ca-central-1']) {
      const stacks = Object.entries(s.shardFleetStacks).filter(([k]) => k.startsWith(`${region}/`)).map(([, v]) => v);
      const all = [s.stacks[region], ...stacks];
      expect(all.flatMap((st) => resources(st, 'AWS::ElasticLoadBalancingV2::LoadBalancer'))).toHaveLength(1);
      alarms.push(...all.flatMap((st) => resources(st, 'AWS::CloudWatch::Alarm')).map(([, a]) => `${region} ${a.AlarmName}`));
    }
    expect(alarms.sort()).toEqual(ALARMS);
    Template.fromStack(s.linksStacks['us-east-2']).resourceCountIs('AWS::Route53::HostedZone', 1);
  });
});

const NAMESPACE = { name: 'orders', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2', pollerForwarding: PollerForwarding.DISABLED };
const hot = (overrides: Partial<ActiveHotDeploymentProps> = {}): ActiveHotDeploymentProps => ({
  namespace: NAMESPACE,
  credentials: TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
  workers: { image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/orders-worker:1') },
  account: '111111111111',
  ...overrides,
});
const withFailoverNames = (failoverDomainName: string) => hot({
  codecServer: {
    image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/codec:1'),
    certificateArns: { 'us-east-1': CERT('us-east-1', 1), 'us-west-2': CERT('us-west-2', 2) },
  },
  componentRouting: ComponentRouting.FAILOVER_DNS,
  failoverDomainName,
});

describe('failoverDomainName: a private domain of the user\'s own', () => {
  test.each([
    ['region.tmprl.cloud', 'would answer for tmprl.cloud'],
    ['orders.a1b2c.tmprl.cloud', 'would answer for tmprl.cloud'],
    ['tmprl.cloud', 'would answer for tmprl.cloud'],
    ['codec.temporal.io', 'would answer for temporal.io'],
    ['orders..internal', 'is not a domain name'],
  ])('%s is an error before any resource is created', (domain, why) => {
    const app = new App();
    const err = errorOf(() => new ActiveHotDeployment(app, 'Orders', withFailoverNames(domain)));
    expect(err.message).toContain(`[TEMPORAL_FAILOVER_DOMAIN] Orders: failoverDomainName = '${domain}': `);
    expect(err.message).toContain(why);
    expect(err.message).toContain("Fix: use a private domain of your own, such as 'orders.temporal.internal'.");
    expect(app.node.findAll().filter((c) => Stack.isStack(c))).toEqual([]);
  });

  test('a domain of the user\'s own makes the failover zone', () => {
    const d = new ActiveHotDeployment(new App(), 'Orders', withFailoverNames('codec.acme.internal'));
    Template.fromStack(d.linksStacks['us-east-1']).hasResourceProperties('AWS::Route53::HostedZone', { Name: 'codec.acme.internal.' });
  });
});

describe('credentials read in each fleet\'s own region', () => {
  const ARN = 'arn:aws:secretsmanager:us-east-1:111111111111:secret:temporal/orders/api-key-AbCdEf';
  const secretOf = (app: App) => secretsmanager.Secret.fromSecretCompleteArn(new Stack(app, 'Secrets', { env: { region: 'us-east-1' } }), 'Key', ARN);

  test('a secret of us-east-1 given to both regions is an error naming the standby region', () => {
    const app = new App();
    const err = errorOf(() => new ActiveHotDeployment(app, 'Orders', hot({ credentials: TemporalCredentials.apiKey(secretOf(app)) })));
    expect(err.message).toContain(`[TEMPORAL_CREDENTIALS_REGION] Orders: credentials.secret = '${ARN}': is a secret in us-east-1, but the workers in us-west-2 would read it from there`);
    expect(err.message).toContain('Fix: replicate the secret to every region the deployment runs in and pass replicatedSecret: true');
  });

  test('mTLS secrets of another region name both props', () => {
    const app = new App();
    const secret = secretOf(app);
    const err = errorOf(() => new ActiveHotDeployment(app, 'Orders', hot({
      credentials: TemporalCredentials.mtls({ certificate: secret, privateKey: secret, certificateField: 'cert', privateKeyField: 'key' }),
    })));
    expect(err.message).toContain('[TEMPORAL_CREDENTIALS_REGION] Orders: credentials.certificate = ');
    expect(err.message).toContain('[TEMPORAL_CREDENTIALS_REGION] Orders: credentials.privateKey = ');
  });

  test('replicatedSecret: each region reads its own replica, by name', () => {
    const app = new App();
    const d = new ActiveHotDeployment(app, 'Orders', hot({ credentials: TemporalCredentials.apiKey(secretOf(app), { replicatedSecret: true }) }));
    const valueFrom = (region: string) => JSON.stringify(Template.fromStack(d.stacks[region]).findResources('AWS::ECS::TaskDefinition'));
    expect(valueFrom('us-east-1')).toContain(ARN);
    expect(valueFrom('us-west-2')).not.toContain('us-east-1');
    expect(valueFrom('us-west-2')).toContain(':us-west-2:111111111111:secret:temporal/orders/api-key');
  });
});

describe('an active fleet runs Workers', () => {
  test('Active/Hot with minCapacity 0 is an error naming the prop', () => {
    const err = errorOf(() => new ActiveHotDeployment(new App(), 'Orders', hot({
      workers: { image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/orders-worker:1'), minCapacity: 0 },
    })));
    expect(err.message).toContain('[TEMPORAL_ACTIVE_FLEET_CAPACITY] Orders: workers.minCapacity = 0: the Workers of orders.a1b2c in us-east-1 and us-west-2 would run no tasks');
  });

  test('Active/Active with minCapacity 0 is an error', () => {
    const err = errorOf(() => new ActiveActiveDeployment(new App(), 'Orders', {
      ...hot(),
      namespace: { ...NAMESPACE, pollerForwarding: PollerForwarding.ENABLED },
      workers: { image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/orders-worker:1'), minCapacity: 0 },
    }));
    expect(err.message).toContain('[TEMPORAL_ACTIVE_FLEET_CAPACITY] Orders: workers.minCapacity = 0');
  });
});

describe('extra environment variables carry no credential and keep TLS verification', () => {
  test.each([
    ['TEMPORAL_CODEC_AUTH', 'Bearer x', '(redacted)', 'carries a credential'],
    ['TEMPORAL_GRPC_META_AUTHORIZATION', 'Bearer x', '(redacted)', 'carries a credential'],
    ['TEMPORAL_API_KEY_FILE', '/run/key', '(redacted)', 'carries a credential'],
    ['TEMPORAL_TLS_DISABLE_HOST_VERIFICATION', 'true', "'true'", 'changes how the Worker verifies Temporal Cloud'],
    ['TEMPORAL_TLS_SERVER_CA_CERT_DATA', 'MIIBroot', '(redacted)', 'changes how the Worker verifies Temporal Cloud'],
    ['APP_CERT', '-----BEGIN CERTIFICATE-----\nMII', '(redacted)', 'looks like a PEM block'],
    ['AWS_KEY', 'AKIAIOSFODNN7EXAMPLE', '(redacted)', 'looks like an AWS access key id'],
  ])('%s is an error', (name, value, shown, why) => {
    const err = errorOf(() => new ActiveHotDeployment(new App(), 'Orders', hot({
      workers: { image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/orders-worker:1'), environment: { [name]: value } },
    })));
    expect(err.message).toContain(`[TEMPORAL_ENVIRONMENT_RESERVED] Orders: workers.environment.${name} = ${shown}: `);
    expect(err.message).toContain(why);
    if (shown === '(redacted)') expect(err.message).not.toContain(value);
  });
});

describe('...and the same for serverless Workers', () => {
  test('a gRPC authorization header in the function environment is an error', () => {
    const err = errorOf(() => new ServerlessWorkers(new App(), 'Notify', {
      namespace: { name: 'notify', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2' },
      credentials: TemporalCredentials.apiKeyFromSecretName('temporal/notify/api-key'),
      serverlessWorkers: {
        codePath: `${__dirname}/../../../examples/serverless/worker`,
        buildId: 'v1',
        externalId: 'temporal-invoker-3f9a1c7d2e',
        environment: { TEMPORAL_GRPC_META_AUTHORIZATION: 'Bearer secret-token' },
      },
      account: '111111111111',
    }));
    expect(err.message).toContain('[TEMPORAL_ENVIRONMENT_RESERVED] Notify: serverlessWorkers.environment.TEMPORAL_GRPC_META_AUTHORIZATION = (redacted): ');
    expect(err.message).not.toContain('secret-token');
  });
});

describe('environment key order', () => {
  test('the task definition is the same whatever the order of workers.environment keys', () => {
    const render = (environment: Record<string, string>) => {
      const d = new ActiveHotDeployment(new App(), 'Orders', hot({ workers: { image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/orders-worker:1'), environment } }));
      return workerContainers(d.stacks['us-east-1']).map((c) => Object.keys(c.env));
    };
    const a = render({ ZETA: '1', ALPHA: '2', MID: '3' });
    expect(a).toEqual(render({ MID: '3', ALPHA: '2', ZETA: '1' }));
    expect(a[0]).toEqual([...a[0]].sort());
  });
});

describe('Transit Gateway ids keyed as users write regions', () => {
  test('aws-<region> and upper-case keys are accepted, and each region\'s routes use its own id', () => {
    const d = new ActiveColdDeployment(new App(), 'Orders', {
      ...hot(),
      namespace: { ...NAMESPACE, pollerForwarding: PollerForwarding.ENABLED },
      connectivity: Connectivity.privateLink({ crossRegionRoute: CrossRegionRoute.transitGateway({ 'aws-us-east-1': 'tgw-east', 'US-WEST-2': 'tgw-west' }) }),
    });
    for (const [region, id] of [['us-east-1', 'tgw-east'], ['us-west-2', 'tgw-west']]) {
      const routes = resources(d.linksStacks[region], 'AWS::EC2::Route').map(([, r]) => r.TransitGatewayId);
      expect(routes.length).toBeGreaterThan(0);
      expect(new Set(routes)).toEqual(new Set([id]));
    }
  });
});

describe('values of one region\'s stack used in another', () => {
  const params = (app: App) => new Stack(app, 'Params', { env: { region: 'us-east-1', account: '111111111111' } });

  test('a CfnParameter of a us-east-1 stack as the image of every region is an error naming the prop and the regions', () => {
    const app = new App();
    const tag = new CfnParameter(params(app), 'ImageTag', { type: 'String' });
    const err = errorOf(() => new ActiveHotDeployment(app, 'Orders', hot({
      workers: { image: ecs.ContainerImage.fromRegistry(`ghcr.io/acme/orders-worker:${tag.valueAsString}`) },
    })));
    expect(err.message).toContain('[TEMPORAL_CROSS_REGION_VALUE] Orders: workers.image = (a value of stack Params in us-east-1): is used in us-west-2, but refers to stack Params in us-east-1');
    expect(err.message).toContain('Fix: give a value known at synth');
  });

  test('...and as a secret name', () => {
    const app = new App();
    const name = new CfnParameter(params(app), 'SecretName', { type: 'String' });
    const err = errorOf(() => new ActiveHotDeployment(app, 'Orders', hot({ credentials: TemporalCredentials.apiKeyFromSecretName(name.valueAsString) })));
    expect(err.message).toContain('[TEMPORAL_CROSS_REGION_VALUE] Orders: credentials = (a value of stack Params in us-east-1): is used in us-west-2');
  });

  test('a value of a us-east-1 stack under a us-east-1 key is used there only: no error, no cross-region export', () => {
    const app = new App();
    const domain = new CfnParameter(params(app), 'Domain', { type: 'String' });
    const d = new ActiveHotDeployment(app, 'Orders', hot({
      codecServer: {
        image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/codec:1'),
        certificateArns: { 'us-east-1': CERT('us-east-1', 1), 'us-west-2': CERT('us-west-2', 2) },
        domainNames: { 'us-east-1': domain.valueAsString, 'us-west-2': 'codec-west.example.com' },
      },
      acknowledgeWarnings: { TEMPORAL_CODEC_DOMAIN: 'the parameter is a domain our certificate covers' },
    }));
    const all = app.synth().stacks.map((st) => JSON.stringify(st.template));
    expect(all.some((t) => t.includes('Custom::CrossRegionExportWriter') || t.includes('Custom::CrossRegionExportReader'))).toBe(false);
    expect(Object.keys(d.stacks).sort()).toEqual(['us-east-1', 'us-west-2']);
  });
});

describe('names the library derives are checked before aws-cdk-lib sees them', () => {
  test('a shard name that cannot end a stack name is an error naming the shard prop', () => {
    const err = errorOf(() => new RegionallyShardedNamespaces(new App(), 'Orders', {
      shards: [shard('orders_a', 'us-west-2', 'us-east-2'), shard('orders-b', 'us-east-2', 'ca-central-1')],
    }));
    expect(err.name).toBe('TemporalHaValidationError');
    expect(err.message).toContain("[TEMPORAL_DERIVED_NAMES] Orders: shards[0].name = 'orders_a': names the shard's stacks");
    expect(err.message).toContain("Fix: rename the shard, e.g. 'orders-a'.");
  });

  test('shard names that make the same construct ids are an error', () => {
    const err = errorOf(() => new RegionallyShardedNamespaces(new App(), 'Orders', {
      shards: [shard('orders-a', 'us-west-2', 'us-east-2'), { ...shard('ordersA', 'us-east-2', 'ca-central-1') }],
    }));
    expect(err.message).toContain("[TEMPORAL_DERIVED_NAMES] Orders: shards[1].name = 'ordersA': makes the same construct ids and stack names as shards[0].name ('orders-a')");
  });

  test('a construct id that cannot start a stack name is an error naming the id', () => {
    const err = errorOf(() => new ActiveHotDeployment(new App(), 'Orders Service', hot()));
    expect(err.message).toContain("[TEMPORAL_DERIVED_NAMES] Orders Service: id = 'Orders Service': names the construct's stacks (Orders Service-<region>)");
    expect(err.message).not.toContain('must match the regular expression');
  });

  test('a construct id too long for its stacks\' names is an error', () => {
    const id = `O${'r'.repeat(118)}`;
    const err = errorOf(() => new ActiveHotDeployment(new App(), id, hot()));
    expect(err.message).toContain(`[TEMPORAL_DERIVED_NAMES] ${id}: id = '${id}': makes stack names of up to 129 characters (${id}-us-east-1), over CloudFormation's 128.`);
  });
});

/** The holes the property census found, closed in the CDK for Terraform flavour (the AWS CDK side: test/aws-cdk/patterns/holes.test.ts). */
import { errorOf, newStack, resourcesOf, synthStack, workerContainers } from './support';
import {
  ActiveActiveDeployment, ActiveColdDeployment, ActiveHotDeployment, ActiveHotDeploymentProps, ComponentRouting, Connectivity, CrossRegionRoute,
  PollerForwarding, RegionallyShardedNamespaces, ServerlessWorkerCode, ServerlessWorkers, ShardPattern, TemporalCredentials,
} from '../../lib/cdktf';

const CERT = (region: string) => `arn:aws:acm:${region}:111111111111:certificate/x`;
const shard = (name: string, primaryRegion: string, replicaRegion: string) => ({
  name,
  namespace: { name, accountId: 'a1b2c', primaryRegion, replicaRegion, pollerForwarding: PollerForwarding.DISABLED },
  pattern: ShardPattern.ACTIVE_HOT,
  credentials: TemporalCredentials.apiKeyFromSecretName(`temporal/${name}/api-key`),
  workers: { image: `ghcr.io/acme/${name}:1` },
});
const codecServer = { image: 'ghcr.io/acme/codec:1', certificateArns: Object.fromEntries(['us-west-2', 'us-east-2', 'ca-central-1'].map((r) => [r, CERT(r)])) };

describe('two Active/Hot shards sharing a region, with a codec server behind failover names', () => {
  test('synthesizes: each failover record points at the codec server instance of its region', () => {
    const stack = newStack();
    new RegionallyShardedNamespaces(stack, 'Orders', {
      shards: [shard('orders-a', 'us-west-2', 'us-east-2'), shard('orders-b', 'us-east-2', 'ca-central-1')],
      codecServer,
      componentRouting: ComponentRouting.FAILOVER_DNS,
    });
    const json = synthStack(stack);
    const records = resourcesOf(json, 'aws_route53_record').filter((r) => r.body.failover_routing_policy);
    expect(records.map((r) => `${r.body.name} ${r.body.failover_routing_policy.type}`).sort()).toEqual([
      'orders-a-codec.orders.temporal.internal PRIMARY', 'orders-a-codec.orders.temporal.internal SECONDARY',
      'orders-b-codec.orders.temporal.internal PRIMARY', 'orders-b-codec.orders.temporal.internal SECONDARY',
    ]);
    // orders-a's SECONDARY and orders-b's PRIMARY are the one codec server in us-east-2 (shared by both shards).
    const target = (name: string, type: string) => records
      .find((r) => r.body.name.startsWith(name) && r.body.failover_routing_policy.type === type)!.body.records[0];
    expect(target('orders-a-codec', 'SECONDARY')).toBe(target('orders-b-codec', 'PRIMARY'));
    expect(target('orders-a-codec', 'SECONDARY')).toMatch(/Orders_us-east-2_Codec_LoadBalancer/);
    expect(resourcesOf(json, 'aws_lb').filter((l) => l.body.load_balancer_type === 'application').map((l) => l.region).sort())
      .toEqual(['ca-central-1', 'us-east-2', 'us-west-2']);
    // One health alarm per failover record and region, the same as the AWS CDK flavour's (test/aws-cdk/patterns/holes.test.ts).
    expect(resourcesOf(json, 'aws_cloudwatch_metric_alarm').map((a) => `${a.region} ${a.body.alarm_name}`).filter((a) => a.includes('healthy')).sort())
      .toEqual(['ca-central-1 orders-b', 'us-east-2 orders-a', 'us-east-2 orders-b', 'us-west-2 orders-a']
        .map((s) => s.split(' ')).map(([region, shardName]) => `${region} temporal-orders-${shardName}-codec-${region}-no-healthy-targets`));
  });
});

const NAMESPACE = { name: 'orders', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2', pollerForwarding: PollerForwarding.DISABLED };
const hot = (overrides: Partial<ActiveHotDeploymentProps> = {}): ActiveHotDeploymentProps => ({
  namespace: NAMESPACE,
  credentials: TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
  workers: { image: 'ghcr.io/acme/orders-worker:1' },
  ...overrides,
});

describe('failoverDomainName: a private domain of the user\'s own', () => {
  const withFailoverNames = (failoverDomainName: string) => hot({
    codecServer: { image: 'ghcr.io/acme/codec:1', certificateArns: { 'us-east-1': CERT('us-east-1'), 'us-west-2': CERT('us-west-2') } },
    componentRouting: ComponentRouting.FAILOVER_DNS,
    failoverDomainName,
  });
  test.each([
    ['region.tmprl.cloud', 'would answer for tmprl.cloud'],
    ['orders.a1b2c.tmprl.cloud', 'would answer for tmprl.cloud'],
    ['a1b2c.tmprl.cloud', 'would answer for tmprl.cloud'],
    ['temporal.io', 'would answer for temporal.io'],
    ['-orders.internal', 'is not a domain name'],
  ])('%s is an error before any resource is created', (domain, why) => {
    const stack = newStack();
    const err = errorOf(() => new ActiveHotDeployment(stack, 'Orders', withFailoverNames(domain)));
    expect(err.message).toContain(`[TEMPORAL_FAILOVER_DOMAIN] stack/Orders: failoverDomainName = '${domain}': `);
    expect(err.message).toContain(why);
    expect(err.message).toContain("Fix: use a private domain of your own, such as 'orders.temporal.internal'.");
    expect(stack.node.tryFindChild('Orders')?.node.findAll().filter((c) => c.node.id === 'ComponentFailoverZone') ?? []).toEqual([]);
  });

  test('a domain of the user\'s own makes the failover zone', () => {
    const stack = newStack();
    new ActiveHotDeployment(stack, 'Orders', withFailoverNames('codec.acme.internal'));
    expect(resourcesOf(synthStack(stack), 'aws_route53_zone').map((z) => z.body.name)).toContain('codec.acme.internal');
  });
});

describe('credentials read in each fleet\'s own region', () => {
  test('secrets are named, and read in each region (an ARN, which names one region, is refused)', () => {
    const err = errorOf(() => TemporalCredentials.apiKeyFromSecretName('arn:aws:secretsmanager:us-east-1:111111111111:secret:temporal/orders-AbCdEf'));
    expect(err.message).toContain('[TEMPORAL_CREDENTIALS_SECRETS]');
    expect(err.message).toContain('is an ARN, not a name: secrets are looked up by name in each region.');
    const stack = newStack();
    new ActiveHotDeployment(stack, 'Orders', hot());
    const secrets = resourcesOf(synthStack(stack), 'aws_secretsmanager_secret', 'data');
    expect(secrets.map((d) => `${d.region} ${d.body.name}`).sort()).toEqual(['us-east-1 temporal/orders/api-key', 'us-west-2 temporal/orders/api-key']);
  });
});

describe('an active fleet runs Workers', () => {
  test('Active/Hot with minCapacity 0 is an error naming the prop', () => {
    const err = errorOf(() => new ActiveHotDeployment(newStack(), 'Orders', hot({ workers: { image: 'ghcr.io/acme/orders-worker:1', minCapacity: 0 } })));
    expect(err.message).toContain('[TEMPORAL_ACTIVE_FLEET_CAPACITY] stack/Orders: workers.minCapacity = 0: the Workers of orders.a1b2c in us-east-1 and us-west-2 would run no tasks');
  });

  test('Active/Cold with minCapacity 0 on the active fleet is an error', () => {
    const err = errorOf(() => new ActiveColdDeployment(newStack(), 'Orders', {
      ...hot(), namespace: { ...NAMESPACE, pollerForwarding: PollerForwarding.ENABLED }, workers: { image: 'ghcr.io/acme/orders-worker:1', minCapacity: 0 },
    }));
    expect(err.message).toContain('[TEMPORAL_ACTIVE_FLEET_CAPACITY] stack/Orders: workers.minCapacity = 0: the Workers of orders.a1b2c in us-east-1 would run no tasks');
  });

  test('Active/Active with minCapacity 0 is an error', () => {
    const err = errorOf(() => new ActiveActiveDeployment(newStack(), 'Orders', {
      ...hot(), namespace: { ...NAMESPACE, pollerForwarding: PollerForwarding.ENABLED }, workers: { image: 'ghcr.io/acme/orders-worker:1', minCapacity: 0 },
    }));
    expect(err.message).toContain('[TEMPORAL_ACTIVE_FLEET_CAPACITY] stack/Orders: workers.minCapacity = 0');
  });
});

describe('extra environment variables carry no credential and keep TLS verification', () => {
  test.each([
    ['TEMPORAL_CODEC_AUTH', 'Bearer x', '(redacted)', 'carries a credential'],
    ['TEMPORAL_GRPC_META_AUTHORIZATION', 'Bearer x', '(redacted)', 'carries a credential'],
    ['TEMPORAL_TLS_DISABLE_HOST_VERIFICATION', 'true', "'true'", 'changes how the Worker verifies Temporal Cloud'],
    ['TEMPORAL_TLS_SERVER_CA_CERT_DATA', 'MIIBroot', '(redacted)', 'changes how the Worker verifies Temporal Cloud'],
    ['APP_KEY', '-----BEGIN PRIVATE KEY-----\nMII', '(redacted)', 'looks like a PEM block'],
  ])('%s is an error', (name, value, shown, why) => {
    const err = errorOf(() => new ActiveHotDeployment(newStack(), 'Orders', hot({ workers: { image: 'ghcr.io/acme/orders-worker:1', environment: { [name]: value } } })));
    expect(err.message).toContain(`[TEMPORAL_ENVIRONMENT_RESERVED] stack/Orders: workers.environment.${name} = ${shown}: `);
    expect(err.message).toContain(why);
  });
});

describe('...and the same for serverless Workers', () => {
  test('a PEM key in the function environment is an error', () => {
    const err = errorOf(() => new ServerlessWorkers(newStack(), 'Notify', {
      namespace: { name: 'notify', accountId: 'a1b2c', primaryRegion: 'eu-west-1', replicaRegion: 'eu-central-1' },
      credentials: TemporalCredentials.apiKeyFromSecretName('temporal/notify/api-key'),
      serverlessWorkers: {
        buildId: 'notify-42',
        externalId: 'temporal-invoker-3f9a1c7d2e',
        environment: { SIGNING_KEY: '-----BEGIN EC PRIVATE KEY-----\nMHc' },
        code: Object.fromEntries(['eu-west-1', 'eu-central-1'].map((r) => [r, ServerlessWorkerCode.fromS3(`artifacts-${r}`, 'notify-42.zip')])),
      },
    }));
    expect(err.message).toContain('[TEMPORAL_ENVIRONMENT_RESERVED] stack/Notify: serverlessWorkers.environment.SIGNING_KEY = (redacted): the value of SIGNING_KEY looks like a PEM block');
    expect(err.message).not.toContain('MHc');
  });
});

describe('Transit Gateway ids keyed as users write regions', () => {
  test('aws-<region> and upper-case keys are accepted, and each region\'s routes use its own id', () => {
    const stack = newStack();
    new ActiveColdDeployment(stack, 'Orders', {
      ...hot(),
      namespace: { ...NAMESPACE, pollerForwarding: PollerForwarding.ENABLED },
      connectivity: Connectivity.privateLink({ crossRegionRoute: CrossRegionRoute.transitGateway({ 'aws-us-east-1': 'tgw-east', 'US-WEST-2': 'tgw-west' }) }),
    });
    const routes = resourcesOf(synthStack(stack), 'aws_route').filter((r) => r.body.transit_gateway_id);
    expect(routes.length).toBeGreaterThan(0);
    for (const r of routes) expect(r.body.transit_gateway_id).toBe(r.region === 'us-east-1' ? 'tgw-east' : 'tgw-west');
    expect(new Set(routes.map((r) => r.region))).toEqual(new Set(['us-east-1', 'us-west-2']));
  });
});

describe('environment key order', () => {
  test('the task definition is the same whatever the order of workers.environment keys', () => {
    const render = (environment: Record<string, string>) => {
      const stack = newStack();
      new ActiveHotDeployment(stack, 'Orders', hot({ workers: { image: 'ghcr.io/acme/orders-worker:1', environment } }));
      return workerContainers(synthStack(stack)).map((c) => c.container.environment);
    };
    const a = render({ ZETA: '1', ALPHA: '2', MID: '3' });
    expect(a).toEqual(render({ MID: '3', ALPHA: '2', ZETA: '1' }));
    expect(a[0].map((e: any) => e.name)).toEqual(a[0].map((e: any) => e.name).sort());
  });
});

describe('names the library derives are checked before cdktf sees them', () => {
  test('shard names that make the same construct ids are an error, not a construct collision', () => {
    const err = errorOf(() => new RegionallyShardedNamespaces(newStack(), 'Orders', {
      shards: [shard('orders-a', 'us-west-2', 'us-east-2'), shard('Orders-A', 'us-east-2', 'ca-central-1')],
    }));
    expect(err.message).toContain("[TEMPORAL_DERIVED_NAMES] stack/Orders: shards[1].name = 'Orders-A': makes the same construct ids and stack names as shards[0].name ('orders-a')");
    expect(err.message).not.toContain('already a Construct');
  });

  test('a shard name that is not a name is an error naming the shard prop', () => {
    const err = errorOf(() => new RegionallyShardedNamespaces(newStack(), 'Orders', {
      shards: [shard('orders a', 'us-west-2', 'us-east-2'), shard('orders-b', 'us-east-2', 'ca-central-1')],
    }));
    expect(err.message).toContain("[TEMPORAL_DERIVED_NAMES] stack/Orders: shards[0].name = 'orders a': names the shard's stacks");
  });
});

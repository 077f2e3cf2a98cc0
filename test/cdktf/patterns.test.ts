/**
 * The CDK for Terraform pattern constructs and blocks: providers, composition into the platform
 * team's providers and VPCs, routes, shards, serverless Workers, proxies and failover records.
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Testing } from 'cdktf';
import { Construct } from 'constructs';
import { containers, errorOf, newStack, referenced, resourcesOf, synthStack, TfJson, workerContainers } from './support';
import {
  ActiveActiveDeployment,
  ActiveColdDeployment,
  ActiveHotDeployment,
  ActiveHotDeploymentProps,
  ComponentRouting,
  Connectivity,
  CrossRegionRoute,
  PollerForwarding,
  RegionallyShardedNamespaces,
  regionalProvider,
  ServerlessWorkerCode,
  ServerlessWorkers,
  ShardPattern,
  TemporalCredentials,
  TemporalRegionalPrivateZone,
  TemporalWorkerService,
} from '../../lib/cdktf';

const NAMESPACE = { name: 'orders', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2' };
const hot = (overrides: Partial<ActiveHotDeploymentProps> = {}): ActiveHotDeploymentProps => ({
  namespace: { ...NAMESPACE, pollerForwarding: PollerForwarding.DISABLED },
  credentials: TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
  workers: { image: 'ghcr.io/acme/orders-worker:1.0.0' },
  ...overrides,
});
const vpc = (cidrBlock: string, routeTables = true) => ({
  vpcId: `vpc-${cidrBlock.split('.')[1]}`,
  cidrBlock,
  privateSubnetIds: [`subnet-${cidrBlock.split('.')[1]}a`, `subnet-${cidrBlock.split('.')[1]}b`],
  privateRouteTableIds: routeTables ? [`rtb-${cidrBlock.split('.')[1]}a`, `rtb-${cidrBlock.split('.')[1]}b`] : undefined,
});
const providersOf = (json: TfJson) => (json.provider?.aws ?? []).map((p) => `${p.alias}=${p.region}`);

describe('providers: one aliased AwsProvider per region, created once per stack and reused', () => {
  test('two deployments in one stack share the region providers', () => {
    const stack = newStack();
    const a = new ActiveHotDeployment(stack, 'Orders', hot());
    const b = new ActiveColdDeployment(stack, 'Payments', {
      namespace: { ...NAMESPACE, name: 'payments' },
      credentials: TemporalCredentials.apiKeyFromSecretName('temporal/payments/api-key'),
      workers: { image: 'ghcr.io/acme/payments-worker:1.0.0' },
    });
    expect(providersOf(synthStack(stack))).toEqual(['us-east-1=us-east-1', 'us-west-2=us-west-2']);
    expect(a.providers['us-west-2']).toBe(b.providers['us-west-2']);
    expect(regionalProvider(stack, 'aws-us-west-2')).toBe(a.providers['us-west-2']);
  });

  test('the platform team\'s provider for a region is used, and no other is created for it', () => {
    const stack = newStack();
    const west = new AwsProvider(stack, 'PlatformWest', { alias: 'platform-west', region: 'us-west-2', allowedAccountIds: ['111111111111'] });
    new ActiveHotDeployment(stack, 'Orders', hot({ regions: { 'us-west-2': { provider: west } } }));
    const json = synthStack(stack);
    expect(providersOf(json).sort()).toEqual(['platform-west=us-west-2', 'us-east-1=us-east-1']);
    const west2 = resourcesOf(json, 'aws_ecs_service').filter((s) => s.body.provider === 'aws.platform-west');
    expect(west2).toHaveLength(1);
  });

  test('an existing provider with the library\'s alias is reused when its region matches, and named when it does not', () => {
    const stack = newStack();
    const mine = new AwsProvider(stack, 'Mine', { alias: 'us-east-1', region: 'us-east-1' });
    expect(regionalProvider(stack, 'us-east-1')).toBe(mine);
    const other = newStack('other');
    new AwsProvider(other, 'Wrong', { alias: 'us-west-2', region: 'eu-west-1' });
    expect(errorOf(() => new ActiveHotDeployment(other, 'Orders', hot())).message).toContain("[TEMPORAL_STACK_REGION_EXPLICIT] other/Wrong: alias = 'us-west-2': the provider's region is 'eu-west-1'");
  });

  test('outside a TerraformStack, the construct says where it belongs', () => {
    const err = errorOf(() => new ActiveHotDeployment(new Construct(Testing.app(), 'NoStack'), 'Orders', hot()));
    expect(err.message).toContain('create it inside a TerraformStack');
  });
});

describe('composed into the platform team\'s VPCs', () => {
  test('supplied VPCs: no VPC is created; tasks, endpoints and peering routes use the given ids', () => {
    const stack = newStack();
    new ActiveColdDeployment(stack, 'Orders', {
      namespace: NAMESPACE,
      credentials: TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
      connectivity: Connectivity.privateLink(),
      workers: { image: 'ghcr.io/acme/orders-worker:1.0.0' },
      regions: { 'us-east-1': { vpc: vpc('10.10.0.0/16'), clusterArn: 'arn:aws:ecs:us-east-1:111111111111:cluster/platform' }, 'us-west-2': { vpc: vpc('10.20.0.0/16') } },
    });
    const json = synthStack(stack);
    expect(resourcesOf(json, 'aws_vpc')).toEqual([]);
    expect(resourcesOf(json, 'aws_ecs_cluster').map((c) => c.region)).toEqual(['us-west-2']);
    const east = resourcesOf(json, 'aws_ecs_service').find((s) => s.region === 'us-east-1')!;
    expect(east.body).toMatchObject({ cluster: 'arn:aws:ecs:us-east-1:111111111111:cluster/platform', network_configuration: { subnets: ['subnet-10a', 'subnet-10b'] } });
    const scaling = resourcesOf(json, 'aws_appautoscaling_target').find((t) => t.region === 'us-east-1')!;
    expect(scaling.body.resource_id).toMatch(/^service\/platform\/\$\{aws_ecs_service\./);
    expect(resourcesOf(json, 'aws_route').map((r) => [r.body.route_table_id, r.body.destination_cidr_block]).sort()).toEqual([
      ['rtb-10a', '10.20.0.0/16'], ['rtb-10b', '10.20.0.0/16'], ['rtb-20a', '10.10.0.0/16'], ['rtb-20b', '10.10.0.0/16'],
    ]);
  });

  test('a supplied VPC without route tables, where routes are needed, is named with the fix', () => {
    const err = errorOf(() => new ActiveColdDeployment(newStack(), 'Orders', {
      namespace: NAMESPACE,
      credentials: TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
      connectivity: Connectivity.privateLink(),
      workers: { image: 'ghcr.io/acme/orders-worker:1.0.0' },
      regions: { 'us-east-1': { vpc: vpc('10.10.0.0/16', false) } },
    }));
    expect(err.message).toContain('[TEMPORAL_SUPPLIED_NETWORK] stack/Orders: regions.us-east-1.vpc.privateRouteTableIds = (not set)');
    expect(err.message).toContain('Fix: add privateRouteTableIds to regions.us-east-1.vpc.');
  });

  test('Transit Gateway: routes both ways to each region\'s Transit Gateway, no peering', () => {
    const stack = newStack();
    new ActiveColdDeployment(stack, 'Orders', {
      namespace: NAMESPACE,
      credentials: TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
      connectivity: Connectivity.privateLink({ crossRegionRoute: CrossRegionRoute.transitGateway({ 'us-east-1': 'tgw-east', 'us-west-2': 'tgw-west' }) }),
      workers: { image: 'ghcr.io/acme/orders-worker:1.0.0' },
    });
    const json = synthStack(stack);
    expect(resourcesOf(json, 'aws_vpc_peering_connection')).toEqual([]);
    const tgw = resourcesOf(json, 'aws_route').filter((r) => r.body.transit_gateway_id);
    expect(tgw.map((r) => [r.region, r.body.transit_gateway_id, r.body.destination_cidr_block]).sort()).toEqual([
      ['us-east-1', 'tgw-east', '10.104.0.0/16'], ['us-east-1', 'tgw-east', '10.104.0.0/16'],
      ['us-west-2', 'tgw-west', '10.88.0.0/16'], ['us-west-2', 'tgw-west', '10.88.0.0/16'],
    ]);
  });

  test('Transit Gateway without an id for a region is named with the fix', () => {
    const err = errorOf(() => new ActiveColdDeployment(newStack(), 'Orders', {
      namespace: NAMESPACE,
      credentials: TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
      connectivity: Connectivity.privateLink({ crossRegionRoute: CrossRegionRoute.transitGateway({ 'us-east-1': 'tgw-east' }) }),
      workers: { image: 'ghcr.io/acme/orders-worker:1.0.0' },
    }));
    expect(err.message).toContain('[TEMPORAL_CROSS_REGION_ROUTE_SETTINGS]');
    expect(err.message).toContain('has no Transit Gateway id for us-west-2');
    expect(err.message).toContain("CrossRegionRoute.transitGateway({ 'us-west-2': 'tgw-...', ... })");
  });

  test('Transit Gateway ids keyed by Temporal region id (aws-us-east-1, any case) are accepted', () => {
    const stack = newStack();
    new ActiveColdDeployment(stack, 'Orders', {
      namespace: NAMESPACE,
      credentials: TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
      connectivity: Connectivity.privateLink({ crossRegionRoute: CrossRegionRoute.transitGateway({ 'aws-us-east-1': 'tgw-east', 'AWS-US-WEST-2': 'tgw-west' }) }),
      workers: { image: 'ghcr.io/acme/orders-worker:1.0.0' },
    });
    const tgw = resourcesOf(synthStack(stack), 'aws_route').filter((r) => r.body.transit_gateway_id);
    expect([...new Set(tgw.map((r) => `${r.region} ${r.body.transit_gateway_id}`))].sort()).toEqual(['us-east-1 tgw-east', 'us-west-2 tgw-west']);
  });
});

describe('Active/Hot details', () => {
  test('mTLS on a Regional Endpoint sets the TLS server name to the Namespace Endpoint host', () => {
    const stack = newStack();
    new ActiveHotDeployment(stack, 'Orders', hot({
      credentials: TemporalCredentials.mtlsFromSecretNames({ certificateSecretName: 'temporal/orders/tls', privateKeySecretName: 'temporal/orders/tls', certificateField: 'cert', privateKeyField: 'key' }),
    }));
    const [w] = workerContainers(synthStack(stack));
    expect(w.env.TEMPORAL_TLS_SERVER_NAME).toBe('orders.a1b2c.tmprl.cloud');
    expect(Object.values(w.secrets).map((v) => v.replace(/\$\{[^}]+\}/, '<arn>')).sort()).toEqual(['<arn>:cert::', '<arn>:key::']);
  });

  test('public connectivity: no VPC endpoint, no private zone, Workers still in private subnets behind NAT', () => {
    const stack = newStack();
    new ActiveHotDeployment(stack, 'Orders', hot());
    const json = synthStack(stack);
    expect(resourcesOf(json, 'aws_vpc_endpoint')).toEqual([]);
    expect(resourcesOf(json, 'aws_route53_zone')).toEqual([]);
    expect(resourcesOf(json, 'aws_nat_gateway')).toHaveLength(4);
    expect(resourcesOf(json, 'aws_flow_log')).toHaveLength(2);
  });

  test('Workflow starters: a service per Worker region with their own image, on the Namespace Endpoint', () => {
    const stack = newStack();
    new ActiveHotDeployment(stack, 'Orders', hot({ starters: { image: 'ghcr.io/acme/orders-starter:1.0.0', minCapacity: 1 } }));
    const json = synthStack(stack);
    const starters = resourcesOf(json, 'aws_ecs_service').filter((s) => s.body.tags.TemporalFleetRole === 'starter');
    expect(starters.map((s) => [s.region, s.body.desired_count, s.body.tags.TemporalFleetState]).sort()).toEqual([['us-east-1', 1, 'active'], ['us-west-2', 1, 'active']]);
    const images = containers(json).filter((c) => c.env.TEMPORAL_ADDRESS === 'orders.a1b2c.tmprl.cloud:7233').map((c) => c.container.image);
    expect(images).toEqual(['ghcr.io/acme/orders-starter:1.0.0', 'ghcr.io/acme/orders-starter:1.0.0']);
  });

  test('standbyMinCapacity sizes the hot standby only: us-west-2 keeps 6 tasks, us-east-1 its minimum; stop timeout and health check on both', () => {
    const stack = newStack();
    new ActiveHotDeployment(stack, 'Orders', hot({
      workers: { image: 'ghcr.io/acme/orders-worker:1.0.0', standbyMinCapacity: 6, stopTimeoutSeconds: 60, healthCheck: { command: ['CMD', '/healthcheck'] } },
    }));
    const json = synthStack(stack);
    const services = resourcesOf(json, 'aws_ecs_service').filter((s) => s.body.tags.TemporalFleetRole === 'worker');
    expect(services.map((s) => [s.region, s.body.desired_count]).sort()).toEqual([['us-east-1', 2], ['us-west-2', 6]]);
    expect(resourcesOf(json, 'aws_appautoscaling_target').map((t) => [t.region, t.body.min_capacity, t.body.max_capacity]).sort()).toEqual([['us-east-1', 2, 10], ['us-west-2', 6, 10]]);
    for (const w of workerContainers(json)) {
      expect(w.container).toMatchObject({ stopTimeout: 60, healthCheck: { command: ['CMD', '/healthcheck'], interval: 30, timeout: 5, retries: 3, startPeriod: 0 } });
    }
  });

  test('standbyMinCapacity on Active/Cold (no hot standby) is one error with the rule id', () => {
    expect(errorOf(() => new ActiveColdDeployment(newStack(), 'Payments', {
      ...hot({ workers: { image: 'ghcr.io/acme/orders-worker:1.0.0', standbyMinCapacity: 2 } }), namespace: NAMESPACE,
    })).message).toContain('[TEMPORAL_STANDBY_MIN_CAPACITY] stack/Payments: workers.standbyMinCapacity = 2: applies only to an Active/Hot standby fleet, and the Workers of orders.a1b2c have no hot standby (pattern: active-cold).');
  });

  test('outputs what an operator needs per fleet', () => {
    const stack = newStack();
    new ActiveHotDeployment(stack, 'Orders', hot());
    const values = Object.values(synthStack(stack).output ?? {}).map((o) => o.value);
    expect(values).toEqual(expect.arrayContaining(['aws-us-west-2.region.tmprl.cloud:7233', 2]));
  });
});

describe('Active/Active with a proxy and failover DNS', () => {
  const stack = newStack();
  new ActiveActiveDeployment(stack, 'Shipping', {
    namespace: { ...NAMESPACE, name: 'shipping' },
    workerRegions: ['us-east-1', 'us-west-2', 'us-east-2'],
    credentials: TemporalCredentials.apiKeyFromSecretName('temporal/shipping/api-key'),
    connectivity: Connectivity.privateLink(),
    workers: { image: 'ghcr.io/acme/shipping-worker:1.0.0' },
    proxy: { image: 'ghcr.io/acme/proxy:1.0.0' },
    codecServer: {
      image: 'ghcr.io/acme/codec:1.0.0',
      certificateArns: Object.fromEntries(['us-east-1', 'us-west-2', 'us-east-2'].map((r) => [r, `arn:aws:acm:${r}:111111111111:certificate/x`])),
    },
    componentRouting: ComponentRouting.FAILOVER_DNS,
  });
  const json = synthStack(stack);

  test('Workers dial their region\'s proxy (TLS server name: the upstream host), the proxy dials the Namespace Endpoint', () => {
    for (const w of workerContainers(json)) {
      expect(w.env.TEMPORAL_ADDRESS).toMatch(/^\$\{aws_lb\.Shipping_[a-z0-9-]+_Proxy_LoadBalancer_[A-F0-9]+\.dns_name\}:7233$/);
      expect(w.env.TEMPORAL_ADDRESS).toContain(`Shipping_${w.region}_Proxy`);
      expect(w.env.TEMPORAL_TLS_SERVER_NAME).toBe('shipping.a1b2c.tmprl.cloud');
      // Workers use their own region's codec server; the failover names are for people and tools.
      expect(w.env.CODEC_SERVER_URL).toContain(`Shipping_${w.region}_Codec_LoadBalancer`);
    }
    const proxies = containers(json).filter((c) => c.container.name === 'proxy');
    expect(proxies.map((p) => [p.region, p.env.TEMPORAL_PROXY_UPSTREAM, p.env.TEMPORAL_PROXY_LISTEN_PORT]).sort()).toEqual([
      ['us-east-1', 'shipping.a1b2c.tmprl.cloud:7233', '7233'],
      ['us-east-2', 'shipping.a1b2c.tmprl.cloud:7233', '7233'],
      ['us-west-2', 'shipping.a1b2c.tmprl.cloud:7233', '7233'],
    ]);
    const nlbs = resourcesOf(json, 'aws_lb').filter((l) => l.body.load_balancer_type === 'network');
    expect(nlbs.every((l) => l.body.internal === true)).toBe(true);
    const tcp = resourcesOf(json, 'aws_lb_listener').filter((l) => l.body.protocol === 'TCP');
    expect(tcp.map((l) => l.body.port)).toEqual([7233, 7233, 7233]);
  });

  test('the region outside the namespace has no Temporal endpoint of its own, and reaches both namespace regions', () => {
    expect(resourcesOf(json, 'aws_vpc_endpoint').map((e) => e.region).sort()).toEqual(['us-east-1', 'us-west-2']);
    const zone = resourcesOf(json, 'aws_route53_zone').find((z) => z.region === 'us-east-2')!;
    const names = resourcesOf(json, 'aws_route53_record').filter((r) => referenced(r.body.zone_id, 'aws_route53_zone') === zone.name).map((r) => r.body.name);
    expect(names.sort()).toEqual(['aws-us-east-1.region.tmprl.cloud', 'aws-us-west-2.region.tmprl.cloud']);
    expect(resourcesOf(json, 'aws_vpc_peering_connection').map((p) => `${p.region}->${p.body.peer_region}`).sort())
      .toEqual(['us-east-1->us-west-2', 'us-east-2->us-east-1', 'us-east-2->us-west-2']);
  });

  test('codec and proxy failover records: alarms in each region read by CLOUDWATCH_METRIC health checks', () => {
    // The health alarms of the records (the capacity alarms on running tasks are test/cdktf/capacity-alarms.test.ts').
    const alarms = resourcesOf(json, 'aws_cloudwatch_metric_alarm').filter((a) => a.body.metric_name === 'HealthyHostCount');
    expect(alarms.map((a) => [a.region, a.body.namespace, a.body.metric_name]).sort()).toEqual([
      ['us-east-1', 'AWS/ApplicationELB', 'HealthyHostCount'], ['us-east-1', 'AWS/NetworkELB', 'HealthyHostCount'],
      ['us-west-2', 'AWS/ApplicationELB', 'HealthyHostCount'], ['us-west-2', 'AWS/NetworkELB', 'HealthyHostCount'],
    ]);
    const records = resourcesOf(json, 'aws_route53_record').filter((r) => r.body.failover_routing_policy);
    expect(records.map((r) => `${r.body.name} ${r.body.failover_routing_policy.type} ${r.body.set_identifier}`).sort()).toEqual([
      'codec.shipping.temporal.internal PRIMARY primary-us-east-1', 'codec.shipping.temporal.internal SECONDARY secondary-us-west-2',
      'proxy.shipping.temporal.internal PRIMARY primary-us-east-1', 'proxy.shipping.temporal.internal SECONDARY secondary-us-west-2',
    ]);
    // The AWS CDK flavour's settings: missing alarm data is unhealthy, no healthy target for 2 minutes, TTL 30 s.
    const healthChecks = resourcesOf(json, 'aws_route53_health_check').filter((c) => c.body.type === 'CLOUDWATCH_METRIC');
    expect(healthChecks.map((c) => c.body.insufficient_data_health_status)).toEqual(['Unhealthy', 'Unhealthy', 'Unhealthy', 'Unhealthy']);
    expect(alarms.every((a) => a.body.evaluation_periods === 2 && a.body.treat_missing_data === 'breaching' && /^temporal-.*-no-healthy-targets$/.test(a.body.alarm_name))).toBe(true);
    expect(records.map((r) => r.body.ttl)).toEqual([30, 30, 30, 30]);
  });
});

describe('RegionallyShardedNamespaces', () => {
  test('each shard\'s fleets use its own image and credentials; a region\'s endpoint and zone are shared', () => {
    const stack = newStack();
    new RegionallyShardedNamespaces(stack, 'Billing', {
      connectivity: Connectivity.privateLink(),
      shards: [
        {
          name: 'east',
          pattern: ShardPattern.ACTIVE_HOT,
          namespace: { name: 'billing-east', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2', pollerForwarding: PollerForwarding.DISABLED },
          credentials: TemporalCredentials.apiKeyFromSecretName('temporal/billing/api-key'),
          workers: { image: 'ghcr.io/acme/billing-east-worker:1.0.0' },
        },
        {
          name: 'west',
          pattern: ShardPattern.ACTIVE_COLD,
          namespace: { name: 'billing-west', accountId: 'a1b2c', primaryRegion: 'us-west-2', replicaRegion: 'us-east-1' },
          credentials: TemporalCredentials.apiKeyFromSecretName('temporal/billing-west/api-key'),
          workers: { image: 'ghcr.io/acme/billing-west-worker:1.0.0' },
        },
      ],
    });
    const json = synthStack(stack);
    expect(resourcesOf(json, 'aws_vpc_endpoint')).toHaveLength(2);
    expect(resourcesOf(json, 'aws_route53_zone')).toHaveLength(2);
    const secretNames = Object.fromEntries(resourcesOf(json, 'aws_secretsmanager_secret', 'data').map((d) => [d.name, d.body.name]));
    const byNs = workerContainers(json).map((w) => [w.region, w.env.TEMPORAL_NAMESPACE, w.container.image, secretNames[referenced(w.secrets.TEMPORAL_API_KEY, 'data.aws_secretsmanager_secret')!]]);
    expect(byNs.sort()).toEqual([
      ['us-east-1', 'billing-east.a1b2c', 'ghcr.io/acme/billing-east-worker:1.0.0', 'temporal/billing/api-key'],
      ['us-east-1', 'billing-west.a1b2c', 'ghcr.io/acme/billing-west-worker:1.0.0', 'temporal/billing-west/api-key'],
      ['us-west-2', 'billing-east.a1b2c', 'ghcr.io/acme/billing-east-worker:1.0.0', 'temporal/billing/api-key'],
      ['us-west-2', 'billing-west.a1b2c', 'ghcr.io/acme/billing-west-worker:1.0.0', 'temporal/billing-west/api-key'],
    ]);
  });

  test('a single-region shard overrides its own Namespace Endpoint with an alias to the local endpoint, and is a warning', () => {
    const stack = newStack();
    const d = new RegionallyShardedNamespaces(stack, 'Billing', {
      connectivity: Connectivity.privateLink(),
      shards: [{
        name: 'local',
        pattern: ShardPattern.SINGLE_REGION,
        namespace: { name: 'billing-local', accountId: 'a1b2c', primaryRegion: 'eu-west-1' },
        credentials: TemporalCredentials.apiKeyFromSecretName('temporal/billing/api-key'),
        workers: { image: 'ghcr.io/acme/billing-worker:1.0.0' },
      }],
      acknowledgeWarnings: { TEMPORAL_SHARD_SINGLE_REGION: 'local-only processing for EU data residency' },
    });
    const json = synthStack(stack);
    expect(d.warnings.map((w) => [w.ruleId, w.acknowledged])).toEqual([['TEMPORAL_SHARD_SINGLE_REGION', 'local-only processing for EU data residency']]);
    const [zone] = resourcesOf(json, 'aws_route53_zone');
    expect(zone.body.name).toBe('billing-local.a1b2c.tmprl.cloud');
    const [record] = resourcesOf(json, 'aws_route53_record');
    expect(record.body).toMatchObject({ name: 'billing-local.a1b2c.tmprl.cloud', type: 'A' });
    expect(referenced(record.body.alias.name, 'aws_vpc_endpoint')).toBeDefined();
  });
});

describe('ServerlessWorkers', () => {
  const build = (overrides: Record<string, unknown> = {}) => {
    const stack = newStack();
    const { code, ...rest } = overrides;
    const d = new ServerlessWorkers(stack, 'Notify', {
      namespace: { name: 'notify', accountId: 'a1b2c', primaryRegion: 'eu-west-1', replicaRegion: 'eu-central-1' },
      credentials: TemporalCredentials.apiKeyFromSecretName('temporal/notify/api-key', { field: 'apiKey' }),
      serverlessWorkers: {
        buildId: 'notify-42',
        externalId: 'temporal-invoker-3f9a1c7d2e',
        deploymentName: 'notify',
        code: (code as any) ?? {
          'eu-west-1': ServerlessWorkerCode.fromS3('artifacts-eu-west-1', 'notify-42.zip'),
          'eu-central-1': ServerlessWorkerCode.fromS3('artifacts-eu-central-1', 'notify-42.zip'),
        },
      },
      ...rest,
    });
    return { d, json: synthStack(stack) };
  };
  const { json } = build();

  test('a published function in each namespace region, under one Build ID, dialing the Namespace Endpoint', () => {
    const fns = resourcesOf(json, 'aws_lambda_function');
    expect(fns.map((f) => [f.region, f.body.s3_bucket, f.body.publish, f.body.environment.variables.TEMPORAL_LAMBDA_BUILD_ID]).sort()).toEqual([
      ['eu-central-1', 'artifacts-eu-central-1', true, 'notify-42'],
      ['eu-west-1', 'artifacts-eu-west-1', true, 'notify-42'],
    ]);
    for (const f of fns) {
      const env = f.body.environment.variables;
      expect(env).toMatchObject({ TEMPORAL_ADDRESS: 'notify.a1b2c.tmprl.cloud:7233', TEMPORAL_NAMESPACE: 'notify.a1b2c' });
      expect(env).not.toHaveProperty('TEMPORAL_TLS');
      // The same contract as the AWS CDK flavour: the secret's ARN (and JSON field), never the value.
      expect(env.TEMPORAL_API_KEY_SECRET_ARN).toMatch(/^\$\{data\.aws_secretsmanager_secret\..+\.arn\}$/);
      expect(env.TEMPORAL_API_KEY_SECRET_FIELD).toBe('apiKey');
      expect(env.TEMPORAL_LAMBDA_DEPLOYMENT_NAME).toBe('notify');
      expect(env).not.toHaveProperty('TEMPORAL_API_KEY');
      expect(f.body.vpc_config).toBeUndefined();
      expect(f.body.timeout).toBe(90);
    }
    const aliases = resourcesOf(json, 'aws_lambda_alias');
    expect(aliases.map((a) => [a.region, a.body.name]).sort()).toEqual([['eu-central-1', 'notify-42'], ['eu-west-1', 'notify-42']]);
    for (const a of aliases) expect(a.body.function_version).toMatch(/^\$\{aws_lambda_function\..+\.version\}$/);
  });

  test('the environment contract is the AWS CDK flavour\'s (one Worker package works with either engine)', () => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const cdkBlock = require('../../lib/aws-cdk/blocks/serverless-worker').TemporalServerlessWorker;
    // The CDK for Terraform flavour exports these core constants (the AWS CDK block's statics copy them).
    const tf = require('../../lib/core/serverless');
    /* eslint-enable @typescript-eslint/no-require-imports */
    for (const [key, value] of [
      ['TEMPORAL_CLOUD_INVOKER_PRINCIPALS', tf.TEMPORAL_CLOUD_INVOKER_PRINCIPALS], ['INVOKER_ACTIONS', tf.INVOKER_ACTIONS],
      ['SECRET_ARN_SUFFIX', tf.ServerlessEnv.SECRET_ARN_SUFFIX], ['SECRET_FIELD_SUFFIX', tf.ServerlessEnv.SECRET_FIELD_SUFFIX],
      ['BUILD_ID_ENV', tf.ServerlessEnv.BUILD_ID], ['DEPLOYMENT_NAME_ENV', tf.ServerlessEnv.DEPLOYMENT_NAME], ['TASK_QUEUE_ENV', tf.ServerlessEnv.TASK_QUEUE],
    ]) {
      expect({ key, value: cdkBlock[key] }).toEqual({ key, value });
    }
  });

  test('the invoker role trusts Temporal Cloud\'s five principals with the external ID, and may only invoke and read the function', () => {
    const roles = resourcesOf(json, 'aws_iam_role').filter((r) => r.body.assume_role_policy.includes('wci-lambda-invoke'));
    expect(roles.map((r) => r.region).sort()).toEqual(['eu-central-1', 'eu-west-1']);
    for (const role of roles) {
      const [statement] = JSON.parse(role.body.assume_role_policy).Statement;
      expect(statement.Principal.AWS.sort()).toEqual(['160190466495', '354116250941', '819232936619', '829909441867', '902542641901']
        .map((a) => `arn:aws:iam::${a}:role/wci-lambda-invoke`));
      expect(statement.Condition).toEqual({ StringEquals: { 'sts:ExternalId': 'temporal-invoker-3f9a1c7d2e' } });
      const policy = resourcesOf(json, 'aws_iam_role_policy').find((x) => referenced(x.body.role, 'aws_iam_role') === role.name)!;
      const [allow] = JSON.parse(policy.body.policy).Statement;
      expect(allow.Action).toEqual(['lambda:InvokeFunction', 'lambda:GetFunction']);
      const fn = referenced(allow.Resource[0], 'aws_lambda_function');
      expect(allow.Resource).toEqual([`\${aws_lambda_function.${fn}.arn}`, `\${aws_lambda_function.${fn}.arn}:*`]);
    }
  });

  test('Terraform outputs per region: versioned function ARN, invoker role ARN, external ID, Build ID, registration command', () => {
    const outputs = Object.entries(json.output ?? {});
    for (const region of ['eu-west-1', 'eu-central-1']) {
      const mine = outputs.filter(([id]) => id.startsWith(`Notify_${region}_`) && id.includes('ServerlessWorkers_'));
      expect(mine.map(([id]) => id.replace(/^.*ServerlessWorkers_|_[A-F0-9]+$/g, '')).sort())
        .toEqual(['BuildId', 'DeploymentName', 'ExternalId', 'FunctionVersionArn', 'InvokerRoleArn', 'RegistrationCommand']);
      // The region's failover runbook and state parameter (test/cdktf/failover.test.ts).
      expect(outputs.filter(([id]) => id.startsWith(`Notify_${region}_FailoverMain`)).map(([id]) => id.replace(/^.*FailoverMain|_[A-F0-9]+$/g, '')).sort())
        .toEqual(['ActivateRunbook', 'StateParameter']);
      expect(mine.find(([id]) => id.includes('FunctionVersionArn'))![1].value).toMatch(/^\$\{aws_lambda_function\..+\.qualified_arn\}$/);
      expect(mine.find(([id]) => id.includes('ExternalId'))![1].value).toBe('temporal-invoker-3f9a1c7d2e');
      expect(mine.find(([id]) => id.includes('RegistrationCommand'))![1].value).toMatch(
        /^temporal worker deployment create-version --namespace notify\.a1b2c --deployment-name notify --build-id notify-42 --aws-lambda-function-arn \$\{aws_lambda_function\..+\.qualified_arn\} --aws-lambda-assume-role-arn \$\{aws_iam_role\..+\.arn\} --aws-lambda-assume-role-external-id temporal-invoker-3f9a1c7d2e$/);
    }
  });

  test('a single-namespace pattern runs serverless Workers too; exactly one of workers and serverlessWorkers', () => {
    const stack = newStack();
    const serverlessWorkers = {
      buildId: 'b-1',
      externalId: 'external-id-1',
      code: { 'us-east-1': ServerlessWorkerCode.fromImage('1.dkr.ecr.us-east-1.amazonaws.com/w:1'), 'us-west-2': ServerlessWorkerCode.fromImage('1.dkr.ecr.us-west-2.amazonaws.com/w:1') },
    };
    new ActiveColdDeployment(stack, 'Orders', { namespace: NAMESPACE, credentials: TemporalCredentials.apiKeyFromSecretName('k'), serverlessWorkers });
    const fns = resourcesOf(synthStack(stack), 'aws_lambda_function');
    expect(fns.map((f) => [f.region, f.body.package_type]).sort()).toEqual([['us-east-1', 'Image'], ['us-west-2', 'Image']]);
    const err = errorOf(() => new ActiveColdDeployment(newStack(), 'Orders', {
      namespace: NAMESPACE, credentials: TemporalCredentials.apiKeyFromSecretName('k'), serverlessWorkers, workers: { image: 'w' },
    }));
    expect(err.message).toContain('Fix: set exactly one of workers and serverlessWorkers.');
  });

  test('under PrivateLink the functions run in the worker VPCs', () => {
    const { json: pl } = build({ connectivity: Connectivity.privateLink() });
    for (const f of resourcesOf(pl, 'aws_lambda_function')) expect(f.body.vpc_config.subnet_ids).toHaveLength(2);
  });

  test('code missing for a namespace region is named with the fix', () => {
    const err = errorOf(() => build({ code: { 'eu-west-1': ServerlessWorkerCode.fromImage('1.dkr.ecr.eu-west-1.amazonaws.com/notify:42') } }));
    expect(err.message).toContain('[TEMPORAL_SUPPLIED_NETWORK] stack/Notify: serverlessWorkers.code.eu-central-1 = (not set)');
    expect(err.message).toContain("Fix: add code['eu-central-1'].");
  });
});

describe('blocks on their own', () => {
  test('TemporalWorkerService: a cold fleet with a minimum above zero is refused, naming the fix', () => {
    const stack = newStack();
    const provider = new AwsProvider(stack, 'aws', { region: 'us-east-1' });
    const err = errorOf(() => new TemporalWorkerService(stack, 'Workers', {
      provider,
      clusterArn: 'arn:aws:ecs:us-east-1:111111111111:cluster/c',
      vpcId: 'vpc-1',
      subnetIds: ['subnet-1'],
      image: 'w:1',
      namespace: 'orders.a1b2c',
      address: 'orders.a1b2c.tmprl.cloud:7233',
      credentials: TemporalCredentials.apiKeyFromSecretName('k'),
      desiredCount: 0,
      minCapacity: 2,
    }));
    expect(err.message).toContain('[TEMPORAL_SERVICE_SIZING] stack/Workers: desiredCount = 0: is below minCapacity (2): autoscaling would start the cold standby fleet. Fix: set minCapacity: 0');
  });

  test('TemporalWorkerService: credentials in the plain environment are refused', () => {
    const stack = newStack();
    const provider = new AwsProvider(stack, 'aws', { region: 'us-east-1' });
    const err = errorOf(() => new TemporalWorkerService(stack, 'Workers', {
      provider,
      clusterArn: 'c',
      vpcId: 'vpc-1',
      subnetIds: ['subnet-1'],
      image: 'w:1',
      namespace: 'orders.a1b2c',
      address: 'orders.a1b2c.tmprl.cloud:7233',
      credentials: TemporalCredentials.apiKeyFromSecretName('k'),
      environment: { TEMPORAL_API_KEY: 'plaintext' },
    }));
    expect(err.message).toContain('[TEMPORAL_ENVIRONMENT_RESERVED] stack/Workers: environment.TEMPORAL_API_KEY = (redacted): TEMPORAL_API_KEY holds a credential');
    expect(err.message).not.toContain('plaintext');
  });

  test('TemporalRegionalPrivateZone writes only Regional Endpoint names', () => {
    const stack = newStack();
    const provider = new AwsProvider(stack, 'aws', { region: 'us-east-1' });
    const zone = new TemporalRegionalPrivateZone(stack, 'Zone', { provider, vpcId: 'vpc-1', vpcRegion: 'us-east-1' });
    zone.addRegionRecord('aws-us-west-2', 'vpce-1.example');
    expect(resourcesOf(synthStack(stack), 'aws_route53_record').map((r) => r.body.name)).toEqual(['aws-us-west-2.region.tmprl.cloud']);
  });

  test('TemporalCredentials: an ARN where a name is expected is refused', () => {
    expect(errorOf(() => TemporalCredentials.apiKeyFromSecretName('arn:aws:secretsmanager:us-east-1:1:secret:x')).message)
      .toContain("[TEMPORAL_CREDENTIALS_SECRETS] apiKeyFromSecretName(): secretName = 'arn:aws:secretsmanager:us-east-1:1:secret:x': is an ARN, not a name");
  });
});

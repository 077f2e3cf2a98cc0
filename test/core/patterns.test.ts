import {
  activeActiveRequest,
  coldRequest,
  hotRequest,
  region,
  serverlessRequest,
  shard,
  shardedRequest,
} from './support';
import {
  allFleets,
  allRegions,
  AuthMethod,
  ComponentRouting,
  CrossRegionRouteKind,
  DEFAULT_ENDPOINT,
  defaultVpcCidr,
  DeploymentPattern,
  EndpointKind,
  evaluate,
  FleetRole,
  FleetState,
  NetworkPath,
  planDeployment,
  RegionPlan,
  WorkerRuntime,
} from '../../lib/core';

const NS_ADDRESS = 'orders.a1b2c.tmprl.cloud:7233';
const EAST_ADDRESS = 'aws-us-east-1.region.tmprl.cloud:7233';
const WEST_ADDRESS = 'aws-us-west-2.region.tmprl.cloud:7233';
const EAST_SERVICE = 'com.amazonaws.vpce.us-east-1.vpce-svc-0822256b6575ea37f';
const WEST_SERVICE = 'com.amazonaws.vpce.us-west-2.vpce-svc-0f44b3d7302816b94';

/** The records of a region's private zone as `name -> target region`. */
function records(r: RegionPlan): Record<string, string> {
  return Object.fromEntries(r.zoneRecords.map((z) => [z.name, z.targetRegion]));
}

function routes(r: RegionPlan): string[] {
  return r.routes.map((x) => `${x.fromRegion} -> ${x.toRegion} (${x.kind})`);
}

describe('documented default endpoints', () => {
  test('Hot defaults to the Regional Endpoint; Cold, Active/Active and single-region to the Namespace Endpoint', () => {
    expect(DEFAULT_ENDPOINT).toEqual({
      [DeploymentPattern.ACTIVE_HOT]: EndpointKind.REGIONAL,
      [DeploymentPattern.ACTIVE_COLD]: EndpointKind.NAMESPACE,
      [DeploymentPattern.ACTIVE_ACTIVE]: EndpointKind.NAMESPACE,
      [DeploymentPattern.SINGLE_REGION]: EndpointKind.NAMESPACE,
    });
  });
});

describe('Active/Passive (Hot)', () => {
  // GIVEN the default Hot request (API key, PrivateLink, codec server, forwarding disabled)
  const plan = planDeployment(hotRequest());
  const east = region(plan, 'us-east-1');
  const west = region(plan, 'us-west-2');

  test('plans the primary region first, then the replica', () => {
    expect(plan.regions.map((r) => r.awsRegion)).toEqual(['us-east-1', 'us-west-2']);
    expect(plan.regions.map((r) => r.regionId)).toEqual(['aws-us-east-1', 'aws-us-west-2']);
    expect(plan.regions.every((r) => r.known && r.needsVpc)).toBe(true);
  });

  test('runs a Worker fleet in both regions: ACTIVE in the primary, HOT_STANDBY in the replica', () => {
    expect(east.fleets.map((f) => [f.role, f.state])).toEqual([[FleetRole.WORKER, FleetState.ACTIVE]]);
    expect(west.fleets.map((f) => [f.role, f.state])).toEqual([[FleetRole.WORKER, FleetState.HOT_STANDBY]]);
    expect(allFleets(plan).every((f) => f.namespace === 'orders.a1b2c' && f.runtime === WorkerRuntime.FARGATE)).toBe(true);
  });

  test('each fleet dials its own region\'s Regional Endpoint, with no TLS server name for an API key', () => {
    expect(east.fleets[0]).toMatchObject({ endpoint: EndpointKind.REGIONAL, temporalAddress: EAST_ADDRESS, viaProxy: false });
    expect(west.fleets[0]).toMatchObject({ endpoint: EndpointKind.REGIONAL, temporalAddress: WEST_ADDRESS, viaProxy: false });
    expect(allFleets(plan).map((f) => f.tlsServerName)).toEqual([undefined, undefined]);
  });

  test('has a PrivateLink endpoint in each region, to that region\'s Temporal service, on 7233', () => {
    expect(east.privateLinkEndpoint).toEqual({ awsRegion: 'us-east-1', serviceName: EAST_SERVICE, port: 7233 });
    expect(west.privateLinkEndpoint).toEqual({ awsRegion: 'us-west-2', serviceName: WEST_SERVICE, port: 7233 });
  });

  test('each VPC\'s private zone (region.tmprl.cloud) holds only its own region\'s record, and there are no routes', () => {
    expect(east.zoneRecords).toEqual([
      { vpcRegion: 'us-east-1', zone: 'region.tmprl.cloud', name: 'aws-us-east-1.region.tmprl.cloud', targetRegion: 'us-east-1' },
    ]);
    expect(west.zoneRecords).toEqual([
      { vpcRegion: 'us-west-2', zone: 'region.tmprl.cloud', name: 'aws-us-west-2.region.tmprl.cloud', targetRegion: 'us-west-2' },
    ]);
    expect([...east.routes, ...west.routes]).toEqual([]);
  });

  test('runs the codec server in both regions, ACTIVE (not only after a failover)', () => {
    expect(plan.regions.flatMap((r) => r.codecServers)).toEqual([
      expect.objectContaining({ id: 'codec', awsRegion: 'us-east-1', namespaces: ['orders.a1b2c'], state: FleetState.ACTIVE }),
      expect.objectContaining({ id: 'codec', awsRegion: 'us-west-2', namespaces: ['orders.a1b2c'], state: FleetState.ACTIVE }),
    ]);
    // Both run their tasks: the active size, with the documented defaults.
    expect(plan.regions.map((r) => r.codecServers[0].settings)).toEqual([0, 1].map(() => expect.objectContaining({
      desiredCount: 2, cpu: 256, memoryLimitMiB: 512, containerPort: 8080, healthCheckPath: '/health', corsAllowedOrigins: ['https://cloud.temporal.io'],
    })));
    expect(plan.failoverRecords).toEqual([]);
  });

  test('is valid: no findings at all', () => {
    expect(evaluate(plan)).toEqual([]);
  });

  test('with mTLS, each fleet sets the namespace host as TLS server name', () => {
    // GIVEN Hot with mTLS (the Regional Endpoint presents the namespace's certificate)
    const mtls = planDeployment(hotRequest({ auth: AuthMethod.MTLS }));

    // THEN every fleet sets the Namespace Endpoint host as server name, and the plan is valid
    expect(allFleets(mtls).map((f) => [f.awsRegion, f.temporalAddress, f.tlsServerName])).toEqual([
      ['us-east-1', EAST_ADDRESS, 'orders.a1b2c.tmprl.cloud'],
      ['us-west-2', WEST_ADDRESS, 'orders.a1b2c.tmprl.cloud'],
    ]);
    expect(evaluate(mtls)).toEqual([]);
  });

  test('with a proxy, the fleets dial the proxy and each region\'s proxy dials its own Regional Endpoint', () => {
    // GIVEN Hot with a proxy in each region
    const proxied = planDeployment(hotRequest({ components: { proxy: true } }));

    // THEN the proxies run in both regions upstream of the Regional Endpoints, and the fleets present the upstream host
    expect(proxied.regions.flatMap((r) => r.proxies).map((p) => [p.awsRegion, p.state, p.upstreamAddress])).toEqual([
      ['us-east-1', FleetState.ACTIVE, EAST_ADDRESS],
      ['us-west-2', FleetState.ACTIVE, WEST_ADDRESS],
    ]);
    expect(allFleets(proxied).map((f) => [f.viaProxy, f.tlsServerName])).toEqual([
      [true, 'aws-us-east-1.region.tmprl.cloud'],
      [true, 'aws-us-west-2.region.tmprl.cloud'],
    ]);
    expect(evaluate(proxied)).toEqual([]);
  });

  test('over the public internet, there are no PrivateLink endpoints, records or routes', () => {
    const pub = planDeployment(hotRequest({ networkPath: NetworkPath.PUBLIC }));
    expect(pub.regions.map((r) => [r.privateLinkEndpoint, r.zoneRecords, r.routes])).toEqual([
      [undefined, [], []],
      [undefined, [], []],
    ]);
    expect(allFleets(pub).map((f) => f.temporalAddress)).toEqual([EAST_ADDRESS, WEST_ADDRESS]);
  });
});

describe('Active/Passive (Cold)', () => {
  // GIVEN the default Cold request (PrivateLink, VPC peering by default)
  const plan = planDeployment(coldRequest());
  const east = region(plan, 'us-east-1');
  const west = region(plan, 'us-west-2');

  test('runs the primary fleet ACTIVE and deploys the secondary at COLD_STANDBY', () => {
    expect(east.fleets.map((f) => f.state)).toEqual([FleetState.ACTIVE]);
    expect(west.fleets.map((f) => f.state)).toEqual([FleetState.COLD_STANDBY]);
  });

  test('both fleets dial the Namespace Endpoint', () => {
    expect(allFleets(plan).map((f) => [f.endpoint, f.temporalAddress])).toEqual([
      [EndpointKind.NAMESPACE, NS_ADDRESS],
      [EndpointKind.NAMESPACE, NS_ADDRESS],
    ]);
  });

  test('each VPC\'s private zone holds both regions\' records (the Namespace Endpoint resolves to either)', () => {
    const both = { 'aws-us-east-1.region.tmprl.cloud': 'us-east-1', 'aws-us-west-2.region.tmprl.cloud': 'us-west-2' };
    expect(records(east)).toEqual(both);
    expect(records(west)).toEqual(both);
    expect([...east.zoneRecords, ...west.zoneRecords].every((z) => z.zone === 'region.tmprl.cloud')).toBe(true);
  });

  test('never puts a record for the Namespace Endpoint in the private zone', () => {
    const names = plan.regions.flatMap((r) => r.zoneRecords.map((z) => z.name));
    expect(names).not.toContain('orders.a1b2c.tmprl.cloud');
  });

  test('routes each VPC to the other region\'s VPC endpoint, in both directions, over VPC peering', () => {
    expect(routes(east)).toEqual(['us-east-1 -> us-west-2 (vpc-peering)']);
    expect(routes(west)).toEqual(['us-west-2 -> us-east-1 (vpc-peering)']);
    expect(east.routes[0].reason).toContain('Namespace-only failover');
  });

  test('has PrivateLink endpoints in both regions', () => {
    expect(east.privateLinkEndpoint?.serviceName).toBe(EAST_SERVICE);
    expect(west.privateLinkEndpoint?.serviceName).toBe(WEST_SERVICE);
  });

  test('runs the codec server with the active Workers and keeps the secondary at COLD_STANDBY', () => {
    expect(plan.regions.flatMap((r) => r.codecServers).map((c) => [c.awsRegion, c.state])).toEqual([
      ['us-east-1', FleetState.ACTIVE],
      ['us-west-2', FleetState.COLD_STANDBY],
    ]);
  });

  test('is valid: no findings at all', () => {
    expect(evaluate(plan)).toEqual([]);
  });

  test('a Transit Gateway is used for the routes when asked', () => {
    const tgw = planDeployment(coldRequest({ crossRegionRoute: CrossRegionRouteKind.TRANSIT_GATEWAY }));
    expect(tgw.regions.flatMap(routes)).toEqual([
      'us-east-1 -> us-west-2 (transit-gateway)',
      'us-west-2 -> us-east-1 (transit-gateway)',
    ]);
  });

  test('with FAILOVER_DNS routing, the codec server gets a PRIMARY/SECONDARY failover record with an alarm-based health check', () => {
    // GIVEN Cold with codec servers behind Route 53 failover records in a private zone
    const dns = planDeployment(coldRequest({ components: { routing: ComponentRouting.FAILOVER_DNS } }));

    // THEN one record pair points at us-east-1 first and us-west-2 second, checked by a CloudWatch alarm
    expect(dns.componentRouting).toBe(ComponentRouting.FAILOVER_DNS);
    expect(dns.failoverRecords).toEqual([expect.objectContaining({
      component: 'codec',
      primaryRegion: 'us-east-1',
      secondaryRegion: 'us-west-2',
      privateZone: true,
      healthCheck: 'cloudwatch-alarm',
      recordName: 'codec.orders.temporal.internal',
      ttlSeconds: 30,
      // A region whose alarm data goes missing (a regional outage) is unhealthy: the name fails over.
      insufficientDataHealthStatus: 'Unhealthy',
    })]);
    expect(dns.failoverRecords[0].alarms['us-west-2']).toEqual(expect.objectContaining({
      alarmName: 'temporal-orders-codec-us-west-2-no-healthy-targets', metricName: 'HealthyHostCount', threshold: 1, evaluationPeriods: 2, treatMissingData: 'breaching',
    }));
    expect(evaluate(dns)).toEqual([]);
  });

  test('with FAILOVER_DNS in a public zone, the health check is an HTTP check', () => {
    const dns = planDeployment(coldRequest({ components: { routing: ComponentRouting.FAILOVER_DNS, privateZone: false } }));
    expect(dns.failoverRecords.map((r) => [r.component, r.privateZone, r.healthCheck])).toEqual([['codec', false, 'http']]);
  });

  test('with FAILOVER_DNS and a proxy, the proxy gets its own failover record', () => {
    const dns = planDeployment(coldRequest({ components: { routing: ComponentRouting.FAILOVER_DNS, proxy: true } }));
    expect(dns.failoverRecords.map((r) => `${r.component}: ${r.primaryRegion} -> ${r.secondaryRegion}`)).toEqual([
      'codec: us-east-1 -> us-west-2',
      'proxy: us-east-1 -> us-west-2',
    ]);
  });
});

describe('Active/Active', () => {
  // GIVEN Active/Active with Workers in both namespace regions and a third region, us-east-2
  const plan = planDeployment(activeActiveRequest({ workerRegions: ['us-east-1', 'us-west-2', 'us-east-2'] }));

  test('runs three fleets, all ACTIVE, all on the Namespace Endpoint', () => {
    expect(allFleets(plan).map((f) => [f.awsRegion, f.state, f.temporalAddress])).toEqual([
      ['us-east-1', FleetState.ACTIVE, NS_ADDRESS],
      ['us-west-2', FleetState.ACTIVE, NS_ADDRESS],
      ['us-east-2', FleetState.ACTIVE, NS_ADDRESS],
    ]);
  });

  test('runs a codec server in every Worker region, ACTIVE', () => {
    expect(plan.regions.flatMap((r) => r.codecServers).map((c) => [c.awsRegion, c.state])).toEqual([
      ['us-east-1', FleetState.ACTIVE],
      ['us-west-2', FleetState.ACTIVE],
      ['us-east-2', FleetState.ACTIVE],
    ]);
  });

  test('us-east-2 (no replica) has records and routes to both namespace regions, and no endpoint of its own', () => {
    const ohio = region(plan, 'us-east-2');
    expect(records(ohio)).toEqual({ 'aws-us-east-1.region.tmprl.cloud': 'us-east-1', 'aws-us-west-2.region.tmprl.cloud': 'us-west-2' });
    expect(routes(ohio)).toEqual(['us-east-2 -> us-east-1 (vpc-peering)', 'us-east-2 -> us-west-2 (vpc-peering)']);
    expect(ohio.privateLinkEndpoint).toBeUndefined();
    expect(ohio.needsVpc).toBe(true);
  });

  test('PrivateLink endpoints exist in the namespace regions only', () => {
    expect(plan.regions.filter((r) => r.privateLinkEndpoint).map((r) => r.privateLinkEndpoint?.serviceName)).toEqual([EAST_SERVICE, WEST_SERVICE]);
  });

  test('is valid: no findings at all', () => {
    expect(evaluate(plan)).toEqual([]);
  });

  test('without workerRegions, fleets run in the namespace regions', () => {
    const dflt = planDeployment(activeActiveRequest());
    expect(allFleets(dflt).map((f) => [f.awsRegion, f.state])).toEqual([
      ['us-east-1', FleetState.ACTIVE],
      ['us-west-2', FleetState.ACTIVE],
    ]);
  });

  test('worker regions written as Temporal ids or twice are planned once', () => {
    const dup = planDeployment(activeActiveRequest({ workerRegions: ['aws-us-east-1', 'us-east-1', 'US-WEST-2'] }));
    expect(allFleets(dup).map((f) => f.awsRegion)).toEqual(['us-east-1', 'us-west-2']);
  });

  test('on Regional Endpoints (lowest RTO), each fleet dials its own region', () => {
    const regional = planDeployment(activeActiveRequest({ endpoint: EndpointKind.REGIONAL }));
    expect(allFleets(regional).map((f) => f.temporalAddress)).toEqual([EAST_ADDRESS, WEST_ADDRESS]);
  });
});

describe('regionally sharded namespaces', () => {
  // GIVEN two Active/Hot shards: east (us-east-1 -> us-west-2) and west (us-west-2 -> us-east-1)
  const plan = planDeployment(shardedRequest());

  test('shares one region plan per region', () => {
    expect(plan.regions.map((r) => r.awsRegion)).toEqual(['us-east-1', 'us-west-2']);
    expect(plan.namespaces.map((n) => [n.shard, n.qualifiedName, n.declaredAt, n.propPath])).toEqual([
      ['east', 'orders-east.a1b2c', 'App/Orders/east', 'shards[0].namespace'],
      ['west', 'orders-west.a1b2c', 'App/Orders/west', 'shards[1].namespace'],
    ]);
  });

  test('runs each shard\'s fleets with shard-prefixed ids, active in the shard\'s home region', () => {
    const fleets = (awsRegion: string) => region(plan, awsRegion).fleets.map((f) => [f.id, f.namespace, f.state, f.temporalAddress]);
    expect(fleets('us-east-1')).toEqual([
      ['east-workers', 'orders-east.a1b2c', FleetState.ACTIVE, EAST_ADDRESS],
      ['west-workers', 'orders-west.a1b2c', FleetState.HOT_STANDBY, EAST_ADDRESS],
    ]);
    expect(fleets('us-west-2')).toEqual([
      ['east-workers', 'orders-east.a1b2c', FleetState.HOT_STANDBY, WEST_ADDRESS],
      ['west-workers', 'orders-west.a1b2c', FleetState.ACTIVE, WEST_ADDRESS],
    ]);
  });

  test('runs one codec server per region, serving both namespaces', () => {
    for (const r of plan.regions) {
      expect(r.codecServers).toEqual([
        expect.objectContaining({ id: 'codec', awsRegion: r.awsRegion, namespaces: ['orders-east.a1b2c', 'orders-west.a1b2c'], state: FleetState.ACTIVE }),
      ]);
    }
  });

  test('shares one PrivateLink endpoint and one record per region', () => {
    expect(plan.regions.map((r) => [r.privateLinkEndpoint?.serviceName, Object.keys(records(r))])).toEqual([
      [EAST_SERVICE, ['aws-us-east-1.region.tmprl.cloud']],
      [WEST_SERVICE, ['aws-us-west-2.region.tmprl.cloud']],
    ]);
  });

  test('is valid: no findings at all', () => {
    expect(evaluate(plan)).toEqual([]);
  });

  test('a Cold shard and a Hot shard in one region share a codec server that stays ACTIVE', () => {
    // GIVEN a Hot shard at home in us-east-1 and a Cold shard whose standby is in us-east-1
    const mixed = planDeployment(shardedRequest([
      shard('east', 'us-east-1', 'us-west-2'),
      shard('west', 'us-west-2', 'us-east-1', { pattern: DeploymentPattern.ACTIVE_COLD }),
    ]));

    // THEN us-east-1's one codec server is ACTIVE (the Hot shard's Workers process there)
    expect(region(mixed, 'us-east-1').codecServers.map((c) => [c.id, c.state, c.namespaces])).toEqual([
      ['codec', FleetState.ACTIVE, ['orders-east.a1b2c', 'orders-west.a1b2c']],
    ]);
    expect(region(mixed, 'us-east-1').fleets.map((f) => [f.id, f.state, f.endpoint])).toEqual([
      ['east-workers', FleetState.ACTIVE, EndpointKind.REGIONAL],
      ['west-workers', FleetState.COLD_STANDBY, EndpointKind.NAMESPACE],
    ]);
  });

  test('a single-region shard overrides its own Namespace Endpoint in a private zone', () => {
    // GIVEN a single-region shard in eu-west-1 beside an HA shard in the US
    const withLocal = planDeployment(shardedRequest([
      shard('east', 'us-east-1', 'us-west-2'),
      shard('eu', 'eu-west-1', undefined, { pattern: DeploymentPattern.SINGLE_REGION }),
    ], { acknowledgements: { TEMPORAL_SHARD_SINGLE_REGION: 'EU orders only need local processing' } }));

    // THEN eu-west-1 resolves the namespace host to its own VPC endpoint
    expect(region(withLocal, 'eu-west-1').zoneRecords).toEqual([
      { vpcRegion: 'eu-west-1', zone: 'orders-eu.a1b2c.tmprl.cloud', name: 'orders-eu.a1b2c.tmprl.cloud', targetRegion: 'eu-west-1' },
    ]);
    expect(region(withLocal, 'eu-west-1').fleets.map((f) => [f.id, f.temporalAddress])).toEqual([
      ['eu-workers', 'orders-eu.a1b2c.tmprl.cloud:7233'],
    ]);
  });
});

describe('serverless Workers', () => {
  // GIVEN Hot with serverless Workers under one Build ID
  const plan = planDeployment(serverlessRequest());

  test('registers a function in each namespace region under the Build ID, and runs no Worker fleets', () => {
    expect(plan.regions.flatMap((r) => r.functions)).toEqual(['us-east-1', 'us-west-2'].map((awsRegion) => expect.objectContaining({
      awsRegion, namespace: 'orders.a1b2c', buildId: 'build-2024-06-01', temporalAddress: NS_ADDRESS, propPath: 'serverless.buildId', codecServerId: 'codec',
    })));
    expect(plan.regions[0].functions[0].settings).toEqual(expect.objectContaining({
      runtime: 'nodejs24.x', memorySize: 1024, timeoutSeconds: 90, handler: 'index.handler', buildId: 'build-2024-06-01',
    }));
    expect(allFleets(plan).filter((f) => f.role === FleetRole.WORKER)).toEqual([]);
  });

  test('still runs codec servers in each namespace region', () => {
    expect(plan.regions.flatMap((r) => r.codecServers).map((c) => c.awsRegion)).toEqual(['us-east-1', 'us-west-2']);
  });

  test('is valid: no findings at all', () => {
    expect(evaluate(plan)).toEqual([]);
  });

  test('a Build ID given for one region is used in both', () => {
    const one = planDeployment(serverlessRequest({ serverless: { buildIds: { 'us-east-1': 'abc123' }, externalId: 'temporal-invoker-3f9a1c7d2e' } }));
    expect(one.regions.flatMap((r) => r.functions).map((f) => [f.awsRegion, f.buildId])).toEqual([
      ['us-east-1', 'abc123'],
      ['us-west-2', 'abc123'],
    ]);
  });
});

describe('Workflow starters', () => {
  test('run with the Workers, on the Namespace Endpoint, ACTIVE even beside a Hot standby fleet', () => {
    // GIVEN Hot with starters
    const plan = planDeployment(hotRequest({ starters: true }));

    // THEN each region has a starter fleet on the Namespace Endpoint
    const starters = allFleets(plan).filter((f) => f.role === FleetRole.STARTER);
    expect(starters.map((f) => [f.id, f.awsRegion, f.state, f.endpoint, f.temporalAddress, f.runtime])).toEqual([
      ['starters', 'us-east-1', FleetState.ACTIVE, EndpointKind.NAMESPACE, NS_ADDRESS, WorkerRuntime.FARGATE],
      ['starters', 'us-west-2', FleetState.ACTIVE, EndpointKind.NAMESPACE, NS_ADDRESS, WorkerRuntime.FARGATE],
    ]);
    // AND under PrivateLink, starters on the Namespace Endpoint make each VPC reach both regions
    expect(plan.regions.flatMap(routes)).toEqual(['us-east-1 -> us-west-2 (vpc-peering)', 'us-west-2 -> us-east-1 (vpc-peering)']);
    expect(evaluate(plan)).toEqual([]);
  });

  test('follow a Cold standby: the secondary starters are COLD_STANDBY too', () => {
    const plan = planDeployment(coldRequest({ starters: true }));
    expect(allFleets(plan).filter((f) => f.role === FleetRole.STARTER).map((f) => [f.awsRegion, f.state])).toEqual([
      ['us-east-1', FleetState.ACTIVE],
      ['us-west-2', FleetState.COLD_STANDBY],
    ]);
  });

  test('pinned to a region, dial that region\'s Regional Endpoint', () => {
    // GIVEN starters pinned to us-west-2
    const plan = planDeployment(coldRequest({ starters: true, starterPinnedRegion: 'aws-us-west-2' }));

    // THEN every starter fleet dials the us-west-2 Regional Endpoint
    const starters = allFleets(plan).filter((f) => f.role === FleetRole.STARTER);
    expect(starters.map((f) => [f.awsRegion, f.endpoint, f.temporalAddress, f.propPath])).toEqual([
      ['us-east-1', EndpointKind.REGIONAL, WEST_ADDRESS, 'starters.pinnedRegion'],
      ['us-west-2', EndpointKind.REGIONAL, WEST_ADDRESS, 'starters.pinnedRegion'],
    ]);
    expect(evaluate(plan)).toEqual([]);
  });
});

describe('default VPC CIDRs', () => {
  test('are distinct /16s across all catalog regions, so created VPCs can always be peered', () => {
    const cidrs = allRegions().map((r) => defaultVpcCidr(r.awsRegion));
    expect(new Set(cidrs).size).toBe(allRegions().length);
    for (const c of cidrs) expect(c).toMatch(/^10\.\d{1,3}\.0\.0\/16$/);
  });

  test('are the same for the AWS name and the Temporal id, and appear in the plan', () => {
    expect(defaultVpcCidr('aws-us-east-1')).toBe(defaultVpcCidr('us-east-1'));
    const plan = planDeployment(hotRequest());
    expect(plan.regions.map((r) => r.defaultVpcCidr)).toEqual([defaultVpcCidr('us-east-1'), defaultVpcCidr('us-west-2')]);
  });

  test('an unknown region gets a CIDR distinct from every catalog region\'s', () => {
    const known = allRegions().map((r) => defaultVpcCidr(r.awsRegion));
    expect(known).not.toContain(defaultVpcCidr('us-east-9'));
  });
});

describe('planning never throws on bad input', () => {
  test.each([
    ['an unknown primary region', hotRequest({ namespace: { primaryRegion: 'us-east-9' } })],
    ['no replica', coldRequest({ namespace: { replicaRegion: undefined } })],
    ['an empty namespace name', hotRequest({ namespace: { name: '' } })],
    ['no shards', shardedRequest([])],
  ])('plans %s as asked (the rules report it)', (_name, request) => {
    expect(() => evaluate(planDeployment(request))).not.toThrow();
  });

  test('an unknown region is planned, flagged unknown, with no PrivateLink service name', () => {
    const plan = planDeployment(hotRequest({ namespace: { primaryRegion: 'us-east-9' } }));
    expect(region(plan, 'us-east-9')).toMatchObject({ known: false, regionId: 'aws-us-east-9' });
    expect(region(plan, 'us-east-9').privateLinkEndpoint).toEqual({ awsRegion: 'us-east-9', serviceName: undefined, port: 7233 });
  });
});

describe('known gaps', () => {
  test('every fleet behind a proxy ends where its region\'s proxy dials (starters of Active/Hot with a proxy)', () => {
    // GIVEN API-key Active/Hot with a proxy in each region and Workflow starters
    const plan = planDeployment(hotRequest({ starters: true, components: { proxy: true } }));

    // WHEN pairing each fleet that dials the proxy with its region's proxy
    const mismatched = plan.regions.flatMap((r) => r.fleets.filter((f) => f.viaProxy)
      .filter((f) => !r.proxies.some((p) => p.upstreamAddress === f.temporalAddress))
      .map((f) => `${f.awsRegion} ${f.role}: plans ${f.temporalAddress} (server name ${f.tlsServerName}), proxy dials ${r.proxies.map((p) => p.upstreamAddress).join(', ')}`));

    // THEN none is planned to end anywhere else than where the proxy really sends it (its TLS server name would be wrong)
    expect(mismatched).toEqual([]);
  });
});

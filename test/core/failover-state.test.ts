/**
 * The failover state as the plan describes it: the failover units (which namespaces can move between AWS regions, and between which), the state
 * parameter, runbook, role and alarm names, the declared active region and what follows it (capacities, failover-name gates), the capacity alarms,
 * and the checks on the `failover` props (TEMPORAL_FAILOVER_SETTINGS). Both engines emit what these say.
 */
import { activeActiveRequest, coldRequest, findingsFor, hotRequest, region, serverlessRequest, shard, shardedRequest } from './support';
import {
  ComponentRouting, DeploymentPattern, DeploymentPlan, FleetState, NetworkPath, planDeployment, PlannedFailoverUnit, Severity,
} from '../../lib/core';
import {
  capacityAlarmName, defaultFailoverName, FAILOVER_DEFAULTS, FAILOVER_SETTINGS_RULE,
} from '../../lib/core/components/failover-state';
import { patternInputsOf, patternRequest, propsOf } from '../../lib/core/deployment-props';

const TOKEN = '${Token[TOKEN.42]}';
const NUMBER_TOKEN = -1.8881545897087626e+289;
const ACTIVE_FLEET = { desiredCount: 2, minCapacity: 2, maxCapacity: 10 };
const COMPONENT = { desiredCount: 2, minCapacity: 2, maxCapacity: 2 };
const STANDBY = { desiredCount: 0, minCapacity: 0, maxCapacity: 0 };

/** The one unit of a plan. */
function onlyUnit(plan: DeploymentPlan): PlannedFailoverUnit {
  expect(plan.failover.units).toHaveLength(1);
  return plan.failover.units[0];
}

/** Each fleet and component of a plan as `region id state desired`, with the unit it follows. */
function capacities(plan: DeploymentPlan): string[] {
  return plan.regions.flatMap((r) => [
    ...r.fleets.map((f) => `${r.awsRegion} ${f.id} ${f.state} ${f.service?.desiredCount} ${f.failoverCapacity?.unit ?? '-'}`),
    ...[...r.codecServers, ...r.proxies].map((s) => `${r.awsRegion} ${s.id} ${s.state} ${s.settings.desiredCount} ${s.failoverCapacity?.unit ?? '-'}`),
  ]);
}

describe('Active/Cold: the capacity of both regions follows the state', () => {
  const request = coldRequest({ starters: true, components: { proxy: true, routing: ComponentRouting.FAILOVER_DNS } });

  test('one unit over the primary and the replica, named after the construct id, declared active in the primary by default', () => {
    // GIVEN Active/Cold (construct App/Orders) WHEN planned
    const unit = onlyUnit(planDeployment(request));

    // THEN the unit `main` can be active in either region, the primary declared; its state parameter and runbooks carry the name 'orders'
    expect(unit).toEqual({
      id: 'main',
      namespace: 'orders.a1b2c',
      pattern: DeploymentPattern.ACTIVE_COLD,
      regions: ['us-east-1', 'us-west-2'],
      declaredActiveRegion: 'us-east-1',
      parameterName: '/temporal-ha/orders/main/active-region',
      temporalRegionIds: { 'us-east-1': 'aws-us-east-1', 'us-west-2': 'aws-us-west-2' },
      runbooks: ['us-east-1', 'us-west-2'].map((r) => ({
        awsRegion: r,
        activateDocumentName: `orders-activate-${r}`,
        standbyDocumentName: `orders-standby-${r}`,
        roleName: `orders-failover-${r}`,
        // Every service that follows the state, in the runbook's region
        services: [{ kind: 'fleet', id: 'workers' }, { kind: 'fleet', id: 'starters' }, { kind: 'codec-server', id: 'codec' }, { kind: 'proxy', id: 'proxy' }],
      })),
    });
  });

  test('primary active: its fleets and components at full size, the replica\'s at zero; all follow the unit', () => {
    const plan = planDeployment(request);
    expect(capacities(plan)).toEqual([
      'us-east-1 workers active 2 main', 'us-east-1 starters active 2 main', 'us-east-1 codec active 2 main', 'us-east-1 proxy active 2 main',
      'us-west-2 workers cold-standby 0 main', 'us-west-2 starters cold-standby 0 main', 'us-west-2 codec cold-standby 0 main', 'us-west-2 proxy cold-standby 0 main',
    ]);
    // The counts a region gets when the live state makes it active, and on standby: the same in both regions (only the state decides)
    for (const r of plan.regions) {
      for (const f of r.fleets) expect(f.failoverCapacity).toEqual({ unit: 'main', whenActive: ACTIVE_FLEET, whenStandby: STANDBY });
      for (const s of [...r.codecServers, ...r.proxies]) expect(s.failoverCapacity).toEqual({ unit: 'main', whenActive: COMPONENT, whenStandby: STANDBY });
    }
  });

  test('replica declared active: the plan describes that state (replica active at full size, primary cold at zero)', () => {
    // GIVEN failover.activeRegion = the replica, written as a Temporal region id
    const plan = planDeployment(coldRequest({ ...request, failover: { activeRegion: 'aws-us-west-2' } }));

    // THEN the unit declares us-west-2 and every static field says so
    expect(onlyUnit(plan).declaredActiveRegion).toBe('us-west-2');
    expect(capacities(plan)).toEqual([
      'us-east-1 workers cold-standby 0 main', 'us-east-1 starters cold-standby 0 main', 'us-east-1 codec cold-standby 0 main', 'us-east-1 proxy cold-standby 0 main',
      'us-west-2 workers active 2 main', 'us-west-2 starters active 2 main', 'us-west-2 codec active 2 main', 'us-west-2 proxy active 2 main',
    ]);
    // The active fleet's autoscaling range is the full one, the cold fleet's minimum 0
    expect(region(plan, 'us-west-2').fleets[0].service?.scaling).toMatchObject({ minCapacity: 2, maxCapacity: 10 });
    expect(region(plan, 'us-east-1').fleets[0].service?.scaling).toMatchObject({ minCapacity: 0 });
    // The records keep the primary first: the gate, not the record, follows the state
    expect(plan.failoverRecords.map((r) => [r.component, r.primaryRegion, r.gate])).toEqual([
      ['codec', 'us-east-1', { unit: 'main', tag: 'orders/codec' }],
      ['proxy', 'us-east-1', { unit: 'main', tag: 'orders/proxy' }],
    ]);
    expect(findingsFor(plan, FAILOVER_SETTINGS_RULE)).toEqual([]);
  });

  test('the sizes a user gives are the active counts', () => {
    const plan = planDeployment(coldRequest({
      fleetInputs: { 'orders.a1b2c': { workers: { minCapacity: 3, maxCapacity: 7 } } },
      components: { codecServerInput: { desiredCount: 4 } },
    }));
    expect(region(plan, 'us-west-2').fleets[0].failoverCapacity?.whenActive).toEqual({ desiredCount: 3, minCapacity: 3, maxCapacity: 7 });
    expect(region(plan, 'us-west-2').codecServers[0].failoverCapacity?.whenActive).toEqual({ desiredCount: 4, minCapacity: 4, maxCapacity: 4 });
  });

  test('a replica on another cloud: the unit is the primary and standbyRegion, the Cloud Ops API target the replica', () => {
    const plan = planDeployment(coldRequest({ networkPath: NetworkPath.PUBLIC, namespace: { replicaRegion: 'gcp-us-central1' }, standbyRegion: 'us-east-2' }));
    const unit = onlyUnit(plan);
    expect(unit.regions).toEqual(['us-east-1', 'us-east-2']);
    expect(unit.temporalRegionIds).toEqual({ 'us-east-1': 'aws-us-east-1', 'us-east-2': 'gcp-us-central1' });
    expect(capacities(plan)).toEqual(['us-east-1 workers active 2 main', 'us-east-1 codec active 2 main', 'us-east-2 workers cold-standby 0 main', 'us-east-2 codec cold-standby 0 main']);
  });

  test('a same-region replica has no unit (one AWS region), and nothing follows a state', () => {
    const plan = planDeployment(coldRequest({ namespace: { replicaRegion: 'us-east-1' } }));
    expect(plan.failover.units).toEqual([]);
    expect(capacities(plan)).toEqual(['us-east-1 workers active 2 -', 'us-east-1 codec active 2 -']);
  });
});

describe('Active/Hot: the standby stays hot; only the gates follow the state', () => {
  test('primary active by default, the replica a hot standby; no capacity follows the state, the runbooks move none', () => {
    const plan = planDeployment(hotRequest({ components: { routing: ComponentRouting.FAILOVER_DNS } }));
    const unit = onlyUnit(plan);
    expect([unit.pattern, unit.regions, unit.declaredActiveRegion]).toEqual([DeploymentPattern.ACTIVE_HOT, ['us-east-1', 'us-west-2'], 'us-east-1']);
    expect(unit.runbooks.map((r) => r.services)).toEqual([[], []]);
    expect(capacities(plan)).toEqual(['us-east-1 workers active 2 -', 'us-east-1 codec active 2 -', 'us-west-2 workers hot-standby 2 -', 'us-west-2 codec active 2 -']);
    expect(plan.failoverRecords.map((r) => r.gate)).toEqual([{ unit: 'main', tag: 'orders/codec' }]);
  });

  test('replica declared active: the replica\'s fleet is active, the primary\'s the hot standby (its standbyMinCapacity)', () => {
    const plan = planDeployment(hotRequest({
      failover: { activeRegion: 'us-west-2' }, fleetInputs: { 'orders.a1b2c': { workers: { minCapacity: 4, standbyMinCapacity: 1 } } },
    }));
    expect(onlyUnit(plan).declaredActiveRegion).toBe('us-west-2');
    expect(capacities(plan)).toEqual(['us-east-1 workers hot-standby 1 -', 'us-east-1 codec active 2 -', 'us-west-2 workers active 4 -', 'us-west-2 codec active 2 -']);
  });
});

describe('the other patterns', () => {
  test('Active/Active: a unit (its state moves the failover names), no capacity follows it', () => {
    const plan = planDeployment(activeActiveRequest({ components: { routing: ComponentRouting.FAILOVER_DNS }, failover: { activeRegion: 'us-west-2' } }));
    expect(onlyUnit(plan).declaredActiveRegion).toBe('us-west-2');
    expect(capacities(plan)).toEqual(['us-east-1 workers active 2 -', 'us-east-1 codec active 2 -', 'us-west-2 workers active 2 -', 'us-west-2 codec active 2 -']);
    expect(plan.failoverRecords.map((r) => r.gate)).toEqual([{ unit: 'main', tag: 'orders/codec' }]);
  });

  test('Active/Active with Worker regions that leave out a namespace region: no unit', () => {
    const plan = planDeployment(activeActiveRequest({ workerRegions: ['us-east-1', 'us-east-2'], networkPath: NetworkPath.PUBLIC }));
    expect(plan.failover.units).toEqual([]);
  });

  test('serverless Workers: a unit over the namespace regions (the functions run in both)', () => {
    const unit = onlyUnit(planDeployment(serverlessRequest()));
    expect([unit.regions, unit.runbooks.map((r) => r.services)]).toEqual([['us-east-1', 'us-west-2'], [[], []]]);
  });

  test('sharded: one unit per two-region shard, named after the shard; a single-region shard has none', () => {
    // GIVEN a Cold shard declared active in its replica, a Hot shard, and a single-region shard
    const plan = planDeployment(shardedRequest([
      shard('east', 'us-east-1', 'us-west-2', { pattern: DeploymentPattern.ACTIVE_COLD, activeRegion: 'us-west-2' }),
      shard('west', 'us-west-2', 'us-east-1'),
      shard('eu', 'eu-west-1', undefined, { pattern: DeploymentPattern.SINGLE_REGION }),
    ], { components: { codecServer: false } }));

    // THEN two units, each with its own parameter and runbook names
    expect(plan.failover.units.map((u) => [u.id, u.namespace, u.regions, u.declaredActiveRegion, u.parameterName])).toEqual([
      ['east', 'orders-east.a1b2c', ['us-east-1', 'us-west-2'], 'us-west-2', '/temporal-ha/orders/east/active-region'],
      ['west', 'orders-west.a1b2c', ['us-west-2', 'us-east-1'], 'us-west-2', '/temporal-ha/orders/west/active-region'],
    ]);
    expect(plan.failover.units[0].runbooks.map((r) => [r.activateDocumentName, r.standbyDocumentName, r.roleName, r.services])).toEqual([
      ['orders-east-activate-us-east-1', 'orders-east-standby-us-east-1', 'orders-east-failover-us-east-1', [{ kind: 'fleet', id: 'east-workers' }]],
      ['orders-east-activate-us-west-2', 'orders-east-standby-us-west-2', 'orders-east-failover-us-west-2', [{ kind: 'fleet', id: 'east-workers' }]],
    ]);
    // The Cold shard's replica runs, its primary is cold; the Hot shard is unchanged
    expect(capacities(plan)).toEqual([
      'us-east-1 east-workers cold-standby 0 east', 'us-east-1 west-workers hot-standby 2 -',
      'us-west-2 east-workers active 2 east', 'us-west-2 west-workers active 2 -',
      'eu-west-1 eu-workers active 2 -',
    ]);
  });

  test('sharded: a codec server two Cold shards share runs always (it cannot follow two states); one shard\'s follows its unit', () => {
    const two = planDeployment(shardedRequest([
      shard('east', 'us-east-1', 'us-west-2', { pattern: DeploymentPattern.ACTIVE_COLD }),
      shard('west', 'us-west-2', 'us-east-1', { pattern: DeploymentPattern.ACTIVE_COLD }),
    ]));
    expect(capacities(two).filter((c) => c.includes('codec'))).toEqual(['us-east-1 codec active 2 -', 'us-west-2 codec active 2 -']);

    const one = planDeployment(shardedRequest([
      shard('east', 'us-east-1', 'us-west-2', { pattern: DeploymentPattern.ACTIVE_COLD }),
      shard('eu', 'eu-west-1', 'eu-central-1', { pattern: DeploymentPattern.ACTIVE_COLD }),
    ]));
    expect(capacities(one).filter((c) => c.includes('codec'))).toEqual([
      'us-east-1 east-codec active 2 east', 'us-west-2 east-codec cold-standby 0 east', 'eu-west-1 eu-codec active 2 eu', 'eu-central-1 eu-codec cold-standby 0 eu',
    ]);
  });

  test('a failover name two shards share (one record for both) is not gated: it follows health only', () => {
    const plan = planDeployment(shardedRequest([
      shard('a', 'us-east-1', 'us-west-2', { pattern: DeploymentPattern.ACTIVE_COLD }),
      shard('b', 'us-east-1', 'us-west-2', { pattern: DeploymentPattern.ACTIVE_COLD }),
    ], { components: { routing: ComponentRouting.FAILOVER_DNS } }));
    expect(plan.failoverRecords.map((r) => [r.component, r.gate])).toEqual([['codec', undefined]]);
  });
});

describe('capacity alarms', () => {
  test('Active/Cold: every service alarms on its active minimum while its region is active, on 0 on standby', () => {
    const plan = planDeployment(coldRequest({ starters: true }));
    const a = FAILOVER_DEFAULTS.capacityAlarm;
    expect(region(plan, 'us-west-2').capacityAlarms).toEqual([
      expect.objectContaining({
        service: { kind: 'fleet', id: 'workers' },
        alarmName: 'temporal-orders-workers-us-west-2-running-tasks',
        unit: 'main',
        minRunningWhenActive: 2,
        minRunningWhenStandby: 0,
        periodSeconds: 60,
        evaluationPeriods: 3,
      }),
      expect.objectContaining({ service: { kind: 'fleet', id: 'starters' }, unit: 'main', minRunningWhenActive: 2, minRunningWhenStandby: 0 }),
      expect.objectContaining({ service: { kind: 'codec-server', id: 'codec' }, unit: 'main', minRunningWhenActive: 2, minRunningWhenStandby: 0 }),
    ]);
    expect([a.namespace, a.metricName, a.statistic, a.comparisonOperator, a.treatMissingDataWhenActive, a.treatMissingDataWhenStandby])
      .toEqual(['ECS/ContainerInsights', 'RunningTaskCount', 'Minimum', 'LessThanThreshold', 'breaching', 'notBreaching']);
    expect(region(plan, 'us-west-2').capacityAlarms[0].description)
      .toContain("Worker fleet 'workers' in us-west-2 runs fewer than 2 tasks while us-west-2 is the active region");
  });

  test('Active/Hot: no unit on the alarms; the active fleet alarms on minCapacity, the standby on standbyMinCapacity, components on their count', () => {
    const plan = planDeployment(hotRequest({
      fleetInputs: { 'orders.a1b2c': { workers: { minCapacity: 4, standbyMinCapacity: 3 } } }, components: { codecServerInput: { desiredCount: 3 } },
    }));
    const alarms = plan.regions.flatMap((r) => r.capacityAlarms
      .map((x) => [r.awsRegion, x.service.id, x.unit, x.minRunningWhenActive, x.minRunningWhenStandby]));
    expect(alarms).toEqual([
      ['us-east-1', 'workers', undefined, 4, 4], ['us-east-1', 'codec', undefined, 3, 3],
      ['us-west-2', 'workers', undefined, 3, 3], ['us-west-2', 'codec', undefined, 3, 3],
    ]);
  });

  test('serverless Workers: no alarm for the functions (no ECS service), one per codec server', () => {
    const plan = planDeployment(serverlessRequest());
    expect(plan.regions.flatMap((r) => r.capacityAlarms.map((x) => x.service))).toEqual([
      { kind: 'codec-server', id: 'codec' }, { kind: 'codec-server', id: 'codec' },
    ]);
  });

  test('the alarm names carry the failover name', () => {
    const plan = planDeployment(coldRequest({ failover: { name: 'payments' } }));
    expect(plan.regions.flatMap((r) => r.capacityAlarms.map((x) => x.alarmName))).toEqual([
      capacityAlarmName('payments', 'workers', 'us-east-1'), 'temporal-payments-codec-us-east-1-running-tasks',
      'temporal-payments-workers-us-west-2-running-tasks', 'temporal-payments-codec-us-west-2-running-tasks',
    ]);
  });
});

describe('names', () => {
  test('the default failover name is the construct id, lower case, other characters replaced by hyphens', () => {
    expect(defaultFailoverName('Orders_Service.v2')).toBe('orders-service-v2');
    expect(planDeployment(coldRequest({ constructPath: 'App/Stack/Orders Service' })).failover.name).toBe('orders-service');
  });

  test('failover.name names the parameter, runbooks, role and gates', () => {
    const plan = planDeployment(coldRequest({ failover: { name: 'pay-1' }, components: { routing: ComponentRouting.FAILOVER_DNS } }));
    const unit = onlyUnit(plan);
    const [west] = unit.runbooks.slice(1);
    expect([plan.failover.name, unit.parameterName, west.activateDocumentName, west.roleName, plan.failoverRecords[0].gate?.tag])
      .toEqual(['pay-1', '/temporal-ha/pay-1/main/active-region', 'pay-1-activate-us-west-2', 'pay-1-failover-us-west-2', 'pay-1/codec']);
  });

  test('the Cloud Ops API: the defaults, and no step unless configured', () => {
    expect(planDeployment(coldRequest()).failover.cloudOpsApi).toBeUndefined();
    expect(planDeployment(coldRequest({ failover: { cloudOpsApi: { apiKeySecretName: 'temporal/ops-key' } } })).failover.cloudOpsApi).toEqual({
      apiKeySecretName: 'temporal/ops-key', baseUrl: 'https://saas-api.tmprl.cloud', apiVersion: FAILOVER_DEFAULTS.cloudOpsApi.apiVersion,
    });
  });
});

describe('from props to the request (both engines)', () => {
  const namespace = { name: 'orders', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2' };
  const requestOf = (kind: string, props: any) => {
    const { inputs } = patternInputsOf(kind, propsOf(props));
    return patternRequest({ kind, constructPath: 'App/Orders', props: propsOf(props), inputs, placements: [] });
  };

  test('failover and recoveryTimeObjectiveSeconds become the request\'s failover; none given, none in the request', () => {
    const props = {
      namespace,
      credentials: {},
      workers: { image: {} },
      failover: { name: 'orders', activeRegion: 'us-west-2', cloudOpsApi: { apiKeySecretName: 'k', baseUrl: 'https://x.example', apiVersion: 'v1' } },
      recoveryTimeObjectiveSeconds: 120,
    };
    expect(requestOf('ActiveColdDeployment', props).failover).toEqual({
      name: 'orders', activeRegion: 'us-west-2', cloudOpsApi: { apiKeySecretName: 'k', baseUrl: 'https://x.example', apiVersion: 'v1' }, recoveryTimeObjectiveSeconds: 120,
    });
    expect(requestOf('ActiveColdDeployment', { namespace, credentials: {}, workers: { image: {} } }).failover).toBeUndefined();
  });

  test('a shard\'s activeRegion reaches its shard request', () => {
    const shards = [{ name: 'east', namespace, pattern: DeploymentPattern.ACTIVE_COLD, credentials: {}, workers: { image: {} }, activeRegion: 'us-west-2' }];
    expect(requestOf('RegionallyShardedNamespaces', { shards }).shards?.[0].activeRegion).toBe('us-west-2');
  });
});

describe('TEMPORAL_FAILOVER_SETTINGS', () => {
  /** The rule's one finding for `request`. */
  const finding = (request: Parameters<typeof findingsFor>[0]) => {
    const found = findingsFor(request, FAILOVER_SETTINGS_RULE);
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe(Severity.ERROR);
    return found[0];
  };

  test.each([
    ['an invalid name', coldRequest({ failover: { name: 'Orders_1' } }), 'failover.name', "'Orders_1'",
      'must be lower case letters, digits and hyphens', "use e.g. 'orders-1'."],
    ['a token name', coldRequest({ failover: { name: TOKEN } }), 'failover.name', '(unresolved token)', 'is not known at synth', 'give a literal name'],
    ['a default name with a prefix SSM reserves', coldRequest({ constructPath: 'App/AwsOrders' }), 'failover.name', '(not set)',
      "defaults to 'awsorders' (from the construct id), which starts with 'aws', a prefix Systems Manager reserves", 'set failover.name to a name that does not start with aws'],
    ['a name too long for the IAM role', coldRequest({ namespace: { primaryRegion: 'ap-southeast-2', replicaRegion: 'ap-northeast-1' }, failover: { name: 'a'.repeat(45) } }),
      'failover.name', `'${'a'.repeat(45)}'`, `makes the IAM role name '${'a'.repeat(45)}-failover-ap-southeast-2' (69 characters), over the 64 AWS accepts`,
      'use a failover.name of at most 40 characters.'],
    ['an active region outside the unit', coldRequest({ failover: { activeRegion: 'eu-west-1' } }), 'failover.activeRegion', "'eu-west-1'",
      "is not one of the regions this namespace's Workers can be active in (us-east-1, us-west-2)", "set 'us-east-1' or 'us-west-2'."],
    ['an active region as a token', coldRequest({ failover: { activeRegion: TOKEN } }), 'failover.activeRegion', '(unresolved token)',
      'is not known at synth: the deployment decides from it which region runs the Workers', 'give a literal region: us-east-1 or us-west-2.'],
    ['an active region with no unit', coldRequest({ namespace: { replicaRegion: 'us-east-1' }, failover: { activeRegion: 'us-east-1' } }),
      'failover.activeRegion', "'us-east-1'", 'has nothing to choose between', 'remove it'],
    ['failover.activeRegion on a sharded deployment', shardedRequest(undefined, { failover: { activeRegion: 'us-west-2' } }), 'failover.activeRegion', "'us-west-2'",
      'does not apply to regionally sharded namespaces', 'set shards[i].activeRegion'],
    ['an invalid secret name', coldRequest({ failover: { cloudOpsApi: { apiKeySecretName: 'my key!' } } }), 'failover.cloudOpsApi.apiKeySecretName', "'my key!'",
      'is not a Secrets Manager secret name (1 to 512 letters, digits and /_+=.@-)', "e.g. 'temporal/cloud-ops-api-key'"],
    ['a base URL over http', coldRequest({ failover: { cloudOpsApi: { apiKeySecretName: 'k', baseUrl: 'http://saas-api.tmprl.cloud' } } }),
      'failover.cloudOpsApi.baseUrl', "'http://saas-api.tmprl.cloud'", 'is not an https:// URL', "use 'https://saas-api.tmprl.cloud' (or omit it)."],
    ['an API version with spaces', coldRequest({ failover: { cloudOpsApi: { apiKeySecretName: 'k', apiVersion: 'v 1' } } }),
      'failover.cloudOpsApi.apiVersion', "'v 1'", 'is not an API version', 'omit it for'],
    ['a recovery-time objective of 0', coldRequest({ failover: { recoveryTimeObjectiveSeconds: 0 } }), 'recoveryTimeObjective', '0',
      'is not a positive whole number of seconds', 'e.g. 300.'],
    ['a fractional recovery-time objective', coldRequest({ failover: { recoveryTimeObjectiveSeconds: 1.5 } }), 'recoveryTimeObjective', '1.5',
      'is not a positive whole number of seconds', 'in whole seconds above 0'],
    ['a recovery-time objective as a token', coldRequest({ failover: { recoveryTimeObjectiveSeconds: NUMBER_TOKEN } }), 'recoveryTimeObjective',
      '(unresolved token)', 'is not known at synth', 'give a literal duration'],
    ['a failover-name TTL above 300 s', coldRequest({ components: { routing: ComponentRouting.FAILOVER_DNS, codecServer: true }, failover: { recordTtlSeconds: 600 } }),
      'failover.recordTtlSeconds', '600', 'is not a whole number of seconds from 0 to 300', 'use a short TTL such as 30.'],
    ['a failover-name TTL without failover names', coldRequest({ failover: { recordTtlSeconds: 10 } }), 'failover.recordTtlSeconds', '10',
      'has no effect: the deployment has no failover names', 'ComponentRouting.FAILOVER_DNS'],
  ])('%s: names the prop, the value, why and the fix', (_name, request, prop, value, why, fix) => {
    const f = finding(request);
    expect([f.constructPath, f.prop, f.value]).toEqual([request.constructPath, prop, value]);
    expect(f.message).toContain(why);
    expect(f.fix).toContain(fix);
  });

  test('a shard name that makes the role name too long: the fix names both', () => {
    const long = `s${'a'.repeat(39)}`;
    const f = finding(shardedRequest([shard(long, 'us-east-1', 'us-west-2'), shard('west', 'us-west-2', 'us-east-1')]));
    expect([f.prop, f.value]).toEqual(['failover.name', '(not set)']);
    expect(f.message).toBe(`defaults to 'orders' (from the construct id), which makes the IAM role name 'orders-${long}-failover-us-east-1' (66 characters), `
      + 'over the 64 AWS accepts.');
    expect(f.fix).toBe('use a failover.name of at most 4 characters (or a shorter shard name).');
  });

  test('a default name with a reserved prefix is fine where no runbook is deployed (no failover unit)', () => {
    const single = shardedRequest([shard('eu', 'eu-west-1', undefined, { pattern: DeploymentPattern.SINGLE_REGION })], { constructPath: 'App/AmazonOrders' });
    expect(planDeployment(single).failover.units).toEqual([]);
    expect(findingsFor(single, FAILOVER_SETTINGS_RULE)).toEqual([]);
  });

  test("a shard's active region outside its unit is reported on the shard", () => {
    const f = finding(shardedRequest([shard('east', 'us-east-1', 'us-west-2', { activeRegion: 'us-east-2' }), shard('west', 'us-west-2', 'us-east-1')]));
    expect([f.constructPath, f.prop, f.value]).toEqual(['App/Orders/east', 'shards[0].activeRegion', "'us-east-2'"]);
    expect(f.fix).toBe("set 'us-east-1' or 'us-west-2'.");
  });

  test('valid settings: no finding', () => {
    const request = coldRequest({
      failover: {
        name: 'orders-1',
        activeRegion: 'US-WEST-2',
        recoveryTimeObjectiveSeconds: 600,
        cloudOpsApi: { apiKeySecretName: 'temporal/ops+key=1@x.y-z', baseUrl: 'https://saas-api.tmprl.cloud/', apiVersion: 'v0.15.0' },
      },
    });
    expect(findingsFor(request, FAILOVER_SETTINGS_RULE)).toEqual([]);
    expect(planDeployment(request).regions.map((r) => r.fleets[0].state)).toEqual([FleetState.COLD_STANDBY, FleetState.ACTIVE]);
  });

  test('tokens are accepted where they are passed through: the secret name and the base URL', () => {
    expect(findingsFor(coldRequest({ failover: { cloudOpsApi: { apiKeySecretName: TOKEN, baseUrl: TOKEN } } }), FAILOVER_SETTINGS_RULE)).toEqual([]);
  });
});

import {
  AuthMethod, ComponentRouting, DeploymentPattern, DeploymentPlan, DeploymentRequest, EndpointKind, NamespaceSpec, planDeployment, PollerForwarding,
} from '../../../lib/core';
import { FleetSizing } from '../../../lib/core/components/service';
import { patternRequest, SharedPropsView, singleNamespaceInputs, SingleNamespaceView } from '../../../lib/core/deployment-props';
import { estimateRecoveryTime, RECOVERY_TIME_MODEL, RecoveryTimeEstimate, UnitRecoveryTime } from '../../../lib/core/documents';
import { coldRequest, findingsFor, hotRequest, shard, shardedRequest } from '../support';

const RTO_RULE = 'TEMPORAL_RECOVERY_TIME_OBJECTIVE';
const NAMESPACE: NamespaceSpec = { name: 'orders', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2' };

/**
 * The request a pattern construct makes from its smallest props (the namespace, credentials and a Worker image), every default applied by the
 * same code the constructs use.
 */
function constructRequest(kind: string, opts: {
  readonly namespace?: Partial<NamespaceSpec>; readonly workers?: FleetSizing; readonly shared?: SharedPropsView; readonly endpoint?: EndpointKind;
} = {}): DeploymentRequest {
  const props: SingleNamespaceView = {
    namespace: { ...NAMESPACE, ...opts.namespace },
    credentials: { method: AuthMethod.API_KEY },
    workers: opts.workers ?? {},
    endpoint: opts.endpoint,
  };
  return patternRequest({ kind, constructPath: 'App/Orders', props: opts.shared ?? {}, inputs: singleNamespaceInputs(kind, props), placements: [] });
}

const HOT_NS = { pollerForwarding: PollerForwarding.DISABLED };

function estimate(input: DeploymentRequest | DeploymentPlan): RecoveryTimeEstimate {
  return estimateRecoveryTime('regions' in input ? input : planDeployment(input));
}

function onlyUnit(input: DeploymentRequest | DeploymentPlan): UnitRecoveryTime {
  const e = estimate(input);
  expect(e.units).toHaveLength(1);
  return e.units[0];
}

describe('the acceptance: Active/Hot meets 60 s, Active/Cold does not', () => {
  test('Active/Hot with default settings is estimated at 60 s or less, and meets a 60 s objective', () => {
    // GIVEN an ActiveHotDeployment from its smallest props (forwarding disabled, as the pattern needs)
    const request = constructRequest('ActiveHotDeployment', { namespace: HOT_NS, shared: { recoveryTimeObjectiveSeconds: 60 } });

    // WHEN the recovery time is estimated
    const e = estimate(request);

    // THEN the standby fleet only waits for the namespace failover and its next poll, and the rule is silent
    expect(e.totalSeconds).toBeGreaterThan(0);
    expect(e.totalSeconds).toBeLessThanOrEqual(60);
    expect(e.worstUnit!.criticalPath.parts.map((p) => p.id)).toEqual(['namespace-failover', 'poll-retry']);
    expect(findingsFor(request, RTO_RULE)).toEqual([]);
  });

  test('Active/Cold with default sizes is over 60 s, and a 60 s objective fails naming the largest part and Active/Hot', () => {
    // GIVEN an ActiveColdDeployment from its smallest props with a 60 s objective
    const request = constructRequest('ActiveColdDeployment', { shared: { recoveryTimeObjectiveSeconds: 60 } });

    // WHEN the plan is evaluated
    const e = estimate(request);
    const found = findingsFor(request, RTO_RULE);

    // THEN the cold standby's start dominates, and the error says so and what would meet the objective
    expect(e.totalSeconds).toBeGreaterThan(60);
    expect(e.worstUnit!.criticalPath.parts.map((p) => p.id)).toContain('fargate-provisioning');
    expect(found).toHaveLength(1);
    const [f] = found;
    const largest = e.worstUnit!.largestPart;
    expect(f.prop).toBe('recoveryTimeObjective');
    expect(f.value).toBe('60 s');
    expect(f.message).toContain(`is ${e.totalSeconds} s, over the objective of 60 s`);
    expect(f.message).toContain(`"${largest.label}", ${largest.seconds} s`);
    expect(f.message).toContain(largest.source);
    expect(f.fix).toContain('use Active/Hot (ActiveHotDeployment), whose standby fleet already runs');
  });

  test('an objective below the fastest cold start says Active/Cold cannot meet it', () => {
    const found = findingsFor(constructRequest('ActiveColdDeployment', { shared: { recoveryTimeObjectiveSeconds: 30 } }), RTO_RULE);
    expect(found.map((f) => f.fix)).toEqual([expect.stringMatching(/^Active\/Cold cannot meet 30 s .*: use Active\/Hot \(ActiveHotDeployment\)/)]);
  });

  test('an objective the estimate meets is not reported, and no objective reports nothing', () => {
    const cold = estimate(constructRequest('ActiveColdDeployment')).totalSeconds;
    expect(findingsFor(constructRequest('ActiveColdDeployment', { shared: { recoveryTimeObjectiveSeconds: cold } }), RTO_RULE)).toEqual([]);
    expect(findingsFor(constructRequest('ActiveColdDeployment'), RTO_RULE)).toEqual([]);
  });
});

describe('what changes the estimate', () => {
  test('the pattern: Active/Cold starts its standby, Active/Hot\'s already runs', () => {
    const hot = onlyUnit(hotRequest());
    const cold = onlyUnit(coldRequest());
    expect(cold.totalSeconds).toBeGreaterThan(hot.totalSeconds);
    expect(cold.paths.map((p) => p.id)).toEqual(expect.arrayContaining(['fleet/us-west-2/workers', 'codec-server/us-west-2/codec']));
    expect(hot.paths.map((p) => p.id)).not.toContain('codec-server/us-west-2/codec');
  });

  test('the task size: a larger Worker task extracts its image faster', () => {
    const small = onlyUnit(coldRequest({ components: { codecServer: false }, fleetInputs: { 'orders.a1b2c': { workers: { cpu: 512, memoryLimitMiB: 1024 } } } }));
    const large = onlyUnit(coldRequest({ components: { codecServer: false }, fleetInputs: { 'orders.a1b2c': { workers: { cpu: 4096, memoryLimitMiB: 8192 } } } }));
    const pull = (u: UnitRecoveryTime) => u.criticalPath.parts.find((p) => p.id === 'image-pull')!;
    expect(pull(large).seconds).toBeLessThan(pull(small).seconds);
    expect(large.totalSeconds).toBeLessThan(small.totalSeconds);
    expect(pull(small).label).toContain('0.5 vCPU');
  });

  test('the task count: beyond Fargate\'s launch burst, tasks start at its sustained rate', () => {
    const few = onlyUnit(coldRequest({ components: { codecServer: false }, fleetInputs: { 'orders.a1b2c': { workers: { minCapacity: 2 } } } }));
    const many = onlyUnit(coldRequest({ components: { codecServer: false }, fleetInputs: { 'orders.a1b2c': { workers: { minCapacity: 300, maxCapacity: 300 } } } }));
    const rate = (u: UnitRecoveryTime) => u.criticalPath.parts.find((p) => p.id === 'fargate-launch-rate')!;
    const { burstTasks, tasksPerSecond } = RECOVERY_TIME_MODEL.fargateLaunchRate;
    expect(rate(few).seconds).toBe(0);
    expect(rate(many).seconds).toBe((300 - burstTasks) / tasksPerSecond);
    expect(many.totalSeconds - few.totalSeconds).toBe(rate(many).seconds);
  });

  test('the endpoint: a running fleet on the Namespace Endpoint waits for keepalive and DNS, on its Regional Endpoint for one poll', () => {
    const regional = onlyUnit(hotRequest());
    const namespace = onlyUnit(hotRequest({ endpoint: EndpointKind.NAMESPACE }));
    expect(regional.criticalPath.parts.map((p) => p.id)).toEqual(['namespace-failover', 'poll-retry']);
    expect(namespace.criticalPath.parts.map((p) => p.id)).toEqual(['keepalive-detection', 'namespace-dns']);
    const { intervalSeconds, timeoutSeconds } = RECOVERY_TIME_MODEL.keepAlive;
    expect(namespace.totalSeconds).toBe(intervalSeconds + timeoutSeconds + 30);
    expect(namespace.totalSeconds).toBeLessThanOrEqual(RECOVERY_TIME_MODEL.namespaceDns.maxConnectionLifetimeSeconds);
    expect(namespace.totalSeconds).toBeGreaterThan(regional.totalSeconds);
  });

  test('the TTL of the failover records (failover.recordTtlSeconds): a failover name moves after its TTL', () => {
    const withTtl = (recordTtlSeconds: number) =>
      planDeployment(hotRequest({ components: { routing: ComponentRouting.FAILOVER_DNS }, failover: { recordTtlSeconds } }));
    expect(withTtl(300).failoverRecords.length).toBeGreaterThan(0);
    expect(withTtl(300).failoverRecords.every((r) => r.ttlSeconds === 300)).toBe(true);
    const long = onlyUnit(withTtl(300));
    const short = onlyUnit(withTtl(5));
    expect(long.criticalPath.id).toBe('name/codec.orders.temporal.internal');
    expect(long.totalSeconds - short.totalSeconds).toBe(295);
    expect(long.largestPart).toMatchObject({ id: 'record-ttl', seconds: 300, change: 'lower the failover record TTL.' });
  });

  test('a runbook gate moves the name sooner than waiting for the failed region\'s alarm', () => {
    const plan = planDeployment(hotRequest({ components: { routing: ComponentRouting.FAILOVER_DNS } }));
    const ungated: DeploymentPlan = { ...plan, failoverRecords: plan.failoverRecords.map(({ gate: _gate, ...r }) => r) };
    const name = (u: UnitRecoveryTime) => u.paths.find((p) => p.id === 'name/codec.orders.temporal.internal')!;
    expect(plan.failoverRecords[0].gate).toBeDefined();
    expect(name(onlyUnit(plan)).parts[0].id).toBe('runbook-gate');
    expect(name(onlyUnit(ungated)).parts[0]).toMatchObject({ id: 'health-alarm-evaluation', seconds: 120 });
  });

  test('a container health check\'s start period adds to a cold fleet\'s start', () => {
    const healthCheck = { command: ['CMD', 'true'], startPeriodSeconds: 90 };
    const without = onlyUnit(coldRequest({ components: { codecServer: false } }));
    const withCheck = onlyUnit(coldRequest({ components: { codecServer: false }, fleetInputs: { 'orders.a1b2c': { workers: { healthCheck } } } }));
    expect(withCheck.totalSeconds - without.totalSeconds).toBe(90);
    expect(withCheck.criticalPath.parts.map((p) => p.id)).toContain('health-check-start-period');
  });

  test('an Active/Hot standby smaller than the active fleet scales out to full capacity', () => {
    const u = onlyUnit(hotRequest({ fleetInputs: { 'orders.a1b2c': { workers: { minCapacity: 4, standbyMinCapacity: 1 } } } }));
    expect(u.criticalPath.id).toBe('fleet/us-west-2/workers/scale-out');
    expect(u.largestPart.id).toBe('autoscaling-scale-out');
    expect(u.largestPart.change).toContain('standbyMinCapacity');
  });

  test('the declared active region decides which region fails and which takes over', () => {
    const u = onlyUnit(coldRequest({ failover: { activeRegion: 'us-west-2' } }));
    expect([u.failedRegion, u.activeRegion]).toEqual(['us-west-2', 'us-east-1']);
    expect(u.paths.map((p) => p.id)).toContain('fleet/us-east-1/workers');
  });
});

describe('the parts', () => {
  const plans = {
    hot: hotRequest({ starters: true, components: { proxy: true, routing: ComponentRouting.FAILOVER_DNS } }),
    cold: coldRequest({ starters: true, components: { proxy: true, routing: ComponentRouting.FAILOVER_DNS } }),
    namespaceEndpoint: hotRequest({ endpoint: EndpointKind.NAMESPACE }),
    sharded: shardedRequest([shard('east', 'us-east-1', 'us-west-2'), shard('west', 'us-west-2', 'us-east-1', { pattern: DeploymentPattern.ACTIVE_COLD })]),
  };

  test.each(Object.entries(plans))('%s: every part has whole seconds, an assumption and a public source', (_name, request) => {
    const e = estimate(request);
    const parts = e.units.flatMap((u) => u.paths.flatMap((p) => p.parts));
    expect(parts.length).toBeGreaterThan(0);
    for (const p of parts) {
      expect(Number.isInteger(p.seconds) && p.seconds >= 0).toBe(true);
      expect(p.assumption.length).toBeGreaterThan(20);
      expect(p.source).toMatch(/^https:\/\/(docs\.aws\.amazon\.com|docs\.temporal\.io|github\.com\/temporalio)\//);
      expect(p.change.length).toBeGreaterThan(5);
    }
  });

  test.each(Object.entries(plans))('%s: the estimate is the longest path, and the largest part is on it', (_name, request) => {
    const e = estimate(request);
    for (const u of e.units) {
      expect(u.totalSeconds).toBe(Math.max(...u.paths.map((p) => p.seconds)));
      expect(u.criticalPath.seconds).toBe(u.totalSeconds);
      for (const p of u.paths) expect(p.seconds).toBe(p.parts.reduce((s, x) => s + x.seconds, 0));
      expect(u.criticalPath.parts).toContain(u.largestPart);
      expect(u.largestPart.seconds).toBe(Math.max(...u.criticalPath.parts.map((p) => p.seconds)));
    }
    expect(e.totalSeconds).toBe(Math.max(...e.units.map((u) => u.totalSeconds)));
  });

  test('each shard is its own unit, and the objective is checked per shard, on the shard\'s path', () => {
    const request = { ...plans.sharded, failover: { recoveryTimeObjectiveSeconds: 60 } };
    expect(estimate(request).units.map((u) => [u.unit, u.pattern])).toEqual([['east', 'active-hot'], ['west', 'active-cold']]);
    expect(findingsFor(request, RTO_RULE).map((f) => f.constructPath)).toEqual(['App/Orders/west']);
  });

  test('a single-region deployment has no failover unit and nothing to estimate', () => {
    const request = hotRequest({
      namespace: { replicaRegion: undefined }, pattern: DeploymentPattern.SINGLE_REGION, failover: { recoveryTimeObjectiveSeconds: 1 },
    });
    expect(estimate(request)).toEqual({ totalSeconds: 0, units: [], worstUnit: undefined });
    expect(findingsFor(request, RTO_RULE)).toEqual([]);
  });
});

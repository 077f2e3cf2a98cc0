/**
 * The capacity alarms of the CDK for Terraform flavour (`emitCapacityAlarms`), alone and in a deployment, and the Temporal Cloud metric alarms
 * block: the same settings as the AWS CDK flavour (test/aws-cdk/capacity-alarms.test.ts), as Terraform.
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Fn, Op, TerraformStack, TerraformVariable, Token } from 'cdktf';
import { errorOf, newStack, providerRegions, referenced, resourcesOf, synthStack, TfJson, TfResource } from './support';
import {
  ActiveColdDeployment, ActiveColdDeploymentProps, TemporalCloudMetricAlarms, TemporalCloudMetricAlarmsProps, TemporalCredentials,
} from '../../lib/cdktf';
import { emitCapacityAlarms } from '../../lib/cdktf/render/capacity-alarms';
import { DeploymentPlan, PlannedCapacityAlarm, RegionPlan, ServiceRef } from '../../lib/core';

/** A fleet whose capacity follows unit `main`: 3 tasks while us-west-2 is active, none on standby. */
const FOLLOWING: PlannedCapacityAlarm = {
  service: { kind: 'fleet', id: 'orders-workers' },
  alarmName: 'temporal-orders-orders-workers-us-west-2-running-tasks',
  description: 'Temporal workers fleet orders-workers in us-west-2 runs fewer than 3 tasks',
  unit: 'main',
  minRunningWhenActive: 3,
  minRunningWhenStandby: 0,
  periodSeconds: 60,
  evaluationPeriods: 3,
};
/** A codec server that runs whatever the state (no unit). */
const STEADY: PlannedCapacityAlarm = {
  service: { kind: 'codec-server', id: 'codec' },
  alarmName: 'temporal-orders-codec-us-west-2-running-tasks',
  description: 'Temporal codec server codec in us-west-2 runs fewer than 2 tasks',
  minRunningWhenActive: 2,
  minRunningWhenStandby: 2,
  periodSeconds: 120,
  evaluationPeriods: 5,
};
/** A proxy the renderer did not render (the lookup does not find it). */
const MISSING: PlannedCapacityAlarm = { ...STEADY, service: { kind: 'proxy', id: 'proxy' }, alarmName: 'temporal-orders-proxy-us-west-2-running-tasks' };

/**
 * The value of a Terraform conditional on a state the test gives: `${<ref> == "<region>" ? <a> : <b>}` (with or without parentheses), `<ref>`
 * resolved by `live`. Anything else is returned as it is (a literal).
 */
function evaluate(expr: unknown, live: (ref: string) => string): unknown {
  if (typeof expr !== 'string') return expr;
  const m = /^\$\{\(?([\w.-]+) == "([a-z0-9-]+)"\)? \? (.+) : (.+)\}$/.exec(expr);
  if (!m) return expr;
  const literal = (s: string) => (s.startsWith('"') ? JSON.parse(s) : Number(s));
  return live(m[1]) === m[2] ? literal(m[3]) : literal(m[4]);
}

function emitAlone(alarms: PlannedCapacityAlarm[], tags?: Record<string, string>) {
  const stack = newStack();
  const provider = new AwsProvider(stack, 'aws', { region: 'us-west-2' });
  const activeRegion = new TerraformVariable(stack, 'active_region', { type: 'string' });
  const units: string[] = [];
  const value = <T>(unit: string, whenActive: T, whenStandby: T): T => {
    units.push(unit);
    const e = Fn.conditional(Op.eq(activeRegion.stringValue, 'us-west-2'), whenActive, whenStandby);
    return (typeof whenActive === 'number' ? Token.asNumber(e) : Token.asString(e)) as T;
  };
  const lookup = (s: ServiceRef) => (s.kind === 'proxy' ? undefined : { clusterName: `cluster-of-${s.id}`, serviceName: `service-${s.id}` });
  const built = emitCapacityAlarms(stack, provider, { awsRegion: 'us-west-2', capacityAlarms: alarms } as unknown as RegionPlan, lookup, value, tags);
  const json = synthStack(stack);
  return { built, units, alarms: resourcesOf(json, 'aws_cloudwatch_metric_alarm').map((r) => r.body) };
}

describe('emitCapacityAlarms (cdktf)', () => {
  test('one alarm per planned entry whose service was rendered, on its running task count, named and timed as planned', () => {
    // GIVEN a region with a fleet, a codec server and a proxy that was not rendered
    // WHEN its capacity alarms are emitted
    const { alarms, built } = emitAlone([FOLLOWING, STEADY, MISSING], { TemporalDeployment: 'stack/Orders' });

    // THEN the fleet and the codec server have an alarm each on ECS/ContainerInsights RunningTaskCount (minimum, below the threshold)
    expect(built).toHaveLength(2);
    expect(alarms.map((a) => a.alarm_name).sort()).toEqual([FOLLOWING.alarmName, STEADY.alarmName].sort());
    for (const planned of [FOLLOWING, STEADY]) {
      const alarm = alarms.find((a) => a.alarm_name === planned.alarmName);
      expect(alarm).toMatchObject({
        namespace: 'ECS/ContainerInsights',
        metric_name: 'RunningTaskCount',
        statistic: 'Minimum',
        comparison_operator: 'LessThanThreshold',
        alarm_description: planned.description,
        period: planned.periodSeconds,
        evaluation_periods: planned.evaluationPeriods,
        datapoints_to_alarm: planned.evaluationPeriods,
        dimensions: { ClusterName: `cluster-of-${planned.service.id}`, ServiceName: `service-${planned.service.id}` },
        tags: { TemporalDeployment: 'stack/Orders' },
      });
    }
  });

  test('a service that follows the state alarms on the active count while its region is active, and never on standby', () => {
    // GIVEN a fleet that follows unit main
    const { alarms: [alarm], units } = emitAlone([FOLLOWING]);

    // THEN the threshold and the missing-data treatment are Terraform conditionals on the state, read at apply time
    expect(units).toEqual(['main', 'main']);
    const live = (region: string) => () => region;
    expect(evaluate(alarm.threshold, live('us-west-2'))).toBe(3);
    expect(evaluate(alarm.treat_missing_data, live('us-west-2'))).toBe('breaching');
    expect(evaluate(alarm.threshold, live('us-east-1'))).toBe(0);
    expect(evaluate(alarm.treat_missing_data, live('us-east-1'))).toBe('notBreaching');
    expect(alarm.threshold).toContain('var.active_region');
  });

  test('a service that does not follow the state always alarms below its count, missing data breaching', () => {
    const { alarms: [alarm], units } = emitAlone([STEADY]);
    expect(units).toEqual([]);
    expect(alarm.threshold).toBe(2);
    expect(alarm.treat_missing_data).toBe('breaching');
  });
});

describe('the capacity alarms of an Active/Cold deployment (cdktf)', () => {
  const props = (overrides: Partial<ActiveColdDeploymentProps> = {}): ActiveColdDeploymentProps => ({
    namespace: { name: 'orders', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2' },
    credentials: TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
    workers: { image: 'ghcr.io/acme/orders-worker:1.0.0' },
    proxy: { image: 'ghcr.io/acme/orders-proxy:1.0.0' },
    ...overrides,
  });
  function synth(overrides: Partial<ActiveColdDeploymentProps> = {}): { json: TfJson; plan: DeploymentPlan } {
    const stack = newStack();
    const d = new ActiveColdDeployment(stack, 'Orders', props(overrides));
    return { json: synthStack(stack), plan: d._plan };
  }
  /** The alarm of each planned entry, by alarm name, with its region. */
  const alarmsByName = (json: TfJson): Map<string, TfResource> =>
    new Map(resourcesOf(json, 'aws_cloudwatch_metric_alarm').filter((a) => a.body.metric_name === 'RunningTaskCount').map((a) => [a.body.alarm_name, a]));
  /** The live state: every state parameter holds `region`; a reference must be to a state reader in the alarm's own region. */
  const liveIn = (json: TfJson, alarmRegion: string, region: string) => (ref: string) => {
    const [, name] = /^data\.aws_ssm_parameter\.([\w-]+)\.insecure_value$/.exec(ref) ?? [];
    const reader = resourcesOf(json, 'aws_ssm_parameter', 'data').find((r) => r.name === name);
    expect(reader?.region).toBe(alarmRegion);
    return region;
  };

  test('every planned capacity alarm is emitted in its region, on its own cluster and service', () => {
    // GIVEN an Active/Cold deployment with a proxy in each region
    const { json, plan } = synth();
    const alarms = alarmsByName(json);
    const regions = providerRegions(json);

    // THEN each region's planned alarms exist there, on the cluster and service of that region
    const planned = plan.regions.flatMap((r) => r.capacityAlarms.map((a) => ({ region: r.awsRegion, a })));
    expect(planned.map((p) => p.a.service.kind).sort()).toEqual(['fleet', 'fleet', 'proxy', 'proxy']);
    expect([...alarms.keys()].sort()).toEqual(planned.map((p) => p.a.alarmName).sort());
    for (const { region, a } of planned) {
      const alarm = alarms.get(a.alarmName)!;
      expect(alarm.region).toBe(region);
      const cluster = resourcesOf(json, 'aws_ecs_cluster').find((c) => c.name === referenced(alarm.body.dimensions.ClusterName, 'aws_ecs_cluster'));
      const service = resourcesOf(json, 'aws_ecs_service').find((s) => s.name === referenced(alarm.body.dimensions.ServiceName, 'aws_ecs_service'));
      expect(regions[cluster!.body.provider]).toBe(region);
      expect(regions[service!.body.provider]).toBe(region);
      expect(service!.body.tags[a.service.kind === 'fleet' ? 'TemporalFleet' : 'TemporalComponentId']).toBe(a.service.id);
    }
  });

  test.each([['us-east-1'], ['us-west-2']])('with %s live active, its services alarm below their active count and the other region\'s never', (active) => {
    // GIVEN the deployment, and the state parameters holding `active`
    const { json, plan } = synth();
    const alarms = alarmsByName(json);

    // THEN every alarm's threshold and missing-data treatment are those of its region's state
    for (const r of plan.regions) {
      for (const a of r.capacityAlarms) {
        const alarm = alarms.get(a.alarmName)!;
        const live = liveIn(json, r.awsRegion, active);
        expect(a.unit).toBe('main');
        expect(evaluate(alarm.body.threshold, live)).toBe(r.awsRegion === active ? a.minRunningWhenActive : a.minRunningWhenStandby);
        expect(evaluate(alarm.body.treat_missing_data, live)).toBe(r.awsRegion === active ? 'breaching' : 'notBreaching');
      }
    }
    expect(plan.regions.flatMap((r) => r.capacityAlarms).every((a) => a.minRunningWhenActive > 0 && a.minRunningWhenStandby === 0)).toBe(true);
  });

  test('the alarms read the live state, not the declared one: declaring the replica active leaves them as they are', () => {
    // GIVEN the same deployment declared with the replica active
    const primary = alarmsByName(synth().json);
    const replica = alarmsByName(synth({ failover: { activeRegion: 'us-west-2' } }).json);

    // THEN the alarms are the same conditionals on the state
    expect([...replica.keys()].sort()).toEqual([...primary.keys()].sort());
    for (const [name, alarm] of primary) {
      expect(replica.get(name)!.body.threshold).toEqual(alarm.body.threshold);
      expect(replica.get(name)!.body.treat_missing_data).toEqual(alarm.body.treat_missing_data);
    }
  });
});

describe('TemporalCloudMetricAlarms (cdktf)', () => {
  function block(props: Partial<TemporalCloudMetricAlarmsProps> = {}): { stack: TerraformStack; alarms: Record<string, any> } {
    const stack = newStack();
    const provider = new AwsProvider(stack, 'aws', { region: 'us-east-1' });
    new TemporalCloudMetricAlarms(stack, 'CloudMetrics', { provider, namespace: 'orders.a1b2c', ...props });
    const json = synthStack(stack);
    return { stack, alarms: Object.fromEntries(resourcesOf(json, 'aws_cloudwatch_metric_alarm').map((a) => [a.body.alarm_name, a.body])) };
  }

  test('alarms on the replication lag, the poll success rate and tasks without pollers, by their Temporal Cloud metric names', () => {
    // GIVEN the metrics published to CloudWatch with the namespace as dimension (the defaults)
    const { alarms } = block();

    // THEN three alarms in namespace TemporalCloud, dimension temporal_namespace, missing data not breaching
    expect(Object.keys(alarms).sort()).toEqual([
      'temporal-orders.a1b2c-poll-success-rate', 'temporal-orders.a1b2c-replication-lag', 'temporal-orders.a1b2c-tasks-without-pollers',
    ]);
    const dims = { temporal_namespace: 'orders.a1b2c' };
    expect(alarms['temporal-orders.a1b2c-replication-lag']).toMatchObject({
      namespace: 'TemporalCloud',
      metric_name: 'temporal_cloud_v1_replication_lag_p95',
      dimensions: dims,
      statistic: 'Maximum',
      period: 60,
      threshold: 60,
      comparison_operator: 'GreaterThanThreshold',
      evaluation_periods: 3,
      datapoints_to_alarm: 3,
      treat_missing_data: 'notBreaching',
    });
    expect(alarms['temporal-orders.a1b2c-tasks-without-pollers']).toMatchObject({
      metric_name: 'temporal_cloud_v1_no_poller_tasks_count', dimensions: dims, threshold: 0, comparison_operator: 'GreaterThanThreshold',
    });
    // The poll success rate is metric math over the success and timeout rates (which return no data of their own)
    const rate = alarms['temporal-orders.a1b2c-poll-success-rate'];
    expect(rate).toMatchObject({ threshold: 90, comparison_operator: 'LessThanThreshold', treat_missing_data: 'notBreaching' });
    expect(rate.metric_name).toBeUndefined();
    const byId = Object.fromEntries(rate.metric_query.map((q: any) => [q.id, q]));
    expect(rate.metric_query.filter((q: any) => q.return_data).map((q: any) => q.expression)).toEqual(['100 * success / (success + timeout)']);
    expect(byId.success).toMatchObject({
      return_data: false,
      metric: { namespace: 'TemporalCloud', metric_name: 'temporal_cloud_v1_poll_success_count', dimensions: dims, stat: 'Sum', period: 60 },
    });
    expect(byId.timeout.metric).toMatchObject({ metric_name: 'temporal_cloud_v1_poll_timeout_count', dimensions: dims, stat: 'Sum' });
  });

  test('namespace, dimension names, region, thresholds and names follow the props', () => {
    const { alarms } = block({
      metricNamespace: 'Temporal/Cloud',
      namespaceDimension: 'namespace',
      temporalRegion: 'us-west-2',
      regionDimension: 'temporal_region',
      replicationLagThresholdSeconds: 30,
      pollSuccessRateThreshold: 95,
      evaluationPeriods: 5,
      tags: { Team: 'orders' },
    });
    expect(alarms['temporal-orders.a1b2c-aws-us-west-2-replication-lag']).toMatchObject({
      namespace: 'Temporal/Cloud',
      threshold: 30,
      evaluation_periods: 5,
      datapoints_to_alarm: 5,
      dimensions: { namespace: 'orders.a1b2c', temporal_region: 'aws-us-west-2' },
      tags: { Team: 'orders' },
    });
    expect(alarms['temporal-orders.a1b2c-aws-us-west-2-poll-success-rate'].threshold).toBe(95);
  });

  test.each([
    ['namespace', { namespace: '' }, "''"],
    ['metricNamespace', { metricNamespace: 'AWS/ECS' }, "'AWS/ECS'"],
    ['namespaceDimension', { namespaceDimension: ':ns' }, "':ns'"],
    ['temporalRegion', { temporalRegion: 'mars-1' }, "'mars-1'"],
    ['pollSuccessRateThreshold', { pollSuccessRateThreshold: 120 }, '120'],
    ['replicationLagThresholdSeconds', { replicationLagThresholdSeconds: 0 }, '0'],
    ['evaluationPeriods', { evaluationPeriods: 0 }, '0'],
    ['alarmNamePrefix', { alarmNamePrefix: 'x'.repeat(240) }, `'${'x'.repeat(240)}'`],
  ])('TEMPORAL_CLOUD_METRIC_ALARM_SETTINGS: %s', (prop, props, value) => {
    // GIVEN a bad prop WHEN the block is created THEN one error names the rule, the prop, the value and a fix, before any alarm exists
    const stack = newStack();
    const provider = new AwsProvider(stack, 'aws', { region: 'us-east-1' });
    const e = errorOf(() => new TemporalCloudMetricAlarms(stack, 'CloudMetrics', { provider, namespace: 'orders.a1b2c', ...props }));
    expect(e.message).toContain('TEMPORAL_CLOUD_METRIC_ALARM_SETTINGS');
    expect(e.message).toContain(`${prop} = ${value}`);
    expect(e.message).toMatch(/Fix|fix/);
    expect(resourcesOf(synthStack(stack), 'aws_cloudwatch_metric_alarm')).toEqual([]);
  });
});

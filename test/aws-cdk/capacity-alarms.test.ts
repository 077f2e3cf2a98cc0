import { App, CfnCondition, Duration, Fn, Stack, Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { errorOf, resources } from './support';
import { ActiveColdDeployment, Connectivity, TemporalCloudMetricAlarms, TemporalCredentials } from '../../lib';
import { emitCapacityAlarms } from '../../lib/aws-cdk/render/capacity-alarms';
import { PlannedCapacityAlarm, planDeployment, RegionPlan, ServiceRef } from '../../lib/core';
import { planCapacityAlarms } from '../../lib/core/components/failover-state';
import { coldRequest } from '../core/support';

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

const CODEC_CERTS = {
  'us-east-1': 'arn:aws:acm:us-east-1:111111111111:certificate/11111111-1111-1111-1111-111111111111',
  'us-west-2': 'arn:aws:acm:us-west-2:111111111111:certificate/22222222-2222-2222-2222-222222222222',
};

function region(capacityAlarms: PlannedCapacityAlarm[]): RegionPlan {
  return { awsRegion: 'us-west-2', capacityAlarms } as unknown as RegionPlan;
}

/** Emits the alarms with a `value` that reads condition `Active` (as the renderer's state does) and records the units it was asked about. */
function emit(alarms: PlannedCapacityAlarm[]) {
  const stack = new Stack(new App(), 'West', { env: { region: 'us-west-2', account: '111111111111' } });
  const active = new CfnCondition(stack, 'Active', { expression: Fn.conditionEquals('us-west-2', 'us-west-2') });
  const units: string[] = [];
  const value = <T>(unit: string, whenActive: T, whenStandby: T): T => {
    units.push(unit);
    const expression = Fn.conditionIf(active.logicalId, whenActive, whenStandby);
    return (typeof whenActive === 'number' ? Token.asNumber(expression) : Token.asString(expression)) as T;
  };
  const lookup = (s: ServiceRef) => (s.kind === 'proxy' ? undefined : { clusterName: `cluster-of-${s.id}`, serviceName: `service-${s.id}` });
  emitCapacityAlarms(stack, region(alarms), lookup, value);
  return { stack, units, alarms: resources(stack, 'AWS::CloudWatch::Alarm').map(([, p]) => p) };
}

describe('emitCapacityAlarms', () => {
  test('one alarm per planned entry whose service was rendered, on its running task count, named and timed as planned', () => {
    // GIVEN a region with a fleet, a codec server and a proxy that was not rendered
    // WHEN its capacity alarms are emitted
    const { alarms } = emit([FOLLOWING, STEADY, MISSING]);

    // THEN the fleet and the codec server have an alarm each on ECS/ContainerInsights RunningTaskCount (minimum, below the threshold)
    expect(alarms.map((a) => a.AlarmName)).toEqual([FOLLOWING.alarmName, STEADY.alarmName]);
    for (const [alarm, planned] of [[alarms[0], FOLLOWING], [alarms[1], STEADY]] as const) {
      expect(alarm).toMatchObject({
        Namespace: 'ECS/ContainerInsights',
        MetricName: 'RunningTaskCount',
        Statistic: 'Minimum',
        ComparisonOperator: 'LessThanThreshold',
        AlarmDescription: planned.description,
        Period: planned.periodSeconds,
        EvaluationPeriods: planned.evaluationPeriods,
        DatapointsToAlarm: planned.evaluationPeriods,
        Dimensions: [
          { Name: 'ClusterName', Value: `cluster-of-${planned.service.id}` },
          { Name: 'ServiceName', Value: `service-${planned.service.id}` },
        ],
      });
    }
  });

  test('a service that follows the state alarms on the active count while its region is active, and never on standby', () => {
    // GIVEN a fleet that follows unit main
    const { alarms: [alarm], units } = emit([FOLLOWING]);

    // THEN the threshold and the missing-data treatment are read from the state at deploy time
    expect(units).toEqual(['main', 'main']);
    expect(alarm.Threshold).toEqual({ 'Fn::If': ['Active', 3, 0] });
    expect(alarm.TreatMissingData).toEqual({ 'Fn::If': ['Active', 'breaching', 'notBreaching'] });
  });

  test('a service that does not follow the state always alarms below its count, missing data breaching', () => {
    const { alarms: [alarm], units } = emit([STEADY]);
    expect(units).toEqual([]);
    expect(alarm.Threshold).toBe(2);
    expect(alarm.TreatMissingData).toBe('breaching');
  });

  test('the planner’s alarms of a region render one each, with unique construct ids', () => {
    // GIVEN the capacity alarms the core plans for an Active/Cold region with a codec server and a proxy
    const plan = planDeployment(coldRequest({ components: { proxy: true } }));
    const east = plan.regions.find((r) => r.awsRegion === 'us-east-1')!;
    const planned = planCapacityAlarms('orders', east);
    expect(planned.map((a) => a.service.kind).sort()).toEqual(expect.arrayContaining(['codec-server', 'fleet']));

    // WHEN rendered (a lookup that finds every service)
    const stack = new Stack(new App(), 'East', { env: { region: 'us-east-1', account: '111111111111' } });
    emitCapacityAlarms(stack, { ...east, capacityAlarms: planned }, (s) => ({ clusterName: 'c', serviceName: s.id }), (_u, a) => a);

    // THEN every planned alarm is there, by name
    expect(resources(stack, 'AWS::CloudWatch::Alarm').map(([, p]) => p.AlarmName).sort()).toEqual(planned.map((a) => a.alarmName).sort());
  });
});

describe('TemporalCloudMetricAlarms', () => {
  const alarmsOf = (stack: Stack) => Object.fromEntries(resources(stack, 'AWS::CloudWatch::Alarm').map(([, p]) => [p.AlarmName, p]));

  test('alarms on the replication lag, the poll success rate and tasks without pollers, by their Temporal Cloud metric names', () => {
    // GIVEN the metrics published to CloudWatch with the namespace as dimension (the defaults)
    const stack = new Stack(new App(), 'Metrics', { env: { region: 'us-east-1' } });
    const block = new TemporalCloudMetricAlarms(stack, 'CloudMetrics', { namespace: 'orders.a1b2c' });

    // THEN three alarms in namespace TemporalCloud, dimension temporal_namespace, missing data not breaching
    const alarms = alarmsOf(stack);
    expect(Object.keys(alarms).sort()).toEqual([
      'temporal-orders.a1b2c-poll-success-rate', 'temporal-orders.a1b2c-replication-lag', 'temporal-orders.a1b2c-tasks-without-pollers',
    ]);
    expect(block.alarms).toHaveLength(3);
    const dims = [{ Name: 'temporal_namespace', Value: 'orders.a1b2c' }];
    expect(alarms['temporal-orders.a1b2c-replication-lag']).toMatchObject({
      Namespace: 'TemporalCloud',
      MetricName: 'temporal_cloud_v1_replication_lag_p95',
      Dimensions: dims,
      Statistic: 'Maximum',
      Period: 60,
      Threshold: 60,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 3,
      TreatMissingData: 'notBreaching',
    });
    expect(alarms['temporal-orders.a1b2c-tasks-without-pollers']).toMatchObject({
      MetricName: 'temporal_cloud_v1_no_poller_tasks_count', Dimensions: dims, Threshold: 0, ComparisonOperator: 'GreaterThanThreshold',
    });
    // The poll success rate is metric math over the success and timeout rates
    const rate = alarms['temporal-orders.a1b2c-poll-success-rate'];
    expect(rate).toMatchObject({ Threshold: 90, ComparisonOperator: 'LessThanThreshold', TreatMissingData: 'notBreaching' });
    const byId = Object.fromEntries(rate.Metrics.map((m: any) => [m.Id, m]));
    expect(rate.Metrics.filter((m: any) => m.Expression).map((m: any) => [m.Expression, m.ReturnData ?? true])).toEqual([['100 * success / (success + timeout)', true]]);
    expect(byId.success.MetricStat).toMatchObject({ Metric: { Namespace: 'TemporalCloud', MetricName: 'temporal_cloud_v1_poll_success_count', Dimensions: dims }, Stat: 'Sum' });
    expect(byId.timeout.MetricStat).toMatchObject({ Metric: { MetricName: 'temporal_cloud_v1_poll_timeout_count', Dimensions: dims }, Stat: 'Sum' });
  });

  test('namespace, dimension names, region, thresholds and names follow the props', () => {
    const stack = new Stack(new App(), 'Metrics', { env: { region: 'us-west-2' } });
    new TemporalCloudMetricAlarms(stack, 'CloudMetrics', {
      namespace: 'orders.a1b2c',
      metricNamespace: 'Temporal/Cloud',
      namespaceDimension: 'namespace',
      temporalRegion: 'us-west-2',
      regionDimension: 'temporal_region',
      replicationLagThreshold: Duration.seconds(30),
      pollSuccessRateThreshold: 95,
      evaluationPeriods: 5,
    });
    const alarms = alarmsOf(stack);
    const lag = alarms['temporal-orders.a1b2c-aws-us-west-2-replication-lag'];
    expect(lag).toMatchObject({
      Namespace: 'Temporal/Cloud',
      Threshold: 30,
      EvaluationPeriods: 5,
      DatapointsToAlarm: 5,
      Dimensions: [{ Name: 'namespace', Value: 'orders.a1b2c' }, { Name: 'temporal_region', Value: 'aws-us-west-2' }],
    });
    expect(alarms['temporal-orders.a1b2c-aws-us-west-2-poll-success-rate'].Threshold).toBe(95);
  });

  test.each([
    ['namespace', { namespace: '' }, "''"],
    ['metricNamespace', { namespace: 'orders.a1b2c', metricNamespace: 'AWS/ECS' }, "'AWS/ECS'"],
    ['namespaceDimension', { namespace: 'orders.a1b2c', namespaceDimension: ':ns' }, "':ns'"],
    ['temporalRegion', { namespace: 'orders.a1b2c', temporalRegion: 'mars-1' }, "'mars-1'"],
    ['pollSuccessRateThreshold', { namespace: 'orders.a1b2c', pollSuccessRateThreshold: 120 }, '120'],
    ['replicationLagThreshold', { namespace: 'orders.a1b2c', replicationLagThreshold: Duration.seconds(0) }, '0'],
    ['evaluationPeriods', { namespace: 'orders.a1b2c', evaluationPeriods: 0 }, '0'],
    ['alarmNamePrefix', { namespace: 'orders.a1b2c', alarmNamePrefix: 'x'.repeat(240) }, `'${'x'.repeat(240)}'`],
  ])('TEMPORAL_CLOUD_METRIC_ALARM_SETTINGS: %s', (prop, props, value) => {
    // GIVEN a bad prop WHEN the block is created THEN one error names the rule, the prop, the value and a fix, before any alarm exists
    const stack = new Stack(new App(), 'Metrics', { env: { region: 'us-east-1' } });
    const e = errorOf(() => new TemporalCloudMetricAlarms(stack, 'CloudMetrics', props as any));
    expect(e.message).toContain('TEMPORAL_CLOUD_METRIC_ALARM_SETTINGS');
    expect(e.message).toContain(`${prop}`);
    expect(e.message).toContain(value);
    expect(e.message).toMatch(/Fix|fix/);
    expect(Template.fromStack(stack).findResources('AWS::CloudWatch::Alarm')).toEqual({});
  });
});

/** The resource a `{ Fn::GetAtt: [id, 'Name'] }` value names, in its stack or, through `Fn::GetStackOutput`, in the stack that outputs it. */
function serviceOf(stacks: Stack[], stack: Stack, value: any): { stack: Stack; type?: string } {
  const output = value['Fn::GetStackOutput'];
  if (output) {
    const from = stacks.find((s) => s.stackName === output.StackName)!;
    return serviceOf(stacks, from, Template.fromStack(from).toJSON().Outputs[output.OutputName].Value);
  }
  return { stack, type: Template.fromStack(stack).toJSON().Resources[value['Fn::GetAtt']?.[0]]?.Type };
}

describe('a pattern construct', () => {
  test("each region's planned capacity alarms watch that region's own ECS services", () => {
    // GIVEN an Active/Cold deployment with a codec server
    const app = new App();
    const cold = new ActiveColdDeployment(app, 'Orders', {
      namespace: { name: 'orders', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2' },
      credentials: TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
      connectivity: Connectivity.privateLink(),
      workers: { image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/orders-worker:2.0.0'), minCapacity: 3 },
      codecServer: { image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/codec:1.0.0'), certificateArns: CODEC_CERTS },
      account: '111111111111',
    });
    const stacks = app.node.findAll().filter((c): c is Stack => Stack.isStack(c));

    for (const planned of cold._plan.regions) {
      // WHEN the app synthesizes
      // THEN the region's stacks hold exactly its planned alarms, each on an ECS service of the same region
      const inRegion = stacks.filter((s) => s.region === planned.awsRegion);
      const alarms = inRegion.flatMap((s) => resources(s, 'AWS::CloudWatch::Alarm').map(([, p]) => ({ stack: s, p })))
        .filter(({ p }) => p.MetricName === 'RunningTaskCount');
      expect(alarms.map(({ p }) => p.AlarmName).sort()).toEqual(planned.capacityAlarms.map((a) => a.alarmName).sort());
      expect(planned.capacityAlarms.length).toBeGreaterThan(0);
      for (const { stack, p } of alarms) {
        const service = serviceOf(stacks, stack, p.Dimensions.find((d: any) => d.Name === 'ServiceName').Value);
        expect(service.stack.region).toBe(planned.awsRegion);
        expect(service.type).toBe('AWS::ECS::Service');
      }
    }
  });
});

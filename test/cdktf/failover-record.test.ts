/**
 * The CDK for Terraform failover record used on its own: the same defaults, settings and checks as
 * the AWS CDK flavour's `TemporalFailoverRecord` and `TemporalComponentHealthAlarm` (one core spec),
 * and the same TemporalHaValidationError.
 */
import { TerraformStack } from 'cdktf';
import { errorOf, newStack, resourcesOf, synthStack } from './support';
import { TemporalFailoverRecord, TemporalFailoverRecordProps, FailoverTarget } from '../../lib/cdktf/blocks/failover-record';
import { AwsProvider, Lb, LbTargetGroup } from '../../lib/cdktf/engine';
import { TemporalHaValidationError } from '../../lib/core/errors';

const RULE = 'TEMPORAL_FAILOVER_RECORD_SETTINGS';

/** A stack with a provider, an ALB and a target group per region. */
function targets(stack: TerraformStack, type = 'application'): { provider: AwsProvider; primary: FailoverTarget; secondary: FailoverTarget } {
  const target = (awsRegion: string): FailoverTarget => {
    const provider = new AwsProvider(stack, `aws-${awsRegion}`, { region: awsRegion, alias: awsRegion });
    const loadBalancer = new Lb(stack, `Lb-${awsRegion}`, { provider, name: `codec-${awsRegion}`, internal: true, loadBalancerType: type });
    const targetGroup = new LbTargetGroup(stack, `Tg-${awsRegion}`, { provider, name: `codec-${awsRegion}`, port: 8080, protocol: 'HTTP', targetType: 'ip' });
    return { awsRegion, provider, loadBalancer, targetGroup, loadBalancerType: type };
  };
  const primary = target('us-east-1');
  return { provider: primary.provider, primary, secondary: target('us-west-2') };
}

function record(props: Partial<TemporalFailoverRecordProps> = {}, type?: string) {
  const stack = newStack();
  const t = targets(stack, type);
  const construct = new TemporalFailoverRecord(stack, 'CodecFailover', {
    provider: t.provider, zoneId: 'Z0123456789', recordName: 'codec.orders.temporal.internal', primary: t.primary, secondary: t.secondary, ...props,
  });
  return { stack, construct, t };
}

describe('TemporalFailoverRecord (CDK for Terraform)', () => {
  test('the AWS CDK flavour\'s settings: alarms named temporal-<name>-<region>-no-healthy-targets, HealthyHostCount minimum < 1 for 2 minutes, breaching', () => {
    const { stack, construct } = record({ name: 'orders-codec' });
    const json = synthStack(stack);
    const alarms = resourcesOf(json, 'aws_cloudwatch_metric_alarm');
    expect(alarms.map((a) => [a.region, a.body.alarm_name])).toEqual([
      ['us-east-1', 'temporal-orders-codec-us-east-1-no-healthy-targets'],
      ['us-west-2', 'temporal-orders-codec-us-west-2-no-healthy-targets'],
    ]);
    expect(alarms[0].body).toMatchObject({
      namespace: 'AWS/ApplicationELB',
      metric_name: 'HealthyHostCount',
      statistic: 'Minimum',
      period: 60,
      threshold: 1,
      comparison_operator: 'LessThanThreshold',
      evaluation_periods: 2,
      datapoints_to_alarm: 2,
      treat_missing_data: 'breaching',
      alarm_description: expect.stringMatching(/^Temporal component orders-codec in us-east-1 has no healthy target .*for 2 consecutive minutes/),
    });
    expect(construct.alarms).toHaveLength(2);
  });

  test('health checks read each region\'s alarm and count missing data as unhealthy (as the AWS CDK flavour does); records: TTL 30, set identifiers', () => {
    const { stack } = record();
    const json = synthStack(stack);
    const checks = resourcesOf(json, 'aws_route53_health_check');
    expect(checks.map((c) => [c.body.type, c.body.cloudwatch_alarm_region, c.body.insufficient_data_health_status, c.body.tags.Name])).toEqual([
      ['CLOUDWATCH_METRIC', 'us-east-1', 'Unhealthy', 'codec.orders.temporal.internal PRIMARY (us-east-1)'],
      ['CLOUDWATCH_METRIC', 'us-west-2', 'Unhealthy', 'codec.orders.temporal.internal SECONDARY (us-west-2)'],
    ]);
    expect(checks[0].body.cloudwatch_alarm_name).toMatch(/^\$\{aws_cloudwatch_metric_alarm\..*PRIMARYAlarm.*\.alarm_name\}$/);
    const records = resourcesOf(json, 'aws_route53_record');
    expect(records.map((r) => [r.body.name, r.body.type, r.body.ttl, r.body.set_identifier, r.body.failover_routing_policy.type])).toEqual([
      ['codec.orders.temporal.internal', 'CNAME', 30, 'primary-us-east-1', 'PRIMARY'],
      ['codec.orders.temporal.internal', 'CNAME', 30, 'secondary-us-west-2', 'SECONDARY'],
    ]);
    // Without a name, the alarms are named after the construct path.
    expect(resourcesOf(json, 'aws_cloudwatch_metric_alarm')[0].body.alarm_name).toBe('temporal-stack-CodecFailover-us-east-1-no-healthy-targets');
  });

  test('a proxy (network) uses AWS/NetworkELB; TTL and evaluation periods are settable', () => {
    const { stack } = record({ ttl: 15, evaluationPeriods: 3 }, 'network');
    const json = synthStack(stack);
    expect(resourcesOf(json, 'aws_cloudwatch_metric_alarm').map((a) => [a.body.namespace, a.body.evaluation_periods, a.body.datapoints_to_alarm]))
      .toEqual([['AWS/NetworkELB', 3, 3], ['AWS/NetworkELB', 3, 3]]);
    expect(resourcesOf(json, 'aws_route53_record').map((r) => r.body.ttl)).toEqual([15, 15]);
  });

  test('bad input is one TemporalHaValidationError listing every problem with its rule id, prop, value and fix', () => {
    const error = errorOf(() => record({ ttl: 600, name: 'orders codec', recordName: 'bad name' }));
    expect(error).toBeInstanceOf(TemporalHaValidationError);
    expect(error.message).toBe([
      'TemporalFailoverRecord stack/CodecFailover has 3 configuration errors that would break failover or deployment:',
      `  1. [${RULE}] stack/CodecFailover: name = 'orders codec': must be 1 to 150 letters, digits, '.', '_' or '-', starting with a letter or digit. Fix: use e.g. 'orders-codec'.`,
      `  2. [${RULE}] stack/CodecFailover: recordName = 'bad name': is not a DNS name. Fix: use a name such as 'codec' or 'codec.orders.temporal.internal'.`,
      `  3. [${RULE}] stack/CodecFailover: ttl = 600: is above 300 s: clients would keep a failed region's address that long after failover. Fix: use a short TTL such as 30 s.`,
    ].join('\n'));
  });

  test.each<[string, (t: ReturnType<typeof targets>) => Partial<TemporalFailoverRecordProps>, string]>([
    ['the zone apex', () => ({ zoneName: 'codec.orders.temporal.internal' }), "recordName = 'codec.orders.temporal.internal': is the zone apex, where a CNAME cannot be."],
    ['a Temporal Cloud region id', (t) => ({ secondary: { ...t.secondary, awsRegion: 'aws-us-west-2' } }),
      "secondary.awsRegion = 'aws-us-west-2': is a Temporal Cloud region id. Fix: use the AWS region, 'us-west-2'."],
    ['a region that is not one', (t) => ({ primary: { ...t.primary, awsRegion: 'useast1' } }), "primary.awsRegion = 'useast1': is not an AWS region."],
    ['the same load balancer twice', (t) => ({ secondary: { ...t.secondary, loadBalancer: t.primary.loadBalancer } }),
      'is also primary.dnsName: the record could never fail over.'],
    ['both targets in one region (one alarm name)', (t) => ({ secondary: { ...t.secondary, awsRegion: 'us-east-1' } }),
      "secondary.healthAlarmName = 'temporal-stack-CodecFailover-us-east-1-no-healthy-targets': is also the primary's health alarm (in us-east-1)"],
    ['an unknown load balancer type', (t) => ({ secondary: { ...t.secondary, loadBalancerType: 'gateway' } }),
      "secondary.loadBalancerType = 'gateway': is neither 'application' nor 'network'."],
    ['zero evaluation periods', () => ({ evaluationPeriods: 0 }), 'evaluationPeriods = 0: must be a whole number from 1 to 1440.'],
    ['a fractional TTL', () => ({ ttl: 2.5 }), 'ttl = 2.5: must be a whole number >= 0.'],
  ])('rejects %s, as the AWS CDK flavour does', (_name, props, message) => {
    const stack = newStack();
    const t = targets(stack);
    const error = errorOf(() => new TemporalFailoverRecord(stack, 'CodecFailover', {
      provider: t.provider, zoneId: 'Z0123456789', recordName: 'codec.orders.temporal.internal', primary: t.primary, secondary: t.secondary, ...props(t),
    }));
    expect(error).toBeInstanceOf(TemporalHaValidationError);
    expect(error.message).toContain(`[${RULE}] stack/CodecFailover: `);
    expect(error.message).toContain(message);
    expect(error.message).toMatch(/has 1 configuration error /);
  });

  test('a relative record name is qualified with the zone name in the health check names', () => {
    const { stack } = record({ recordName: 'codec', zoneName: 'orders.temporal.internal' });
    const json = synthStack(stack);
    expect(resourcesOf(json, 'aws_route53_health_check').map((c) => c.body.tags.Name)).toEqual([
      'codec.orders.temporal.internal PRIMARY (us-east-1)', 'codec.orders.temporal.internal SECONDARY (us-west-2)',
    ]);
    expect(resourcesOf(json, 'aws_route53_record').map((r) => r.body.name)).toEqual(['codec', 'codec']);
  });
});

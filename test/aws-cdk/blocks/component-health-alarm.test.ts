import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import {
  ComponentLoadBalancerType,
  TemporalComponentHealthAlarm,
  TemporalComponentHealthAlarmProps,
} from '../../../lib/aws-cdk/blocks/component-health-alarm';
import { TemporalHaValidationError } from '../../../lib/core/errors';
import { errorOf } from '../support';

const EAST = { account: '111111111111', region: 'us-east-1' };
const EAST_CODEC = 'internal-codec-1234.us-east-1.elb.amazonaws.com';
const EAST_ALARM = 'temporal-orders-codec-us-east-1-no-healthy-targets';
const RULE = 'TEMPORAL_FAILOVER_RECORD_SETTINGS';

/** A stack with an ALB and a target group attached to it. */
function albStack(): { stack: Stack; targetGroup: elbv2.ApplicationTargetGroup } {
  const stack = new Stack(new App(), 'OrdersEast', { env: EAST });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
  const lb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc });
  const targetGroup = new elbv2.ApplicationTargetGroup(stack, 'Codec', { vpc, port: 8080, targetType: elbv2.TargetType.IP });
  lb.addListener('Http', { port: 80, defaultTargetGroups: [targetGroup] });
  return { stack, targetGroup };
}

/** A stack with an NLB and a target group attached to it. */
function nlbStack(): { stack: Stack; targetGroup: elbv2.NetworkTargetGroup } {
  const stack = new Stack(new App(), 'OrdersEast', { env: EAST });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
  const lb = new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc });
  const targetGroup = new elbv2.NetworkTargetGroup(stack, 'Proxy', { vpc, port: 7233, targetType: elbv2.TargetType.IP });
  lb.addListener('Tcp', { port: 7233, defaultTargetGroups: [targetGroup] });
  return { stack, targetGroup };
}

describe('TemporalComponentHealthAlarm', () => {
  test('ALB target group: HealthyHostCount (AWS/ApplicationELB) minimum per minute < 1 for 2 periods, missing data breaching, deterministic name', () => {
    // GIVEN
    const { stack, targetGroup } = albStack();
    // WHEN
    const health = new TemporalComponentHealthAlarm(stack, 'CodecHealth', { name: 'orders-codec', targetGroup });
    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: EAST_ALARM,
      AlarmDescription: Match.stringLikeRegexp('^Temporal component orders-codec in us-east-1 has no healthy target .*for 2 consecutive minutes'),
      Namespace: 'AWS/ApplicationELB',
      MetricName: 'HealthyHostCount',
      Statistic: 'Minimum',
      Period: 60,
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      EvaluationPeriods: 2,
      DatapointsToAlarm: 2,
      TreatMissingData: 'breaching',
      Dimensions: Match.arrayWith([
        { Name: 'LoadBalancer', Value: Match.anyValue() },
        { Name: 'TargetGroup', Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Codec'), 'TargetGroupFullName'] } },
      ]),
    });
    expect(health.alarmName).toBe(EAST_ALARM);
    expect(health.alarmRegion).toBe('us-east-1');
    expect(stack.resolve(health.alarm.alarmName)).toEqual({ Ref: expect.stringMatching(/^CodecHealthAlarm/) });
    expect(TemporalComponentHealthAlarm.alarmNameFor('orders-codec', 'us-east-1')).toBe(EAST_ALARM);
  });

  test('NLB target group: AWS/NetworkELB namespace, configurable periods and name', () => {
    // GIVEN
    const { stack, targetGroup } = nlbStack();
    // WHEN
    const health = new TemporalComponentHealthAlarm(stack, 'ProxyHealth', {
      name: 'orders-proxy', targetGroup, evaluationPeriods: 3, alarmName: 'orders-proxy-down',
    });
    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'orders-proxy-down',
      Namespace: 'AWS/NetworkELB',
      MetricName: 'HealthyHostCount',
      Statistic: 'Minimum',
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      EvaluationPeriods: 3,
      DatapointsToAlarm: 3,
      TreatMissingData: 'breaching',
    });
    expect(health.alarmName).toBe('orders-proxy-down');
  });

  test('from dimensions, for a target group the app does not hold', () => {
    // GIVEN
    const stack = new Stack(new App(), 'OrdersEast', { env: EAST });
    // WHEN
    new TemporalComponentHealthAlarm(stack, 'CodecHealth', {
      name: 'orders-codec',
      dimensions: {
        loadBalancerType: ComponentLoadBalancerType.APPLICATION,
        loadBalancerFullName: 'app/codec/50dc6c495c0c9188',
        targetGroupFullName: 'targetgroup/codec/73e2d6bc24d8a067',
      },
    });
    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: EAST_ALARM,
      Namespace: 'AWS/ApplicationELB',
      MetricName: 'HealthyHostCount',
      Statistic: 'Minimum',
      Period: 60,
      Dimensions: Match.arrayWith([
        { Name: 'LoadBalancer', Value: 'app/codec/50dc6c495c0c9188' },
        { Name: 'TargetGroup', Value: 'targetgroup/codec/73e2d6bc24d8a067' },
      ]),
    });
  });

  test('toFailoverTarget carries the alarm by name and region', () => {
    // GIVEN
    const { stack, targetGroup } = albStack();
    const health = new TemporalComponentHealthAlarm(stack, 'CodecHealth', { name: 'orders-codec', targetGroup });
    // WHEN / THEN
    expect(health.toFailoverTarget(EAST_CODEC)).toEqual({ dnsName: EAST_CODEC, region: 'us-east-1', healthAlarmName: EAST_ALARM });
  });

  test('a bad name is one TemporalHaValidationError with the rule id, prop, value and fix', () => {
    const { stack, targetGroup } = albStack();
    const error = errorOf(() => new TemporalComponentHealthAlarm(stack, 'Health', { name: 'orders codec', targetGroup }));
    expect(error).toBeInstanceOf(TemporalHaValidationError);
    expect(error.message).toBe([
      'TemporalComponentHealthAlarm OrdersEast/Health has 1 configuration error that would break failover or deployment:',
      `  1. [${RULE}] OrdersEast/Health: name = 'orders codec': must be 1 to 150 letters, digits, '.', '_' or '-', starting with a letter or digit. `
        + "Fix: use e.g. 'orders-codec'.",
    ].join('\n'));
  });

  test.each([
    [{ evaluationPeriods: 0 }, `[${RULE}] OrdersEast/Health: evaluationPeriods = 0: must be a whole number from 1 to 1440.`],
    [{ evaluationPeriods: 1.5 }, 'evaluationPeriods = 1.5: must be a whole number from 1 to 1440.'],
    [{ alarmName: 'a\nb' }, 'alarmName = \'a\nb\': must be 1 to 255 printable characters.'],
    [{ targetGroup: undefined }, 'targetGroup = (not set): is not set, and neither is dimensions.'],
    [{ dimensions: { loadBalancerType: ComponentLoadBalancerType.NETWORK, loadBalancerFullName: 'app/x/1', targetGroupFullName: 'targetgroup/x/2' } },
      'dimensions = \'(set)\': is set as well as targetGroup. Fix: give one of them.'],
  ] as Array<[Partial<TemporalComponentHealthAlarmProps>, string]>)('rejects %o with a clear error', (props, message) => {
    const { stack, targetGroup } = albStack();
    expect(errorOf(() => new TemporalComponentHealthAlarm(stack, 'Health', { name: 'orders-codec', targetGroup, ...props })).message).toContain(message);
  });

  test('rejects malformed and mismatched dimensions, a target group with no load balancer and a region-agnostic stack', () => {
    const stack = new Stack(new App(), 'OrdersEast', { env: EAST });
    const bad = errorOf(() => new TemporalComponentHealthAlarm(stack, 'A', {
      name: 'c', dimensions: { loadBalancerType: ComponentLoadBalancerType.APPLICATION, loadBalancerFullName: 'codec', targetGroupFullName: 'arn:aws:x' },
    }));
    expect(bad.message).toMatch(/has 2 configuration errors/);
    expect(bad.message).toContain("dimensions.loadBalancerFullName = 'codec': is not a full name. Fix: use 'app/<name>/<id>'");
    expect(bad.message).toContain("dimensions.targetGroupFullName = 'arn:aws:x': is not a full name. Fix: use 'targetgroup/<name>/<id>'");
    expect(() => new TemporalComponentHealthAlarm(stack, 'B', {
      name: 'c', dimensions: { loadBalancerType: ComponentLoadBalancerType.APPLICATION, loadBalancerFullName: 'net/proxy/1', targetGroupFullName: 'targetgroup/proxy/2' },
    })).toThrow(/dimensions.loadBalancerType = 'application': does not match .* Fix: use ComponentLoadBalancerType.NETWORK/);
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 });
    const lonely = new elbv2.ApplicationTargetGroup(stack, 'Lonely', { vpc, port: 80 });
    expect(() => new TemporalComponentHealthAlarm(stack, 'C', { name: 'c', targetGroup: lonely }))
      .toThrow(/targetGroup = 'OrdersEast\/Lonely': has no load balancer to read metrics for .*Fix: create the alarm after listener.addTargets/);
    const agnostic = new Stack(new App(), 'Agnostic');
    expect(() => new TemporalComponentHealthAlarm(agnostic, 'D', {
      name: 'c', dimensions: { loadBalancerType: ComponentLoadBalancerType.NETWORK, loadBalancerFullName: 'net/p/1', targetGroupFullName: 'targetgroup/p/2' },
    })).toThrow(/\[TEMPORAL_FAILOVER_RECORD_SETTINGS\] Agnostic\/D: region = .*is unresolved .*Fix: give the stack env: \{ region/);
  });
});

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Duration, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { AwsSolutionsChecks } from 'cdk-nag';
import { TemporalHaNagFindings } from '../../../lib';
import { TemporalCodecServer, TemporalProxy } from '../../../lib/aws-cdk/blocks';
import {
  ComponentLoadBalancerType,
  FailoverHealthCheck,
  FailoverTarget,
  TemporalComponentHealthAlarm,
  TemporalComponentHealthAlarmProps,
  TemporalFailoverRecord,
  TemporalFailoverRecordProps,
} from '../../../lib/aws-cdk/blocks/failover-record';
import { errorOf } from '../support';

const ACCOUNT = '111111111111';
const EAST = { account: ACCOUNT, region: 'us-east-1' };
const WEST = { account: ACCOUNT, region: 'us-west-2' };
const EAST_CODEC = 'internal-codec-1234.us-east-1.elb.amazonaws.com';
const WEST_CODEC = 'internal-codec-5678.us-west-2.elb.amazonaws.com';
const EAST_ALARM = 'temporal-orders-codec-us-east-1-no-healthy-targets';
const WEST_ALARM = 'temporal-orders-codec-us-west-2-no-healthy-targets';
const PRIMARY: FailoverTarget = { dnsName: EAST_CODEC, region: 'us-east-1', healthAlarmName: EAST_ALARM };
const SECONDARY: FailoverTarget = { dnsName: WEST_CODEC, region: 'us-west-2', healthAlarmName: WEST_ALARM };

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

/** A stack in us-west-2 with the worker VPC's private zone and a failover record in it. */
function privateRecord(props: Partial<TemporalFailoverRecordProps> = {}): { stack: Stack; record: TemporalFailoverRecord } {
  const stack = new Stack(new App(), 'OrdersLinksWest', { env: WEST });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0, subnetConfiguration: [] });
  const zone = new route53.PrivateHostedZone(stack, 'Zone', { zoneName: 'orders.temporal.internal', vpc });
  const record = new TemporalFailoverRecord(stack, 'CodecFailover', {
    zone, recordName: 'codec', primary: PRIMARY, secondary: SECONDARY, ...props,
  });
  return { stack, record };
}

/** A stack with a public zone and a failover record in it. */
function publicRecord(props: Partial<TemporalFailoverRecordProps> = {}): { stack: Stack; record: TemporalFailoverRecord } {
  const stack = new Stack(new App(), 'OrdersDns', { env: EAST });
  const zone = new route53.PublicHostedZone(stack, 'Zone', { zoneName: 'example.com' });
  const record = new TemporalFailoverRecord(stack, 'CodecFailover', {
    zone, recordName: 'codec.example.com', primary: PRIMARY, secondary: SECONDARY, ...props,
  });
  return { stack, record };
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
    expect(health.toFailoverTarget(EAST_CODEC)).toEqual(PRIMARY);
  });

  test.each([
    [{ name: 'orders codec' }, "TemporalComponentHealthAlarm(OrdersEast/Health): name ('orders codec') must be 1 to 150 letters"],
    [{ evaluationPeriods: 0 }, /evaluationPeriods \(0\) must be a whole number from 1 to 1440/],
    [{ targetGroup: undefined }, /neither targetGroup nor dimensions is set/],
    [{ dimensions: { loadBalancerType: ComponentLoadBalancerType.NETWORK, loadBalancerFullName: 'app/x/1', targetGroupFullName: 'targetgroup/x/2' } },
      /both targetGroup and dimensions are set/],
  ] as Array<[Partial<TemporalComponentHealthAlarmProps>, string | RegExp]>)('rejects %o with a clear error', (props, message) => {
    const { stack, targetGroup } = albStack();
    expect(() => new TemporalComponentHealthAlarm(stack, 'Health', { name: 'orders-codec', targetGroup, ...props })).toThrow(message);
  });

  test('rejects mismatched dimensions, a target group with no load balancer and a region-agnostic stack', () => {
    const stack = new Stack(new App(), 'OrdersEast', { env: EAST });
    expect(() => new TemporalComponentHealthAlarm(stack, 'A', {
      name: 'c', dimensions: { loadBalancerType: ComponentLoadBalancerType.APPLICATION, loadBalancerFullName: 'net/proxy/1', targetGroupFullName: 'targetgroup/proxy/2' },
    })).toThrow(/dimensions.loadBalancerType \(application\) does not match .*Use ComponentLoadBalancerType.NETWORK/);
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 });
    const lonely = new elbv2.ApplicationTargetGroup(stack, 'Lonely', { vpc, port: 80 });
    expect(() => new TemporalComponentHealthAlarm(stack, 'B', { name: 'c', targetGroup: lonely })).toThrow(/has no load balancer to read metrics for .*after listener.addTargets/);
    const agnostic = new Stack(new App(), 'Agnostic');
    expect(() => new TemporalComponentHealthAlarm(agnostic, 'C', {
      name: 'c', dimensions: { loadBalancerType: ComponentLoadBalancerType.NETWORK, loadBalancerFullName: 'net/p/1', targetGroupFullName: 'targetgroup/p/2' },
    })).toThrow(/the stack's region is unresolved .*env: \{ region/);
  });
});

describe('TemporalFailoverRecord', () => {
  test('private zone: CLOUDWATCH_METRIC health checks on each region\'s alarm, insufficient data unhealthy', () => {
    // GIVEN / WHEN
    const { stack, record } = privateRecord();
    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Route53::HealthCheck', 2);
    template.hasResourceProperties('AWS::Route53::HealthCheck', {
      HealthCheckConfig: {
        Type: 'CLOUDWATCH_METRIC',
        AlarmIdentifier: { Name: EAST_ALARM, Region: 'us-east-1' },
        InsufficientDataHealthStatus: 'Unhealthy',
        Inverted: false,
      },
      HealthCheckTags: [{ Key: 'Name', Value: 'codec.orders.temporal.internal PRIMARY (us-east-1)' }],
    });
    template.hasResourceProperties('AWS::Route53::HealthCheck', {
      HealthCheckConfig: Match.objectLike({ Type: 'CLOUDWATCH_METRIC', AlarmIdentifier: { Name: WEST_ALARM, Region: 'us-west-2' } }),
    });
    expect(record.recordName).toBe('codec.orders.temporal.internal');
    expect(stack.resolve(record.primaryHealthCheck.healthCheckId)).toEqual({ Ref: expect.stringMatching(/^CodecFailoverPrimaryHealthCheck/) });
  });

  test('two failover CNAME records: PRIMARY and SECONDARY, set identifiers, health checks, TTL 30 s', () => {
    // GIVEN / WHEN
    const { stack, record } = privateRecord();
    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Route53::RecordSet', 2);
    template.hasResourceProperties('AWS::Route53::RecordSet', {
      Name: 'codec.orders.temporal.internal.',
      Type: 'CNAME',
      Failover: 'PRIMARY',
      SetIdentifier: 'primary-us-east-1',
      HealthCheckId: stack.resolve(record.primaryHealthCheck.healthCheckId),
      TTL: '30',
      ResourceRecords: [EAST_CODEC],
      HostedZoneId: { Ref: Match.stringLikeRegexp('^Zone') },
    });
    template.hasResourceProperties('AWS::Route53::RecordSet', {
      Name: 'codec.orders.temporal.internal.',
      Type: 'CNAME',
      Failover: 'SECONDARY',
      SetIdentifier: 'secondary-us-west-2',
      HealthCheckId: stack.resolve(record.secondaryHealthCheck.healthCheckId),
      TTL: '30',
      ResourceRecords: [WEST_CODEC],
    });
  });

  test('custom TTL, set identifiers and insufficient-data status', () => {
    // GIVEN / WHEN
    const { stack } = privateRecord({
      ttl: Duration.seconds(15),
      primary: { ...PRIMARY, setIdentifier: 'east' },
      healthCheck: FailoverHealthCheck.cloudWatchAlarm({ insufficientDataHealthStatus: route53.InsufficientDataHealthStatusEnum.LAST_KNOWN_STATUS }),
    });
    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Route53::RecordSet', { Failover: 'PRIMARY', SetIdentifier: 'east', TTL: '15' });
    template.hasResourceProperties('AWS::Route53::HealthCheck', {
      HealthCheckConfig: Match.objectLike({ InsufficientDataHealthStatus: 'LastKnownStatus' }),
    });
  });

  test('public zone: an HTTPS health check on each target is allowed', () => {
    // GIVEN / WHEN
    const { stack, record } = publicRecord({ healthCheck: FailoverHealthCheck.https({ path: '/healthz', requestInterval: Duration.seconds(10) }) });
    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Route53::HealthCheck', {
      HealthCheckConfig: Match.objectLike({
        Type: 'HTTPS', FullyQualifiedDomainName: EAST_CODEC, Port: 443, ResourcePath: '/healthz', RequestInterval: 10, FailureThreshold: 3, EnableSNI: true,
      }),
    });
    template.hasResourceProperties('AWS::Route53::HealthCheck', { HealthCheckConfig: Match.objectLike({ Type: 'HTTPS', FullyQualifiedDomainName: WEST_CODEC }) });
    template.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'codec.example.com.', Failover: 'PRIMARY', ResourceRecords: [EAST_CODEC] });
    expect(record.recordName).toBe('codec.example.com');
  });

  test('public zone: the default is still the CloudWatch-alarm health check', () => {
    const { stack } = publicRecord();
    Template.fromStack(stack).hasResourceProperties('AWS::Route53::HealthCheck', { HealthCheckConfig: Match.objectLike({ Type: 'CLOUDWATCH_METRIC' }) });
  });

  test('private zone: an HTTPS health check is rejected with the rule id, the reason and the fix', () => {
    // GIVEN / WHEN
    const error = errorOf(() => privateRecord({ healthCheck: FailoverHealthCheck.https() }));
    // THEN
    expect(error.message).toBe('TemporalFailoverRecord(OrdersLinksWest/CodecFailover): [TEMPORAL_FAILOVER_PRIVATE_HEALTH_CHECK] healthCheck = FailoverHealthCheck.https(): '
      + 'the codec.orders.temporal.internal failover record is in a private zone, where Route 53 health checkers cannot reach the us-east-1 or us-west-2 target; '
      + 'it would never fail over (or always). Fix: use healthCheck: FailoverHealthCheck.cloudWatchAlarm() (the default) with a TemporalComponentHealthAlarm per target.');
  });

  test('imported zones: declared private rejects HTTPS; unknown kind asks for privateZone; declared public allows it', () => {
    const stack = new Stack(new App(), 'Links', { env: WEST });
    const zone = route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0123456789', zoneName: 'orders.temporal.internal' });
    const base = { zone, recordName: 'codec', primary: PRIMARY, secondary: SECONDARY, healthCheck: FailoverHealthCheck.https() };
    expect(() => new TemporalFailoverRecord(stack, 'A', { ...base, privateZone: true })).toThrow(/\[TEMPORAL_FAILOVER_PRIVATE_HEALTH_CHECK\]/);
    expect(() => new TemporalFailoverRecord(stack, 'B', base)).toThrow(/is imported and does not say which kind it is\. Set privateZone: false/);
    expect(() => new TemporalFailoverRecord(stack, 'C', { ...base, privateZone: false })).not.toThrow();
    // CloudWatch-alarm checks work with any zone, so an imported zone needs no declaration.
    expect(() => new TemporalFailoverRecord(stack, 'D', { ...base, recordName: 'proxy', healthCheck: undefined })).not.toThrow();
  });

  test('a us-west-2 health check names a us-east-1 alarm: no cross-region reference, no stack dependency', () => {
    // GIVEN the alarm in the us-east-1 component stack, the record in a us-west-2 links stack
    const app = new App();
    const east = new Stack(app, 'OrdersEast', { env: EAST });
    const eastHealth = new TemporalComponentHealthAlarm(east, 'CodecHealth', {
      name: 'orders-codec',
      dimensions: { loadBalancerType: ComponentLoadBalancerType.APPLICATION, loadBalancerFullName: 'app/codec/1', targetGroupFullName: 'targetgroup/codec/2' },
    });
    const links = new Stack(app, 'OrdersLinksWest', { env: WEST }); // crossRegionReferences off
    const zone = new route53.PrivateHostedZone(links, 'Zone', {
      zoneName: 'orders.temporal.internal', vpc: new ec2.Vpc(links, 'Vpc', { maxAzs: 1, natGateways: 0, subnetConfiguration: [] }),
    });
    // WHEN
    new TemporalFailoverRecord(links, 'CodecFailover', {
      zone,
      recordName: 'codec',
      primary: eastHealth.toFailoverTarget(EAST_CODEC),
      secondary: { dnsName: WEST_CODEC, region: 'us-west-2', healthAlarmName: TemporalComponentHealthAlarm.alarmNameFor('orders-codec', 'us-west-2') },
    });
    // THEN it synthesizes, the health check holds literal strings, and nothing ties the stacks together
    const assembly = app.synth();
    const template = Template.fromStack(links);
    template.hasResourceProperties('AWS::Route53::HealthCheck', {
      HealthCheckConfig: Match.objectLike({ AlarmIdentifier: { Name: EAST_ALARM, Region: 'us-east-1' } }),
    });
    const json = JSON.stringify(template.toJSON());
    expect(json).not.toMatch(/ImportValue|CrossRegion|ExportsReader/);
    expect(Object.keys(template.findResources('Custom::CrossRegionExportReader'))).toEqual([]);
    expect(assembly.getStackByName('OrdersLinksWest').dependencies.map((d) => d.id)).not.toContain('OrdersEast');
  });

  test('with crossRegionReferences, only the DNS name crosses regions; the alarm stays named', () => {
    // GIVEN
    const app = new App();
    const { targetGroup } = (() => {
      const east = new Stack(app, 'OrdersEast', { env: EAST, crossRegionReferences: true });
      const vpc = new ec2.Vpc(east, 'Vpc', { maxAzs: 2, natGateways: 0 });
      const lb = new elbv2.ApplicationLoadBalancer(east, 'Alb', { vpc });
      const tg = new elbv2.ApplicationTargetGroup(east, 'Codec', { vpc, port: 8080, targetType: elbv2.TargetType.IP });
      lb.addListener('Http', { port: 80, defaultTargetGroups: [tg] });
      return { targetGroup: tg, lb };
    })();
    const eastStack = Stack.of(targetGroup);
    const lb = eastStack.node.findChild('Alb') as elbv2.ApplicationLoadBalancer;
    const health = new TemporalComponentHealthAlarm(eastStack, 'CodecHealth', { name: 'orders-codec', targetGroup });
    const links = new Stack(app, 'OrdersLinksWest', { env: WEST, crossRegionReferences: true });
    const zone = route53.PrivateHostedZone.fromHostedZoneAttributes(links, 'Zone', { hostedZoneId: 'Z0123456789', zoneName: 'orders.temporal.internal' });
    // WHEN
    new TemporalFailoverRecord(links, 'CodecFailover', {
      zone, recordName: 'codec', privateZone: true, primary: health.toFailoverTarget(lb.loadBalancerDnsName), secondary: SECONDARY,
    });
    // THEN
    const template = Template.fromStack(links);
    template.hasResourceProperties('AWS::Route53::HealthCheck', {
      HealthCheckConfig: Match.objectLike({ AlarmIdentifier: { Name: EAST_ALARM, Region: 'us-east-1' } }),
    });
    template.hasResourceProperties('AWS::Route53::RecordSet', {
      Failover: 'PRIMARY',
      ResourceRecords: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^ExportsReader'), Match.stringLikeRegexp('FnGetAttAlb.*DNSName')] }],
    });
  });

  test.each([
    [{ recordName: 'orders.temporal.internal' }, /recordName \('orders.temporal.internal'\) is the zone apex/],
    [{ recordName: 'bad name' }, /recordName \('bad name'\) is not a DNS name/],
    [{ primary: { ...PRIMARY, dnsName: 'https://codec.example.com/' } }, /primary.dnsName \('https:\/\/codec.example.com\/'\) is not a DNS name\. Give the host only/],
    [{ primary: { ...PRIMARY, dnsName: 'codec.orders.temporal.internal' } }, /primary.dnsName .* is the record itself: the CNAME would loop/],
    [{ secondary: { ...SECONDARY, dnsName: EAST_CODEC } }, /primary.dnsName and secondary.dnsName are both/],
    [{ secondary: { ...SECONDARY, region: 'aws-us-west-2' } }, /secondary.region \('aws-us-west-2'\) is a Temporal Cloud region id\. Use the AWS region, 'us-west-2'/],
    [{ secondary: { ...SECONDARY, region: 'uswest2' } }, /secondary.region \('uswest2'\) is not an AWS region/],
    [{ secondary: { dnsName: WEST_CODEC, region: 'us-west-2' } }, /secondary.healthAlarmName is not set, but FailoverHealthCheck.cloudWatchAlarm\(\) reads each target's alarm/],
    [{ secondary: { ...SECONDARY, region: 'us-east-1', healthAlarmName: EAST_ALARM } }, /primary and secondary use the same health alarm/],
    [{ secondary: { ...SECONDARY, setIdentifier: 'primary-us-east-1' } }, /same set identifier \('primary-us-east-1'\)/],
    [{ ttl: Duration.minutes(10) }, /ttl \(600 s\) is above 300 s/],
    [{ privateZone: false }, /privateZone \(false\) contradicts the zone \(OrdersLinksWest\/Zone\), which is a private hosted zone/],
  ] as Array<[Partial<TemporalFailoverRecordProps>, RegExp]>)('rejects %o with a clear error', (props, message) => {
    expect(() => privateRecord(props)).toThrow(message);
  });

  test('rejects invalid HTTPS options, reporting every error at once', () => {
    const error = errorOf(() => publicRecord({ healthCheck: FailoverHealthCheck.https({ path: 'health', port: 0, requestInterval: Duration.seconds(20), failureThreshold: 11 }) }));
    expect(error.message).toMatch(/^TemporalFailoverRecord\(OrdersDns\/CodecFailover\) has 4 errors:/);
    expect(error.message).toMatch(/path \('health'\) must start with '\/'/);
    expect(error.message).toMatch(/port \(0\) must be a whole number from 1 to 65535/);
    expect(error.message).toMatch(/requestInterval \(20 s\) must be 10 or 30 seconds/);
    expect(error.message).toMatch(/failureThreshold \(11\) must be a whole number from 1 to 10/);
  });
});

describe('cdk-nag AwsSolutions', () => {
  test('codec server and proxy alarms plus private and public failover records: no finding, nothing acknowledged by these constructs', () => {
    // GIVEN an app as `cdk synth` runs it, with the AwsSolutions pack
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'failover-record-'));
    const app = new App({ outdir });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    TemporalHaNagFindings.acknowledge(app); // the codec server's and proxy's findings by design
    const east = new Stack(app, 'OrdersEast', { env: EAST });
    const vpc = new ec2.Vpc(east, 'Vpc', { maxAzs: 2, natGateways: 1 });
    vpc.addFlowLog('FlowLog', { destination: ec2.FlowLogDestination.toCloudWatchLogs(new logs.LogGroup(east, 'FlowLogs', { retention: logs.RetentionDays.ONE_MONTH })) });
    const cluster = new ecs.Cluster(east, 'Cluster', { vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED });
    const codec = new TemporalCodecServer(east, 'Codec', {
      cluster,
      image: ecs.ContainerImage.fromRegistry('example/codec-server:1.0.0'),
      certificate: acm.Certificate.fromCertificateArn(east, 'Cert', 'arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555'),
      allowFrom: [ec2.Peer.ipv4('10.0.0.0/16')],
    });
    const proxy = new TemporalProxy(east, 'Proxy', {
      cluster,
      image: ecs.ContainerImage.fromRegistry('example/temporal-proxy:1.0.0'),
      upstreamAddress: 'aws-us-east-1.region.tmprl.cloud:7233',
      allowFrom: [ec2.Peer.ipv4('10.0.0.0/16')],
    });
    const codecGroup = codec.targetGroup;
    const proxyGroup = proxy.targetGroup;
    // WHEN
    const codecHealth = new TemporalComponentHealthAlarm(east, 'CodecHealth', { name: 'orders-codec', targetGroup: codecGroup });
    const proxyHealth = new TemporalComponentHealthAlarm(east, 'ProxyHealth', { name: 'orders-proxy', targetGroup: proxyGroup });
    const zone = new route53.PrivateHostedZone(east, 'Zone', { zoneName: 'orders.temporal.internal', vpc });
    new TemporalFailoverRecord(east, 'CodecFailover', {
      zone, recordName: 'codec', primary: codecHealth.toFailoverTarget(codec.loadBalancer.loadBalancerDnsName), secondary: SECONDARY,
    });
    new TemporalFailoverRecord(east, 'ProxyFailover', {
      zone,
      recordName: 'proxy',
      primary: proxyHealth.toFailoverTarget(proxy.loadBalancer.loadBalancerDnsName),
      secondary: { dnsName: 'proxy-5678.elb.us-west-2.amazonaws.com', region: 'us-west-2', healthAlarmName: 'temporal-orders-proxy-us-west-2-no-healthy-targets' },
    });
    const publicZone = new route53.PublicHostedZone(east, 'PublicZone', { zoneName: 'example.com' });
    new TemporalFailoverRecord(east, 'PublicFailover', {
      zone: publicZone, recordName: 'codec', primary: PRIMARY, secondary: SECONDARY, healthCheck: FailoverHealthCheck.https(),
    });
    const exitCode = process.exitCode;
    const stderr = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    app.synth({ validateOnSynthesis: true });
    stderr.mockRestore();
    const failed = process.exitCode === 1 && exitCode !== 1;
    process.exitCode = exitCode;
    const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'));
    const template = Template.fromStack(east);
    fs.rmSync(outdir, { recursive: true, force: true });
    // THEN
    const nag = report.pluginReports.find((r: any) => r.pluginName === 'AwsSolutions');
    expect(nag.violations).toEqual([]);
    expect(nag.conclusion).toBe('success');
    expect(failed).toBe(false);
    const mine = /\/(CodecHealth|ProxyHealth|CodecFailover|ProxyFailover|PublicFailover)\//;
    const acknowledged = nag.suppressedViolations.flatMap((v: any) => v.violatingConstructs.map((c: any) => c.constructPath));
    expect(acknowledged.filter((p: string) => mine.test(p))).toEqual([]);
    template.resourceCountIs('AWS::CloudWatch::Alarm', 2);
    template.resourceCountIs('AWS::Route53::HealthCheck', 6);
  });
});

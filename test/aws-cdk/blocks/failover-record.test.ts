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
  FailoverHealthCheckType,
  FailoverTarget,
  TemporalComponentHealthAlarm,
  TemporalFailoverRecord,
  TemporalFailoverRecordProps,
} from '../../../lib/aws-cdk/blocks/failover-record';
import { TemporalHaValidationError } from '../../../lib/core/errors';
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
const RULE = 'TEMPORAL_FAILOVER_RECORD_SETTINGS';

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

  test('primaryGate: the PRIMARY record answers through a tagged CALCULATED health check over its own; the SECONDARY is untouched', () => {
    const { stack, record } = privateRecord({ primaryGate: { tag: 'orders/codec', healthThreshold: 2 } });
    const gate = record.primaryGateHealthCheck!;
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Route53::HealthCheck', {
      HealthCheckConfig: { Type: 'CALCULATED', HealthThreshold: 2, ChildHealthChecks: [stack.resolve(record.primaryHealthCheck.healthCheckId)] },
      HealthCheckTags: Match.arrayWith([{ Key: 'temporal-ha:failover-gate', Value: 'orders/codec' }]),
    });
    template.hasResourceProperties('AWS::Route53::RecordSet', { Failover: 'PRIMARY', HealthCheckId: stack.resolve(gate.healthCheckId) });
    template.hasResourceProperties('AWS::Route53::RecordSet', { Failover: 'SECONDARY', HealthCheckId: stack.resolve(record.secondaryHealthCheck.healthCheckId) });
    // Open by default (the primary's own health decides); no gate unless asked for.
    Template.fromStack(privateRecord({ primaryGate: { tag: 'orders/codec' } }).stack)
      .hasResourceProperties('AWS::Route53::HealthCheck', { HealthCheckConfig: { Type: 'CALCULATED', HealthThreshold: 1 } });
    expect(privateRecord().record.primaryGateHealthCheck).toBeUndefined();
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
    expect(error).toBeInstanceOf(TemporalHaValidationError);
    expect(error.message).toBe([
      'TemporalFailoverRecord OrdersLinksWest/CodecFailover has 1 configuration error that would break failover or deployment:',
      "  1. [TEMPORAL_FAILOVER_PRIVATE_HEALTH_CHECK] OrdersLinksWest/CodecFailover: healthCheck = 'https': "
        + 'the codec.orders.temporal.internal failover record is in a private zone, where Route 53 health checkers cannot reach the us-east-1 or us-west-2 target; '
        + 'it would never fail over (or always). Fix: use CloudWatch-alarm health checks (FailoverHealthCheck.cloudWatchAlarm(), the default) with a health alarm per target.',
    ].join('\n'));
  });

  test('imported zones: declared private rejects HTTPS; unknown kind asks for privateZone; declared public allows it; a relative name needs the zone name', () => {
    const stack = new Stack(new App(), 'Links', { env: WEST });
    const zone = route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0123456789', zoneName: 'orders.temporal.internal' });
    const base = { zone, recordName: 'codec', primary: PRIMARY, secondary: SECONDARY, healthCheck: FailoverHealthCheck.https() };
    expect(() => new TemporalFailoverRecord(stack, 'A', { ...base, privateZone: true })).toThrow(/\[TEMPORAL_FAILOVER_PRIVATE_HEALTH_CHECK\] Links\/A: healthCheck = 'https'/);
    expect(() => new TemporalFailoverRecord(stack, 'B', base))
      .toThrow(/\[TEMPORAL_FAILOVER_RECORD_SETTINGS\] Links\/B: healthCheck = 'https': needs a public zone, but the zone \(Links\/Zone\) does not say which kind it is .*Fix: set privateZone: false/);
    expect(() => new TemporalFailoverRecord(stack, 'C', { ...base, privateZone: false })).not.toThrow();
    // CloudWatch-alarm checks work with any zone, so an imported zone needs no declaration.
    expect(() => new TemporalFailoverRecord(stack, 'D', { ...base, recordName: 'proxy', healthCheck: undefined })).not.toThrow();
    const nameless = route53.HostedZone.fromHostedZoneId(stack, 'Nameless', 'Z0123456789');
    expect(() => new TemporalFailoverRecord(stack, 'E', { zone: nameless, recordName: 'codec', primary: PRIMARY, secondary: SECONDARY }))
      .toThrow(/recordName = 'codec': is relative, but the zone \(Links\/Nameless\) was imported without its name\. Fix: give the fully qualified name with a trailing dot/);
    const e = new TemporalFailoverRecord(stack, 'F', { zone: nameless, recordName: 'codec.orders.temporal.internal.', primary: PRIMARY, secondary: SECONDARY });
    expect(e.recordName).toBe('codec.orders.temporal.internal');
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
    const eastStack = new Stack(app, 'OrdersEast', { env: EAST, crossRegionReferences: true });
    const vpc = new ec2.Vpc(eastStack, 'Vpc', { maxAzs: 2, natGateways: 0 });
    const lb = new elbv2.ApplicationLoadBalancer(eastStack, 'Alb', { vpc });
    const targetGroup = new elbv2.ApplicationTargetGroup(eastStack, 'Codec', { vpc, port: 8080, targetType: elbv2.TargetType.IP });
    lb.addListener('Http', { port: 80, defaultTargetGroups: [targetGroup] });
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
    [{ recordName: 'orders.temporal.internal' }, "recordName = 'orders.temporal.internal': is the zone apex, where a CNAME cannot be. Fix: use a name inside the zone"],
    [{ recordName: 'bad name' }, "recordName = 'bad name': is not a DNS name."],
    [{ recordName: ' ' }, "recordName = ' ': is empty."],
    [{ primary: { ...PRIMARY, dnsName: 'https://codec.example.com/' } }, "primary.dnsName = 'https://codec.example.com/': is not a DNS name. Fix: give the host only"],
    [{ primary: { ...PRIMARY, dnsName: 'codec.orders.temporal.internal' } }, "primary.dnsName = 'codec.orders.temporal.internal': is the record itself: the CNAME would loop."],
    [{ secondary: { ...SECONDARY, dnsName: EAST_CODEC } }, `secondary.dnsName = '${EAST_CODEC}': is also primary.dnsName: the record could never fail over.`],
    [{ secondary: { ...SECONDARY, region: 'aws-us-west-2' } }, "secondary.region = 'aws-us-west-2': is a Temporal Cloud region id. Fix: use the AWS region, 'us-west-2'."],
    [{ secondary: { ...SECONDARY, region: 'uswest2' } }, "secondary.region = 'uswest2': is not an AWS region."],
    [{ secondary: { dnsName: WEST_CODEC, region: 'us-west-2' } }, "secondary.healthAlarmName = (not set): is not set, but CloudWatch-alarm health checks read each target's alarm."],
    [{ secondary: { ...SECONDARY, healthAlarmName: 'x'.repeat(256) } }, 'is longer than 255 characters, which no CloudWatch alarm name is.'],
    [{ secondary: { ...SECONDARY, region: 'us-east-1', healthAlarmName: EAST_ALARM } }, `secondary.healthAlarmName = '${EAST_ALARM}': is also the primary's health alarm (in us-east-1)`],
    [{ secondary: { ...SECONDARY, setIdentifier: 'primary-us-east-1' } }, "secondary.setIdentifier = 'primary-us-east-1': is also the primary's set identifier."],
    [{ primary: { ...PRIMARY, setIdentifier: 'p'.repeat(129) } }, 'must be 1 to 128 characters. Fix: omit it for the default.'],
    [{ ttl: Duration.minutes(10) }, "ttl = 600: is above 300 s: clients would keep a failed region's address that long after failover. Fix: use a short TTL such as 30 s."],
    [{ ttl: Duration.millis(1500) }, 'ttl = 1.5: must be a whole number >= 0.'],
    [{ privateZone: false }, 'privateZone = false: contradicts the zone (OrdersLinksWest/Zone), which is a private hosted zone. Fix: omit privateZone.'],
    [{ healthCheck: FailoverHealthCheck.cloudWatchAlarm({ insufficientDataHealthStatus: 'Sometimes' as route53.InsufficientDataHealthStatusEnum }) },
      "healthCheck.insufficientDataHealthStatus = 'Sometimes': is not one of Healthy, Unhealthy, LastKnownStatus."],
  ] as Array<[Partial<TemporalFailoverRecordProps>, string]>)('rejects %o with a clear error', (props, message) => {
    const error = errorOf(() => privateRecord(props));
    expect(error).toBeInstanceOf(TemporalHaValidationError);
    expect(error.message).toContain(`[${RULE}] OrdersLinksWest/CodecFailover: `);
    expect(error.message).toContain(message);
  });

  test('rejects invalid HTTPS options, reporting every error at once', () => {
    const error = errorOf(() => publicRecord({ healthCheck: FailoverHealthCheck.https({ path: 'health', port: 0, requestInterval: Duration.seconds(20), failureThreshold: 11 }) }));
    expect(error.message).toMatch(/^TemporalFailoverRecord OrdersDns\/CodecFailover has 4 configuration errors/);
    expect(error.message).toContain("healthCheck.path = 'health': must start with '/' (at most 255 characters).");
    expect(error.message).toContain('healthCheck.port = 0: must be a whole number from 1 to 65535.');
    expect(error.message).toContain("healthCheck.requestInterval = 20: is not 10 or 30 seconds, Route 53's only intervals.");
    expect(error.message).toContain('healthCheck.failureThreshold = 11: must be a whole number from 1 to 10.');
  });

  test('the health check kind and its defaults come from the core spec', () => {
    const { stack, record } = publicRecord({ healthCheck: FailoverHealthCheck.https() });
    expect(record.healthCheckType).toBe(FailoverHealthCheckType.HTTPS);
    Template.fromStack(stack).hasResourceProperties('AWS::Route53::HealthCheck', {
      HealthCheckConfig: Match.objectLike({ Type: 'HTTPS', Port: 443, ResourcePath: '/health', RequestInterval: 30, FailureThreshold: 3 }),
    });
    expect(privateRecord().record.healthCheckType).toBe(FailoverHealthCheckType.CLOUDWATCH_ALARM);
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

import { App, Aws, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { TemporalNamespacePrivateZone, TemporalPrivateLinkEndpoint, TemporalRegionalPrivateZone } from '../../../lib/aws-cdk/blocks';
import { errorOf, resources } from '../support';

const ENV = { account: '111111111111', region: 'us-east-1' };

/** A stack with a VPC; `env: undefined` makes a region-agnostic stack. */
function stackWithVpc(env: { account?: string; region?: string } | undefined): { stack: Stack; vpc: ec2.Vpc } {
  const stack = new Stack(new App(), 'Network', { env });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  return { stack, vpc };
}

describe('TemporalPrivateLinkEndpoint', () => {
  test('an interface endpoint to the region\'s Temporal Cloud service, private DNS off, TCP 7233 from the VPC', () => {
    // GIVEN
    const { stack, vpc } = stackWithVpc(ENV);
    // WHEN
    const ep = new TemporalPrivateLinkEndpoint(stack, 'Temporal', { vpc });
    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      ServiceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0822256b6575ea37f',
      VpcEndpointType: 'Interface',
      PrivateDnsEnabled: false,
      SecurityGroupIds: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('TemporalSecurityGroup'), 'GroupId'] }],
    });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [{
        IpProtocol: 'tcp',
        FromPort: 7233,
        ToPort: 7233,
        CidrIp: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Vpc'), 'CidrBlock'] },
        Description: Match.anyValue(),
      }],
    });
    expect(ep.awsRegion).toBe('us-east-1');
    expect(ep.regionalEndpointHost).toBe('aws-us-east-1.region.tmprl.cloud');
    // The regional DNS name: the part after "<zone-id>:" of the first DNS entry.
    expect(stack.resolve(ep.dnsName)).toEqual({
      'Fn::Select': [1, { 'Fn::Split': [':', { 'Fn::Select': [0, { 'Fn::GetAtt': [expect.stringMatching(/^TemporalEndpoint/), 'DnsEntries'] }] }] }],
    });
  });

  test('allowFrom replaces the VPC CIDR (e.g. the other region\'s Worker VPC)', () => {
    // GIVEN
    const { stack, vpc } = stackWithVpc(ENV);
    // WHEN
    const ep = new TemporalPrivateLinkEndpoint(stack, 'Temporal', { vpc, allowFrom: [ec2.Peer.ipv4('10.1.0.0/16')] });
    ep.connections.allowFrom(ec2.Peer.ipv4('10.2.0.0/16'), ec2.Port.tcp(7233));
    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [
        Match.objectLike({ CidrIp: '10.1.0.0/16', FromPort: 7233, ToPort: 7233 }),
        Match.objectLike({ CidrIp: '10.2.0.0/16', FromPort: 7233, ToPort: 7233 }),
      ],
    });
  });

  test.each([
    [{ account: '111111111111', region: 'eu-north-1' }, {},
      "[TEMPORAL_PRIVATELINK_SETTINGS] Network/Temporal: region = 'eu-north-1': has no Temporal Cloud PrivateLink service. Fix: use one of: ap-northeast-1,"],
    [undefined, {},
      "[TEMPORAL_PRIVATELINK_SETTINGS] Network/Temporal: region = '${Token[AWS.Region"],
    [ENV, { region: 'us-west-2' },
      "[TEMPORAL_PRIVATELINK_SETTINGS] Network/Temporal: region = 'us-west-2': differs from the stack's region ('us-east-1'): an interface endpoint lives in its stack's region, and Temporal Cloud does not support AWS cross-region interface endpoints. Fix: create the endpoint with a stack in 'us-west-2'"],
  ] as Array<[any, { region?: string }, string]>)('rejects a region without a usable service (%o %o)', (env, extra, message) => {
    // GIVEN
    const { stack, vpc } = stackWithVpc(env);
    // WHEN
    const err = errorOf(() => new TemporalPrivateLinkEndpoint(stack, 'Temporal', { vpc, ...extra }));
    // THEN
    expect(err.name).toBe('TemporalHaValidationError');
    expect(err.message).toContain('TemporalPrivateLinkEndpoint Network/Temporal has 1 configuration error');
    expect(err.message).toContain(message);
  });

  test('a region-agnostic stack is named with the fix', () => {
    const { stack, vpc } = stackWithVpc(undefined);
    const err = errorOf(() => new TemporalPrivateLinkEndpoint(stack, 'Temporal', { vpc }));
    expect(err.message).toContain("the stack's region is unresolved, so the Temporal Cloud PrivateLink service cannot be chosen. Fix: give the stack an explicit region, or set region: 'us-east-1'");
  });

  test('serviceName overrides the catalog (a region the catalog lacks)', () => {
    const { stack, vpc } = stackWithVpc({ account: '111111111111', region: 'eu-north-1' });
    const ep = new TemporalPrivateLinkEndpoint(stack, 'Temporal', { vpc, serviceName: 'com.amazonaws.vpce.eu-north-1.vpce-svc-0123' });
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', { ServiceName: 'com.amazonaws.vpce.eu-north-1.vpce-svc-0123', PrivateDnsEnabled: false });
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroup', { GroupDescription: 'Temporal Cloud PrivateLink endpoint (eu-north-1): TCP 7233 from Workers' });
    expect(ep.regionalEndpointHost).toBe('aws-eu-north-1.region.tmprl.cloud');
  });

  test('region override for a region-agnostic stack', () => {
    const { stack, vpc } = stackWithVpc(undefined);
    new TemporalPrivateLinkEndpoint(stack, 'Temporal', { vpc, region: 'aws-eu-west-1' });
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', {
      ServiceName: 'com.amazonaws.vpce.eu-west-1.vpce-svc-04388e89f3479b739',
    });
  });
});

describe('TemporalRegionalPrivateZone', () => {
  test('region.tmprl.cloud, associated with the VPC, one CNAME per region to the endpoint', () => {
    // GIVEN
    const { stack, vpc } = stackWithVpc(ENV);
    const ep = new TemporalPrivateLinkEndpoint(stack, 'Temporal', { vpc });
    // WHEN
    const zone = new TemporalRegionalPrivateZone(stack, 'Zone', { vpc });
    zone.addEndpoint(ep);
    zone.addRegionRecord('aws-us-west-2', 'vpce-0abc-123.vpce-svc-0f44b3d7302816b94.us-west-2.vpce.amazonaws.com');
    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Route53::HostedZone', {
      Name: 'region.tmprl.cloud.',
      VPCs: [{ VPCId: { Ref: Match.stringLikeRegexp('^Vpc') }, VPCRegion: 'us-east-1' }],
    });
    template.hasResourceProperties('AWS::Route53::RecordSet', {
      Name: 'aws-us-east-1.region.tmprl.cloud.',
      Type: 'CNAME',
      TTL: '60',
      ResourceRecords: [stack.resolve(ep.dnsName)],
    });
    template.hasResourceProperties('AWS::Route53::RecordSet', {
      Name: 'aws-us-west-2.region.tmprl.cloud.',
      Type: 'CNAME',
      ResourceRecords: ['vpce-0abc-123.vpce-svc-0f44b3d7302816b94.us-west-2.vpce.amazonaws.com'],
    });
    // Never a Namespace Endpoint record: every name is a Regional Endpoint.
    const names = Object.values(template.findResources('AWS::Route53::RecordSet')).map((r: any) => r.Properties.Name);
    expect(names).toHaveLength(2);
    for (const name of names) expect(name).toMatch(/^aws-[a-z0-9-]+\.region\.tmprl\.cloud\.$/);
  });

  test('addVpc associates more Worker VPCs; recordTtl is honoured', () => {
    // GIVEN
    const { stack, vpc } = stackWithVpc(ENV);
    const other = new ec2.Vpc(stack, 'OtherVpc', { maxAzs: 1, natGateways: 0, subnetConfiguration: [{ name: 'p', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
    // WHEN
    const zone = new TemporalRegionalPrivateZone(stack, 'Zone', { vpc, recordTtl: Duration.seconds(30) });
    zone.addVpc(other);
    zone.addRegionRecord('us-east-1', 'vpce-1.vpce-svc-2.us-east-1.vpce.amazonaws.com');
    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Route53::HostedZone', {
      VPCs: [
        { VPCId: { Ref: Match.stringLikeRegexp('^Vpc') }, VPCRegion: 'us-east-1' },
        { VPCId: { Ref: Match.stringLikeRegexp('^OtherVpc') }, VPCRegion: 'us-east-1' },
      ],
    });
    template.hasResourceProperties('AWS::Route53::RecordSet', { TTL: '30' });
  });

  test.each([
    ['orders.a1b2c', 'vpce-1.vpce.amazonaws.com', "addRegionRecord.awsRegion = 'orders.a1b2c': is not a Temporal Cloud region. Fix: use one of: ap-northeast-1,"],
    ['eu-north-1', 'vpce-1.vpce.amazonaws.com', "addRegionRecord.awsRegion = 'eu-north-1': is not a Temporal Cloud region."],
    ['us-east-1', 'orders.a1b2c.tmprl.cloud', "addRegionRecord.endpointDnsName = 'orders.a1b2c.tmprl.cloud': must be the VPC endpoint's DNS name, not a Temporal Cloud name"],
    ['us-east-1', 'aws-us-east-1.region.tmprl.cloud.', "addRegionRecord.endpointDnsName = 'aws-us-east-1.region.tmprl.cloud.': must be the VPC endpoint's DNS name"],
  ])('addRegionRecord(%s, %s) is rejected', (region, target, message) => {
    const { stack, vpc } = stackWithVpc(ENV);
    const zone = new TemporalRegionalPrivateZone(stack, 'Zone', { vpc });
    const err = errorOf(() => zone.addRegionRecord(region, target));
    expect(err.name).toBe('TemporalHaValidationError');
    expect(err.message).toContain(`[TEMPORAL_PRIVATELINK_SETTINGS] Network/Zone: ${message}`);
  });

  test('a region gets one record', () => {
    const { stack, vpc } = stackWithVpc(ENV);
    const zone = new TemporalRegionalPrivateZone(stack, 'Zone', { vpc });
    zone.addRegionRecord('us-east-1', 'vpce-1.vpce.amazonaws.com');
    expect(errorOf(() => zone.addRegionRecord('aws-us-east-1', 'vpce-2.vpce.amazonaws.com')).message)
      .toContain("[TEMPORAL_PRIVATELINK_SETTINGS] Network/Zone: addRegionRecord.awsRegion = 'aws-us-east-1': already has a record in this zone. Fix: add one record per region.");
  });

  test('zone comment and record TTL default from the core spec', () => {
    const { stack, vpc } = stackWithVpc(ENV);
    const zone = new TemporalRegionalPrivateZone(stack, 'Zone', { vpc });
    zone.addRegionRecord('us-west-2', 'vpce-1.vpce.amazonaws.com');
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Route53::HostedZone', {
      HostedZoneConfig: { Comment: 'Temporal Cloud Regional Endpoints through AWS PrivateLink (High Availability namespaces: never a Namespace Endpoint record)' },
    });
    template.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'aws-us-west-2.region.tmprl.cloud.', TTL: '60' });
  });

  test('a region only known at deploy time gets a record named in the zone', () => {
    const { stack, vpc } = stackWithVpc(ENV);
    const zone = new TemporalRegionalPrivateZone(stack, 'Zone', { vpc });
    zone.addRegionRecord(Aws.REGION, 'vpce-1.vpce.amazonaws.com');
    const records = Object.entries<any>(Template.fromStack(stack).findResources('AWS::Route53::RecordSet'));
    expect(records.map(([id, r]) => [id, r.Properties.Name])).toEqual([
      [expect.stringMatching(/^ZoneRecordToken0/), { 'Fn::Join': ['', ['aws-', { Ref: 'AWS::Region' }, '.region.tmprl.cloud.']] }],
    ]);
  });
});

describe('TemporalRegionalPrivateZone in an existing zone (hostedZone)', () => {
  test('writes records into the given zone and creates no zone (a zone imported by id alone too)', () => {
    const { stack } = stackWithVpc(ENV);
    const platform = route53.HostedZone.fromHostedZoneAttributes(stack, 'Platform', { hostedZoneId: 'Z0123456789ABC', zoneName: 'region.tmprl.cloud' });
    const zone = new TemporalRegionalPrivateZone(stack, 'Zone', { hostedZone: platform });
    zone.addRegionRecord('us-east-1', 'vpce-1.vpce.amazonaws.com');
    new TemporalRegionalPrivateZone(stack, 'ById', { hostedZone: route53.HostedZone.fromHostedZoneId(stack, 'ById0', 'Z0000000000BYID') })
      .addRegionRecord('us-west-2', 'vpce-2.vpce.amazonaws.com');
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Route53::HostedZone', 0);
    expect(resources(stack, 'AWS::Route53::RecordSet').map(([, r]) => [r.HostedZoneId, r.Name, r.ResourceRecords])).toEqual([
      ['Z0123456789ABC', 'aws-us-east-1.region.tmprl.cloud.', ['vpce-1.vpce.amazonaws.com']],
      ['Z0000000000BYID', 'aws-us-west-2.region.tmprl.cloud.', ['vpce-2.vpce.amazonaws.com']],
    ]);
    expect(zone.hostedZone).toBe(platform);
  });

  test.each<[string, (stack: Stack, vpc: ec2.IVpc) => any, string]>([
    ['neither vpc nor hostedZone', () => ({}), 'vpc = (not set): is required when no existing zone is given: a Route 53 private zone cannot exist without a VPC. Fix: give the worker VPC as vpc (a new zone), or the existing region.tmprl.cloud zone as hostedZone (records only).'],
    ['both', (stack, vpc) => ({ vpc, hostedZone: route53.HostedZone.fromHostedZoneAttributes(stack, 'P', { hostedZoneId: 'Z0123456789ABC', zoneName: 'region.tmprl.cloud' }) }),
      "hostedZone = 'region.tmprl.cloud': is given with vpc: records go into the existing zone, which keeps its own VPC associations, so vpc would be ignored."],
    ['a zone of another name', (stack) => ({ hostedZone: route53.HostedZone.fromHostedZoneAttributes(stack, 'P', { hostedZoneId: 'Z0123456789ABC', zoneName: 'corp.example.com' }) }),
      "hostedZone = 'corp.example.com': is a zone named 'corp.example.com', but the Regional Endpoint records (aws-<region>.region.tmprl.cloud) go in a private zone named region.tmprl.cloud."],
    ['a malformed zone id', (stack) => ({ hostedZone: route53.HostedZone.fromHostedZoneId(stack, 'P', 'zone-1') }),
      "hostedZone = 'zone-1': is not a Route 53 hosted zone id"],
  ])('%s is refused', (_name, props, message) => {
    const { stack, vpc } = stackWithVpc(ENV);
    const err = errorOf(() => new TemporalRegionalPrivateZone(stack, 'Zone', props(stack, vpc)));
    expect(err.name).toBe('TemporalHaValidationError');
    expect(err.message).toContain(`[TEMPORAL_PRIVATELINK_SETTINGS] Network/Zone: ${message}`);
  });

  test('addVpc on a given zone is refused (its associations are its owner\'s)', () => {
    const { stack, vpc } = stackWithVpc(ENV);
    const zone = new TemporalRegionalPrivateZone(stack, 'Zone', { hostedZone: route53.HostedZone.fromHostedZoneId(stack, 'P', 'Z0123456789ABC') });
    expect(errorOf(() => zone.addVpc(vpc)).message).toContain('[TEMPORAL_PRIVATELINK_SETTINGS] Network/Zone: addVpc = \'(a VPC)\': cannot associate a VPC with a zone given as hostedZone');
  });
});

describe('TemporalNamespacePrivateZone', () => {
  test('a single-region namespace: its own zone, apex alias to the local endpoint', () => {
    const { stack, vpc } = stackWithVpc(ENV);
    const endpoint = new TemporalPrivateLinkEndpoint(stack, 'Temporal', { vpc });
    new TemporalNamespacePrivateZone(stack, 'NamespaceZone', { vpc, namespaceHost: 'orders.a1b2c.tmprl.cloud', endpoint });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Route53::HostedZone', {
      Name: 'orders.a1b2c.tmprl.cloud.',
      HostedZoneConfig: { Comment: 'Temporal Cloud single-region namespace orders.a1b2c.tmprl.cloud through AWS PrivateLink' },
    });
    template.hasResourceProperties('AWS::Route53::RecordSet', {
      Name: 'orders.a1b2c.tmprl.cloud.',
      Type: 'A',
      AliasTarget: Match.objectLike({ DNSName: Match.anyValue(), HostedZoneId: Match.anyValue() }),
    });
  });
});

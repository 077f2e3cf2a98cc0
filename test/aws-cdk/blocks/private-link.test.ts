import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { TemporalPrivateLinkEndpoint, TemporalRegionalPrivateZone } from '../../../lib/aws-cdk/blocks';

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
    [{ account: '111111111111', region: 'eu-north-1' }, {}, "TemporalPrivateLinkEndpoint(Network/Temporal): region ('eu-north-1') has no Temporal Cloud PrivateLink service. Use one of: ap-northeast-1,"],
    [undefined, {}, /the stack's region is unresolved.*Give the stack env: \{ region: '...' \}, or set region/],
    [ENV, { region: 'us-west-2' }, /region \('us-west-2'\) differs from the stack's region \('us-east-1'\).*does not support cross-region interface endpoints/],
  ] as Array<[any, { region?: string }, string | RegExp]>)('rejects a region without a usable service (%o %o)', (env, extra, message) => {
    // GIVEN
    const { stack, vpc } = stackWithVpc(env);
    // WHEN / THEN
    expect(() => new TemporalPrivateLinkEndpoint(stack, 'Temporal', { vpc, ...extra })).toThrow(message);
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
    ['orders.a1b2c', 'vpce-1.vpce.amazonaws.com', /awsRegion \('orders.a1b2c'\) is not a Temporal Cloud region/],
    ['eu-north-1', 'vpce-1.vpce.amazonaws.com', /awsRegion \('eu-north-1'\) is not a Temporal Cloud region\. Use one of:/],
    ['us-east-1', 'orders.a1b2c.tmprl.cloud', /endpointDnsName \('orders.a1b2c.tmprl.cloud'\) must be the VPC endpoint's DNS name/],
  ])('addRegionRecord(%s, %s) is rejected', (region, target, message) => {
    const { stack, vpc } = stackWithVpc(ENV);
    const zone = new TemporalRegionalPrivateZone(stack, 'Zone', { vpc });
    expect(() => zone.addRegionRecord(region, target)).toThrow(message);
  });

  test('a region gets one record', () => {
    const { stack, vpc } = stackWithVpc(ENV);
    const zone = new TemporalRegionalPrivateZone(stack, 'Zone', { vpc });
    zone.addRegionRecord('us-east-1', 'vpce-1.vpce.amazonaws.com');
    expect(() => zone.addRegionRecord('aws-us-east-1', 'vpce-2.vpce.amazonaws.com')).toThrow(/awsRegion \('aws-us-east-1'\) already has a record/);
  });
});

import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { TemporalPeerRoutes, TemporalVpcPeering } from '../../../lib';
import { errorOf } from '../support';

function vpcStack(cidr = '10.10.0.0/16') {
  const stack = new Stack(new App(), 'S', { env: { account: '111111111111', region: 'us-east-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', { ipAddresses: ec2.IpAddresses.cidr(cidr), maxAzs: 2, natGateways: 1 });
  return { stack, vpc };
}

describe('TemporalVpcPeering', () => {
  test('requests an inter-region peering and routes the peer CIDR from every private route table', () => {
    // GIVEN
    const { stack, vpc } = vpcStack();
    // WHEN
    new TemporalVpcPeering(stack, 'Peering', { vpc, vpcCidr: '10.10.0.0/16', peerVpcId: 'vpc-0peer', peerRegion: 'us-west-2', peerCidr: '10.20.0.0/16' });
    // THEN
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::EC2::VPCPeeringConnection', { PeerVpcId: 'vpc-0peer', PeerRegion: 'us-west-2' });
    const routes = Object.values<any>(t.findResources('AWS::EC2::Route')).map((r) => r.Properties).filter((r) => r.DestinationCidrBlock === '10.20.0.0/16');
    expect(routes).toHaveLength(2);
    expect(routes.every((r) => r.VpcPeeringConnectionId)).toBe(true);
  });

  test('overlapping CIDRs fail with the rule id and the fix', () => {
    const { stack, vpc } = vpcStack();
    const err = errorOf(() => new TemporalVpcPeering(stack, 'Peering', { vpc, vpcCidr: '10.10.0.0/16', peerVpcId: 'vpc-0peer', peerRegion: 'us-west-2', peerCidr: '10.10.128.0/17' }));
    expect(err.message).toContain('[TEMPORAL_ROUTE_OVERLAPPING_CIDRS]');
    expect(err.message).toContain("peerCidr ('10.10.128.0/17') overlaps the VPC's CIDR ('10.10.0.0/16')");
  });
});

describe('TemporalPeerRoutes', () => {
  test('routes through a Transit Gateway', () => {
    const { stack, vpc } = vpcStack();
    new TemporalPeerRoutes(stack, 'Routes', { vpc, destinationCidr: '10.30.0.0/16', transitGatewayId: 'tgw-0abc' });
    const routes = Object.values<any>(Template.fromStack(stack).findResources('AWS::EC2::Route')).map((r) => r.Properties).filter((r) => r.TransitGatewayId);
    expect(routes.map((r) => [r.DestinationCidrBlock, r.TransitGatewayId])).toEqual([['10.30.0.0/16', 'tgw-0abc'], ['10.30.0.0/16', 'tgw-0abc']]);
  });

  test.each([
    ['neither', {}],
    ['both', { transitGatewayId: 'tgw-1', vpcPeeringConnectionId: 'pcx-1' }],
  ])('needs exactly one of peering or Transit Gateway (%s given)', (word, extra) => {
    const { stack, vpc } = vpcStack();
    const err = errorOf(() => new TemporalPeerRoutes(stack, 'Routes', { vpc, destinationCidr: '10.30.0.0/16', ...extra }));
    expect(err.message).toContain(`set exactly one of vpcPeeringConnectionId and transitGatewayId (got ${word})`);
  });
});

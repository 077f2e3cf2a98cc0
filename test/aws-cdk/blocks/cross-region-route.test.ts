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
    expect(err.name).toBe('TemporalHaValidationError');
    expect(err.message).toContain("[TEMPORAL_ROUTE_OVERLAPPING_CIDRS] S/Peering: vpcCidr / peerCidr = '10.10.0.0/16' and '10.10.128.0/17': the us-east-1 and us-west-2 VPCs overlap");
    expect(err.message).toContain("Fix: give each region's VPC a distinct CIDR");
  });

  test('equal CIDRs overlap too', () => {
    const { stack, vpc } = vpcStack();
    const err = errorOf(() => new TemporalVpcPeering(stack, 'Peering', { vpc, vpcCidr: '10.10.0.0/16', peerVpcId: 'vpc-0peer', peerRegion: 'us-west-2', peerCidr: '10.10.0.0/16' }));
    expect(err.message).toContain("vpcCidr / peerCidr = '10.10.0.0/16' and '10.10.0.0/16'");
  });

  test('the peering connection is named for the two regions', () => {
    const { stack, vpc } = vpcStack();
    new TemporalVpcPeering(stack, 'Peering', { vpc, vpcCidr: '10.10.0.0/16', peerVpcId: 'vpc-0peer', peerRegion: 'us-west-2', peerCidr: '10.20.0.0/16' });
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCPeeringConnection', { Tags: [{ Key: 'Name', Value: 'temporal-us-east-1-to-us-west-2' }] });
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
    expect(err.name).toBe('TemporalHaValidationError');
    expect(err.message).toContain('[TEMPORAL_CROSS_REGION_ROUTE_SETTINGS] S/Routes: vpcPeeringConnectionId / transitGatewayId = ');
    expect(err.message).toContain(`a route goes through exactly one of a VPC peering connection and a Transit Gateway (got ${word}). Fix: set exactly one of vpcPeeringConnectionId and transitGatewayId.`);
  });

  test('subnets without route tables are named with the fix', () => {
    const { stack, vpc } = vpcStack();
    const err = errorOf(() => new TemporalPeerRoutes(stack, 'Routes', { vpc, destinationCidr: '10.30.0.0/16', transitGatewayId: 'tgw-1', subnets: { subnets: [] } }));
    expect(err.message).toContain("[TEMPORAL_CROSS_REGION_ROUTE_SETTINGS] S/Routes: subnets = []: names no route table, so no route to the other region's VPC can be added");
    expect(err.message).toContain("Fix: give the route tables of the Workers' private subnets.");
  });

  test('a destination overlapping the VPC (vpcCidr given) is refused', () => {
    const { stack, vpc } = vpcStack();
    const err = errorOf(() => new TemporalPeerRoutes(stack, 'Routes', { vpc, vpcCidr: '10.10.0.0/16', destinationCidr: '10.10.64.0/18', transitGatewayId: 'tgw-1' }));
    expect(err.message).toContain("[TEMPORAL_ROUTE_OVERLAPPING_CIDRS] S/Routes: vpcCidr / destinationCidr = '10.10.0.0/16' and '10.10.64.0/18'");
  });
});

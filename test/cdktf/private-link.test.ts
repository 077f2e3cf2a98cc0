/**
 * The CDK for Terraform PrivateLink and cross-region route blocks on their own: the resources they
 * write and the checks they make (the same core checks as the AWS CDK blocks, same rule ids).
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { errorOf, newStack, resourcesOf, synthStack } from './support';
import {
  RouteSide,
  TemporalNamespacePrivateZone,
  TemporalPrivateLinkEndpoint,
  TemporalRegionalPrivateZone,
  TemporalTransitGatewayRoutes,
  TemporalVpcPeering,
} from '../../lib/cdktf';
import { checkTransitGatewayIds, transitGatewayIdOf } from '../../lib/core/components/cross-region-route';

function withProvider(region = 'us-east-1'): { stack: TerraformStack; provider: AwsProvider } {
  const stack = newStack();
  return { stack, provider: new AwsProvider(stack, 'aws', { region }) };
}

const endpointProps = (provider: AwsProvider, awsRegion = 'us-east-1') => ({
  provider, awsRegion, vpcId: 'vpc-1', subnetIds: ['subnet-1', 'subnet-2'], allowFromCidrs: ['10.10.0.0/16'],
});

describe('TemporalPrivateLinkEndpoint', () => {
  test('an interface endpoint to the region\'s Temporal Cloud service, private DNS off, TCP 7233 from the VPC', () => {
    const { stack, provider } = withProvider();
    const ep = new TemporalPrivateLinkEndpoint(stack, 'Temporal', endpointProps(provider, 'aws-us-east-1'));
    ep.allowFrom('10.20.0.0/16', 'Workers in us-west-2 (vpc-peering)', 'FromWest');
    const json = synthStack(stack);
    expect(resourcesOf(json, 'aws_vpc_endpoint').map((r) => r.body)).toEqual([expect.objectContaining({
      service_name: 'com.amazonaws.vpce.us-east-1.vpce-svc-0822256b6575ea37f',
      vpc_endpoint_type: 'Interface',
      private_dns_enabled: false,
      subnet_ids: ['subnet-1', 'subnet-2'],
    })]);
    expect(resourcesOf(json, 'aws_security_group').map((r) => r.body.description)).toEqual(['Temporal Cloud PrivateLink endpoint (us-east-1): TCP 7233 from Workers']);
    expect(resourcesOf(json, 'aws_vpc_security_group_ingress_rule').map((r) => [r.body.cidr_ipv4, r.body.from_port, r.body.to_port, r.body.description]).sort()).toEqual([
      ['10.10.0.0/16', 7233, 7233, 'Temporal gRPC (7233)'],
      ['10.20.0.0/16', 7233, 7233, 'Temporal gRPC (7233) from Workers in us-west-2 (vpc-peering)'],
    ]);
  });

  test.each([
    ['us-east-1', 'eu-north-1', "[TEMPORAL_PRIVATELINK_SETTINGS] stack/Temporal: awsRegion = 'eu-north-1': differs from the provider's region ('us-east-1')"],
    ['eu-north-1', 'eu-north-1', "[TEMPORAL_PRIVATELINK_SETTINGS] stack/Temporal: awsRegion = 'eu-north-1': has no Temporal Cloud PrivateLink service. Fix: use one of: ap-northeast-1,"],
    ['us-east-1', 'us-west-2', "awsRegion = 'us-west-2': differs from the provider's region ('us-east-1'): an interface endpoint lives in its provider's region, and Temporal Cloud does not support AWS cross-region interface endpoints. Fix: create the endpoint with a provider in 'us-west-2'"],
  ])('a provider in %s and awsRegion %s are refused, as in the AWS CDK flavour', (providerRegion, awsRegion, message) => {
    const { stack, provider } = withProvider(providerRegion);
    const err = errorOf(() => new TemporalPrivateLinkEndpoint(stack, 'Temporal', endpointProps(provider, awsRegion)));
    expect(err.name).toBe('TemporalHaValidationError');
    expect(err.message).toContain(message);
  });

  test('a region only known at apply time needs serviceName', () => {
    const { stack, provider } = withProvider();
    const region = new TerraformVariable(stack, 'region', { type: 'string' }).stringValue;
    const err = errorOf(() => new TemporalPrivateLinkEndpoint(stack, 'Temporal', endpointProps(provider, region)));
    expect(err.message).toContain('[TEMPORAL_PRIVATELINK_SETTINGS] stack/Temporal: awsRegion = ');
    expect(err.message).toContain("the region is unresolved, so the Temporal Cloud PrivateLink service cannot be chosen. Fix: give the provider an explicit region, or set awsRegion: 'us-east-1'");
    new TemporalPrivateLinkEndpoint(stack, 'WithService', { ...endpointProps(provider, region), serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0822256b6575ea37f' });
    expect(resourcesOf(synthStack(stack), 'aws_vpc_endpoint').map((r) => r.body.service_name)).toEqual(['com.amazonaws.vpce.us-east-1.vpce-svc-0822256b6575ea37f']);
  });
});

describe('TemporalRegionalPrivateZone', () => {
  test('region.tmprl.cloud with the core comment, one CNAME per region with the core TTL', () => {
    const { stack, provider } = withProvider();
    const zone = new TemporalRegionalPrivateZone(stack, 'Zone', { provider, vpcId: 'vpc-1', vpcRegion: 'aws-us-east-1' });
    zone.addRegionRecord('us-east-1', 'vpce-1.vpce-svc-1.us-east-1.vpce.amazonaws.com');
    zone.addRegionRecord('AWS-US-WEST-2', 'vpce-2.vpce-svc-2.us-west-2.vpce.amazonaws.com');
    const json = synthStack(stack);
    expect(resourcesOf(json, 'aws_route53_zone').map((r) => r.body)).toEqual([expect.objectContaining({
      name: 'region.tmprl.cloud',
      comment: 'Temporal Cloud Regional Endpoints through AWS PrivateLink (High Availability namespaces: never a Namespace Endpoint record)',
      vpc: [{ vpc_id: 'vpc-1', vpc_region: 'us-east-1' }],
    })]);
    expect(resourcesOf(json, 'aws_route53_record').map((r) => [r.body.name, r.body.type, r.body.ttl, r.body.records])).toEqual([
      ['aws-us-east-1.region.tmprl.cloud', 'CNAME', 60, ['vpce-1.vpce-svc-1.us-east-1.vpce.amazonaws.com']],
      ['aws-us-west-2.region.tmprl.cloud', 'CNAME', 60, ['vpce-2.vpce-svc-2.us-west-2.vpce.amazonaws.com']],
    ]);
    expect(Object.keys(zone.records)).toEqual(['us-east-1', 'us-west-2']);
  });

  test('recordTtlSeconds and comment are honoured', () => {
    const { stack, provider } = withProvider();
    const zone = new TemporalRegionalPrivateZone(stack, 'Zone', { provider, vpcId: 'vpc-1', vpcRegion: 'us-east-1', recordTtlSeconds: 30, comment: 'ours' });
    zone.addRegionRecord('us-east-1', 'vpce-1.vpce.amazonaws.com');
    const json = synthStack(stack);
    expect(resourcesOf(json, 'aws_route53_zone')[0].body.comment).toBe('ours');
    expect(resourcesOf(json, 'aws_route53_record')[0].body.ttl).toBe(30);
  });

  test.each([
    ['orders.a1b2c', 'vpce-1.vpce.amazonaws.com', "addRegionRecord.awsRegion = 'orders.a1b2c': is not a Temporal Cloud region. Fix: use one of: ap-northeast-1,"],
    ['eu-north-1', 'vpce-1.vpce.amazonaws.com', "addRegionRecord.awsRegion = 'eu-north-1': is not a Temporal Cloud region."],
    ['us-east-1', 'orders.a1b2c.tmprl.cloud', "addRegionRecord.endpointDnsName = 'orders.a1b2c.tmprl.cloud': must be the VPC endpoint's DNS name, not a Temporal Cloud name"],
  ])('addRegionRecord(%s, %s) is refused, as in the AWS CDK flavour', (region, target, message) => {
    const { stack, provider } = withProvider();
    const zone = new TemporalRegionalPrivateZone(stack, 'Zone', { provider, vpcId: 'vpc-1', vpcRegion: 'us-east-1' });
    const err = errorOf(() => zone.addRegionRecord(region, target));
    expect(err.name).toBe('TemporalHaValidationError');
    expect(err.message).toContain(`[TEMPORAL_PRIVATELINK_SETTINGS] stack/Zone: ${message}`);
  });

  test('a region gets one record', () => {
    const { stack, provider } = withProvider();
    const zone = new TemporalRegionalPrivateZone(stack, 'Zone', { provider, vpcId: 'vpc-1', vpcRegion: 'us-east-1' });
    zone.addRegionRecord('us-east-1', 'vpce-1.vpce.amazonaws.com');
    expect(errorOf(() => zone.addRegionRecord('aws-us-east-1', 'vpce-2.vpce.amazonaws.com')).message)
      .toContain("[TEMPORAL_PRIVATELINK_SETTINGS] stack/Zone: addRegionRecord.awsRegion = 'aws-us-east-1': already has a record in this zone. Fix: add one record per region.");
  });
});

describe('TemporalRegionalPrivateZone in an existing zone (zoneId)', () => {
  test('writes records into the given zone and creates no zone', () => {
    const { stack, provider } = withProvider();
    const zone = new TemporalRegionalPrivateZone(stack, 'Zone', { provider, zoneId: 'Z0123456789ABC' });
    zone.addRegionRecord('us-east-1', 'vpce-1.vpce.amazonaws.com');
    const json = synthStack(stack);
    expect(resourcesOf(json, 'aws_route53_zone')).toEqual([]);
    expect(resourcesOf(json, 'aws_route53_record').map((r) => [r.body.zone_id, r.body.name, r.body.records])).toEqual([
      ['Z0123456789ABC', 'aws-us-east-1.region.tmprl.cloud', ['vpce-1.vpce.amazonaws.com']],
    ]);
    expect([zone.zone, zone.zoneId]).toEqual([undefined, 'Z0123456789ABC']);
  });

  test.each<[string, object, string]>([
    ['neither vpcId nor zoneId', {}, 'vpcId = (not set): is required when no existing zone is given: a Route 53 private zone cannot exist without a VPC. Fix: give the worker VPC as vpcId (a new zone), or the existing region.tmprl.cloud zone as zoneId (records only).'],
    ['both', { vpcId: 'vpc-1', zoneId: 'Z0123456789ABC' }, "zoneId = 'Z0123456789ABC': is given with vpcId: records go into the existing zone, which keeps its own VPC associations, so vpcId would be ignored."],
    ['a malformed zone id', { zoneId: 'zone-1' }, "zoneId = 'zone-1': is not a Route 53 hosted zone id"],
  ])('%s is refused, as in the AWS CDK flavour', (_name, props, message) => {
    const { stack, provider } = withProvider();
    const err = errorOf(() => new TemporalRegionalPrivateZone(stack, 'Zone', { provider, ...props }));
    expect(err.name).toBe('TemporalHaValidationError');
    expect(err.message).toContain(`[TEMPORAL_PRIVATELINK_SETTINGS] stack/Zone: ${message}`);
  });
});

describe('TemporalNamespacePrivateZone', () => {
  test('a single-region namespace: its own zone, apex alias to the local endpoint', () => {
    const { stack, provider } = withProvider();
    const endpoint = new TemporalPrivateLinkEndpoint(stack, 'Temporal', endpointProps(provider));
    new TemporalNamespacePrivateZone(stack, 'NamespaceZone', { provider, vpcId: 'vpc-1', vpcRegion: 'us-east-1', namespaceHost: 'orders.a1b2c.tmprl.cloud', endpoint });
    const json = synthStack(stack);
    expect(resourcesOf(json, 'aws_route53_zone').map((r) => [r.body.name, r.body.comment])).toEqual([
      ['orders.a1b2c.tmprl.cloud', 'Temporal Cloud single-region namespace orders.a1b2c.tmprl.cloud through AWS PrivateLink'],
    ]);
    expect(resourcesOf(json, 'aws_route53_record').map((r) => [r.body.name, r.body.type, r.body.alias.evaluate_target_health])).toEqual([['orders.a1b2c.tmprl.cloud', 'A', false]]);
  });
});

describe('cross-region routes', () => {
  const side = (provider: AwsProvider, awsRegion: string, cidrBlock: string, routeTableIds = [`rtb-${awsRegion}`]): RouteSide => ({
    provider, awsRegion, vpcId: `vpc-${awsRegion}`, cidrBlock, routeTableIds,
  });
  function twoRegions() {
    const stack = newStack();
    return { stack, east: new AwsProvider(stack, 'east', { region: 'us-east-1', alias: 'east' }), west: new AwsProvider(stack, 'west', { region: 'us-west-2', alias: 'west' }) };
  }

  test('TemporalVpcPeering: requester, accepter, routes both ways; named for the two regions', () => {
    const { stack, east, west } = twoRegions();
    new TemporalVpcPeering(stack, 'Peering', { requester: side(east, 'us-east-1', '10.10.0.0/16'), accepter: side(west, 'us-west-2', '10.20.0.0/16') });
    const json = synthStack(stack);
    expect(resourcesOf(json, 'aws_vpc_peering_connection').map((r) => [r.body.peer_region, r.body.tags.Name])).toEqual([['us-west-2', 'temporal-us-east-1-to-us-west-2']]);
    expect(resourcesOf(json, 'aws_route').map((r) => [r.region, r.body.route_table_id, r.body.destination_cidr_block]).sort()).toEqual([
      ['us-east-1', 'rtb-us-east-1', '10.20.0.0/16'], ['us-west-2', 'rtb-us-west-2', '10.10.0.0/16'],
    ]);
  });

  test('TemporalVpcPeering: overlapping CIDRs fail with the same rule as the AWS CDK block and the plan', () => {
    const { stack, east, west } = twoRegions();
    const err = errorOf(() => new TemporalVpcPeering(stack, 'Peering', { requester: side(east, 'us-east-1', '10.10.0.0/16'), accepter: side(west, 'us-west-2', '10.10.128.0/17') }));
    expect(err.name).toBe('TemporalHaValidationError');
    expect(err.message).toContain("[TEMPORAL_ROUTE_OVERLAPPING_CIDRS] stack/Peering: requester.cidrBlock / accepter.cidrBlock = '10.10.0.0/16' and '10.10.128.0/17': the us-east-1 and us-west-2 VPCs overlap");
  });

  test('TemporalVpcPeering: a side without route tables is named with the fix', () => {
    const { stack, east, west } = twoRegions();
    const err = errorOf(() => new TemporalVpcPeering(stack, 'Peering', { requester: side(east, 'us-east-1', '10.10.0.0/16'), accepter: side(west, 'us-west-2', '10.20.0.0/16', []) }));
    expect(err.message).toContain("[TEMPORAL_CROSS_REGION_ROUTE_SETTINGS] stack/Peering: accepter.routeTableIds = []: names no route table, so no route to the other region's VPC can be added");
    expect(err.message).toContain("Fix: give the route tables of the Workers' private subnets.");
  });

  test('TemporalTransitGatewayRoutes: each side routes the other CIDR to its own Transit Gateway; overlaps are refused', () => {
    const { stack, east, west } = twoRegions();
    new TemporalTransitGatewayRoutes(stack, 'Tgw', {
      a: { ...side(east, 'us-east-1', '10.10.0.0/16'), transitGatewayId: 'tgw-east' },
      b: { ...side(west, 'us-west-2', '10.20.0.0/16'), transitGatewayId: 'tgw-west' },
    });
    expect(resourcesOf(synthStack(stack), 'aws_route').map((r) => [r.body.route_table_id, r.body.destination_cidr_block, r.body.transit_gateway_id]).sort()).toEqual([
      ['rtb-us-east-1', '10.20.0.0/16', 'tgw-east'], ['rtb-us-west-2', '10.10.0.0/16', 'tgw-west'],
    ]);
    const err = errorOf(() => new TemporalTransitGatewayRoutes(stack, 'Overlapping', {
      a: { ...side(east, 'us-east-1', '10.10.0.0/16'), transitGatewayId: 'tgw-east' },
      b: { ...side(west, 'us-west-2', '10.10.0.0/16'), transitGatewayId: 'tgw-west' },
    }));
    expect(err.message).toContain("[TEMPORAL_ROUTE_OVERLAPPING_CIDRS] stack/Overlapping: a.cidrBlock / b.cidrBlock = '10.10.0.0/16' and '10.10.0.0/16'");
    const missing = errorOf(() => new TemporalTransitGatewayRoutes(stack, 'NoId', {
      a: { ...side(east, 'us-east-1', '10.10.0.0/16'), transitGatewayId: 'tgw-east' },
      b: { ...side(west, 'us-west-2', '10.20.0.0/16'), transitGatewayId: '' },
    }));
    expect(missing.message).toContain('TemporalTransitGatewayRoutes stack/NoId has 1 configuration error');
    expect(missing.message).toContain("[TEMPORAL_CROSS_REGION_ROUTE_SETTINGS] stack/NoId: b.transitGatewayId = '': has no Transit Gateway id for us-west-2");
  });

  test('Transit Gateway ids are found by region whether keyed us-east-1 or aws-us-east-1 (both engines call this)', () => {
    const ids = { 'aws-us-east-1': 'tgw-east', 'US-WEST-2': 'tgw-west' };
    expect([transitGatewayIdOf(ids, 'us-east-1'), transitGatewayIdOf(ids, 'us-west-2'), transitGatewayIdOf(ids, 'eu-west-1')]).toEqual(['tgw-east', 'tgw-west', undefined]);
    expect(checkTransitGatewayIds(ids, ['us-east-1', 'us-west-2'], 'privateLink.crossRegionRoute.transitGatewayIds')).toEqual([]);
    expect(checkTransitGatewayIds({ 'us-east-1': 'tgw-east' }, ['us-east-1', 'us-west-2', 'us-west-2'], 'privateLink.crossRegionRoute.transitGatewayIds')).toEqual([{
      ruleId: 'TEMPORAL_CROSS_REGION_ROUTE_SETTINGS',
      prop: 'privateLink.crossRegionRoute.transitGatewayIds',
      value: '{"us-east-1":"tgw-east"}',
      message: "has no Transit Gateway id for us-west-2, so the routes between us-west-2's worker VPC and the other regions cannot be created.",
      fix: "give us-west-2 its Transit Gateway id: CrossRegionRoute.transitGateway({ 'us-west-2': 'tgw-...', ... }) takes one per region (keys 'us-west-2' or 'aws-us-west-2').",
      path: undefined,
    }]);
  });
});

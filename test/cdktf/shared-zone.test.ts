/**
 * CDK for Terraform: several PrivateLink deployments on one worker VPC share ONE `region.tmprl.cloud` zone and ONE Temporal VPC endpoint (Route 53
 * refuses a second zone of the name on a VPC: ConflictingDomainExists); a deployment given the platform's zone id only writes records into it; and
 * every Worker service has `depends_on` on the records it resolves. The same behaviour as the AWS CDK flavour (test/aws-cdk/patterns/shared-zone).
 */
import { TerraformStack, Testing } from 'cdktf';
import { errorOf, newStack, referenced, resourcesOf, synthStack, TfJson } from './support';
import {
  ActiveColdDeployment,
  ActiveHotDeployment,
  Connectivity,
  PollerForwarding,
  RegionPlacement,
  TemporalCredentials,
} from '../../lib/cdktf';

const vpc = (name: string, n: number) => ({
  vpcId: `vpc-${name}`,
  cidrBlock: `10.${n}.0.0/16`,
  privateSubnetIds: [`subnet-${name}-a`, `subnet-${name}-b`],
  privateRouteTableIds: [`rtb-${name}-a`, `rtb-${name}-b`],
});
const SHARED = { 'us-east-1': { vpc: vpc('shared-east', 20) }, 'us-west-2': { vpc: vpc('shared-west', 21) } };
const ZONED = {
  'us-east-1': { vpc: vpc('zoned-east', 30), privateZoneId: 'Z0PLATFORMEAST00001' },
  'us-west-2': { vpc: vpc('zoned-west', 31), privateZoneId: 'Z0PLATFORMWEST00001' },
};

function hot(stack: TerraformStack, id: string, name: string, regions: { [region: string]: RegionPlacement }) {
  return new ActiveHotDeployment(stack, id, {
    namespace: { name, accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2', pollerForwarding: PollerForwarding.DISABLED },
    credentials: TemporalCredentials.apiKeyFromSecretName(`temporal/${name}/api-key`),
    connectivity: Connectivity.privateLink(),
    workers: { image: `ghcr.io/acme/${name}-worker:1.0.0` },
    regions,
  });
}

function cold(stack: TerraformStack, id: string, name: string, regions: { [region: string]: RegionPlacement }) {
  return new ActiveColdDeployment(stack, id, {
    namespace: { name, accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2' },
    credentials: TemporalCredentials.apiKeyFromSecretName(`temporal/${name}/api-key`),
    connectivity: Connectivity.privateLink(),
    workers: { image: `ghcr.io/acme/${name}-worker:1.0.0` },
    regions,
  });
}

/** `<zone> <record name>` of every record: the zone by the VPC it is associated with, or the supplied zone id. */
function recordsByZone(json: TfJson): string[] {
  const zones = Object.fromEntries(resourcesOf(json, 'aws_route53_zone').map((z) => [z.name, z.body]));
  return resourcesOf(json, 'aws_route53_record').map((r) => {
    const zone = zones[referenced(r.body.zone_id, 'aws_route53_zone') ?? ''];
    return `${zone ? zone.vpc.map((v: any) => v.vpc_id).join(',') : r.body.zone_id} ${r.body.name}`;
  });
}

describe('two deployments on one VPC, one on a VPC with the platform\'s zone', () => {
  const stack = newStack();
  const orders = hot(stack, 'Orders', 'orders', SHARED);
  const payments = cold(stack, 'Payments', 'payments', SHARED);
  const billing = hot(stack, 'Billing', 'billing', ZONED);
  const json = synthStack(stack);

  test('exactly one region.tmprl.cloud zone per VPC: one for each shared VPC, none where the platform supplied it', () => {
    const zones = resourcesOf(json, 'aws_route53_zone').filter((z) => z.body.name === 'region.tmprl.cloud');
    expect(zones.map((z) => z.body.vpc.map((v: any) => v.vpc_id).join(',')).sort()).toEqual(['vpc-shared-east', 'vpc-shared-west']);
  });

  test('one Temporal VPC endpoint per VPC', () => {
    expect(resourcesOf(json, 'aws_vpc_endpoint').map((e) => e.body.vpc_id).sort()).toEqual(['vpc-shared-east', 'vpc-shared-west', 'vpc-zoned-east', 'vpc-zoned-west']);
  });

  test('every needed record once per zone: both regions in the shared zones (Cold needs both), the local one in the platform\'s zones', () => {
    expect(recordsByZone(json).sort()).toEqual([
      'Z0PLATFORMEAST00001 aws-us-east-1.region.tmprl.cloud',
      'Z0PLATFORMWEST00001 aws-us-west-2.region.tmprl.cloud',
      'vpc-shared-east aws-us-east-1.region.tmprl.cloud',
      'vpc-shared-east aws-us-west-2.region.tmprl.cloud',
      'vpc-shared-west aws-us-east-1.region.tmprl.cloud',
      'vpc-shared-west aws-us-west-2.region.tmprl.cloud',
    ]);
  });

  test('the peering between the two shared VPCs and each endpoint\'s ingress rule exist once', () => {
    expect(resourcesOf(json, 'aws_vpc_peering_connection')).toHaveLength(1);
    const ingress = resourcesOf(json, 'aws_vpc_security_group_ingress_rule').map((r) => `${referenced(r.body.security_group_id, 'aws_security_group')} ${r.body.cidr_ipv4}`);
    expect(new Set(ingress).size).toBe(ingress.length);
  });

  test('the plan says where each region\'s zone comes from, and which records each fleet resolves', () => {
    expect(orders.planJson().regions.map((r: any) => r.privateZone.source)).toEqual(['shared', 'shared']);
    expect(billing.planJson().regions.map((r: any) => r.privateZone.source)).toEqual(['supplied', 'supplied']);
    expect(payments.planJson().regions.find((r: any) => r.awsRegion === 'us-west-2').fleets[0].privateRecords)
      .toEqual(['aws-us-east-1.region.tmprl.cloud', 'aws-us-west-2.region.tmprl.cloud']);
  });

  test('every Worker service has depends_on on each record it resolves, in its VPC\'s zone', () => {
    const records = Object.fromEntries(resourcesOf(json, 'aws_route53_record').map((r) => [r.name, r]));
    const zoneLabel = Object.fromEntries(recordsByZone(json).map((label, i) => [resourcesOf(json, 'aws_route53_record')[i].name, label]));
    let checked = 0;
    for (const d of [orders, payments, billing]) {
      const placements = d === billing ? ZONED : SHARED;
      for (const region of ['us-east-1', 'us-west-2'] as const) {
        const zone = d === billing ? ZONED[region].privateZoneId : placements[region].vpc.vpcId;
        for (const fleet of d.planJson().regions.find((r: any) => r.awsRegion === region).fleets) {
          const [service] = resourcesOf(json, 'aws_ecs_service').filter((s) => s.body.tags.TemporalDeployment === d.node.path && s.body.tags.TemporalFleet === fleet.id
            && s.region === region);
          const waitsFor = (service.body.depends_on as string[]).map((dep) => dep.replace(/^aws_route53_record\./, '')).filter((n) => records[n]).map((n) => zoneLabel[n]);
          for (const name of fleet.privateRecords as string[]) {
            expect({ fleet: `${d.node.id} ${region} ${fleet.id}`, waitsFor }).toEqual({ fleet: `${d.node.id} ${region} ${fleet.id}`, waitsFor: expect.arrayContaining([`${zone} ${name}`]) });
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(2 + 4 + 2);
  });
});

describe('two Active/Cold deployments on the same two VPCs', () => {
  test('one peering, one ingress rule per endpoint and CIDR, one record per name: AWS refuses duplicates', () => {
    const stack = newStack();
    cold(stack, 'Payments', 'payments', SHARED);
    cold(stack, 'Refunds', 'refunds', SHARED);
    const json = synthStack(stack);
    expect(resourcesOf(json, 'aws_vpc_peering_connection')).toHaveLength(1);
    expect(resourcesOf(json, 'aws_route').map((r) => `${r.body.route_table_id} ${r.body.destination_cidr_block}`).sort()).toEqual([
      'rtb-shared-east-a 10.21.0.0/16', 'rtb-shared-east-b 10.21.0.0/16', 'rtb-shared-west-a 10.20.0.0/16', 'rtb-shared-west-b 10.20.0.0/16',
    ]);
    const ingress = resourcesOf(json, 'aws_vpc_security_group_ingress_rule').map((r) => `${referenced(r.body.security_group_id, 'aws_security_group')} ${r.body.cidr_ipv4}`);
    expect(ingress).toHaveLength(4);
    expect(new Set(ingress).size).toBe(4);
    expect(recordsByZone(json)).toHaveLength(4);
    expect(resourcesOf(json, 'aws_ecs_service')).toHaveLength(4);
  });
});

describe('deployments in two stacks of one app, on the same VPCs', () => {
  test('the second stack writes its records into the first stack\'s zones and is ordered after it', () => {
    const app = Testing.app();
    const one = new TerraformStack(app, 'one');
    const two = new TerraformStack(app, 'two');
    hot(one, 'Orders', 'orders', SHARED);
    cold(two, 'Payments', 'payments', SHARED);
    app.synth();
    const [jsonOne, jsonTwo] = [synthStack(one), synthStack(two)];
    expect(resourcesOf(jsonOne, 'aws_route53_zone')).toHaveLength(2);
    expect(resourcesOf(jsonTwo, 'aws_route53_zone')).toHaveLength(0);
    expect(resourcesOf(jsonTwo, 'aws_vpc_endpoint')).toHaveLength(0);
    expect(resourcesOf(jsonTwo, 'aws_route53_record').map((r) => r.body.name).sort()).toEqual(['aws-us-east-1.region.tmprl.cloud', 'aws-us-west-2.region.tmprl.cloud']);
    expect(two.dependencies).toContain(one);
    expect(one.dependencies).not.toContain(two);
  });
});

describe('a supplied zone id is checked before anything is created', () => {
  test.each<[string, { [region: string]: RegionPlacement }, string]>([
    ['a malformed zone id', { ...ZONED, 'us-east-1': { ...ZONED['us-east-1'], privateZoneId: 'zone-1' } },
      "regions.us-east-1.privateZoneId = 'zone-1': is not a Route 53 hosted zone id"],
    ['a zone without the VPC it is associated with', { ...ZONED, 'us-east-1': { privateZoneId: 'Z0PLATFORMEAST00001' } },
      "regions.us-east-1.privateZoneId = 'Z0PLATFORMEAST00001': is supplied without regions.us-east-1.vpc: the construct would create a new VPC"],
  ])('%s', (_name, regions, message) => {
    const err = errorOf(() => hot(newStack(), 'Billing', 'billing', regions));
    expect(err.message).toContain('[TEMPORAL_PRIVATELINK_SETTINGS] stack/Billing: ');
    expect(err.message).toContain(message);
  });

  test('a supplied zone on a VPC where another deployment already created one is a conflict, named with the fix', () => {
    const stack = newStack();
    hot(stack, 'Orders', 'orders', SHARED);
    const err = errorOf(() => hot(stack, 'Billing', 'billing', { ...SHARED, 'us-east-1': { ...SHARED['us-east-1'], privateZoneId: 'Z0PLATFORMEAST00001' } }));
    expect(err.message).toContain("[TEMPORAL_PRIVATELINK_SETTINGS] stack/Billing: regions.us-east-1.privateZoneId = 'Z0PLATFORMEAST00001': differs from the region.tmprl.cloud zone stack/Orders already put on this VPC");
    expect(err.message).toContain('Fix: supply this same zone to stack/Orders too, or leave it out here');
  });

  test('a deployment after one that supplied the VPC\'s zone writes into that zone (and creates none)', () => {
    const stack = newStack();
    hot(stack, 'Billing', 'billing', ZONED);
    cold(stack, 'Payments', 'payments', { 'us-east-1': { vpc: ZONED['us-east-1'].vpc }, 'us-west-2': { vpc: ZONED['us-west-2'].vpc } });
    const json = synthStack(stack);
    expect(resourcesOf(json, 'aws_route53_zone')).toEqual([]);
    expect(recordsByZone(json).sort()).toEqual([
      'Z0PLATFORMEAST00001 aws-us-east-1.region.tmprl.cloud', 'Z0PLATFORMEAST00001 aws-us-west-2.region.tmprl.cloud',
      'Z0PLATFORMWEST00001 aws-us-east-1.region.tmprl.cloud', 'Z0PLATFORMWEST00001 aws-us-west-2.region.tmprl.cloud',
    ]);
  });
});

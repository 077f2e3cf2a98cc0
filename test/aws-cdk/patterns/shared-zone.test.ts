/**
 * Several PrivateLink deployments on one worker VPC share ONE `region.tmprl.cloud` zone and ONE Temporal VPC endpoint (Route 53 refuses a second
 * zone of the name on a VPC: ConflictingDomainExists); a deployment given the platform's zone only writes records into it; and no Worker service
 * starts before the records it resolves exist.
 */
import { App, CfnResource, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import {
  ActiveColdDeployment,
  ActiveHotDeployment,
  Connectivity,
  PollerForwarding,
  RegionPlacement,
  TemporalCredentials,
} from '../../../lib';
import { templatesOf } from '../../parity/cdk-scenarios';
import { cloudFormationIndex, CfnResource as IndexedResource } from '../../parity/components';
import { errorOf } from '../support';

const ENV = (region: string) => ({ account: '111111111111', region });
const image = (name: string) => ecs.ContainerImage.fromRegistry(name);

function hot(scope: App, id: string, name: string, regions: { [region: string]: RegionPlacement }) {
  return new ActiveHotDeployment(scope, id, {
    namespace: { name, accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2', pollerForwarding: PollerForwarding.DISABLED },
    credentials: TemporalCredentials.apiKeyFromSecretName(`temporal/${name}/api-key`),
    connectivity: Connectivity.privateLink(),
    workers: { image: image(`ghcr.io/acme/${name}-worker:1.0.0`) },
    regions,
    account: '111111111111',
  });
}

function cold(scope: App, id: string, name: string, regions: { [region: string]: RegionPlacement }) {
  return new ActiveColdDeployment(scope, id, {
    namespace: { name, accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2' },
    credentials: TemporalCredentials.apiKeyFromSecretName(`temporal/${name}/api-key`),
    connectivity: Connectivity.privateLink(),
    workers: { image: image(`ghcr.io/acme/${name}-worker:1.0.0`) },
    regions,
    account: '111111111111',
  });
}

/** The platform's network: per region, a VPC two deployments share, and a VPC with the platform's own region.tmprl.cloud zone. */
function platform() {
  const app = new App();
  const east = new Stack(app, 'NetworkEast', { env: ENV('us-east-1') });
  const west = new Stack(app, 'NetworkWest', { env: ENV('us-west-2') });
  const vpc = (stack: Stack, id: string, cidr: string) =>
    new ec2.Vpc(stack, id, { ipAddresses: ec2.IpAddresses.cidr(cidr), maxAzs: 2, natGateways: 1 });
  const zone = (stack: Stack, id: string) => route53.HostedZone.fromHostedZoneAttributes(stack, `${id}Zone`, { hostedZoneId: id, zoneName: 'region.tmprl.cloud' });
  return {
    app,
    shared: { 'us-east-1': { vpc: vpc(east, 'Shared', '10.20.0.0/16') }, 'us-west-2': { vpc: vpc(west, 'Shared', '10.21.0.0/16') } },
    zoned: {
      'us-east-1': { vpc: vpc(east, 'Zoned', '10.30.0.0/16'), privateZone: zone(east, 'Z0PLATFORMEAST00001') },
      'us-west-2': { vpc: vpc(west, 'Zoned', '10.31.0.0/16'), privateZone: zone(west, 'Z0PLATFORMWEST00001') },
    },
  };
}

describe('two deployments on one VPC, one on a VPC with the platform\'s zone', () => {
  const p = platform();
  const orders = hot(p.app, 'Orders', 'orders', p.shared);
  const payments = cold(p.app, 'Payments', 'payments', p.shared);
  const billing = hot(p.app, 'Billing', 'billing', p.zoned);
  const index = cloudFormationIndex(templatesOf(p.app));
  const vpcOf = (r: IndexedResource) => index.refs(r.r.Properties.VPCs?.[0]?.VPCId, r.stackName).find((x) => x.r.Type === 'AWS::EC2::VPC')?.id;
  const zoneOf = (rec: IndexedResource) => index.first(rec.r.Properties.HostedZoneId, rec.stackName, 'AWS::Route53::HostedZone')
    ?? index.literal(rec.r.Properties.HostedZoneId);
  const zoneLabel = (z: IndexedResource | string | undefined) => (typeof z === 'string' ? z : z ? `${z.region} ${vpcOf(z)}` : '(none)');

  test('the assembly synthesizes: no dependency cycle between the network, regional and links stacks', () => {
    expect(p.app.synth().stacks.length).toBeGreaterThan(4);
  });

  test('exactly one region.tmprl.cloud zone per VPC in the whole assembly: created with the shared VPC, none where the platform supplied one', () => {
    const zones = index.ofType('AWS::Route53::HostedZone').filter((z) => z.r.Properties.Name === 'region.tmprl.cloud.');
    expect(zones.map((z) => `${z.stackName} ${zoneLabel(z)}`).sort()).toEqual([
      expect.stringMatching(/^NetworkEast us-east-1 Shared/),
      expect.stringMatching(/^NetworkWest us-west-2 Shared/),
    ]);
  });

  test('one Temporal VPC endpoint per VPC, with the VPC', () => {
    const endpoints = index.ofType('AWS::EC2::VPCEndpoint').filter((e) => /vpce-svc-/.test(e.r.Properties.ServiceName));
    expect(endpoints.map((e) => `${e.stackName} ${index.refs(e.r.Properties.VpcId, e.stackName)[0]?.id}`).sort()).toEqual([
      expect.stringMatching(/^NetworkEast Shared/), expect.stringMatching(/^NetworkEast Zoned/),
      expect.stringMatching(/^NetworkWest Shared/), expect.stringMatching(/^NetworkWest Zoned/),
    ]);
  });

  test('every needed record once per zone: both regions in the shared zones (Cold needs both), the local one in the platform\'s zones', () => {
    const records = index.ofType('AWS::Route53::RecordSet').map((r) => `${zoneLabel(zoneOf(r))} ${r.r.Properties.Name}`);
    expect(records.map((r) => r.replace(/^(\S+ \S+?)[0-9A-F]{8}\b/, '$1')).sort()).toEqual([
      'Z0PLATFORMEAST00001 aws-us-east-1.region.tmprl.cloud.',
      'Z0PLATFORMWEST00001 aws-us-west-2.region.tmprl.cloud.',
      'us-east-1 Shared aws-us-east-1.region.tmprl.cloud.',
      'us-east-1 Shared aws-us-west-2.region.tmprl.cloud.',
      'us-west-2 Shared aws-us-east-1.region.tmprl.cloud.',
      'us-west-2 Shared aws-us-west-2.region.tmprl.cloud.',
    ]);
  });

  test('the plan says where each region\'s zone comes from', () => {
    expect(orders.planJson().regions.map((r: any) => r.privateZone.source)).toEqual(['shared', 'shared']);
    expect(billing.planJson().regions.map((r: any) => r.privateZone.source)).toEqual(['supplied', 'supplied']);
    expect(payments.planJson().regions.find((r: any) => r.awsRegion === 'us-east-1').fleets[0].privateRecords)
      .toEqual(['aws-us-east-1.region.tmprl.cloud', 'aws-us-west-2.region.tmprl.cloud']);
  });

  test('every Worker service depends on each record it resolves (DependsOn in its stack, or its stack on the record\'s)', () => {
    const stackDeps = (s: Stack, seen = new Set<Stack>()): Set<Stack> => {
      for (const d of s.dependencies) if (!seen.has(d)) stackDeps(d, seen.add(d));
      return seen;
    };
    const indexed = (c: CfnResource) => index.resources.get(`${Stack.of(c).stackName}/${Stack.of(c).getLogicalId(c)}`)!;
    const records = p.app.node.findAll().filter((c): c is route53.CfnRecordSet => c instanceof route53.CfnRecordSet);
    // The record `name` in the zone of a deployment's VPC in a region: the platform's (by id) or the shared one (by its VPC).
    const recordIn = (zone: string, name: string) => records.filter((r) => r.name === `${name}.` && zoneLabel(zoneOf(indexed(r))).startsWith(zone));
    let checked = 0;
    for (const d of [orders, payments, billing]) {
      for (const region of ['us-east-1', 'us-west-2']) {
        const zone = d === billing ? (p.zoned as any)[region].privateZone.hostedZoneId : `${region} Shared`;
        for (const fleet of d.planJson().regions.find((r: any) => r.awsRegion === region).fleets) {
          const service = p.app.node.findAll().find((c): c is ecs.FargateService => c instanceof ecs.FargateService
            && c.node.path.startsWith(`${d.node.path}/${region}`) && c.node.scope!.node.id === (fleet.role === 'worker' ? 'Workers' : 'Starters'));
          const svc = service!.node.defaultChild as CfnResource;
          for (const name of fleet.privateRecords as string[]) {
            const found = recordIn(zone, name);
            expect(found).toHaveLength(1);
            const record = found[0];
            const dependsOn: string[] = Template.fromStack(Stack.of(svc)).toJSON().Resources[Stack.of(svc).getLogicalId(svc)].DependsOn ?? [];
            const waits = Stack.of(record) === Stack.of(svc)
              ? dependsOn.includes(Stack.of(record).getLogicalId(record))
              : stackDeps(Stack.of(svc)).has(Stack.of(record));
            expect({ fleet: `${d.node.id} ${region} ${fleet.id}`, name, waits }).toEqual({ fleet: `${d.node.id} ${region} ${fleet.id}`, name, waits: true });
            checked++;
          }
        }
      }
    }
    // Orders (Hot: 2 fleets, local record each), Payments (Cold: 2 fleets, both records each), Billing (Hot, 2 fleets).
    expect(checked).toBe(2 + 4 + 2);
  });
});

describe('two Active/Cold deployments on the same two VPCs', () => {
  test('one peering, one ingress rule per endpoint and CIDR, one record per name: AWS refuses duplicates', () => {
    const p = platform();
    cold(p.app, 'Payments', 'payments', p.shared);
    cold(p.app, 'Refunds', 'refunds', p.shared);
    const index = cloudFormationIndex(templatesOf(p.app));
    expect(index.ofType('AWS::EC2::VPCPeeringConnection')).toHaveLength(1);
    const ingress = index.ofType('AWS::EC2::SecurityGroupIngress').map((r) => `${index.refs(r.r.Properties.GroupId, r.stackName)[0]?.key} ${r.r.Properties.CidrIp}`);
    expect(ingress).toHaveLength(2);
    expect(new Set(ingress).size).toBe(2);
    expect(index.ofType('AWS::Route53::RecordSet')).toHaveLength(4);
    expect(index.ofType('AWS::ECS::Service')).toHaveLength(4);
    expect(p.app.synth().stacks.length).toBeGreaterThan(4);
  });
});

describe('a supplied zone is checked before anything is created', () => {
  test.each<[string, (p: ReturnType<typeof platform>) => { [region: string]: RegionPlacement }, string]>([
    ['a zone of another name', (p) => ({
      ...p.zoned,
      'us-east-1': { vpc: p.zoned['us-east-1'].vpc, privateZone: route53.HostedZone.fromHostedZoneAttributes(p.zoned['us-east-1'].vpc, 'Z', { hostedZoneId: 'Z0OTHER000000001', zoneName: 'corp.example.com' }) },
    }), "regions.us-east-1.privateZone = 'corp.example.com': is a zone named 'corp.example.com', but the Regional Endpoint records (aws-<region>.region.tmprl.cloud) go in a private zone named region.tmprl.cloud."],
    ['a malformed zone id', (p) => ({
      ...p.zoned,
      'us-east-1': { vpc: p.zoned['us-east-1'].vpc, privateZone: route53.HostedZone.fromHostedZoneId(p.zoned['us-east-1'].vpc, 'Z', 'zone-1') },
    }), "regions.us-east-1.privateZone = 'zone-1': is not a Route 53 hosted zone id"],
    ['a zone without the VPC it is associated with', (p) => ({
      'us-east-1': { privateZone: p.zoned['us-east-1'].privateZone }, 'us-west-2': p.zoned['us-west-2'],
    }), "regions.us-east-1.privateZone = 'region.tmprl.cloud': is supplied without regions.us-east-1.vpc: the construct would create a new VPC"],
  ])('%s', (_name, regions, message) => {
    const p = platform();
    const err = errorOf(() => hot(p.app, 'Billing', 'billing', regions(p)));
    expect(err.message).toContain('[TEMPORAL_PRIVATELINK_SETTINGS] Billing: ');
    expect(err.message).toContain(message);
  });

  test('a supplied zone on a VPC where another deployment already created one is a conflict, named with the fix', () => {
    const p = platform();
    hot(p.app, 'Orders', 'orders', p.shared);
    const err = errorOf(() => hot(p.app, 'Billing', 'billing', {
      'us-east-1': { vpc: p.shared['us-east-1'].vpc, privateZone: p.zoned['us-east-1'].privateZone }, 'us-west-2': p.shared['us-west-2'],
    }));
    expect(err.message).toContain("[TEMPORAL_PRIVATELINK_SETTINGS] Billing: regions.us-east-1.privateZone = 'region.tmprl.cloud': differs from the region.tmprl.cloud zone Orders already put on this VPC");
    expect(err.message).toContain('Fix: supply this same zone to Orders too, or leave it out here');
  });

  test('a deployment after one that supplied the VPC\'s zone writes into that zone (and creates none)', () => {
    const p = platform();
    hot(p.app, 'Billing', 'billing', p.zoned);
    cold(p.app, 'Payments', 'payments', { 'us-east-1': { vpc: p.zoned['us-east-1'].vpc }, 'us-west-2': { vpc: p.zoned['us-west-2'].vpc } });
    const index = cloudFormationIndex(templatesOf(p.app));
    expect(index.ofType('AWS::Route53::HostedZone')).toEqual([]);
    expect(index.ofType('AWS::Route53::RecordSet').map((r) => `${index.literal(r.r.Properties.HostedZoneId)} ${r.r.Properties.Name}`).sort()).toEqual([
      'Z0PLATFORMEAST00001 aws-us-east-1.region.tmprl.cloud.', 'Z0PLATFORMEAST00001 aws-us-west-2.region.tmprl.cloud.',
      'Z0PLATFORMWEST00001 aws-us-east-1.region.tmprl.cloud.', 'Z0PLATFORMWEST00001 aws-us-west-2.region.tmprl.cloud.',
    ]);
  });
});

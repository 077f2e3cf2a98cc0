/**
 * examples/platform: a platform team's own network stacks (VPC, subnets, cluster, its region.tmprl.cloud zone in us-east-1) and two
 * application teams' deployments on those VPCs, each in stacks of its own, synthesized as `cdk synth` runs it (cdk-nag, template validation).
 */
import { Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { expectNagClean, synthExample } from './support';
import { build } from '../../examples/platform/main';
import { templatesOf } from '../parity/cdk-scenarios';
import { cloudFormationIndex } from '../parity/components';

describe('examples/platform', () => {
  const result = synthExample('platform', build);
  const { platform, orders, payments } = result.built;
  const index = cloudFormationIndex(templatesOf(result.app));
  afterAll(result.cleanup);

  test('cdk-nag clean', () => expectNagClean(result));

  test('one region.tmprl.cloud zone per VPC: the platform\'s in us-east-1 (none created), one shared zone with the us-west-2 VPC', () => {
    const zones = index.ofType('AWS::Route53::HostedZone').filter((z) => z.r.Properties.Name === 'region.tmprl.cloud.');
    expect(zones.map((z) => z.stackName)).toEqual(['platform-network-us-west-2']);
  });

  test('one Temporal endpoint per VPC, with the VPC; one peering between the two VPCs', () => {
    const endpoints = index.ofType('AWS::EC2::VPCEndpoint').filter((e) => /vpce-svc-/.test(e.r.Properties.ServiceName));
    expect(endpoints.map((e) => e.stackName).sort()).toEqual(['platform-network-us-east-1', 'platform-network-us-west-2']);
    expect(index.ofType('AWS::EC2::VPCPeeringConnection')).toHaveLength(1);
  });

  test('every record once per zone: both regions\' names in each VPC (Cold on the Namespace Endpoint needs both), the platform\'s zone by id', () => {
    const records = index.ofType('AWS::Route53::RecordSet');
    const inPlatformZone = records.filter((r) => r.r.Properties.HostedZoneId === 'Z0123456789ABCDEFGHIJ').map((r) => r.r.Properties.Name);
    expect(inPlatformZone.sort()).toEqual(['aws-us-east-1.region.tmprl.cloud.', 'aws-us-west-2.region.tmprl.cloud.']);
    expect(records.map((r) => r.r.Properties.Name).sort()).toEqual([
      'aws-us-east-1.region.tmprl.cloud.', 'aws-us-east-1.region.tmprl.cloud.', 'aws-us-west-2.region.tmprl.cloud.', 'aws-us-west-2.region.tmprl.cloud.',
    ]);
  });

  test('Workers run in the platform\'s cluster and "workers" subnets; the Hot standby keeps the active size', () => {
    const services = result.app.node.findAll().filter((c): c is ecs.FargateService => c instanceof ecs.FargateService);
    expect(services).toHaveLength(4);
    for (const s of services) {
      const region = Stack.of(s).region;
      expect(s.cluster).toBe(platform[region].cluster);
      const cfn = s.node.defaultChild as ecs.CfnService;
      // The subnets are the platform stack's: imported by name (`...Vpcworkers...`), never the "shared" group's.
      const subnets = JSON.stringify(Stack.of(s).resolve(cfn.networkConfiguration));
      expect(subnets.match(/Vpcworkers/g)).toHaveLength(2);
      expect(subnets).not.toMatch(/Vpcshared/);
    }
    const hot = orders.planJson().regions.map((r: any) => [r.awsRegion, r.fleets[0].state, r.fleets[0].service.scaling.minCapacity]);
    expect(hot).toEqual([['us-east-1', 'active', 2], ['us-west-2', 'hot-standby', 2]]);
    expect(payments.planJson().regions.map((r: any) => r.fleets[0].service.desiredCount)).toEqual([2, 0]);
  });

  test('every stack has a resource (CloudFormation refuses an empty template): Cold stacks whose fleets deploy in the links stack keep a placeholder', () => {
    for (const s of result.assembly.stacks) {
      expect({ stack: s.stackName, resources: Object.keys(s.template.Resources ?? {}).length > 0 }).toEqual({ stack: s.stackName, resources: true });
    }
  });

  test('no application stack depends on another team\'s stacks, and the assembly has no cycle', () => {
    const deps = (s: Stack) => s.dependencies.map((d) => d.stackName);
    for (const s of [...Object.values(orders.stacks), ...Object.values(orders.linksStacks)]) {
      expect(deps(s).filter((d) => d.startsWith('payments'))).toEqual([]);
    }
    // 2 platform network stacks, 2 regional stacks per team, and the payments links stacks (Cold on the Namespace Endpoint reaches both
    // regions' endpoints); Hot on Regional Endpoints needs no links.
    // Each team's failover state stacks (one SSM parameter per region, deployed before the stacks that read it) sit beside its supplied stacks.
    expect(result.assembly.stacks.map((s) => s.stackName).sort()).toEqual([
      'Orders-us-east-1-state', 'Orders-us-west-2-state', 'Payments-us-east-1-links', 'Payments-us-east-1-state', 'Payments-us-west-2-links',
      'Payments-us-west-2-state', 'orders-us-east-1', 'orders-us-west-2',
      'payments-us-east-1', 'payments-us-west-2', 'platform-network-us-east-1', 'platform-network-us-west-2',
    ]);
  });
});

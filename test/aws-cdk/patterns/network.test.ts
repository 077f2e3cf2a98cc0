/**
 * Bring your own network pieces (subnets, security groups, cluster) and VPCs without internet egress, in the AWS CDK flavour. The same cases are
 * asserted on the Terraform JSON in test/cdktf/network.test.ts.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import {
  ActiveColdDeployment,
  ActiveHotDeployment,
  ActiveHotDeploymentProps,
  Connectivity,
  PollerForwarding,
  ServerlessWorkers,
  TemporalCredentials,
  WorkerEgress,
} from '../../../lib';
import { AWS_SERVICE_ENDPOINTS } from '../../../lib/core/components/network';
import { errorOf, resources } from '../support';

const CERTS = {
  'us-east-1': 'arn:aws:acm:us-east-1:111111111111:certificate/11111111-1111-1111-1111-111111111111',
  'us-west-2': 'arn:aws:acm:us-west-2:111111111111:certificate/22222222-2222-2222-2222-222222222222',
};
const image = (name: string) => ecs.ContainerImage.fromRegistry(`111111111111.dkr.ecr.us-east-1.amazonaws.com/${name}:1.0.0`);
const ALL_SERVICES = AWS_SERVICE_ENDPOINTS.map((e) => e.service).sort();
const TEMPORAL_SERVICE = /^com\.amazonaws\.vpce\./;

function props(overrides: Partial<ActiveHotDeploymentProps> = {}): ActiveHotDeploymentProps {
  return {
    namespace: { name: 'orders', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2', pollerForwarding: PollerForwarding.DISABLED },
    credentials: TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
    connectivity: Connectivity.privateLink(),
    workers: { image: image('orders-worker') },
    codecServer: { image: image('codec'), certificateArns: CERTS },
    proxy: { image: image('proxy') },
    account: '111111111111',
    ...overrides,
  };
}

/** A value with `{ Ref: AWS::Region }` / `Fn::Join` as the literal text it deploys as in `region`. */
function text(value: any, region: string): string {
  if (typeof value === 'string') return value;
  if (value?.Ref === 'AWS::Region') return region;
  if (value?.Ref === 'AWS::URLSuffix') return 'amazonaws.com';
  if (value?.['Fn::Join']) return value['Fn::Join'][1].map((v: any) => text(v, region)).join(value['Fn::Join'][0]);
  return JSON.stringify(value);
}

/** The AWS service endpoints of a stack (the Temporal PrivateLink endpoint aside), by short name, with their type and private DNS. */
function serviceEndpoints(stack: Stack): Array<{ service: string; type: string; privateDns: boolean | undefined; props: any }> {
  return resources(stack, 'AWS::EC2::VPCEndpoint')
    .map(([, p]) => ({ name: text(p.ServiceName, stack.region), p }))
    .filter(({ name }) => !TEMPORAL_SERVICE.test(name))
    .map(({ name, p }) => ({ service: name.replace(`com.amazonaws.${stack.region}.`, ''), type: p.VpcEndpointType ?? 'Gateway', privateDns: p.PrivateDnsEnabled, props: p }))
    .sort((a, b) => a.service.localeCompare(b.service));
}

/** Logical ids of a stack's subnets whose CDK subnet type tag is `type` (`Isolated`, `Private`, `Public`). */
function subnetIds(stack: Stack, type: string): string[] {
  return resources(stack, 'AWS::EC2::Subnet')
    .filter(([, p]) => (p.Tags ?? []).some((t: any) => t.Key === 'aws-cdk:subnet-type' && t.Value === type)).map(([id]) => id);
}

const refs = (xs: any[]) => xs.map((x) => x.Ref ?? x).sort();

describe('egress: WorkerEgress.VPC_ENDPOINTS, VPCs the construct creates', () => {
  const app = new App();
  const hot = new ActiveHotDeployment(app, 'Orders', props({ egress: WorkerEgress.VPC_ENDPOINTS }));
  const stacks = [hot.stacks['us-east-1'], hot.stacks['us-west-2']];

  test.each(stacks.map((s) => [s.region, s]))('%s: the AWS service endpoints of the core list, private DNS on', (_region, stack) => {
    const endpoints = serviceEndpoints(stack);
    expect(endpoints.map((e) => e.service)).toEqual(ALL_SERVICES);
    for (const e of endpoints) {
      const spec = AWS_SERVICE_ENDPOINTS.find((s) => s.service === e.service)!;
      expect(e.type).toBe(spec.type);
      expect(e.privateDns).toBe(spec.type === 'Interface' ? true : undefined);
    }
  });

  test.each(stacks.map((s) => [s.region, s]))('%s: no NAT gateway, no internet gateway, no route to 0.0.0.0/0', (_region, stack) => {
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::EC2::NatGateway', 0);
    t.resourceCountIs('AWS::EC2::InternetGateway', 0);
    expect(resources(stack, 'AWS::EC2::Route').filter(([, p]) => p.DestinationCidrBlock === '0.0.0.0/0')).toEqual([]);
    expect(subnetIds(stack, 'Public')).toEqual([]);
    expect(subnetIds(stack, 'Isolated')).toHaveLength(2);
  });

  test('interface endpoints admit HTTPS from the VPC only; the S3 gateway is in the isolated subnets\' route tables', () => {
    const stack = stacks[0];
    const [interfaceEndpoint] = serviceEndpoints(stack).filter((e) => e.type === 'Interface');
    const [sgId] = refs(interfaceEndpoint.props.SecurityGroupIds.map((x: any) => x['Fn::GetAtt']?.[0] ?? x));
    const sg = resources(stack, 'AWS::EC2::SecurityGroup').find(([id]) => id === sgId)![1];
    const cidr = hot.planJson().regions.find((r: any) => r.awsRegion === 'us-east-1').defaultVpcCidr;
    expect(sg.SecurityGroupIngress).toEqual([expect.objectContaining({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: cidr })]);
    expect(refs(interfaceEndpoint.props.SubnetIds)).toEqual(subnetIds(stack, 'Isolated').sort());
    const s3 = serviceEndpoints(stack).find((e) => e.service === 's3')!;
    const isolatedTables = resources(stack, 'AWS::EC2::SubnetRouteTableAssociation')
      .filter(([, p]) => subnetIds(stack, 'Isolated').includes(p.SubnetId.Ref)).map(([, p]) => p.RouteTableId.Ref).sort();
    expect(refs(s3.props.RouteTableIds)).toEqual(isolatedTables);
  });

  test('Workers, codec servers, proxies, internal load balancers and the Temporal endpoint are in the isolated subnets, without public IPs', () => {
    const stack = stacks[0];
    const isolated = subnetIds(stack, 'Isolated').sort();
    const services = resources(stack, 'AWS::ECS::Service');
    expect(services).toHaveLength(3);
    for (const [, s] of services) {
      expect(s.NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp).toBe('DISABLED');
      expect(refs(s.NetworkConfiguration.AwsvpcConfiguration.Subnets)).toEqual(isolated);
    }
    for (const [, lb] of resources(stack, 'AWS::ElasticLoadBalancingV2::LoadBalancer')) {
      expect(lb.Scheme).toBe('internal');
      expect(refs(lb.Subnets)).toEqual(isolated);
    }
    const temporal = resources(stack, 'AWS::EC2::VPCEndpoint').find(([, p]) => TEMPORAL_SERVICE.test(text(p.ServiceName, stack.region)))![1];
    expect(refs(temporal.SubnetIds)).toEqual(isolated);
  });
});

describe('egress: WorkerEgress.VPC_ENDPOINTS, other shapes', () => {
  test('an internet-facing codec server keeps public subnets for its load balancer, and still no NAT gateway or route from the private subnets', () => {
    const app = new App();
    const hot = new ActiveHotDeployment(app, 'Orders', props({
      egress: WorkerEgress.VPC_ENDPOINTS, codecServer: { image: image('codec'), certificateArns: CERTS, internetFacing: true },
    }));
    const stack = hot.stacks['us-east-1'];
    Template.fromStack(stack).resourceCountIs('AWS::EC2::NatGateway', 0);
    expect(subnetIds(stack, 'Public')).toHaveLength(2);
    const codecLb = resources(stack, 'AWS::ElasticLoadBalancingV2::LoadBalancer').find(([, p]) => p.Scheme === 'internet-facing')![1];
    expect(refs(codecLb.Subnets)).toEqual(subnetIds(stack, 'Public').sort());
    const isolatedTables = resources(stack, 'AWS::EC2::SubnetRouteTableAssociation')
      .filter(([, p]) => subnetIds(stack, 'Isolated').includes(p.SubnetId.Ref)).map(([, p]) => p.RouteTableId.Ref);
    expect(resources(stack, 'AWS::EC2::Route').filter(([, p]) => isolatedTables.includes(p.RouteTableId.Ref) && p.DestinationCidrBlock === '0.0.0.0/0')).toEqual([]);
  });

  test('Active/Hot with starters pinned to the other region: the return routes go in the isolated subnets too (found by the property suite: it crashed)', () => {
    const hot = new ActiveHotDeployment(new App(), 'Orders', props({
      egress: WorkerEgress.VPC_ENDPOINTS,
      codecServer: undefined,
      proxy: undefined,
      starters: { image: image('starter'), pinnedRegion: 'us-west-2' },
    }));
    const routes = Object.values(hot.linksStacks).flatMap((s) => resources(s, 'AWS::EC2::Route').filter(([, p]) => p.VpcPeeringConnectionId));
    expect(routes.length).toBeGreaterThanOrEqual(2);
  });

  test('Active/Cold: the cross-region peering routes go in the isolated subnets\' route tables', () => {
    const app = new App();
    const cold = new ActiveColdDeployment(app, 'Orders', {
      ...props(), egress: WorkerEgress.VPC_ENDPOINTS, codecServer: undefined, proxy: undefined,
    });
    const east = cold.stacks['us-east-1'];
    const eastTables = resources(east, 'AWS::EC2::RouteTable').map(([id]) => id);
    const routes = resources(cold.linksStacks['us-east-1'], 'AWS::EC2::Route').filter(([, p]) => p.VpcPeeringConnectionId);
    const westCidr = cold.planJson().regions.find((r: any) => r.awsRegion === 'us-west-2').defaultVpcCidr;
    expect(routes.map(([, p]) => p.DestinationCidrBlock)).toEqual([westCidr, westCidr]);
    // The links stack reads the regional stack's route tables: the two isolated subnets' tables.
    const named = routes.map(([, p]) => eastTables.find((t) => p.RouteTableId['Fn::GetStackOutput'].OutputName.includes(t)));
    expect(named.sort()).toEqual([...eastTables].sort());
  });

  test('serverless Workers in the VPC (PrivateLink): the Secrets Manager endpoint only, and the function in the isolated subnets', () => {
    const app = new App();
    const sl = new ServerlessWorkers(app, 'Notify', {
      namespace: { name: 'notify', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2' },
      credentials: TemporalCredentials.apiKeyFromSecretName('temporal/notify/api-key'),
      connectivity: Connectivity.privateLink(),
      egress: WorkerEgress.VPC_ENDPOINTS,
      serverlessWorkers: { codePath: `${__dirname}/../../../examples/serverless/worker`, buildId: 'v1', externalId: 'temporal-invoker-3f9a1c7d2e' },
      account: '111111111111',
    });
    const stack = sl.stacks['us-east-1'];
    expect(serviceEndpoints(stack).map((e) => e.service)).toEqual(['secretsmanager']);
    const fn = resources(stack, 'AWS::Lambda::Function').find(([, p]) => p.Environment?.Variables?.TEMPORAL_NAMESPACE)![1];
    expect(refs(fn.VpcConfig.SubnetIds)).toEqual(subnetIds(stack, 'Isolated').sort());
  });

  test('Workers on the public path without egress: one error naming egress and connectivity, before any resource', () => {
    const app = new App();
    const err = errorOf(() => new ActiveHotDeployment(app, 'Orders', props({ egress: WorkerEgress.VPC_ENDPOINTS, connectivity: Connectivity.public() })));
    expect(err.message).toContain('[TEMPORAL_NETWORK_EGRESS] Orders: egress = \'vpc-endpoints\' (and connectivity = public)');
    expect(err.message).toContain('Connectivity.privateLink()');
    expect(app.node.findAll().filter((c) => Stack.isStack(c))).toHaveLength(0);
  });
});

describe('bring your own network pieces', () => {
  /** A platform stack per region with a VPC of three subnet groups, a cluster and a security group. */
  function platform(app: App, region: string, cidr: string) {
    const stack = new Stack(app, `Platform-${region}`, { env: { account: '111111111111', region } });
    const vpc = new ec2.Vpc(stack, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr(cidr),
      maxAzs: 2,
      natGateways: 1,
      subnetConfiguration: [
        { name: 'ingress', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'apps', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
        { name: 'shared', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
      ],
    });
    const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
    const sg = new ec2.SecurityGroup(stack, 'WorkerSg', { vpc });
    return { stack, vpc, cluster, sg };
  }
  const subnetsOf = (stack: Stack, group: string) => resources(stack, 'AWS::EC2::Subnet')
    .filter(([, p]) => (p.Tags ?? []).some((t: any) => t.Key === 'aws-cdk:subnet-name' && t.Value === group)).map(([id]) => id).sort();
  /** Which of `candidates` (logical ids) each value names: a reference in its own stack, or an import from another stack. */
  const named = (xs: any[], candidates: string[]) => xs.map((x) => candidates.find((c) => JSON.stringify(x).includes(c)) ?? JSON.stringify(x)).sort();

  const app = new App();
  const east = platform(app, 'us-east-1', '10.10.0.0/16');
  const west = platform(app, 'us-west-2', '10.20.0.0/16');
  const placement = (p: ReturnType<typeof platform>) => ({
    stack: p.stack,
    vpc: p.vpc,
    cluster: p.cluster,
    workerSubnets: { subnetGroupName: 'apps' },
    componentSubnets: { subnetGroupName: 'shared' },
    workerSecurityGroups: [p.sg],
  });
  const hot = new ActiveHotDeployment(app, 'Orders', props({
    starters: { image: image('starter') },
    regions: { 'us-east-1': placement(east), 'us-west-2': placement(west) },
  }));
  const stack = east.stack;
  // Services of us-east-1, wherever they are (a fleet resolving another region's private record may be in the region's links stack).
  const eastStacks = [stack, ...Object.entries(hot.linksStacks).filter(([r]) => r === 'us-east-1').map(([, s]) => s)];
  const services = eastStacks.flatMap((s) => resources(s, 'AWS::ECS::Service'));
  const isFleet = (s: any) => JSON.stringify(s.NetworkConfiguration.AwsvpcConfiguration.SecurityGroups).includes('WorkerSg');
  const clusterId = resources(stack, 'AWS::ECS::Cluster').map(([id]) => id);

  test('Worker and starter services: the supplied cluster, worker subnets and security groups', () => {
    const fleets = services.filter(([, s]) => isFleet(s));
    expect(fleets).toHaveLength(2);
    for (const [, s] of fleets) {
      expect(named([s.Cluster], clusterId)).toEqual(clusterId);
      expect(named(s.NetworkConfiguration.AwsvpcConfiguration.Subnets, subnetsOf(stack, 'apps'))).toEqual(subnetsOf(stack, 'apps'));
      const sgIds = resources(stack, 'AWS::EC2::SecurityGroup').map(([id]) => id).filter((id) => id.startsWith('WorkerSg'));
      expect(named(s.NetworkConfiguration.AwsvpcConfiguration.SecurityGroups, sgIds)).toEqual(sgIds);
      expect(s.NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp).toBe('DISABLED');
    }
  });

  test('codec server and proxy services, their internal load balancers and the Temporal endpoint: the supplied cluster and component subnets', () => {
    const components = services.filter(([, s]) => !isFleet(s));
    expect(components).toHaveLength(2);
    for (const [, s] of components) {
      expect(named([s.Cluster], clusterId)).toEqual(clusterId);
      expect(named(s.NetworkConfiguration.AwsvpcConfiguration.Subnets, subnetsOf(stack, 'shared'))).toEqual(subnetsOf(stack, 'shared'));
    }
    const lbs = resources(stack, 'AWS::ElasticLoadBalancingV2::LoadBalancer');
    expect(lbs).toHaveLength(2);
    for (const [, lb] of lbs) expect(named(lb.Subnets, subnetsOf(stack, 'shared'))).toEqual(subnetsOf(stack, 'shared'));
    const temporal = resources(stack, 'AWS::EC2::VPCEndpoint').find(([, p]) => TEMPORAL_SERVICE.test(text(p.ServiceName, 'us-east-1')))![1];
    expect(named(temporal.SubnetIds, subnetsOf(stack, 'shared'))).toEqual(subnetsOf(stack, 'shared'));
    Template.fromStack(stack).resourceCountIs('AWS::ECS::Cluster', 1);
  });

  test('a supplied VPC without egress gets the AWS service endpoints, unless it has them (createAwsServiceEndpoints: false)', () => {
    for (const create of [undefined, false]) {
      const a = new App();
      const e = platform(a, 'us-east-1', '10.10.0.0/16');
      const w = platform(a, 'us-west-2', '10.20.0.0/16');
      const at = (p: ReturnType<typeof platform>) => ({ ...placement(p), createAwsServiceEndpoints: create });
      new ActiveHotDeployment(a, 'Orders', props({ egress: WorkerEgress.VPC_ENDPOINTS, regions: { 'us-east-1': at(e), 'us-west-2': at(w) } }));
      expect(serviceEndpoints(e.stack).map((x) => x.service)).toEqual(create === false ? [] : ALL_SERVICES);
      // Interface endpoints in the component subnets; the S3 gateway in the route tables of the worker and component subnets.
      if (create === undefined) {
        const ecr = serviceEndpoints(e.stack).find((x) => x.service === 'ecr.api')!;
        expect(refs(ecr.props.SubnetIds)).toEqual(subnetsOf(e.stack, 'shared'));
        expect(serviceEndpoints(e.stack).find((x) => x.service === 's3')!.props.RouteTableIds).toHaveLength(4);
      }
    }
  });

  test('subnets, security groups or a cluster without their VPC: one error per prop, before any resource', () => {
    const a = new App();
    const p = platform(a, 'us-east-1', '10.10.0.0/16');
    const err = errorOf(() => new ActiveHotDeployment(a, 'Orders', props({
      regions: { 'us-east-1': { stack: p.stack, cluster: p.cluster, workerSecurityGroups: [p.sg] } },
    })));
    expect(err.message).toContain('[TEMPORAL_NETWORK_PLACEMENT] Orders: regions.us-east-1.cluster = {...}: it is set, but regions.us-east-1.vpc is not');
    expect(err.message).toContain('regions.us-east-1.workerSecurityGroups = {...}');
    expect(err.message).toContain('Fix: supply regions.us-east-1.vpc (the VPC cluster belongs to), or remove cluster.');
  });
});

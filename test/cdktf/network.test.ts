/**
 * Bring your own network pieces (subnets, security groups, cluster) and VPCs without internet egress, in the CDK for Terraform flavour. The same
 * cases are asserted on the CloudFormation in test/aws-cdk/patterns/network.test.ts.
 */
import { TerraformResource } from 'cdktf';
import { errorOf, newStack, resourcesOf, synthStack, TfJson } from './support';
import {
  ActiveColdDeployment,
  ActiveHotDeployment,
  ActiveHotDeploymentProps,
  Connectivity,
  PollerForwarding,
  ServerlessWorkerCode,
  ServerlessWorkers,
  TemporalCredentials,
  WorkerEgress,
} from '../../lib/cdktf';
import { AWS_SERVICE_ENDPOINTS } from '../../lib/core/components/network';

const CERTS = {
  'us-east-1': 'arn:aws:acm:us-east-1:111111111111:certificate/11111111-1111-1111-1111-111111111111',
  'us-west-2': 'arn:aws:acm:us-west-2:111111111111:certificate/22222222-2222-2222-2222-222222222222',
};
const image = (name: string) => `111111111111.dkr.ecr.us-east-1.amazonaws.com/${name}:1.0.0`;
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
    ...overrides,
  };
}

/** The AWS service endpoints in a region (the Temporal PrivateLink endpoint aside), by short name. */
function serviceEndpoints(json: TfJson, region: string) {
  return resourcesOf(json, 'aws_vpc_endpoint').filter((e) => e.region === region && !TEMPORAL_SERVICE.test(e.body.service_name))
    .map((e) => ({ service: e.body.service_name.replace(`com.amazonaws.${region}.`, ''), type: e.body.vpc_endpoint_type, body: e.body }))
    .sort((a, b) => a.service.localeCompare(b.service));
}

/** The names of the Terraform resources of a type a list of references (`${aws_subnet.<name>.id}`) points to. */
const namesIn = (refs: string[], type: string) => refs.map((r) => new RegExp(`\\$\\{${type}\\.([^.]+)\\.`).exec(r)?.[1] ?? r).sort();
const ofRegion = (json: TfJson, type: string, region: string) => resourcesOf(json, type).filter((r) => r.region === region);

describe('egress: WorkerEgress.VPC_ENDPOINTS, VPCs the construct creates', () => {
  const stack = newStack();
  const hot = new ActiveHotDeployment(stack, 'Orders', props({ egress: WorkerEgress.VPC_ENDPOINTS }));
  const json = synthStack(stack);
  const privateSubnets = (region: string) => ofRegion(json, 'aws_subnet', region).filter((s) => s.name.includes('PrivateSubnet')).map((s) => s.name).sort();

  test.each(['us-east-1', 'us-west-2'])('%s: the AWS service endpoints of the core list, private DNS on', (region) => {
    const endpoints = serviceEndpoints(json, region);
    expect(endpoints.map((e) => e.service)).toEqual(ALL_SERVICES);
    for (const e of endpoints) {
      const spec = AWS_SERVICE_ENDPOINTS.find((s) => s.service === e.service)!;
      expect(e.type).toBe(spec.type);
      expect(e.body.private_dns_enabled).toBe(spec.type === 'Interface' ? true : undefined);
    }
  });

  test.each(['us-east-1', 'us-west-2'])('%s: no NAT gateway, no internet gateway, no route to 0.0.0.0/0', (region) => {
    expect(ofRegion(json, 'aws_nat_gateway', region)).toEqual([]);
    expect(ofRegion(json, 'aws_internet_gateway', region)).toEqual([]);
    expect(ofRegion(json, 'aws_route', region).filter((r) => r.body.destination_cidr_block === '0.0.0.0/0')).toEqual([]);
    expect(ofRegion(json, 'aws_subnet', region).filter((s) => s.name.includes('PublicSubnet'))).toEqual([]);
    expect(privateSubnets(region)).toHaveLength(2);
  });

  test('interface endpoints admit HTTPS from the VPC only; the S3 gateway is in the private subnets\' route tables', () => {
    const cidr = hot.planJson().regions.find((r: any) => r.awsRegion === 'us-east-1').defaultVpcCidr;
    const [ecr] = serviceEndpoints(json, 'us-east-1').filter((e) => e.service === 'ecr.api');
    const [sg] = namesIn(ecr.body.security_group_ids, 'aws_security_group');
    const ingress = resourcesOf(json, 'aws_vpc_security_group_ingress_rule').filter((r) => r.body.security_group_id.includes(`.${sg}.`));
    expect(ingress.map((r) => [r.body.ip_protocol, r.body.from_port, r.body.to_port, r.body.cidr_ipv4])).toEqual([['tcp', 443, 443, cidr]]);
    expect(namesIn(ecr.body.subnet_ids, 'aws_subnet')).toEqual(privateSubnets('us-east-1'));
    const s3 = serviceEndpoints(json, 'us-east-1').find((e) => e.service === 's3')!;
    const tables = ofRegion(json, 'aws_route_table', 'us-east-1').filter((t) => t.name.includes('PrivateRouteTable')).map((t) => t.name).sort();
    expect(namesIn(s3.body.route_table_ids, 'aws_route_table')).toEqual(tables);
  });

  test('Workers, codec servers, proxies, internal load balancers and the Temporal endpoint are in the private subnets, without public IPs', () => {
    const services = ofRegion(json, 'aws_ecs_service', 'us-east-1');
    expect(services).toHaveLength(3);
    for (const s of services) {
      expect(s.body.network_configuration.assign_public_ip).toBe(false);
      expect(namesIn(s.body.network_configuration.subnets, 'aws_subnet')).toEqual(privateSubnets('us-east-1'));
    }
    for (const lb of ofRegion(json, 'aws_lb', 'us-east-1')) {
      expect(lb.body.internal).toBe(true);
      expect(namesIn(lb.body.subnets, 'aws_subnet')).toEqual(privateSubnets('us-east-1'));
    }
    const temporal = ofRegion(json, 'aws_vpc_endpoint', 'us-east-1').find((e) => TEMPORAL_SERVICE.test(e.body.service_name))!;
    expect(namesIn(temporal.body.subnet_ids, 'aws_subnet')).toEqual(privateSubnets('us-east-1'));
  });
});

describe('egress: WorkerEgress.VPC_ENDPOINTS, other shapes', () => {
  test('an internet-facing codec server keeps public subnets for its load balancer, and still no NAT gateway or route from the private subnets', () => {
    const stack = newStack();
    new ActiveHotDeployment(stack, 'Orders', props({
      egress: WorkerEgress.VPC_ENDPOINTS, codecServer: { image: image('codec'), certificateArns: CERTS, internetFacing: true },
    }));
    const json = synthStack(stack);
    expect(ofRegion(json, 'aws_nat_gateway', 'us-east-1')).toEqual([]);
    const publicSubnets = ofRegion(json, 'aws_subnet', 'us-east-1').filter((s) => s.name.includes('PublicSubnet')).map((s) => s.name).sort();
    expect(publicSubnets).toHaveLength(2);
    const codecLb = ofRegion(json, 'aws_lb', 'us-east-1').find((lb) => lb.body.internal === false)!;
    expect(namesIn(codecLb.body.subnets, 'aws_subnet')).toEqual(publicSubnets);
    const defaultRoutes = ofRegion(json, 'aws_route', 'us-east-1').filter((r) => r.body.destination_cidr_block === '0.0.0.0/0');
    expect(defaultRoutes.map((r) => namesIn([r.body.route_table_id], 'aws_route_table')[0])).toEqual([expect.stringContaining('PublicRouteTable')]);
  });

  test('Active/Cold: the cross-region peering routes go in the private subnets\' route tables', () => {
    const stack = newStack();
    const cold = new ActiveColdDeployment(stack, 'Orders', { ...props(), egress: WorkerEgress.VPC_ENDPOINTS, codecServer: undefined, proxy: undefined });
    const json = synthStack(stack);
    const westCidr = cold.planJson().regions.find((r: any) => r.awsRegion === 'us-west-2').defaultVpcCidr;
    const routes = ofRegion(json, 'aws_route', 'us-east-1').filter((r) => r.body.vpc_peering_connection_id);
    expect(routes.map((r) => r.body.destination_cidr_block)).toEqual([westCidr, westCidr]);
    const tables = ofRegion(json, 'aws_route_table', 'us-east-1').map((t) => t.name).sort();
    expect(routes.map((r) => namesIn([r.body.route_table_id], 'aws_route_table')[0]).sort()).toEqual(tables);
  });

  test('serverless Workers in the VPC (PrivateLink): the Secrets Manager endpoint only, and the function in the private subnets', () => {
    const stack = newStack();
    new ServerlessWorkers(stack, 'Notify', {
      namespace: { name: 'notify', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2' },
      credentials: TemporalCredentials.apiKeyFromSecretName('temporal/notify/api-key'),
      connectivity: Connectivity.privateLink(),
      egress: WorkerEgress.VPC_ENDPOINTS,
      serverlessWorkers: {
        code: { 'us-east-1': ServerlessWorkerCode.fromS3('artifacts-east', 'w.zip'), 'us-west-2': ServerlessWorkerCode.fromS3('artifacts-west', 'w.zip') },
        buildId: 'v1',
        externalId: 'temporal-invoker-3f9a1c7d2e',
      },
    });
    const json = synthStack(stack);
    expect(serviceEndpoints(json, 'us-east-1').map((e) => e.service)).toEqual(['secretsmanager']);
    const fn = ofRegion(json, 'aws_lambda_function', 'us-east-1')[0];
    const privateSubnets = ofRegion(json, 'aws_subnet', 'us-east-1').filter((s) => s.name.includes('PrivateSubnet')).map((s) => s.name).sort();
    expect(namesIn(fn.body.vpc_config.subnet_ids, 'aws_subnet')).toEqual(privateSubnets);
  });

  test('Workers on the public path without egress: one error naming egress and connectivity, before any resource', () => {
    const stack = newStack();
    const err = errorOf(() => new ActiveHotDeployment(stack, 'Orders', props({ egress: WorkerEgress.VPC_ENDPOINTS, connectivity: Connectivity.public() })));
    expect(err.message).toContain('[TEMPORAL_NETWORK_EGRESS] stack/Orders: egress = \'vpc-endpoints\' (and connectivity = public)');
    expect(err.message).toContain('Connectivity.privateLink()');
    expect(stack.node.findAll().filter((c) => c instanceof TerraformResource)).toEqual([]);
  });
});

describe('bring your own network pieces', () => {
  const vpc = (n: number) => ({
    vpcId: `vpc-${n}`,
    cidrBlock: `10.${n}.0.0/16`,
    privateSubnetIds: [`subnet-${n}-private-a`, `subnet-${n}-private-b`],
    privateRouteTableIds: [`rtb-${n}-a`, `rtb-${n}-b`],
  });
  const placement = (n: number, region: string) => ({
    vpc: vpc(n),
    clusterArn: `arn:aws:ecs:${region}:111111111111:cluster/platform`,
    workerSubnetIds: [`subnet-${n}-apps-a`, `subnet-${n}-apps-b`],
    componentSubnetIds: [`subnet-${n}-shared-a`, `subnet-${n}-shared-b`],
    workerSecurityGroupIds: [`sg-${n}-workers`],
  });
  const stack = newStack();
  new ActiveHotDeployment(stack, 'Orders', props({
    starters: { image: image('starter') },
    regions: { 'us-east-1': placement(10, 'us-east-1'), 'us-west-2': placement(20, 'us-west-2') },
  }));
  const json = synthStack(stack);
  const services = ofRegion(json, 'aws_ecs_service', 'us-east-1');
  const isFleet = (s: any) => s.body.tags?.TemporalFleet !== undefined;

  test('Worker and starter services: the supplied cluster, worker subnets and security groups', () => {
    const fleets = services.filter(isFleet);
    expect(fleets).toHaveLength(2);
    for (const s of fleets) {
      expect(s.body.cluster).toBe('arn:aws:ecs:us-east-1:111111111111:cluster/platform');
      expect(s.body.network_configuration).toEqual({ subnets: ['subnet-10-apps-a', 'subnet-10-apps-b'], security_groups: ['sg-10-workers'], assign_public_ip: false });
    }
  });

  test('codec server and proxy services, their internal load balancers and the Temporal endpoint: the supplied cluster and component subnets', () => {
    const components = services.filter((s) => !isFleet(s));
    expect(components).toHaveLength(2);
    for (const s of components) {
      expect(s.body.cluster).toBe('arn:aws:ecs:us-east-1:111111111111:cluster/platform');
      expect(s.body.network_configuration.subnets).toEqual(['subnet-10-shared-a', 'subnet-10-shared-b']);
    }
    const lbs = ofRegion(json, 'aws_lb', 'us-east-1');
    expect(lbs).toHaveLength(2);
    for (const lb of lbs) expect(lb.body.subnets).toEqual(['subnet-10-shared-a', 'subnet-10-shared-b']);
    const temporal = ofRegion(json, 'aws_vpc_endpoint', 'us-east-1').find((e) => TEMPORAL_SERVICE.test(e.body.service_name))!;
    expect(temporal.body.subnet_ids).toEqual(['subnet-10-shared-a', 'subnet-10-shared-b']);
    expect(resourcesOf(json, 'aws_ecs_cluster')).toEqual([]);
    expect(resourcesOf(json, 'aws_vpc')).toEqual([]);
  });

  test('a supplied VPC without egress gets the AWS service endpoints, unless it has them (createAwsServiceEndpoints: false)', () => {
    for (const create of [undefined, false]) {
      const s = newStack();
      const at = (n: number, region: string) => ({ ...placement(n, region), createAwsServiceEndpoints: create });
      new ActiveHotDeployment(s, 'Orders', props({ egress: WorkerEgress.VPC_ENDPOINTS, regions: { 'us-east-1': at(10, 'us-east-1'), 'us-west-2': at(20, 'us-west-2') } }));
      const j = synthStack(s);
      expect(serviceEndpoints(j, 'us-east-1').map((x) => x.service)).toEqual(create === false ? [] : ALL_SERVICES);
      if (create === undefined) {
        // Interface endpoints in the component subnets; the S3 gateway in the private route tables the platform team named.
        expect(serviceEndpoints(j, 'us-east-1').find((x) => x.service === 'ecr.api')!.body.subnet_ids).toEqual(['subnet-10-shared-a', 'subnet-10-shared-b']);
        expect(serviceEndpoints(j, 'us-east-1').find((x) => x.service === 's3')!.body.route_table_ids).toEqual(['rtb-10-a', 'rtb-10-b']);
      }
      expect(resourcesOf(j, 'aws_nat_gateway')).toEqual([]);
    }
  });

  test('worker subnets default to the VPC\'s private subnets', () => {
    const s = newStack();
    const { workerSubnetIds: _w, componentSubnetIds: _c, ...rest } = placement(10, 'us-east-1');
    new ActiveHotDeployment(s, 'Orders', props({ regions: { 'us-east-1': rest, 'us-west-2': placement(20, 'us-west-2') } }));
    for (const svc of ofRegion(synthStack(s), 'aws_ecs_service', 'us-east-1')) {
      expect(svc.body.network_configuration.subnets).toEqual(['subnet-10-private-a', 'subnet-10-private-b']);
    }
  });

  test('subnets, security groups or a cluster without their VPC: one error per prop, before any resource', () => {
    const err = errorOf(() => new ActiveHotDeployment(newStack(), 'Orders', props({
      regions: { 'us-east-1': { clusterArn: 'arn:aws:ecs:us-east-1:111111111111:cluster/platform', workerSecurityGroupIds: ['sg-1'] } },
    })));
    expect(err.message).toContain('[TEMPORAL_NETWORK_PLACEMENT] stack/Orders: regions.us-east-1.clusterArn = {...}: it is set, but regions.us-east-1.vpc is not');
    expect(err.message).toContain('regions.us-east-1.workerSecurityGroupIds = {...}');
    expect(err.message).toContain('Fix: supply regions.us-east-1.vpc (the VPC clusterArn belongs to), or remove clusterArn.');
  });

  test('a supplied VPC without route tables, without egress: the S3 gateway endpoint needs them', () => {
    const { privateRouteTableIds: _t, ...noTables } = vpc(10);
    const err = errorOf(() => new ActiveHotDeployment(newStack(), 'Orders', props({
      egress: WorkerEgress.VPC_ENDPOINTS, regions: { 'us-east-1': { vpc: noTables } },
    })));
    expect(err.message).toContain('[TEMPORAL_NETWORK_EGRESS] stack/Orders: regions.us-east-1.vpc.privateRouteTableIds = (not set)');
  });
});

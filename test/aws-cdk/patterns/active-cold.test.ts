import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import {
  ActiveColdDeployment,
  ActiveColdDeploymentProps,
  ComponentRouting,
  Connectivity,
  CrossRegionRoute,
  EndpointKind,
  TemporalCredentials,
} from '../../../lib';
import { errorOf, recordNames, resources, workerContainers } from '../support';

const IMAGE = 'ghcr.io/acme/orders-worker:2.0.0';

function props(overrides: Partial<ActiveColdDeploymentProps> = {}): ActiveColdDeploymentProps {
  return {
    namespace: { name: 'orders', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2' },
    credentials: TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
    connectivity: Connectivity.privateLink(),
    workers: { image: ecs.ContainerImage.fromRegistry(IMAGE), minCapacity: 3 },
    account: '111111111111',
    ...overrides,
  };
}

describe('ActiveColdDeployment', () => {
  const app = new App();
  const cold = new ActiveColdDeployment(app, 'Orders', props());
  const east = cold.stacks['us-east-1'];
  const west = cold.stacks['us-west-2'];
  // Fleets on the Namespace Endpoint resolve the other region's private record, written by the links stack: they deploy there, after it.
  const eastFleets = cold.linksStacks['us-east-1'];
  const westFleets = cold.linksStacks['us-west-2'];

  test('both fleets are the same service; the live failover state picks which one runs (test/aws-cdk/failover.test.ts evaluates it)', () => {
    for (const stack of [eastFleets, westFleets]) {
      Template.fromStack(stack).hasResourceProperties('AWS::ECS::Service', { DesiredCount: { 'Fn::If': [Match.anyValue(), { Ref: 'AWS::NoValue' }, 0] } });
      Template.fromStack(stack).hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: { 'Fn::If': [Match.anyValue(), 3, 0] } });
    }
    for (const stack of [eastFleets, westFleets]) {
      const [[, td]] = resources(stack, 'AWS::ECS::TaskDefinition');
      expect(td.ContainerDefinitions[0].Image).toBe(IMAGE);
    }
  });

  test('both fleets dial the Namespace Endpoint', () => {
    for (const stack of [eastFleets, westFleets]) {
      expect(workerContainers(stack)[0].env.TEMPORAL_ADDRESS).toBe('orders.a1b2c.tmprl.cloud:7233');
    }
  });

  test('outputs the service names, the state parameter and the runbooks; no task count (the live state sets it)', () => {
    const outputs = Template.fromStack(westFleets).toJSON().Outputs;
    const byKey = (suffix: string) => Object.entries<any>(outputs).find(([k]) => new RegExp(`${suffix}[0-9A-F]{8}$|${suffix}$`).test(k))?.[1];
    expect(byKey('WorkersDesiredCount')).toBeUndefined();
    expect(byKey('WorkersFailoverDesiredCount')).toBeUndefined();
    expect(byKey('WorkersServiceName')).toBeDefined();
    expect(byKey('FailoverMainStateParameter').Value).toBe('/temporal-ha/orders/main/active-region');
    expect(byKey('FailoverMainActivateRunbook').Description).toContain('--document-name orders-activate-us-west-2');
  });

  test('PrivateLink: a peering connection from the primary VPC to the secondary, routes both ways', () => {
    const eastLinks = cold.linksStacks['us-east-1'];
    const westLinks = cold.linksStacks['us-west-2'];
    const [[, peering]] = resources(eastLinks, 'AWS::EC2::VPCPeeringConnection');
    expect(peering.PeerRegion).toBe('us-west-2');
    const eastRoutes = resources(eastLinks, 'AWS::EC2::Route').map(([, r]) => r);
    const westRoutes = resources(westLinks, 'AWS::EC2::Route').map(([, r]) => r);
    const westCidr = cold.planJson().regions.find((r: any) => r.awsRegion === 'us-west-2').defaultVpcCidr;
    const eastCidr = cold.planJson().regions.find((r: any) => r.awsRegion === 'us-east-1').defaultVpcCidr;
    expect(eastRoutes.length).toBeGreaterThan(0);
    expect(eastRoutes.every((r) => r.DestinationCidrBlock === westCidr && r.VpcPeeringConnectionId)).toBe(true);
    expect(westRoutes.length).toBeGreaterThan(0);
    expect(westRoutes.every((r) => r.DestinationCidrBlock === eastCidr && r.VpcPeeringConnectionId)).toBe(true);
  });

  test('PrivateLink: the zone associated with the primary VPC holds its own record (with the VPC) and the secondary region\'s (from the links)', () => {
    const eastLinks = cold.linksStacks['us-east-1'];
    expect(recordNames(east)).toEqual(['aws-us-east-1.region.tmprl.cloud.']);
    expect(recordNames(eastLinks)).toEqual(['aws-us-west-2.region.tmprl.cloud.']);
    Template.fromStack(east).hasResourceProperties('AWS::Route53::HostedZone', { Name: 'region.tmprl.cloud.' });
    Template.fromStack(eastLinks).resourceCountIs('AWS::Route53::HostedZone', 0);
    for (const stack of [east, west, eastLinks, cold.linksStacks['us-west-2']]) {
      expect(recordNames(stack).filter((n) => n.includes('orders.a1b2c'))).toEqual([]);
    }
  });

  test('each Temporal VPC endpoint admits the other region\'s Workers on 7233', () => {
    const [[, ingress]] = resources(cold.linksStacks['us-west-2'], 'AWS::EC2::SecurityGroupIngress');
    expect(ingress).toMatchObject({ FromPort: 7233, ToPort: 7233, IpProtocol: 'tcp' });
  });

  test('regional stacks never depend on each other; links stacks carry the cross-region references', () => {
    expect(east.dependencies).not.toContain(west);
    expect(west.dependencies).not.toContain(east);
    expect(JSON.stringify(Template.fromStack(cold.linksStacks['us-west-2']).toJSON())).toContain('Fn::GetStackOutput');
    app.synth();
    // The links deploy after both regional stacks: their health checks name the regional stacks' alarms.
    for (const links of Object.values(cold.linksStacks)) expect(links.dependencies).toEqual(expect.arrayContaining([east, west]));
  });

  test('Transit Gateway: routes through the given gateway per region, no peering', () => {
    const tgw = new ActiveColdDeployment(new App(), 'Orders', props({
      connectivity: Connectivity.privateLink({ crossRegionRoute: CrossRegionRoute.transitGateway({ 'us-east-1': 'tgw-east', 'us-west-2': 'tgw-west' }) }),
    }));
    Template.fromStack(tgw.linksStacks['us-east-1']).resourceCountIs('AWS::EC2::VPCPeeringConnection', 0);
    const routes = resources(tgw.linksStacks['us-west-2'], 'AWS::EC2::Route').map(([, r]) => r.TransitGatewayId);
    expect(new Set(routes)).toEqual(new Set(['tgw-west']));
  });

  test('with a codec server, the secondary\'s is deployed at zero tasks and named in the outputs', () => {
    const d = new ActiveColdDeployment(new App(), 'Orders', props({
      codecServer: {
        image: ecs.ContainerImage.fromRegistry('codec'),
        certificateArns: { 'us-east-1': 'arn:aws:acm:us-east-1:111111111111:certificate/a', 'us-west-2': 'arn:aws:acm:us-west-2:111111111111:certificate/b' },
      },
    }));
    const services = [d.stacks['us-west-2'], d.linksStacks['us-west-2']].flatMap((st) => resources(st, 'AWS::ECS::Service')).map(([, s]) => s.DesiredCount);
    const active = 'TemporalHaActiveOrdersMainUsWest2';
    expect(services).toEqual([{ 'Fn::If': [active, 2, 0] }, { 'Fn::If': [active, { Ref: 'AWS::NoValue' }, 0] }]);
    expect(Object.keys(Template.fromStack(d.stacks['us-west-2']).toJSON().Outputs).some((k) => k.startsWith('TemporalCodecServiceName'))).toBe(true);
  });

  test.each<[string, () => Partial<ActiveColdDeploymentProps>, string, string]>([
    ['Regional Endpoint', () => ({ endpoint: EndpointKind.REGIONAL }), 'TEMPORAL_COLD_NAMESPACE_ENDPOINT', 'endpoint = EndpointKind.REGIONAL'],
    ['PrivateLink without a cross-region route', () => ({ connectivity: Connectivity.privateLink({ crossRegionRoute: CrossRegionRoute.none() }) }),
      'TEMPORAL_PRIVATELINK_CROSS_REGION_ROUTE', "privateLink.crossRegionRoute = 'none' (us-east-1 -> us-west-2)"],
    ['native cross-region endpoint', () => ({ connectivity: Connectivity.privateLink({ crossRegionRoute: CrossRegionRoute.nativeCrossRegionEndpoint() }) }),
      'TEMPORAL_NATIVE_CROSS_REGION_ENDPOINT', 'privateLink.crossRegionRoute = CrossRegionRoute.nativeCrossRegionEndpoint()'],
    ['failover records with HTTP health checks are impossible to ask for', () => ({ componentRouting: ComponentRouting.FAILOVER_DNS, namespace: { ...props().namespace, replicaRegion: undefined } }),
      'TEMPORAL_REPLICA_REQUIRED', 'namespace.replicaRegion = (not set)'],
  ])('bad input: %s', (_name, overrides, ruleId, propAndValue) => {
    const err = errorOf(() => new ActiveColdDeployment(new App(), 'Orders', props(overrides())));
    expect(err.message).toContain(`[${ruleId}]`);
    expect(err.message).toContain(propAndValue);
    expect(err.message).toMatch(/Fix: \S+/);
  });

  test('bad input: overlapping CIDRs of supplied VPCs that would be peered', () => {
    const app2 = new App();
    const s1 = new Stack(app2, 'E', { env: { account: '111111111111', region: 'us-east-1' } });
    const s2 = new Stack(app2, 'W', { env: { account: '111111111111', region: 'us-west-2' } });
    const err = errorOf(() => new ActiveColdDeployment(app2, 'Orders', props({
      regions: {
        'us-east-1': { stack: s1, vpc: new ec2.Vpc(s1, 'Vpc', { ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16') }) },
        'us-west-2': { stack: s2, vpc: new ec2.Vpc(s2, 'Vpc', { ipAddresses: ec2.IpAddresses.cidr('10.0.128.0/17') }) },
      },
    })));
    expect(err.message).toContain('[TEMPORAL_ROUTE_OVERLAPPING_CIDRS]');
    expect(err.message).toContain("'10.0.0.0/16' and '10.0.128.0/17'");
  });
});

describe('ActiveColdDeployment: two deployments in supplied stacks', () => {
  test('each gets its own links stacks beside the supplied stacks (named after the deployment, no id collision)', () => {
    const app2 = new App();
    const stack = (id: string, region: string) => new Stack(app2, id, { env: { account: '111111111111', region } });
    const regions = (team: string) => ({ 'us-east-1': { stack: stack(`${team}East`, 'us-east-1') }, 'us-west-2': { stack: stack(`${team}West`, 'us-west-2') } });
    const orders = new ActiveColdDeployment(app2, 'Orders', props({ regions: regions('Orders') }));
    const payments = new ActiveColdDeployment(app2, 'Payments', props({
      namespace: { ...props().namespace, name: 'payments' }, regions: regions('Payments'),
    }));
    expect(Object.values(orders.linksStacks).map((s) => s.stackName).sort()).toEqual(['Orders-us-east-1-links', 'Orders-us-west-2-links']);
    expect(Object.values(payments.linksStacks).map((s) => s.stackName).sort()).toEqual(['Payments-us-east-1-links', 'Payments-us-west-2-links']);
    // Two regional stacks (supplied), two links stacks and two failover state stacks per deployment.
    expect(app2.synth().stacks.map((s) => s.stackName).filter((n) => n.endsWith('-state')).sort())
      .toEqual(['Orders-us-east-1-state', 'Orders-us-west-2-state', 'Payments-us-east-1-state', 'Payments-us-west-2-state']);
    expect(app2.synth().stacks).toHaveLength(12);
  });
});

describe('ActiveColdDeployment: Workflow starters', () => {
  test('run with the Workers (cold where the Workers are cold) on the Namespace Endpoint, or pinned to a region', () => {
    const d = new ActiveColdDeployment(new App(), 'Orders', props({
      starters: { image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/orders-starter:2.0.0'), minCapacity: 1 },
    }));
    // Starters resolve the other region's private record too: they deploy in the links stack, after it.
    const starterEnv = (region: string) => workerContainers(d.linksStacks[region]).find((c) => c.logicalId.startsWith('TemporalStarters'))!;
    expect(starterEnv('us-east-1').env.TEMPORAL_ADDRESS).toBe('orders.a1b2c.tmprl.cloud:7233');
    const westServices = resources(d.linksStacks['us-west-2'], 'AWS::ECS::Service').map(([, s]) => s.DesiredCount);
    const standby = { 'Fn::If': ['TemporalHaActiveOrdersMainUsWest2', { Ref: 'AWS::NoValue' }, 0] };
    expect(westServices).toEqual([standby, standby]);
    const pinned = new ActiveColdDeployment(new App(), 'Orders', props({
      starters: { image: ecs.ContainerImage.fromRegistry('starter'), pinnedRegion: 'us-east-1' },
    }));
    const pinnedEnv = workerContainers(pinned.linksStacks['us-west-2']).find((c) => c.logicalId.startsWith('TemporalStarters'))!;
    expect(pinnedEnv.env.TEMPORAL_ADDRESS).toBe('aws-us-east-1.region.tmprl.cloud:7233');
  });
});

describe('ActiveColdDeployment: failover names for the codec server and proxy', () => {
  const d = new ActiveColdDeployment(new App(), 'Orders', props({
    componentRouting: ComponentRouting.FAILOVER_DNS,
    failoverDomainName: 'orders.temporal.internal',
    codecServer: {
      image: ecs.ContainerImage.fromRegistry('codec'),
      certificateArns: { 'us-east-1': 'arn:aws:acm:us-east-1:111111111111:certificate/a', 'us-west-2': 'arn:aws:acm:us-west-2:111111111111:certificate/b' },
    },
    proxy: { image: ecs.ContainerImage.fromRegistry('proxy') },
  }));

  test('each region\'s stack alarms when its instance has no healthy target, under a name other regions can use', () => {
    const alarms = resources(d.stacks['us-west-2'], 'AWS::CloudWatch::Alarm').map(([, a]) => a.AlarmName).sort();
    expect(alarms).toEqual(['temporal-orders-codec-us-west-2-no-healthy-targets', 'temporal-orders-proxy-us-west-2-no-healthy-targets']);
  });

  test('each worker VPC has the failover zone with PRIMARY (us-east-1) and SECONDARY (us-west-2) records on alarm-based health checks', () => {
    for (const region of ['us-east-1', 'us-west-2']) {
      const links = d.linksStacks[region];
      Template.fromStack(links).hasResourceProperties('AWS::Route53::HostedZone', { Name: 'orders.temporal.internal.' });
      const records = resources(links, 'AWS::Route53::RecordSet').filter(([, r]) => r.Failover).map(([, r]) => `${r.Name} ${r.Failover}`).sort();
      expect(records).toEqual([
        'codec.orders.temporal.internal. PRIMARY', 'codec.orders.temporal.internal. SECONDARY',
        'proxy.orders.temporal.internal. PRIMARY', 'proxy.orders.temporal.internal. SECONDARY',
      ]);
      const all = resources(links, 'AWS::Route53::HealthCheck').map(([, h]) => h.HealthCheckConfig);
      // The PRIMARY records answer through a gate over their alarm-based check (test/aws-cdk/failover.test.ts).
      expect(all.filter((c) => c.Type === 'CALCULATED')).toHaveLength(2);
      const checks = all.filter((c) => c.Type !== 'CALCULATED');
      expect(checks.every((c) => c.Type === 'CLOUDWATCH_METRIC')).toBe(true);
      expect(checks.map((c) => c.AlarmIdentifier.Region).sort()).toEqual(['us-east-1', 'us-east-1', 'us-west-2', 'us-west-2']);
    }
  });

  test('Workers still use their own region\'s proxy', () => {
    const worker = workerContainers(d.stacks['us-west-2'])[0];
    expect(JSON.stringify(worker.env.TEMPORAL_ADDRESS)).toContain('Fn::GetAtt');
  });
});

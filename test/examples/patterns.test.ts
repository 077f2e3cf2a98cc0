import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { expectNagClean, synthExample } from './support';
import { build as buildActiveActive } from '../../examples/active-active/main';
import { build as buildCold } from '../../examples/active-cold/main';
import { build as buildSharded } from '../../examples/regionally-sharded/main';
import { evaluateState } from '../aws-cdk/state';
import { recordNames, resources, workerContainers } from '../aws-cdk/support';

const allStacks = (d: { stacks: Record<string, Stack>; linksStacks: Record<string, Stack> }) =>
  [...Object.values(d.stacks), ...Object.values(d.linksStacks)];

describe('examples/active-cold', () => {
  const result = synthExample('active-cold', buildCold);
  const cold = result.built;
  afterAll(result.cleanup);

  test('cdk-nag clean', () => expectNagClean(result));

  test('the active region runs, the other is at zero, as the live failover state says; same image, both on the Namespace Endpoint with mTLS', () => {
    // As CloudFormation deploys each region's stacks with the state parameter reading `live`.
    const deployed = (region: string, live: string) => [cold.stacks[region], cold.linksStacks[region]]
      .map((st) => evaluateState(Template.fromStack(st).toJSON(), () => live).Resources)
      .flatMap((r: Record<string, any>) => Object.values<any>(r));
    for (const live of ['us-east-1', 'us-west-2']) {
      for (const region of ['us-east-1', 'us-west-2']) {
        const all = deployed(region, live);
        const services = all.filter((r) => r.Type === 'AWS::ECS::Service').map((r) => r.Properties.DesiredCount);
        const targets = all.filter((r) => r.Type === 'AWS::ApplicationAutoScaling::ScalableTarget').map((r) => [r.Properties.MinCapacity, r.Properties.MaxCapacity]);
        expect(services).toHaveLength(3); // Workers, codec server, proxy
        if (region === live) {
          // The Workers' count is left to autoscaling (no DesiredCount), within 4..40; the codec server and proxy run 2 each.
          expect(services.sort()).toEqual([2, 2, undefined]);
          expect(targets).toEqual([[4, 40]]);
        } else {
          expect(services).toEqual([0, 0, 0]);
          expect(targets).toEqual([[0, 0]]);
        }
      }
    }
    for (const stack of Object.values(cold.stacks)) {
      const [w] = workerContainers(stack);
      // Workers dial their region's proxy, which dials the Namespace Endpoint.
      expect(JSON.stringify(w.env.TEMPORAL_ADDRESS)).toContain('Proxy');
      expect(w.env.TEMPORAL_TLS_SERVER_NAME).toBe('payments.a1b2c.tmprl.cloud');
      const [, proxyTd] = resources(stack, 'AWS::ECS::TaskDefinition').find(([id]) => id.includes('Proxy'))!;
      expect(proxyTd.ContainerDefinitions[0].Environment).toContainEqual({ Name: 'TEMPORAL_PROXY_UPSTREAM', Value: 'payments.a1b2c.tmprl.cloud:7233' });
      expect(w.secrets.sort()).toEqual(['TEMPORAL_TLS_CLIENT_CERT_DATA', 'TEMPORAL_TLS_CLIENT_KEY_DATA']);
    }
  });

  test('peering, routes both ways, and the primary VPC\'s zone holds the secondary\'s record', () => {
    expect(resources(cold.linksStacks['us-east-1'], 'AWS::EC2::VPCPeeringConnection')).toHaveLength(1);
    expect(resources(cold.linksStacks['us-east-1'], 'AWS::EC2::Route').length).toBeGreaterThan(0);
    expect(resources(cold.linksStacks['us-west-2'], 'AWS::EC2::Route').length).toBeGreaterThan(0);
    expect(recordNames(cold.linksStacks['us-east-1'])).toContain('aws-us-west-2.region.tmprl.cloud.');
  });

  test('codec and proxy failover names in each worker VPC, on CloudWatch-alarm health checks', () => {
    for (const region of ['us-east-1', 'us-west-2']) {
      expect(recordNames(cold.linksStacks[region])).toEqual(expect.arrayContaining([
        'codec.payments.temporal.internal.', 'proxy.payments.temporal.internal.',
      ]));
      // The component's own checks read CloudWatch alarms; in each VPC's zone, each PRIMARY record answers through a CALCULATED gate over its own.
      const checks = resources(cold.linksStacks[region], 'AWS::Route53::HealthCheck').map(([, h]) => h.HealthCheckConfig.Type);
      expect(checks.filter((t) => t !== 'CALCULATED').every((t) => t === 'CLOUDWATCH_METRIC')).toBe(true);
      expect(checks.filter((t) => t === 'CALCULATED')).toHaveLength(2);
    }
  });

  test.each(['us-east-1', 'us-west-2'])('%s templates match the snapshot', (region) => {
    expect(Template.fromStack(cold.stacks[region]).toJSON()).toMatchSnapshot();
    expect(Template.fromStack(cold.linksStacks[region]).toJSON()).toMatchSnapshot();
  });
});

describe('examples/active-active', () => {
  const result = synthExample('active-active', buildActiveActive);
  const aa = result.built;
  afterAll(result.cleanup);

  test('cdk-nag clean', () => expectNagClean(result));

  test('three fleets on the Namespace Endpoint, a codec server in each region', () => {
    expect(Object.keys(aa.stacks).sort()).toEqual(['us-east-1', 'us-east-2', 'us-west-2']);
    for (const [region, stack] of Object.entries(aa.stacks)) {
      // Fleets on the Namespace Endpoint resolve other regions' private records: they deploy in the links stack, after those records.
      expect(workerContainers(aa.linksStacks[region])[0].env.TEMPORAL_ADDRESS).toBe('search.a1b2c.tmprl.cloud:7233');
      Template.fromStack(stack).resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 1);
    }
    for (const stack of allStacks(aa)) {
      expect(recordNames(stack).filter((n) => n.includes('search.a1b2c'))).toEqual([]);
    }
  });

  test.each(['us-east-1', 'us-west-2', 'us-east-2'])('%s templates match the snapshot', (region) => {
    expect(Template.fromStack(aa.stacks[region]).toJSON()).toMatchSnapshot();
    expect(Template.fromStack(aa.linksStacks[region]).toJSON()).toMatchSnapshot();
  });
});

describe('examples/regionally-sharded', () => {
  const result = synthExample('regionally-sharded', buildSharded);
  const sharded = result.built;
  afterAll(result.cleanup);

  test('cdk-nag clean', () => expectNagClean(result));

  test('four regions, one VPC each, per-shard fleet stacks', () => {
    expect(Object.keys(sharded.stacks).sort()).toEqual(['eu-central-1', 'eu-west-1', 'us-east-1', 'us-west-2']);
    expect(Object.keys(sharded.shardFleetStacks).sort()).toEqual(['eu-central-1/eu', 'eu-west-1/eu', 'us-east-1/us', 'us-west-2/us']);
    expect(workerContainers(sharded.shardFleetStacks['eu-west-1/eu'])[0].env.TEMPORAL_ADDRESS).toBe('orders-eu.a1b2c.tmprl.cloud:7233');
    expect(workerContainers(sharded.shardFleetStacks['us-west-2/us'])[0].env.TEMPORAL_ADDRESS).toBe('aws-us-west-2.region.tmprl.cloud:7233');
  });

  test('templates match the snapshot', () => {
    const all = { ...sharded.stacks, ...Object.fromEntries(Object.entries(sharded.linksStacks).map(([k, v]) => [`${k}-links`, v])), ...sharded.shardFleetStacks };
    for (const [key, stack] of Object.entries(all).sort()) {
      expect(Template.fromStack(stack).toJSON()).toMatchSnapshot(key);
    }
  });
});

import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import {
  Connectivity,
  DeploymentPattern,
  NamespaceShard,
  PollerForwarding,
  RegionallyShardedNamespaces,
  TemporalCredentials,
} from '../../../lib';
import { errorOf, resources, workerContainers } from '../support';

const worker = (tag: string) => ({ image: ecs.ContainerImage.fromRegistry(`ghcr.io/acme/orders-worker:${tag}`) });
const east: NamespaceShard = {
  name: 'east',
  namespace: { name: 'orders-east', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2', pollerForwarding: PollerForwarding.DISABLED },
  pattern: DeploymentPattern.ACTIVE_HOT,
  credentials: TemporalCredentials.apiKeyFromSecretName('temporal/orders-east/api-key'),
  workers: worker('east'),
};
const west: NamespaceShard = {
  name: 'west',
  namespace: { name: 'orders-west', accountId: 'a1b2c', primaryRegion: 'us-west-2', replicaRegion: 'us-east-1' },
  pattern: DeploymentPattern.ACTIVE_COLD,
  credentials: TemporalCredentials.apiKeyFromSecretName('temporal/orders-west/api-key'),
  workers: worker('west'),
};

describe('RegionallyShardedNamespaces', () => {
  const sharded = new RegionallyShardedNamespaces(new App(), 'Orders', {
    connectivity: Connectivity.privateLink(),
    shards: [east, west],
    account: '111111111111',
  });

  test('two shards homed in different regions share each region\'s VPC, cluster and Temporal endpoint', () => {
    for (const region of ['us-east-1', 'us-west-2']) {
      const t = Template.fromStack(sharded.stacks[region]);
      t.resourceCountIs('AWS::EC2::VPC', 1);
      t.resourceCountIs('AWS::ECS::Cluster', 1);
      t.resourceCountIs('AWS::EC2::VPCEndpoint', 1);
    }
  });

  test('...and each region\'s one private zone', () => {
    for (const region of ['us-east-1', 'us-west-2']) {
      const zones = [sharded.stacks[region], sharded.linksStacks[region]].filter(Boolean)
        .flatMap((s) => resources(s, 'AWS::Route53::HostedZone'));
      expect(zones).toHaveLength(1);
    }
  });

  test('each shard\'s fleets follow its own pattern, in a stack of their own per region', () => {
    const fleets = sharded.shardFleetStacks;
    expect(Object.keys(fleets).sort()).toEqual(['us-east-1/east', 'us-east-1/west', 'us-west-2/east', 'us-west-2/west']);
    // east: Active/Hot, Regional Endpoints, both running
    expect(workerContainers(fleets['us-west-2/east'])[0].env.TEMPORAL_ADDRESS).toBe('aws-us-west-2.region.tmprl.cloud:7233');
    Template.fromStack(fleets['us-west-2/east']).hasResourceProperties('AWS::ECS::Service', { DesiredCount: 2 });
    // west: Active/Cold homed in us-west-2, Namespace Endpoint, cold in us-east-1
    expect(workerContainers(fleets['us-east-1/west'])[0].env.TEMPORAL_ADDRESS).toBe('orders-west.a1b2c.tmprl.cloud:7233');
    // (its task counts follow the shard's live failover state: autoscaling's while its region is active, 0 otherwise)
    for (const [key, region] of [['us-east-1/west', 'UsEast1'], ['us-west-2/west', 'UsWest2']]) {
      Template.fromStack(fleets[key]).hasResourceProperties('AWS::ECS::Service', {
        DesiredCount: { 'Fn::If': [`TemporalHaActiveOrdersWest${region}`, { Ref: 'AWS::NoValue' }, 0] },
      });
    }
  });

  test('a shard asking for Active/Active is an error naming the shard', () => {
    const err = errorOf(() => new RegionallyShardedNamespaces(new App(), 'Orders', {
      shards: [east, { ...west, pattern: DeploymentPattern.ACTIVE_ACTIVE }],
    }));
    expect(err.message).toContain('[TEMPORAL_SHARD_PATTERN] Orders/west: shards[1].pattern');
    expect(err.message).toContain("shard 'west'");
  });

  test('duplicate shard namespaces are an error', () => {
    const err = errorOf(() => new RegionallyShardedNamespaces(new App(), 'Orders', {
      shards: [east, { ...west, name: 'east2', namespace: east.namespace, pattern: DeploymentPattern.ACTIVE_HOT }],
    }));
    expect(err.message).toContain('[TEMPORAL_SHARD_DUPLICATE_NAMESPACE]');
    expect(err.message).toContain("shards[1].namespace = 'orders-east.a1b2c'");
  });

  test('a single-region shard synthesizes with a warning to acknowledge', () => {
    const d = new RegionallyShardedNamespaces(new App(), 'Orders', {
      shards: [{ ...west, pattern: DeploymentPattern.SINGLE_REGION, namespace: { ...west.namespace, replicaRegion: undefined } }],
    });
    expect(d.warnings.map((w) => w.ruleId)).toEqual(['TEMPORAL_SHARD_SINGLE_REGION']);
  });

  test('a stack over CloudFormation\'s 500-resource limit fails synthesis saying how to split', () => {
    const app = new App();
    const d = new RegionallyShardedNamespaces(app, 'Orders', { shards: [east], account: '111111111111' });
    const stack = d.stacks['us-east-1'];
    for (let i = 0; i < 480; i++) new ecs.CfnCluster(stack, `Filler${i}`);
    expect(() => app.synth()).toThrow(/TEMPORAL_STACK_RESOURCE_LIMIT.*over CloudFormation's limit of 500 per stack. Fix:/s);
  });
});

test('a single-region shard under PrivateLink overrides its own Namespace Endpoint in a private zone (no HA zone)', () => {
  const d = new RegionallyShardedNamespaces(new App(), 'Orders', {
    connectivity: Connectivity.privateLink(),
    shards: [{ ...west, pattern: DeploymentPattern.SINGLE_REGION, namespace: { ...west.namespace, replicaRegion: undefined } }],
    acknowledgeWarnings: { TEMPORAL_SHARD_SINGLE_REGION: 'the west shard only serves local, low-latency work' },
  });
  const t = Template.fromStack(d.stacks['us-west-2']);
  t.hasResourceProperties('AWS::Route53::HostedZone', { Name: 'orders-west.a1b2c.tmprl.cloud.' });
  t.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'orders-west.a1b2c.tmprl.cloud.', Type: 'A' });
  expect(d.warnings[0].acknowledged).toContain('local');
});

import { App } from 'aws-cdk-lib';
import { Annotations, Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import {
  ActiveActiveDeployment,
  ActiveActiveDeploymentProps,
  Connectivity,
  EndpointKind,
  PollerForwarding,
  TemporalCredentials,
} from '../../../lib';
import { errorOf, recordNames, resources, workerContainers } from '../support';

const CERT = (r: string) => `arn:aws:acm:${r}:111111111111:certificate/00000000-0000-0000-0000-000000000000`;

function props(overrides: Partial<ActiveActiveDeploymentProps> = {}): ActiveActiveDeploymentProps {
  return {
    namespace: { name: 'orders', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2' },
    credentials: TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
    connectivity: Connectivity.privateLink(),
    workerRegions: ['us-east-1', 'us-west-2', 'us-east-2'],
    workers: { image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/orders-worker:3.0.0') },
    codecServer: {
      image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/codec:3.0.0'),
      certificateArns: { 'us-east-1': CERT('us-east-1'), 'us-west-2': CERT('us-west-2'), 'us-east-2': CERT('us-east-2') },
    },
    account: '111111111111',
    ...overrides,
  };
}

describe('ActiveActiveDeployment with three worker regions, one outside the namespace', () => {
  const aa = new ActiveActiveDeployment(new App(), 'Orders', props());

  test('three running fleets, each on the Namespace Endpoint, each with its own codec server', () => {
    expect(Object.keys(aa.stacks).sort()).toEqual(['us-east-1', 'us-east-2', 'us-west-2']);
    for (const [region, stack] of Object.entries(aa.stacks)) {
      // A fleet on the Namespace Endpoint resolves other regions' private records, written by the links stack: it deploys there, after them.
      const fleets = aa.linksStacks[region];
      const [worker] = workerContainers(fleets);
      expect(worker.env.TEMPORAL_ADDRESS).toBe('orders.a1b2c.tmprl.cloud:7233');
      Template.fromStack(fleets).hasResourceProperties('AWS::ECS::Service', { DesiredCount: 2 });
      Template.fromStack(stack).hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Protocol: 'HTTPS' });
    }
  });

  test('the region outside the namespace reaches both namespace regions\' endpoints, and has none of its own', () => {
    Template.fromStack(aa.stacks['us-east-2']).resourceCountIs('AWS::EC2::VPCEndpoint', 0);
    expect(recordNames(aa.linksStacks['us-east-2']).sort()).toEqual(['aws-us-east-1.region.tmprl.cloud.', 'aws-us-west-2.region.tmprl.cloud.']);
    const peerings = [...resources(aa.linksStacks['us-east-1'], 'AWS::EC2::VPCPeeringConnection'), ...resources(aa.linksStacks['us-west-2'], 'AWS::EC2::VPCPeeringConnection')];
    expect(peerings.map(([, p]) => p.PeerRegion).sort()).toEqual(['us-east-2', 'us-east-2', 'us-west-2']);
  });

  test('on Regional Endpoints with forwarding enabled, it synthesizes with an acknowledgeable warning', () => {
    const app = new App();
    const d = new ActiveActiveDeployment(app, 'Orders', props({ endpoint: EndpointKind.REGIONAL, workerRegions: undefined }));
    Annotations.fromStack(d.stacks['us-east-1']); // stacks synthesize
    // The codec servers have no domain name here (TEMPORAL_CODEC_DOMAIN, one per region).
    expect(d.warnings.map((w) => w.ruleId).sort()).toEqual(['TEMPORAL_ACTIVE_ACTIVE_REGIONAL_ENDPOINT', 'TEMPORAL_CODEC_DOMAIN', 'TEMPORAL_CODEC_DOMAIN']);
    expect(workerContainers(d.stacks['us-west-2'])[0].env.TEMPORAL_ADDRESS).toBe('aws-us-west-2.region.tmprl.cloud:7233');
    const acked = new ActiveActiveDeployment(new App(), 'Orders', props({
      endpoint: EndpointKind.REGIONAL,
      workerRegions: undefined,
      acknowledgeWarnings: { TEMPORAL_ACTIVE_ACTIVE_REGIONAL_ENDPOINT: 'RTO budget of 60 seconds needs it' },
    }));
    expect(acked.warnings.find((w) => w.ruleId === 'TEMPORAL_ACTIVE_ACTIVE_REGIONAL_ENDPOINT')!.acknowledged).toBe('RTO budget of 60 seconds needs it');
  });

  test('bad input: Regional Endpoint with forwarding disabled', () => {
    const err = errorOf(() => new ActiveActiveDeployment(new App(), 'Orders', props({
      endpoint: EndpointKind.REGIONAL,
      workerRegions: undefined,
      namespace: { ...props().namespace, pollerForwarding: PollerForwarding.DISABLED },
    })));
    expect(err.message).toContain('[TEMPORAL_ACTIVE_ACTIVE_REGIONAL_FORWARDING]');
    expect(err.message).toContain('namespace.pollerForwarding = PollerForwarding.DISABLED');
  });

  test('bad input: a Regional Endpoint for a worker region that holds no replica', () => {
    const err = errorOf(() => new ActiveActiveDeployment(new App(), 'Orders', props({ endpoint: EndpointKind.REGIONAL })));
    expect(err.message).toContain('[TEMPORAL_REGIONAL_ENDPOINT_OUTSIDE_NAMESPACE]');
    expect(err.message).toContain("workerRegions = 'us-east-2'");
  });
});

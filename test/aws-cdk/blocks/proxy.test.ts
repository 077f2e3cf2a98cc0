import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { TemporalProxy, TemporalProxyProps } from '../../../lib/aws-cdk/blocks';
import { TemporalHaValidationError } from '../../../lib/core/errors';
import { errorOf } from '../support';

const ENV = { account: '111111111111', region: 'us-east-1' };
const UPSTREAM = 'aws-us-east-1.region.tmprl.cloud:7233';

function proxy(props: Partial<TemporalProxyProps> = {}): { stack: Stack; proxy: TemporalProxy } {
  const stack = new Stack(new App(), 'Orders', { env: ENV });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const p = new TemporalProxy(stack, 'Proxy', {
    cluster: new ecs.Cluster(stack, 'Cluster', { vpc }),
    image: ecs.ContainerImage.fromRegistry('example/temporal-proxy:1.0.0'),
    upstreamAddress: UPSTREAM,
    ...props,
  });
  return { stack, proxy: p };
}

describe('TemporalProxy', () => {
  test('internal NLB on TCP 7233 in front of the proxy tasks, upstream in TEMPORAL_PROXY_UPSTREAM', () => {
    // GIVEN / WHEN
    const { stack, proxy: p } = proxy();
    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { Type: 'network', Scheme: 'internal' });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Protocol: 'TCP', Port: 7233 });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { Protocol: 'TCP', Port: 7233, TargetType: 'ip' });
    template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      Cpu: '256',
      Memory: '512',
      ContainerDefinitions: [Match.objectLike({
        Environment: [
          { Name: 'TEMPORAL_PROXY_LISTEN_PORT', Value: '7233' },
          { Name: 'TEMPORAL_PROXY_UPSTREAM', Value: UPSTREAM },
        ],
        PortMappings: [{ ContainerPort: 7233, Protocol: 'tcp' }],
      })],
    });
    template.hasResourceProperties('AWS::ECS::Service', { DesiredCount: 2 });
    // Workers in the VPC reach the NLB; the NLB reaches the tasks.
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [Match.objectLike({ FromPort: 7233, ToPort: 7233, CidrIp: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Vpc'), 'CidrBlock'] } })],
    });
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      FromPort: 7233,
      SourceSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('ProxyLoadBalancerSecurityGroup'), 'GroupId'] },
    });
    expect(stack.resolve(p.address)).toEqual({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [expect.stringMatching(/^ProxyLoadBalancer/), 'DNSName'] }, ':7233']] });
    expect(p.settings.upstreamHost).toBe('aws-us-east-1.region.tmprl.cloud');
  });

  test('custom ports, peers and a cold region', () => {
    // GIVEN / WHEN
    const { stack } = proxy({ listenerPort: 443, containerPort: 8233, desiredCount: 0, allowFrom: [ec2.Peer.ipv4('10.9.0.0/16')] });
    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Protocol: 'TCP', Port: 443 });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { Port: 8233 });
    template.hasResourceProperties('AWS::ECS::Service', { DesiredCount: 0 });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [Match.objectLike({ FromPort: 443, CidrIp: '10.9.0.0/16' })],
    });
  });

  test('the container environment: the extra variables and the contract, keys sorted', () => {
    const { stack, proxy: p } = proxy({ containerPort: 8233, environment: { LOG_LEVEL: 'debug' } });
    expect(p.settings.environment).toEqual({ LOG_LEVEL: 'debug', TEMPORAL_PROXY_LISTEN_PORT: '8233', TEMPORAL_PROXY_UPSTREAM: UPSTREAM });
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [Match.objectLike({ Environment: Object.entries(p.settings.environment).map(([Name, Value]) => ({ Name, Value })) })],
    });
  });

  test.each([
    [{ upstreamAddress: 'https://aws-us-east-1.region.tmprl.cloud' }, 'TEMPORAL_PROXY_SETTINGS', "upstreamAddress = 'https://aws-us-east-1.region.tmprl.cloud': is not 'host:port'. Fix: use e.g. 'aws-us-east-1.region.tmprl.cloud:7233'"],
    [{ upstreamAddress: 'aws-us-east-1.region.tmprl.cloud:70000' }, 'TEMPORAL_PROXY_SETTINGS', "upstreamAddress = 'aws-us-east-1.region.tmprl.cloud:70000': is not 'host:port'."],
    [{ desiredCount: 1.5 }, 'TEMPORAL_SERVICE_SIZING', 'desiredCount = 1.5: '],
    [{ listenerPort: 0 }, 'TEMPORAL_PROXY_SETTINGS', 'listenerPort = 0: must be a whole number from 1 to 65535. Fix: use a TCP port such as 7233.'],
    [{ containerPort: 65536 }, 'TEMPORAL_PROXY_SETTINGS', 'containerPort = 65536: must be a whole number from 1 to 65535.'],
    [{ cpu: 100 }, 'TEMPORAL_SERVICE_SIZING', 'cpu = 100: '],
    [{ environment: { TEMPORAL_PROXY_UPSTREAM: 'x:1' } }, 'TEMPORAL_PROXY_SETTINGS', "environment.TEMPORAL_PROXY_UPSTREAM = 'x:1': TEMPORAL_PROXY_UPSTREAM is set by the library from upstreamAddress. Fix: remove it and set upstreamAddress instead."],
  ] as Array<[Partial<TemporalProxyProps>, string, string]>)('rejects %o with the rule id, prop = value and a fix', (props, ruleId, text) => {
    const err = errorOf(() => proxy(props));
    expect(err).toBeInstanceOf(TemporalHaValidationError);
    expect(err.message).toMatch(/^TemporalProxy Orders\/Proxy has 1 configuration error/);
    expect(err.message).toContain(`[${ruleId}] Orders/Proxy: ${text}`);
    expect(err.message).toMatch(/Fix: \S+/);
  });
});

import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { TemporalProxy, TemporalProxyProps } from '../../../lib/aws-cdk/blocks';

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
      ContainerDefinitions: [Match.objectLike({
        Environment: Match.arrayWith([
          { Name: 'TEMPORAL_PROXY_UPSTREAM', Value: UPSTREAM },
          { Name: 'TEMPORAL_PROXY_LISTEN_PORT', Value: '7233' },
        ]),
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
    expect(p.upstreamHost).toBe('aws-us-east-1.region.tmprl.cloud');
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

  test.each([
    [{ upstreamAddress: 'https://aws-us-east-1.region.tmprl.cloud' }, "TemporalProxy(Orders/Proxy): upstreamAddress ('https://aws-us-east-1.region.tmprl.cloud') is not 'host:port'."],
    [{ desiredCount: 1.5 }, /desiredCount \(1.5\) must be a whole number >= 0/],
    [{ listenerPort: 0 }, /listenerPort \(0\) must be a whole number from 1 to 65535/],
    [{ environment: { TEMPORAL_PROXY_UPSTREAM: 'x:1' } }, /environment sets TEMPORAL_PROXY_UPSTREAM.*use upstreamAddress/],
  ] as Array<[Partial<TemporalProxyProps>, string | RegExp]>)('rejects %o with a clear error', (props, message) => {
    expect(() => proxy(props)).toThrow(message);
  });
});

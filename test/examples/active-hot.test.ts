import { loadClientConnectConfig } from '@temporalio/envconfig';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { expectNagClean, synthExample } from './support';
import { build } from '../../examples/active-hot/main';
import { workerContainers } from '../aws-cdk/support';

describe('examples/active-hot', () => {
  const result = synthExample('active-hot', build);
  const { built: hot, assembly } = result;
  afterAll(result.cleanup);

  test('synthesizes two regional stacks with the VPC endpoint, private zone, ECS services and load balancers', () => {
    // Per region: the regional stack, and the failover state stack it reads its active region from.
    expect(assembly.stacks.map((s) => s.stackName).sort()).toEqual([
      'OrdersHot-us-east-1', 'OrdersHot-us-east-1-state', 'OrdersHot-us-west-2', 'OrdersHot-us-west-2-state',
    ]);
    for (const stack of Object.values(hot.stacks)) {
      const t = Template.fromStack(stack);
      t.resourceCountIs('AWS::EC2::VPCEndpoint', 1);
      t.resourceCountIs('AWS::Route53::HostedZone', 1);
      t.resourceCountIs('AWS::Route53::RecordSet', 2); // the Regional Endpoint CNAME, the codec server's public name
      t.resourceCountIs('AWS::ECS::Service', 2); // Workers and codec server
      t.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 1);
    }
  });

  test.each([['us-east-1', 'codec-use1'], ['us-west-2', 'codec-usw2']])('the %s codec server has its own name in the public zone, and Workers get that URL', (region, host) => {
    const name = `${host}.orders.acme.example.com`;
    const t = Template.fromStack(hot.stacks[region]);
    t.hasResourceProperties('AWS::Route53::RecordSet', { Name: `${name}.`, Type: 'A', HostedZoneId: 'Z0PUBLIC00000000000001' });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Protocol: 'HTTPS', Certificates: [{ CertificateArn: Match.stringLikeRegexp(`^arn:aws:acm:${region}:`) }],
    });
    expect(workerContainers(hot.stacks[region])[0].env.CODEC_SERVER_URL).toBe(`https://${name}`);
  });

  test('cdk-nag AwsSolutions: no unacknowledged finding; every acknowledgement has a reason', () => {
    expectNagClean(result);
    expect(result.nag.suppressedViolations.length).toBeGreaterThan(0);
  });

  test('the cdk-nag gate is live: one open security group fails the same synthesis', () => {
    const bad = synthExample('active-hot', build, (h) => {
      const stack = h.stacks['us-east-1'];
      const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', { vpcId: 'vpc-1', availabilityZones: ['us-east-1a'] });
      new ec2.SecurityGroup(stack, 'Open', { vpc }).addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(22));
    });
    bad.cleanup();
    expect(bad.failed).toBe(true);
    const violations = bad.nag.violations.map((v: any) => v.ruleName);
    expect(violations).toContain('AwsSolutions-EC23');
  });

  test.each([
    ['us-east-1', 'aws-us-east-1.region.tmprl.cloud:7233'],
    ['us-west-2', 'aws-us-west-2.region.tmprl.cloud:7233'],
  ])('the %s Worker environment, loaded by @temporalio/envconfig, connects to %s', (region, address) => {
    // GIVEN the container environment the construct wrote, with the secret filled in as ECS would
    const worker = workerContainers(hot.stacks[region])[0];
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(worker.env)) if (typeof v === 'string') env[k] = v;
    for (const name of worker.secrets) env[name] = 'fake-api-key';
    // WHEN an unmodified SDK loads its connection from the environment
    const config = loadClientConnectConfig({ disableFile: true, overrideEnvVars: env });
    // THEN
    expect(config.connectionOptions.address).toBe(address);
    expect(config.namespace).toBe('orders.a1b2c');
    expect(config.connectionOptions.apiKey).toBe('fake-api-key');
    expect(config.connectionOptions.tls).toBeTruthy();
  });

  test.each(['us-east-1', 'us-west-2'])('%s template matches the snapshot', (region) => {
    expect(Template.fromStack(hot.stacks[region]).toJSON()).toMatchSnapshot();
  });
});

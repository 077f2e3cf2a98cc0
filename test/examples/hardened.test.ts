import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { EXAMPLES, expectNagClean, PACKS, synthExampleWithPacks } from './support';
import { build } from '../../examples/hardened/main';
import {
  ActiveColdDeployment, Connectivity, PollerForwarding, ServerlessWorkers, TemporalCredentials, TemporalHaNagFindings, WorkerEgress,
} from '../../lib';

const nagOf = (r: { nags: Record<string, any>; failed: boolean }, pack: string) => ({ failed: r.failed, nag: r.nags[pack] });
const violations = (r: { nags: Record<string, any> }, pack: string) => r.nags[pack].violations.map((v: any) => `${v.ruleName} at ${v.violatingConstructs?.map((c: any) => c.constructPath).join(', ')}`);

function activeCold(app: App, hardened: boolean) {
  return new ActiveColdDeployment(app, 'Shapes', {
    namespace: { name: 'payments', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2', pollerForwarding: PollerForwarding.DISABLED },
    hardened,
    credentials: TemporalCredentials.apiKeyFromSecretName('temporal/payments/api-key'),
    workers: { image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/payments-worker:1.4.2'), minCapacity: 1, maxCapacity: 4 },
    codecServer: {
      image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/payments-codec-server:1.4.2'),
      internetFacing: true,
      allowedCidrs: ['203.0.113.0/24'],
      certificateArns: {
        'us-east-1': 'arn:aws:acm:us-east-1:111111111111:certificate/00000000-0000-0000-0000-000000000001',
        'us-west-2': 'arn:aws:acm:us-west-2:111111111111:certificate/00000000-0000-0000-0000-000000000002',
      },
    },
    proxy: { image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/payments-proxy:1.4.2') },
  });
}

function serverless(app: App) {
  return new ServerlessWorkers(app, 'Functions', {
    namespace: { name: 'billing', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2' },
    hardened: true,
    connectivity: Connectivity.privateLink(),
    egress: WorkerEgress.VPC_ENDPOINTS,
    credentials: TemporalCredentials.apiKeyFromSecretName('temporal/billing/api-key'),
    serverlessWorkers: { codePath: path.join(EXAMPLES, 'serverless', 'worker'), handler: 'index.handler', buildId: 'billing-1', externalId: 'billing-external-id' },
  });
}

describe('examples/hardened', () => {
  const result = synthExampleWithPacks('hardened', build, PACKS.hardened);
  const { built: hardened } = result;
  afterAll(result.cleanup);

  test.each(['AwsSolutions', 'NIST.800.53.R5'])('cdk-nag %s: no unacknowledged finding; every acknowledgement has a reason', (pack) => {
    expectNagClean(nagOf(result, pack));
  });

  test('every acknowledgement of the hardened profile says why, in 40 characters or more', () => {
    for (const [id, reason] of Object.entries(TemporalHaNagFindings.HARDENED)) {
      expect({ id, reason }).toEqual({ id: expect.stringMatching(/^NIST\.800\.53\.R5-[A-Za-z0-9]+$/), reason: expect.stringMatching(/.{40,}/) });
    }
  });

  test.each(['us-east-1', 'us-west-2'])('%s: one rotated customer-managed key that CloudWatch Logs may use, and every log group encrypted with it', (region) => {
    const t = Template.fromStack(hardened.stacks[region]);
    t.resourceCountIs('AWS::KMS::Key', 1);
    t.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      PendingWindowInDays: 30,
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: `logs.${region}.amazonaws.com` }, Action: Match.arrayWith(['kms:GenerateDataKey*']) })]) },
    });
    const key = Object.keys(t.findResources('AWS::KMS::Key'))[0];
    const groups = Object.values(t.findResources('AWS::Logs::LogGroup'));
    expect(groups.length).toBeGreaterThanOrEqual(3); // flow logs, Workers, codec server
    for (const g of groups) expect(g.Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [key, 'Arn'] });
  });

  test.each(['us-east-1', 'us-west-2'])('%s: the load balancer is deletion-protected and its access-log bucket versioned; the VPC has no way to the internet', (region) => {
    const t = Template.fromStack(hardened.stacks[region]);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      LoadBalancerAttributes: Match.arrayWith([{ Key: 'deletion_protection.enabled', Value: 'true' }]),
    });
    t.hasResourceProperties('AWS::S3::Bucket', { VersioningConfiguration: { Status: 'Enabled' } });
    for (const type of ['AWS::EC2::InternetGateway', 'AWS::EC2::NatGateway', 'AWS::EC2::EIP']) t.resourceCountIs(type, 0);
    t.resourcePropertiesCountIs('AWS::EC2::Subnet', { MapPublicIpOnLaunch: true }, 0);
  });

  test('other shapes (NAT egress, an internet-facing codec server, the proxy; serverless Workers over PrivateLink) are clean under both packs', () => {
    const shapes = synthExampleWithPacks('hardened', (app) => ({ cold: activeCold(app, true), fns: serverless(app) }), PACKS.hardened);
    expect({ aws: violations(shapes, 'AwsSolutions'), nist: violations(shapes, 'NIST.800.53.R5') }).toEqual({ aws: [], nist: [] });
    const cold = Template.fromStack(shapes.built.cold.stacks['us-east-1']);
    cold.resourcePropertiesCountIs('AWS::EC2::Subnet', { MapPublicIpOnLaunch: true }, 0);
    cold.resourcePropertiesCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      LoadBalancerAttributes: Match.arrayWith([{ Key: 'deletion_protection.enabled', Value: 'true' }]),
    }, 2); // the codec server's and the proxy's
    const fns = Template.fromStack(shapes.built.fns.stacks['us-east-1']);
    fns.hasResourceProperties('AWS::Lambda::Function', {
      ReservedConcurrentExecutions: 100, DeadLetterConfig: { TargetArn: Match.anyValue() }, VpcConfig: Match.anyValue(),
    });
    fns.hasResourceProperties('AWS::SQS::Queue', { MessageRetentionPeriod: 14 * 86400, SqsManagedSseEnabled: true });
    shapes.cleanup();
  });

  test('without the profile, the same deployment fails NIST 800-53 R5 (unencrypted logs, unprotected load balancers)', () => {
    const plain = synthExampleWithPacks('hardened', (app) => activeCold(app, false), PACKS.hardened);
    plain.cleanup();
    expect(plain.failed).toBe(true);
    const rules = plain.nags['NIST.800.53.R5'].violations.map((v: any) => v.ruleName);
    expect(rules).toEqual(expect.arrayContaining(['NIST.800.53.R5-CloudWatchLogGroupEncrypted', 'NIST.800.53.R5-ELBDeletionProtectionEnabled']));
  });
});

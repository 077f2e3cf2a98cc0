import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { TemporalCodecServer, TemporalCodecServerProps } from '../../../lib/aws-cdk/blocks';

const ENV = { account: '111111111111', region: 'us-east-1' };
const CERT_ARN = 'arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555';

function codec(props: Partial<TemporalCodecServerProps> = {}): { stack: Stack; codec: TemporalCodecServer } {
  const stack = new Stack(new App(), 'Orders', { env: ENV });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const server = new TemporalCodecServer(stack, 'Codec', {
    cluster: new ecs.Cluster(stack, 'Cluster', { vpc }),
    image: ecs.ContainerImage.fromRegistry('example/codec-server:1.0.0'),
    certificate: acm.Certificate.fromCertificateArn(stack, 'Cert', CERT_ARN),
    ...props,
  });
  return { stack, codec: server };
}

describe('TemporalCodecServer', () => {
  test('internal ALB with an HTTPS-only listener on the certificate; CORS for the Temporal Cloud UI', () => {
    // GIVEN / WHEN
    const { stack, codec: server } = codec({ domainName: 'codec.example.com' });
    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 1);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Protocol: 'HTTPS',
      Port: 443,
      Certificates: [{ CertificateArn: CERT_ARN }],
      SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internal',
      Type: 'application',
      LoadBalancerAttributes: Match.arrayWith([
        { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' },
        { Key: 'access_logs.s3.enabled', Value: 'true' },
      ]),
    });
    template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [Match.objectLike({
        Environment: Match.arrayWith([
          { Name: 'PORT', Value: '8080' },
          { Name: 'CORS_ALLOWED_ORIGINS', Value: 'https://cloud.temporal.io' },
        ]),
        PortMappings: [{ ContainerPort: 8080, Protocol: 'tcp' }],
      })],
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      Port: 8080,
      Protocol: 'HTTP',
      TargetType: 'ip',
      HealthCheckPath: '/health',
    });
    template.hasResourceProperties('AWS::ECS::Service', { DesiredCount: 2 });
    // HTTPS from the VPC only.
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [Match.objectLike({ FromPort: 443, ToPort: 443, CidrIp: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Vpc'), 'CidrBlock'] } })],
    });
    // The load balancer reaches the tasks on the container port.
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      FromPort: 8080,
      ToPort: 8080,
      SourceSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('CodecLoadBalancerSecurityGroup'), 'GroupId'] },
    });
    expect(server.url).toBe('https://codec.example.com');
  });

  test('access logs go to an encrypted, SSL-only bucket', () => {
    // GIVEN / WHEN
    const { stack } = codec();
    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Effect: 'Deny',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        })]),
      },
    });
  });

  test('internet-facing, custom origins and port, cold region', () => {
    // GIVEN / WHEN
    const { stack, codec: server } = codec({
      internetFacing: true,
      corsAllowedOrigins: ['https://cloud.temporal.io', 'https://ui.example.com:8443'],
      containerPort: 9000,
      desiredCount: 0,
      healthCheckPath: '/ready',
    });
    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { Scheme: 'internet-facing' });
    template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [Match.objectLike({
        Environment: Match.arrayWith([
          { Name: 'PORT', Value: '9000' },
          { Name: 'CORS_ALLOWED_ORIGINS', Value: 'https://cloud.temporal.io,https://ui.example.com:8443' },
        ]),
      })],
    });
    template.hasResourceProperties('AWS::ECS::Service', { DesiredCount: 0 });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { Port: 9000, HealthCheckPath: '/ready' });
    expect(stack.resolve(server.url)).toEqual({ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [expect.stringMatching(/^CodecLoadBalancer/), 'DNSName'] }]] });
  });

  test.each([
    [{ corsAllowedOrigins: ['*'] }, "TemporalCodecServer(Orders/Codec): corsAllowedOrigins contains '*'"],
    [{ corsAllowedOrigins: ['https://cloud.temporal.io/'] }, /corsAllowedOrigins contains 'https:\/\/cloud.temporal.io\/', which is not an origin/],
    [{ desiredCount: -1 }, /desiredCount \(-1\) must be a whole number >= 0/],
    [{ containerPort: 70000 }, /containerPort \(70000\) must be a whole number from 1 to 65535/],
    [{ healthCheckPath: 'health' }, /healthCheckPath \('health'\) must start with '\/'/],
    [{ domainName: 'https://codec.example.com' }, /domainName \('https:\/\/codec.example.com'\) is not a DNS name/],
    [{ environment: { PORT: '1' } }, /environment sets PORT.*use containerPort/],
  ] as Array<[Partial<TemporalCodecServerProps>, string | RegExp]>)('rejects %o with a clear error', (props, message) => {
    expect(() => codec(props)).toThrow(message);
  });
});

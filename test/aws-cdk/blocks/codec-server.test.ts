import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { TemporalCodecServer, TemporalCodecServerProps } from '../../../lib/aws-cdk/blocks';
import { TemporalHaValidationError } from '../../../lib/core/errors';
import { errorOf } from '../support';

const ENV = { account: '111111111111', region: 'us-east-1' };
const CERT_ARN = 'arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555';

function codec(props: Partial<TemporalCodecServerProps> = {}, certificateArn = CERT_ARN): { stack: Stack; codec: TemporalCodecServer } {
  const stack = new Stack(new App(), 'Orders', { env: ENV });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const server = new TemporalCodecServer(stack, 'Codec', {
    cluster: new ecs.Cluster(stack, 'Cluster', { vpc }),
    image: ecs.ContainerImage.fromRegistry('example/codec-server:1.0.0'),
    certificate: acm.Certificate.fromCertificateArn(stack, 'Cert', certificateArn),
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
      Cpu: '256',
      Memory: '512',
      ContainerDefinitions: [Match.objectLike({
        Environment: [
          { Name: 'CORS_ALLOWED_ORIGINS', Value: 'https://cloud.temporal.io' },
          { Name: 'PORT', Value: '8080' },
        ],
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
        Environment: [
          { Name: 'CORS_ALLOWED_ORIGINS', Value: 'https://cloud.temporal.io,https://ui.example.com:8443' },
          { Name: 'PORT', Value: '9000' },
        ],
      })],
    });
    // Internet-facing: HTTPS from any IPv4 address unless allowedCidrs narrows it.
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [Match.objectLike({ FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' })],
    });
    template.hasResourceProperties('AWS::ECS::Service', { DesiredCount: 0 });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { Port: 9000, HealthCheckPath: '/ready' });
    expect(stack.resolve(server.url)).toEqual({ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [expect.stringMatching(/^CodecLoadBalancer/), 'DNSName'] }]] });
  });

  test('allowedCidrs are the peers of the HTTPS listener; extra environment is kept beside the contract', () => {
    // GIVEN / WHEN
    const { stack, codec: server } = codec({ allowedCidrs: ['10.8.0.0/16', '192.168.1.0/24'], environment: { KMS_KEY_ID: 'alias/codec' } });
    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [
        Match.objectLike({ FromPort: 443, CidrIp: '10.8.0.0/16' }),
        Match.objectLike({ FromPort: 443, CidrIp: '192.168.1.0/24' }),
      ],
    });
    expect(server.settings.environment).toEqual({ CORS_ALLOWED_ORIGINS: 'https://cloud.temporal.io', KMS_KEY_ID: 'alias/codec', PORT: '8080' });
  });

  test.each([
    [{ corsAllowedOrigins: ['*'] }, 'TEMPORAL_CODEC_SERVER_SETTINGS', "corsAllowedOrigins[0] = '*': allows any origin"],
    [{ corsAllowedOrigins: ['https://cloud.temporal.io', 'https://cloud.temporal.io/'] }, 'TEMPORAL_CODEC_SERVER_SETTINGS', "corsAllowedOrigins[1] = 'https://cloud.temporal.io/': is not an origin"],
    [{ desiredCount: -1 }, 'TEMPORAL_SERVICE_SIZING', 'desiredCount = -1: '],
    [{ cpu: 300 }, 'TEMPORAL_SERVICE_SIZING', 'cpu = 300: '],
    [{ containerPort: 70000 }, 'TEMPORAL_CODEC_SERVER_SETTINGS', 'containerPort = 70000: must be a whole number from 1 to 65535.'],
    [{ healthCheckPath: 'health' }, 'TEMPORAL_CODEC_SERVER_SETTINGS', "healthCheckPath = 'health': is not a path"],
    [{ domainName: 'https://codec.example.com' }, 'TEMPORAL_CODEC_SERVER_SETTINGS', "domainName = 'https://codec.example.com': is not a DNS name: a host name alone"],
    [{ allowedCidrs: ['10.0.0.0/33'] }, 'TEMPORAL_CODEC_SERVER_SETTINGS', "allowedCidrs[0] = '10.0.0.0/33': is not an IPv4 CIDR block."],
    [{ environment: { PORT: '1' } }, 'TEMPORAL_CODEC_SERVER_SETTINGS', "environment.PORT = '1': PORT is set by the library from containerPort. Fix: remove it and set containerPort instead."],
  ] as Array<[Partial<TemporalCodecServerProps>, string, string]>)('rejects %o with the rule id, prop = value and a fix', (props, ruleId, text) => {
    const err = errorOf(() => codec(props));
    expect(err).toBeInstanceOf(TemporalHaValidationError);
    expect(err.message).toMatch(/^TemporalCodecServer Orders\/Codec has 1 configuration error/);
    expect(err.message).toContain(`[${ruleId}] Orders/Codec: ${text}`);
    expect(err.message).toMatch(/Fix: \S+/);
  });

  test('a certificate of another region is rejected: ACM certificates are regional', () => {
    const err = errorOf(() => codec({}, 'arn:aws:acm:us-west-2:111111111111:certificate/11111111-2222-3333-4444-555555555555'));
    expect(err.message).toContain("[TEMPORAL_CODEC_SERVER_SETTINGS] Orders/Codec: certificateArn = 'arn:aws:acm:us-west-2:111111111111:certificate/11111111-2222-3333-4444-555555555555': is a certificate of us-west-2");
    expect(err.message).toContain('Fix: use a certificate requested or imported in us-east-1');
  });

  describe('a browser-facing name in a supplied zone', () => {
    const zoneOf = (stack: Stack) => route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0123456789ABCDEFGHIJ', zoneName: 'example.com' });
    const aliasRecord = {
      Name: 'codec.example.com.',
      Type: 'A',
      HostedZoneId: 'Z0123456789ABCDEFGHIJ',
      AliasTarget: Match.objectLike({ DNSName: Match.anyValue(), HostedZoneId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^CodecLoadBalancer'), 'CanonicalHostedZoneID'] } }),
    };

    test('no certificate given: one for the name is requested and DNS-validated in the zone; the name gets an alias record; url is the name', () => {
      // GIVEN a stack and its zone
      const stack = new Stack(new App(), 'Orders', { env: ENV });
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
      // WHEN
      const server = new TemporalCodecServer(stack, 'Codec', {
        cluster: new ecs.Cluster(stack, 'Cluster', { vpc }),
        image: ecs.ContainerImage.fromRegistry('example/codec-server:1.0.0'),
        domainName: 'codec.example.com',
        hostedZone: zoneOf(stack),
      });
      // THEN
      const template = Template.fromStack(stack);
      template.hasResourceProperties('AWS::CertificateManager::Certificate', {
        DomainName: 'codec.example.com',
        ValidationMethod: 'DNS',
        DomainValidationOptions: [{ DomainName: 'codec.example.com', HostedZoneId: 'Z0123456789ABCDEFGHIJ' }],
      });
      const [certId] = Object.keys(template.findResources('AWS::CertificateManager::Certificate'));
      template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Protocol: 'HTTPS', Certificates: [{ CertificateArn: { Ref: certId } }] });
      template.resourceCountIs('AWS::Route53::RecordSet', 1);
      template.hasResourceProperties('AWS::Route53::RecordSet', aliasRecord);
      expect(server.url).toBe('https://codec.example.com');
    });

    test('a certificate given: it is the listener\'s, and no other is requested', () => {
      const { stack } = codec({ domainName: 'codec.example.com', hostedZone: undefined });
      const withZone = codec({ domainName: 'codec.example.com' });
      // (the zone must be scoped to the stack it is used in)
      const z = new TemporalCodecServer(withZone.stack, 'Codec2', {
        cluster: withZone.codec.service.cluster,
        image: ecs.ContainerImage.fromRegistry('example/codec-server:1.0.0'),
        certificate: acm.Certificate.fromCertificateArn(withZone.stack, 'Cert2', CERT_ARN),
        domainName: 'codec.example.com',
        hostedZone: zoneOf(withZone.stack),
      });
      expect(z.url).toBe('https://codec.example.com');
      const template = Template.fromStack(withZone.stack);
      template.resourceCountIs('AWS::CertificateManager::Certificate', 0);
      template.hasResourceProperties('AWS::Route53::RecordSet', { ...aliasRecord, AliasTarget: Match.objectLike({ HostedZoneId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Codec2LoadBalancer'), 'CanonicalHostedZoneID'] } }) });
      // Without a zone, no record (the user writes it).
      Template.fromStack(stack).resourceCountIs('AWS::Route53::RecordSet', 0);
    });

    test('neither a certificate nor a name and zone is a synth error', () => {
      const err = errorOf(() => codec({ certificate: undefined, domainName: 'codec.example.com' }));
      expect(err.message).toContain('[TEMPORAL_CODEC_SERVER_SETTINGS] Orders/Codec: certificate = (not set): the HTTPS listener needs a certificate.');
      expect(err.message).toContain('Fix: give a certificate of the region covering domainName, or domainName and a public hosted zone');
    });
  });

  test('every problem is listed in the one error', () => {
    const err = errorOf(() => codec({ corsAllowedOrigins: ['*'], containerPort: 0, memoryLimitMiB: 100 })) as TemporalHaValidationError;
    expect(err.findings.map((f) => `${f.ruleId} ${f.prop}`)).toEqual([
      'TEMPORAL_CODEC_SERVER_SETTINGS containerPort',
      'TEMPORAL_CODEC_SERVER_SETTINGS corsAllowedOrigins[0]',
      'TEMPORAL_SERVICE_SIZING memoryLimitMiB',
    ]);
  });
});

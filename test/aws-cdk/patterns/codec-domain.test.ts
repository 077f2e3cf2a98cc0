/**
 * A pattern's codec server on a browser-facing name: per region, the name's alias record in the supplied zone, the given certificate (keys in
 * any spelling) or one requested for the name, and Workers given `https://<name>`. The same in test/cdktf/codec-domain.test.ts.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { ActiveHotDeployment, ActiveHotDeploymentProps, CodecServerOptions, PollerForwarding, TemporalCredentials } from '../../../lib';
import { errorOf, resources, workerContainers } from '../support';

const CERT_EAST = 'arn:aws:acm:us-east-1:111111111111:certificate/11111111-1111-1111-1111-111111111111';
const ZONE_ID = 'Z0123456789ABCDEFGHIJ';

function deploy(codec: Partial<CodecServerOptions>, withZone = true) {
  const app = new App();
  // The platform's public zone, imported by id (a literal: usable from every region's stack).
  const dns = new Stack(app, 'Dns', { env: { account: '111111111111', region: 'us-east-1' } });
  const hostedZone = withZone ? route53.HostedZone.fromHostedZoneAttributes(dns, 'Zone', { hostedZoneId: ZONE_ID, zoneName: 'example.com' }) : undefined;
  const props: ActiveHotDeploymentProps = {
    namespace: { name: 'orders', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2', pollerForwarding: PollerForwarding.DISABLED },
    credentials: TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
    workers: { image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/orders-worker:1.0.0') },
    codecServer: { image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/codec:1.0.0'), hostedZone, ...codec },
    account: '111111111111',
  };
  const hot = new ActiveHotDeployment(app, 'Orders', props);
  return { hot, east: hot.stacks['us-east-1'], west: hot.stacks['us-west-2'] };
}

describe('a codec server with a domain name per region', () => {
  const { hot, east, west } = deploy({
    // Keys in the spellings users write: Temporal's region id, upper case.
    certificateArns: { 'aws-us-east-1': CERT_EAST },
    domainNames: { 'AWS-US-EAST-1': 'codec-east.example.com', 'us-west-2': 'codec-west.example.com' },
  });

  test('each name gets an alias A record to its region\'s load balancer in the supplied zone', () => {
    for (const [stack, name] of [[east, 'codec-east.example.com.'], [west, 'codec-west.example.com.']] as const) {
      expect(resources(stack, 'AWS::Route53::RecordSet').map(([, r]) => [r.Name, r.Type, r.HostedZoneId])).toEqual([[name, 'A', ZONE_ID]]);
      Template.fromStack(stack).hasResourceProperties('AWS::Route53::RecordSet', {
        Name: name,
        AliasTarget: Match.objectLike({ HostedZoneId: { 'Fn::GetAtt': [Match.stringLikeRegexp('LoadBalancer'), 'CanonicalHostedZoneID'] } }),
      });
    }
  });

  test('a certificate given under an `aws-` key is the listener\'s; a region without one gets a certificate for its name, validated in the zone', () => {
    Template.fromStack(east).hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Protocol: 'HTTPS', Certificates: [{ CertificateArn: CERT_EAST }] });
    Template.fromStack(east).resourceCountIs('AWS::CertificateManager::Certificate', 0);
    const [[certId, cert]] = resources(west, 'AWS::CertificateManager::Certificate');
    expect(cert).toMatchObject({
      DomainName: 'codec-west.example.com', ValidationMethod: 'DNS', DomainValidationOptions: [{ DomainName: 'codec-west.example.com', HostedZoneId: ZONE_ID }],
    });
    Template.fromStack(west).hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Protocol: 'HTTPS', Certificates: [{ CertificateArn: { Ref: certId } }] });
  });

  test('Workers are given https://<their region\'s name>, and no warning is raised', () => {
    expect(Object.values(workerContainers(east)[0].env)).toContain('https://codec-east.example.com');
    expect(Object.values(workerContainers(west)[0].env)).toContain('https://codec-west.example.com');
    expect(hot.warnings.map((w) => w.ruleId)).toEqual([]);
    expect(hot.planJson().regions.map((r: any) => [r.awsRegion, r.codecServers[0].settings.domainName])).toEqual([
      ['us-east-1', 'codec-east.example.com'], ['us-west-2', 'codec-west.example.com'],
    ]);
  });
});

describe('codec server certificates and names, checked at synth', () => {
  test('a certificate of another region under a region\'s key is a synth error with the rule id', () => {
    const err = errorOf(() => deploy({
      certificateArns: { 'us-east-1': 'arn:aws:acm:eu-west-1:111111111111:certificate/1', 'us-west-2': 'arn:aws:acm:us-west-2:111111111111:certificate/2' },
    }));
    expect(err.message).toContain("[TEMPORAL_CODEC_SERVER_SETTINGS] Orders: codecServer.certificateArns.us-east-1 = 'arn:aws:acm:eu-west-1:111111111111:certificate/1': "
      + 'is a certificate of eu-west-1, but ACM certificates are regional');
  });

  test('a name without a zone and without a certificate is a synth error: nothing can be requested', () => {
    const err = errorOf(() => deploy({ domainNames: { 'us-east-1': 'codec-east.example.com', 'us-west-2': 'codec-west.example.com' } }, false));
    expect(err.message).toContain('[TEMPORAL_CODEC_CERTIFICATE] Orders: codecServer.certificateArns.us-east-1 = (not set)');
    expect(err.message).toContain('codecServer.certificateArns.us-west-2');
  });

  test('without names: Workers get the load balancer\'s DNS name, with a warning that browsers reject it', () => {
    const { hot, east } = deploy({ certificateArns: { 'US-EAST-1': CERT_EAST, 'us-west-2': 'arn:aws:acm:us-west-2:111111111111:certificate/2' } }, false);
    expect(hot.warnings.map((w) => [w.ruleId, w.prop])).toEqual([
      ['TEMPORAL_CODEC_DOMAIN', 'codecServer.domainNames.us-east-1'], ['TEMPORAL_CODEC_DOMAIN', 'codecServer.domainNames.us-west-2'],
    ]);
    Template.fromStack(east).hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Certificates: [{ CertificateArn: CERT_EAST }] });
    const url = Object.values(workerContainers(east)[0].env).find((v) => JSON.stringify(v).includes('DNSName'));
    expect(url).toEqual({ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [expect.stringMatching(/LoadBalancer/), 'DNSName'] }]] });
  });
});

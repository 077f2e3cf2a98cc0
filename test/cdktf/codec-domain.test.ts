/**
 * A pattern's codec server on a browser-facing name (CDK for Terraform): per region, the name's alias record in the supplied zone, the given
 * certificate (keys in any spelling) or one requested and validated for the name, and Workers given `https://<name>`. The same in
 * test/aws-cdk/patterns/codec-domain.test.ts.
 */
import { errorOf, newStack, resourcesOf, synthStack, workerContainers } from './support';
import { ActiveHotDeployment, CodecServerOptions, PollerForwarding, TemporalCredentials } from '../../lib/cdktf';

const CERT_EAST = 'arn:aws:acm:us-east-1:111111111111:certificate/11111111-1111-1111-1111-111111111111';
const ZONE_ID = 'Z0123456789ABCDEFGHIJ';

function deploy(codec: Partial<CodecServerOptions>, withZone = true) {
  const stack = newStack();
  const hot = new ActiveHotDeployment(stack, 'Orders', {
    namespace: { name: 'orders', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2', pollerForwarding: PollerForwarding.DISABLED },
    credentials: TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
    workers: { image: 'ghcr.io/acme/orders-worker:1.0.0' },
    codecServer: { image: 'ghcr.io/acme/codec:1.0.0', hostedZoneId: withZone ? ZONE_ID : undefined, ...codec },
  });
  return { hot, json: synthStack(stack) };
}

describe('a codec server with a domain name per region (cdktf)', () => {
  const { hot, json } = deploy({
    certificateArns: { 'aws-us-east-1': CERT_EAST },
    domainNames: { 'AWS-US-EAST-1': 'codec-east.example.com', 'us-west-2': 'codec-west.example.com' },
  });
  const lbs = resourcesOf(json, 'aws_lb');
  const lbOf = (region: string) => lbs.find((l) => l.region === region && l.name.includes('Codec'))!.name;

  test('each name gets an alias A record to its region\'s load balancer in the supplied zone', () => {
    const aliases = resourcesOf(json, 'aws_route53_record').filter((r) => r.body.type === 'A');
    expect(aliases.map((r) => [r.region, r.body.name, r.body.zone_id, r.body.alias.name]).sort()).toEqual([
      ['us-east-1', 'codec-east.example.com', ZONE_ID, `\${aws_lb.${lbOf('us-east-1')}.dns_name}`],
      ['us-west-2', 'codec-west.example.com', ZONE_ID, `\${aws_lb.${lbOf('us-west-2')}.dns_name}`],
    ]);
  });

  test('a certificate given under an `aws-` key is the listener\'s; a region without one gets a certificate for its name, validated in the zone', () => {
    const https = resourcesOf(json, 'aws_lb_listener').filter((l) => l.body.protocol === 'HTTPS');
    const certs = resourcesOf(json, 'aws_acm_certificate');
    expect(certs.map((c) => [c.region, c.body.domain_name, c.body.validation_method])).toEqual([['us-west-2', 'codec-west.example.com', 'DNS']]);
    const [validation] = resourcesOf(json, 'aws_acm_certificate_validation');
    expect(validation.region).toBe('us-west-2');
    expect(https.map((l) => [l.region, l.body.certificate_arn]).sort()).toEqual([
      ['us-east-1', CERT_EAST],
      ['us-west-2', `\${aws_acm_certificate_validation.${validation.name}.certificate_arn}`],
    ]);
    const validationRecords = resourcesOf(json, 'aws_route53_record').filter((r) => r.body.type !== 'A');
    expect(validationRecords.map((r) => [r.region, r.body.zone_id])).toEqual([['us-west-2', ZONE_ID]]);
  });

  test('Workers are given https://<their region\'s name>, and no warning is raised', () => {
    const urls = workerContainers(json).map((w) => [w.region, Object.values(w.env).filter((v) => v.startsWith('https://'))]).sort();
    expect(urls).toEqual([['us-east-1', ['https://codec-east.example.com']], ['us-west-2', ['https://codec-west.example.com']]]);
    expect(hot.warnings.map((w) => w.ruleId)).toEqual([]);
  });
});

describe('codec server certificates and names, checked at synth (cdktf)', () => {
  test('a certificate of another region under a region\'s key is a synth error with the rule id', () => {
    const err = errorOf(() => deploy({
      certificateArns: { 'us-east-1': 'arn:aws:acm:eu-west-1:111111111111:certificate/1', 'us-west-2': 'arn:aws:acm:us-west-2:111111111111:certificate/2' },
    }));
    expect(err.message).toContain("[TEMPORAL_CODEC_SERVER_SETTINGS] stack/Orders: codecServer.certificateArns.us-east-1 = 'arn:aws:acm:eu-west-1:111111111111:certificate/1': "
      + 'is a certificate of eu-west-1, but ACM certificates are regional');
  });

  test('a name without a zone and without a certificate is a synth error: nothing can be requested', () => {
    const err = errorOf(() => deploy({ domainNames: { 'us-east-1': 'codec-east.example.com', 'us-west-2': 'codec-west.example.com' } }, false));
    expect(err.message).toContain('[TEMPORAL_CODEC_CERTIFICATE] stack/Orders: codecServer.certificateArns.us-east-1 = (not set)');
    expect(err.message).toContain('codecServer.certificateArns.us-west-2');
  });

  test('without names: Workers get the load balancer\'s DNS name, with a warning that browsers reject it', () => {
    const { hot, json } = deploy({ certificateArns: { 'US-EAST-1': CERT_EAST, 'us-west-2': 'arn:aws:acm:us-west-2:111111111111:certificate/2' } }, false);
    expect(hot.warnings.map((w) => [w.ruleId, w.prop])).toEqual([
      ['TEMPORAL_CODEC_DOMAIN', 'codecServer.domainNames.us-east-1'], ['TEMPORAL_CODEC_DOMAIN', 'codecServer.domainNames.us-west-2'],
    ]);
    expect(hot.node.metadata.map((m) => String(m.data))).toEqual(expect.arrayContaining([expect.stringContaining('temporal-ha:TEMPORAL_CODEC_DOMAIN')]));
    const east = resourcesOf(json, 'aws_lb_listener').find((l) => l.region === 'us-east-1' && l.body.protocol === 'HTTPS')!;
    expect(east.body.certificate_arn).toBe(CERT_EAST);
    for (const w of workerContainers(json)) {
      expect(Object.values(w.env).filter((v) => v.startsWith('https://'))).toEqual([expect.stringMatching(/^https:\/\/\$\{aws_lb\.[A-Za-z0-9_-]+Codec[A-Za-z0-9_-]+\.dns_name\}$/)]);
    }
  });
});

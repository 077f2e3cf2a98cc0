/**
 * The codec server and proxy blocks of the CDK for Terraform flavour, used on their own: what they
 * write, and the same checks (same core functions, same rule ids, props, values and fixes) as the
 * AWS CDK flavour's blocks.
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformOutput, TerraformStack } from 'cdktf';
import { containers, errorOf, newStack, resourcesOf, synthStack, TfJson } from './support';
import {
  TemporalCodecServer,
  TemporalCodecServerProps,
  TemporalHaValidationError,
  TemporalProxy,
  TemporalProxyProps,
} from '../../lib/cdktf';
import { codecServerServiceOptions, proxySettingsInput, resolveCodecServer, resolveProxy } from '../../lib/core/components';
import { FleetState } from '../../lib/core/model';

const CERT_ARN = 'arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555';
const UPSTREAM = 'aws-us-east-1.region.tmprl.cloud:7233';

function network(stack: TerraformStack) {
  return {
    provider: new AwsProvider(stack, 'aws', { region: 'us-east-1' }),
    clusterArn: 'arn:aws:ecs:us-east-1:111111111111:cluster/orders',
    vpcId: 'vpc-0123',
    subnetIds: ['subnet-a', 'subnet-b'],
    allowFromCidrs: ['10.0.0.0/16'],
  };
}

function codec(props: Partial<TemporalCodecServerProps> = {}): { json: TfJson; codec: TemporalCodecServer } {
  const stack = newStack();
  const server = new TemporalCodecServer(stack, 'Codec', {
    ...network(stack),
    image: 'ghcr.io/acme/codec:1.0.0',
    certificateArn: CERT_ARN,
    ...props,
  });
  return { json: synthStack(stack), codec: server };
}

function proxy(props: Partial<TemporalProxyProps> = {}): { json: TfJson; proxy: TemporalProxy } {
  const stack = newStack();
  const p = new TemporalProxy(stack, 'Proxy', { ...network(stack), image: 'ghcr.io/acme/proxy:1.0.0', upstreamAddress: UPSTREAM, ...props });
  new TerraformOutput(stack, 'Address', { value: p.address });
  return { json: synthStack(stack), proxy: p };
}

describe('TemporalCodecServer (cdktf)', () => {
  test('internal ALB with an HTTPS-only listener on the certificate; CORS for the Temporal Cloud UI; the defaults of the AWS CDK flavour', () => {
    // GIVEN / WHEN
    const { json, codec: server } = codec({ domainName: 'codec.example.com' });
    // THEN
    expect(resourcesOf(json, 'aws_lb').map((l) => l.body)).toEqual([expect.objectContaining({
      load_balancer_type: 'application', internal: true, drop_invalid_header_fields: true,
    })]);
    expect(resourcesOf(json, 'aws_lb_listener').map((l) => l.body)).toEqual([expect.objectContaining({
      protocol: 'HTTPS', port: 443, certificate_arn: CERT_ARN, ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
    })]);
    expect(resourcesOf(json, 'aws_lb_target_group').map((t) => t.body)).toEqual([expect.objectContaining({
      port: 8080,
      protocol: 'HTTP',
      target_type: 'ip',
      deregistration_delay: '30',
      health_check: expect.objectContaining({ path: '/health', matcher: '200' }),
    })]);
    const [c] = containers(json);
    expect(c.container.name).toBe('codec-server');
    expect(c.env).toEqual({ CORS_ALLOWED_ORIGINS: 'https://cloud.temporal.io', PORT: '8080' });
    expect(c.container.portMappings).toEqual([{ containerPort: 8080, protocol: 'tcp' }]);
    expect(resourcesOf(json, 'aws_ecs_task_definition')[0].body).toMatchObject({ cpu: '256', memory: '512' });
    expect(resourcesOf(json, 'aws_ecs_service')[0].body.desired_count).toBe(2);
    // HTTPS from the allowed CIDRs only.
    const ingress = resourcesOf(json, 'aws_vpc_security_group_ingress_rule').filter((r) => r.body.cidr_ipv4);
    expect(ingress.map((r) => [r.body.cidr_ipv4, r.body.from_port, r.body.to_port])).toEqual([['10.0.0.0/16', 443, 443]]);
    expect(server.url).toBe('https://codec.example.com');
    expect(server.settings.environment).toEqual({ CORS_ALLOWED_ORIGINS: 'https://cloud.temporal.io', PORT: '8080' });
  });

  test('internet-facing, custom origins, port, path and sizing, cold region', () => {
    // GIVEN / WHEN
    const { json } = codec({
      internetFacing: true,
      loadBalancerSubnetIds: ['subnet-public-a', 'subnet-public-b'],
      corsAllowedOrigins: ['https://cloud.temporal.io', 'https://ui.example.com:8443'],
      containerPort: 9000,
      healthCheckPath: '/ready',
      desiredCount: 0,
      cpu: 512,
      memoryLimitMiB: 1024,
    });
    // THEN
    expect(resourcesOf(json, 'aws_lb')[0].body).toMatchObject({ internal: false, subnets: ['subnet-public-a', 'subnet-public-b'] });
    expect(containers(json)[0].env).toEqual({ CORS_ALLOWED_ORIGINS: 'https://cloud.temporal.io,https://ui.example.com:8443', PORT: '9000' });
    expect(resourcesOf(json, 'aws_lb_target_group')[0].body).toMatchObject({ port: 9000, health_check: { path: '/ready' } });
    expect(resourcesOf(json, 'aws_ecs_task_definition')[0].body).toMatchObject({ cpu: '512', memory: '1024' });
    expect(resourcesOf(json, 'aws_ecs_service')[0].body.desired_count).toBe(0);
  });

  test('a name and a zone, no certificate: one is requested, validated through a record in the zone, and used; the name gets an alias record', () => {
    // GIVEN / WHEN
    const { json, codec: server } = codec({ certificateArn: undefined, domainName: 'codec.example.com', hostedZoneId: 'Z0123456789ABCDEFGHIJ' });
    // THEN a DNS-validated certificate for the name
    const [cert] = resourcesOf(json, 'aws_acm_certificate');
    expect(cert.body).toMatchObject({ domain_name: 'codec.example.com', validation_method: 'DNS' });
    const certRef = `aws_acm_certificate.${cert.name}`;
    const records = resourcesOf(json, 'aws_route53_record');
    const validationRecord = records.find((r) => r.body.type !== 'A')!;
    expect(validationRecord.body).toMatchObject({
      zone_id: 'Z0123456789ABCDEFGHIJ',
      name: `\${tolist(${certRef}.domain_validation_options).0.resource_record_name}`,
      records: [`\${tolist(${certRef}.domain_validation_options).0.resource_record_value}`],
    });
    const [validation] = resourcesOf(json, 'aws_acm_certificate_validation');
    expect(validation.body).toMatchObject({ certificate_arn: `\${${certRef}.arn}`, validation_record_fqdns: [`\${aws_route53_record.${validationRecord.name}.fqdn}`] });
    // the listener waits for the validated certificate
    expect(resourcesOf(json, 'aws_lb_listener')[0].body.certificate_arn).toBe(`\${aws_acm_certificate_validation.${validation.name}.certificate_arn}`);
    // and the name points at the load balancer
    const lb = resourcesOf(json, 'aws_lb')[0].name;
    expect(records.filter((r) => r.body.type === 'A').map((r) => r.body)).toEqual([expect.objectContaining({
      zone_id: 'Z0123456789ABCDEFGHIJ',
      name: 'codec.example.com',
      alias: { name: `\${aws_lb.${lb}.dns_name}`, zone_id: `\${aws_lb.${lb}.zone_id}`, evaluate_target_health: true },
    })]);
    expect(server.url).toBe('https://codec.example.com');
  });

  test('a certificate given: no other is requested; without a zone, no record', () => {
    const withZone = codec({ domainName: 'codec.example.com', hostedZoneId: 'Z0123456789ABCDEFGHIJ' }).json;
    expect(resourcesOf(withZone, 'aws_acm_certificate')).toEqual([]);
    expect(resourcesOf(withZone, 'aws_lb_listener')[0].body.certificate_arn).toBe(CERT_ARN);
    expect(resourcesOf(withZone, 'aws_route53_record').map((r) => [r.body.name, r.body.type])).toEqual([['codec.example.com', 'A']]);
    expect(resourcesOf(codec({ domainName: 'codec.example.com' }).json, 'aws_route53_record')).toEqual([]);
  });

  test.each([
    [{ certificateArn: undefined, domainName: 'codec.example.com' }, 'TEMPORAL_CODEC_SERVER_SETTINGS', 'certificate = (not set): the HTTPS listener needs a certificate. Fix: give a certificate of the region covering domainName, or domainName and a public hosted zone'],
    [{ corsAllowedOrigins: ['*'] }, 'TEMPORAL_CODEC_SERVER_SETTINGS', "corsAllowedOrigins[0] = '*': allows any origin"],
    [{ corsAllowedOrigins: ['https://cloud.temporal.io', 'https://cloud.temporal.io/'] }, 'TEMPORAL_CODEC_SERVER_SETTINGS', "corsAllowedOrigins[1] = 'https://cloud.temporal.io/': is not an origin"],
    [{ desiredCount: -1 }, 'TEMPORAL_SERVICE_SIZING', 'desiredCount = -1: '],
    [{ cpu: 300 }, 'TEMPORAL_SERVICE_SIZING', 'cpu = 300: '],
    [{ containerPort: 70000 }, 'TEMPORAL_CODEC_SERVER_SETTINGS', 'containerPort = 70000: must be a whole number from 1 to 65535.'],
    [{ healthCheckPath: 'health' }, 'TEMPORAL_CODEC_SERVER_SETTINGS', "healthCheckPath = 'health': is not a path"],
    [{ domainName: 'https://codec.example.com' }, 'TEMPORAL_CODEC_SERVER_SETTINGS', "domainName = 'https://codec.example.com': is not a DNS name: a host name alone"],
    [{ allowFromCidrs: ['10.0.0.0/16', '10.0.0.0/33'] }, 'TEMPORAL_CODEC_SERVER_SETTINGS', "allowFromCidrs[1] = '10.0.0.0/33': is not an IPv4 CIDR block."],
    [{ environment: { CORS_ALLOWED_ORIGINS: '*' } }, 'TEMPORAL_CODEC_SERVER_SETTINGS', "environment.CORS_ALLOWED_ORIGINS = '*': CORS_ALLOWED_ORIGINS is set by the library from corsAllowedOrigins. Fix: remove it and set corsAllowedOrigins instead."],
    [{ certificateArn: 'codec-cert' }, 'TEMPORAL_CODEC_SERVER_SETTINGS', "certificateArn = 'codec-cert': is not an ACM certificate ARN. Fix: use 'arn:aws:acm:us-east-1:<account>:certificate/<id>'."],
    [{ certificateArn: 'arn:aws:acm:us-west-2:111111111111:certificate/1' }, 'TEMPORAL_CODEC_SERVER_SETTINGS', "certificateArn = 'arn:aws:acm:us-west-2:111111111111:certificate/1': is a certificate of us-west-2, but ACM certificates are regional"],
  ] as Array<[Partial<TemporalCodecServerProps>, string, string]>)('rejects %o with the rule id, prop = value and a fix', (props, ruleId, text) => {
    const err = errorOf(() => codec(props));
    expect(err).toBeInstanceOf(TemporalHaValidationError);
    expect(err.message).toMatch(/^TemporalCodecServer stack\/Codec has 1 configuration error/);
    expect(err.message).toContain(`[${ruleId}] stack/Codec: ${text}`);
    expect(err.message).toMatch(/Fix: \S+/);
  });
});

describe('TemporalProxy (cdktf)', () => {
  test('internal NLB on TCP 7233 in front of the proxy tasks, upstream in TEMPORAL_PROXY_UPSTREAM', () => {
    // GIVEN / WHEN
    const { json, proxy: p } = proxy();
    // THEN
    expect(resourcesOf(json, 'aws_lb')[0].body).toMatchObject({ load_balancer_type: 'network', internal: true, enable_cross_zone_load_balancing: true });
    expect(resourcesOf(json, 'aws_lb_listener')[0].body).toMatchObject({ protocol: 'TCP', port: 7233 });
    expect(resourcesOf(json, 'aws_lb_target_group')[0].body).toMatchObject({ protocol: 'TCP', port: 7233, target_type: 'ip', deregistration_delay: '60' });
    const [c] = containers(json);
    expect(c.container.name).toBe('proxy');
    expect(c.env).toEqual({ TEMPORAL_PROXY_LISTEN_PORT: '7233', TEMPORAL_PROXY_UPSTREAM: UPSTREAM });
    expect(resourcesOf(json, 'aws_ecs_task_definition')[0].body).toMatchObject({ cpu: '256', memory: '512' });
    expect(resourcesOf(json, 'aws_ecs_service')[0].body.desired_count).toBe(2);
    expect(json.output?.Address.value).toMatch(/^\$\{aws_lb\.Proxy_LoadBalancer_[A-F0-9]+\.dns_name\}:7233$/);
    expect(p.settings.upstreamHost).toBe('aws-us-east-1.region.tmprl.cloud');
  });

  test('custom ports and a cold region', () => {
    const { json } = proxy({ listenerPort: 443, containerPort: 8233, desiredCount: 0 });
    expect(resourcesOf(json, 'aws_lb_listener')[0].body).toMatchObject({ protocol: 'TCP', port: 443 });
    expect(resourcesOf(json, 'aws_lb_target_group')[0].body).toMatchObject({ port: 8233 });
    expect(resourcesOf(json, 'aws_ecs_service')[0].body.desired_count).toBe(0);
    expect(containers(json)[0].env.TEMPORAL_PROXY_LISTEN_PORT).toBe('8233');
    expect(json.output?.Address.value).toMatch(/\.dns_name\}:443$/);
  });

  test.each([
    [{ upstreamAddress: 'https://aws-us-east-1.region.tmprl.cloud' }, 'TEMPORAL_PROXY_SETTINGS', "upstreamAddress = 'https://aws-us-east-1.region.tmprl.cloud': is not 'host:port'. Fix: use e.g. 'aws-us-east-1.region.tmprl.cloud:7233'"],
    [{ upstreamAddress: 'aws-us-east-1.region.tmprl.cloud:70000' }, 'TEMPORAL_PROXY_SETTINGS', "upstreamAddress = 'aws-us-east-1.region.tmprl.cloud:70000': is not 'host:port'."],
    [{ desiredCount: 1.5 }, 'TEMPORAL_SERVICE_SIZING', 'desiredCount = 1.5: '],
    [{ listenerPort: 0 }, 'TEMPORAL_PROXY_SETTINGS', 'listenerPort = 0: must be a whole number from 1 to 65535. Fix: use a TCP port such as 7233.'],
    [{ containerPort: 65536 }, 'TEMPORAL_PROXY_SETTINGS', 'containerPort = 65536: must be a whole number from 1 to 65535.'],
    [{ memoryLimitMiB: 100 }, 'TEMPORAL_SERVICE_SIZING', 'memoryLimitMiB = 100: '],
    [{ environment: { TEMPORAL_PROXY_LISTEN_PORT: '1' } }, 'TEMPORAL_PROXY_SETTINGS', "environment.TEMPORAL_PROXY_LISTEN_PORT = '1': TEMPORAL_PROXY_LISTEN_PORT is set by the library from containerPort. Fix: remove it and set containerPort instead."],
  ] as Array<[Partial<TemporalProxyProps>, string, string]>)('rejects %o with the rule id, prop = value and a fix', (props, ruleId, text) => {
    const err = errorOf(() => proxy(props));
    expect(err).toBeInstanceOf(TemporalHaValidationError);
    expect(err.message).toMatch(/^TemporalProxy stack\/Proxy has 1 configuration error/);
    expect(err.message).toContain(`[${ruleId}] stack/Proxy: ${text}`);
    expect(err.message).toMatch(/Fix: \S+/);
  });
});

describe('the same block input gives the same findings and the same container in the AWS CDK flavour', () => {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const cdk = require('aws-cdk-lib');
  const acm = require('aws-cdk-lib/aws-certificatemanager');
  const ec2 = require('aws-cdk-lib/aws-ec2');
  const ecs = require('aws-cdk-lib/aws-ecs');
  const flavour = require('../../lib/aws-cdk');
  const { Template } = require('aws-cdk-lib/assertions');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const cdkCluster = (stack: any) => new ecs.Cluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 }) });
  const cdkStack = () => new cdk.Stack(new cdk.App(), 'stack', { env: { account: '111111111111', region: 'us-east-1' } });
  const cdkCodec = (props: object) => {
    const stack = cdkStack();
    return new flavour.TemporalCodecServer(stack, 'Codec', {
      cluster: cdkCluster(stack),
      image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/codec:1.0.0'),
      certificate: acm.Certificate.fromCertificateArn(stack, 'Cert', (props as any).certificateArn ?? CERT_ARN),
      ...props,
    });
  };
  const cdkProxy = (props: object) => {
    const stack = cdkStack();
    return new flavour.TemporalProxy(stack, 'Proxy', { cluster: cdkCluster(stack), image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/proxy:1.0.0'), upstreamAddress: UPSTREAM, ...props });
  };
  const strip = (e: Error) => (e as TemporalHaValidationError).findings.map(({ ruleId, prop, value, fix }) => ({ ruleId, prop, value, fix }));

  test.each([
    { corsAllowedOrigins: ['*', 'https://ui.example.com/'], containerPort: 0, cpu: 100, memoryLimitMiB: 100, desiredCount: -1 },
    { healthCheckPath: 'ready', domainName: 'https://codec.example.com', environment: { PORT: '1', CORS_ALLOWED_ORIGINS: '*' } },
    { certificateArn: 'arn:aws:acm:eu-west-1:111111111111:certificate/1' },
  ])('codec server: %o', (props) => {
    const tf = strip(errorOf(() => codec(props)));
    expect(tf.length).toBeGreaterThan(0);
    expect(tf).toEqual(strip(errorOf(() => cdkCodec(props))));
  });

  test.each([
    { upstreamAddress: 'tmprl.cloud', listenerPort: 70000, containerPort: 1.5, cpu: 300 },
    { environment: { TEMPORAL_PROXY_UPSTREAM: 'x:1', TEMPORAL_PROXY_LISTEN_PORT: '1' }, desiredCount: 2.5 },
  ])('proxy: %o', (props) => {
    expect(strip(errorOf(() => proxy(props)))).toEqual(strip(errorOf(() => cdkProxy(props))));
  });

  test('the same settings: environment and sizing', () => {
    const props = { corsAllowedOrigins: ['https://ui.example.com'], containerPort: 9000, cpu: 512, memoryLimitMiB: 2048, desiredCount: 3, environment: { KMS_KEY_ID: 'k' } };
    const tf = codec(props);
    const aws = cdkCodec(props);
    expect(tf.codec.settings.environment).toEqual(aws.settings.environment);
    const template = Template.fromStack(cdk.Stack.of(aws));
    const [td] = Object.values<any>(template.findResources('AWS::ECS::TaskDefinition'));
    const [svc] = Object.values<any>(template.findResources('AWS::ECS::Service'));
    const tfTd = resourcesOf(tf.json, 'aws_ecs_task_definition')[0].body;
    expect([td.Properties.Cpu, td.Properties.Memory, svc.Properties.DesiredCount]).toEqual([tfTd.cpu, tfTd.memory, resourcesOf(tf.json, 'aws_ecs_service')[0].body.desired_count]);
    expect([tfTd.cpu, tfTd.memory]).toEqual(['512', '2048']);
    const p = proxy({ containerPort: 8233, environment: { LOG_LEVEL: 'debug' } });
    expect(p.proxy.settings.environment).toEqual(cdkProxy({ containerPort: 8233, environment: { LOG_LEVEL: 'debug' } }).settings.environment);
  });

  test('a block given the planned settings writes exactly them (certificate keys in any spelling)', () => {
    // GIVEN a cold standby region's planned codec server and proxy
    const codecPlan = resolveCodecServer({ certificateArns: { 'AWS-US-EAST-1': CERT_ARN }, containerPort: 9000, desiredCount: 3 }, 'us-east-1', FleetState.COLD_STANDBY);
    const proxyPlan = resolveProxy({ listenerPort: 443 }, UPSTREAM, FleetState.COLD_STANDBY);
    expect([codecPlan.certificateArn, codecPlan.desiredCount, codecPlan.activeDesiredCount]).toEqual([CERT_ARN, 0, 3]);
    // WHEN the blocks are given them
    const c = codec({ ...codecServerServiceOptions(codecPlan), certificateArn: codecPlan.certificateArn! });
    const p = proxy({ ...proxySettingsInput(proxyPlan), upstreamAddress: proxyPlan.upstreamAddress });
    // THEN they write the planned environment, ports and counts
    expect(c.codec.settings.environment).toEqual(codecPlan.environment);
    expect(resourcesOf(c.json, 'aws_ecs_service')[0].body.desired_count).toBe(0);
    expect(resourcesOf(c.json, 'aws_lb_listener')[0].body.certificate_arn).toBe(CERT_ARN);
    expect(p.proxy.settings.environment).toEqual(proxyPlan.environment);
    expect(resourcesOf(p.json, 'aws_lb_listener')[0].body.port).toBe(443);
    expect(resourcesOf(p.json, 'aws_ecs_service')[0].body.desired_count).toBe(0);
  });
});

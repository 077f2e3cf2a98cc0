/**
 * The two runnable cdktf examples, synthesized as `cdktf synth` runs them (the app's synth, which
 * runs the stack validations) into cdk.tf.json. One synthesis per example, shared by its tests.
 */
import * as fs from 'fs';
import { loadClientConnectConfig } from '@temporalio/envconfig';
import { containers, referenced, resourcesOf, synthExample, underState, workerContainers } from './support';
import { build as buildCold } from '../../examples/cdktf-active-cold/main';
import { build as buildHot } from '../../examples/cdktf-active-hot/main';

// The examples import the package by name, as a user's app does. Until jest maps the subpath
// (moduleNameMapper '^temporal-ha-constructs/cdktf$'), resolve it to the sources here.
jest.mock('temporal-ha-constructs/cdktf', () => jest.requireActual('../../lib/cdktf'), { virtual: true });

describe('examples/cdktf-active-hot', () => {
  const { stacks, outdir } = synthExample('cdktf-active-hot', buildHot);
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));
  const json = stacks['orders-hot'];

  test('writes one cdk.tf.json with two aliased AWS providers, one per namespace region', () => {
    expect(Object.keys(stacks)).toEqual(['orders-hot']);
    expect(json.provider?.aws).toEqual([
      expect.objectContaining({ alias: 'us-east-1', region: 'us-east-1' }),
      expect.objectContaining({ alias: 'us-west-2', region: 'us-west-2' }),
    ]);
  });

  test.each([
    ['us-east-1', 'aws-us-east-1.region.tmprl.cloud:7233'],
    ['us-west-2', 'aws-us-west-2.region.tmprl.cloud:7233'],
  ])('the %s Worker task definition dials that region\'s Regional Endpoint', (region, address) => {
    const workers = workerContainers(json).filter((c) => c.region === region);
    expect(workers).toHaveLength(1);
    expect(workers[0].env).toMatchObject({ TEMPORAL_ADDRESS: address, TEMPORAL_NAMESPACE: 'orders.a1b2c', TASK_QUEUE: 'orders' });
    expect(workers[0].env).not.toHaveProperty('TEMPORAL_TLS_SERVER_NAME');
    expect(workers[0].env).not.toHaveProperty('TEMPORAL_TLS');
    // The codec server's own name in the public zone (the web UI calls it from people's browsers).
    expect(workers[0].env.CODEC_SERVER_URL).toBe(`https://codec-${region === 'us-east-1' ? 'use1' : 'usw2'}.orders.acme.example.com`);
  });

  test('each worker VPC has a region.tmprl.cloud zone with one record per region, pointing to that region\'s VPC endpoint', () => {
    const zones = resourcesOf(json, 'aws_route53_zone');
    expect(zones.map((z) => [z.region, z.body.name, z.body.vpc[0].vpc_region]).sort()).toEqual([
      ['us-east-1', 'region.tmprl.cloud', 'us-east-1'],
      ['us-west-2', 'region.tmprl.cloud', 'us-west-2'],
    ]);
    const endpoints = Object.fromEntries(resourcesOf(json, 'aws_vpc_endpoint').map((e) => [e.name, e]));
    const records = resourcesOf(json, 'aws_route53_record').filter((r) => r.body.name.endsWith('.region.tmprl.cloud'));
    expect(records).toHaveLength(2);
    for (const zone of zones) {
      const inZone = records.filter((r) => referenced(r.body.zone_id, 'aws_route53_zone') === zone.name);
      expect(inZone.map((r) => r.body.name)).toEqual([`aws-${zone.region}.region.tmprl.cloud`]);
      expect(inZone[0].body.type).toBe('CNAME');
      const endpoint = endpoints[referenced(inZone[0].body.records[0], 'aws_vpc_endpoint')!];
      expect(endpoint.region).toBe(zone.region);
      expect(endpoint.body.service_name).toBe(zone.region === 'us-east-1'
        ? 'com.amazonaws.vpce.us-east-1.vpce-svc-0822256b6575ea37f'
        : 'com.amazonaws.vpce.us-west-2.vpce-svc-0f44b3d7302816b94');
      expect(endpoint.body).toMatchObject({ vpc_endpoint_type: 'Interface', private_dns_enabled: false });
    }
  });

  test('no private record or zone for the Namespace Endpoint', () => {
    const names = [...resourcesOf(json, 'aws_route53_record'), ...resourcesOf(json, 'aws_route53_zone')].map((r) => r.body.name);
    expect(names.filter((n) => n.includes('orders.a1b2c'))).toEqual([]);
  });

  test('the API key is a container secret from the region\'s Secrets Manager data source, never a value', () => {
    const secrets = resourcesOf(json, 'aws_secretsmanager_secret', 'data');
    expect(secrets.map((s) => [s.region, s.body.name]).sort()).toEqual([
      ['us-east-1', 'temporal/orders/api-key'], ['us-west-2', 'temporal/orders/api-key'],
    ]);
    for (const w of workerContainers(json)) {
      const source = secrets.find((s) => s.region === w.region)!;
      expect(w.secrets).toEqual({ TEMPORAL_API_KEY: `\${data.aws_secretsmanager_secret.${source.name}.arn}` });
      expect(JSON.stringify(w.env)).not.toMatch(/API_KEY/);
    }
  });

  test('both fleets run (hot standby) with CPU autoscaling between 2 and 20 tasks', () => {
    const services = resourcesOf(json, 'aws_ecs_service').filter((s) => s.body.tags.TemporalFleet === 'workers');
    expect(services.map((s) => [s.region, s.body.desired_count, s.body.tags.TemporalFleetState]).sort()).toEqual([
      ['us-east-1', 2, 'active'], ['us-west-2', 2, 'hot-standby'],
    ]);
    for (const t of resourcesOf(json, 'aws_appautoscaling_target')) expect(t.body).toMatchObject({ min_capacity: 2, max_capacity: 20 });
    expect(resourcesOf(json, 'aws_appautoscaling_policy')).toHaveLength(2);
  });

  test('a codec server behind HTTPS in each region, with CORS for the Temporal Cloud UI', () => {
    const listeners = resourcesOf(json, 'aws_lb_listener');
    expect(listeners.map((l) => [l.region, l.body.protocol, l.body.port, l.body.certificate_arn]).sort()).toEqual([
      ['us-east-1', 'HTTPS', 443, 'arn:aws:acm:us-east-1:111111111111:certificate/00000000-0000-0000-0000-000000000001'],
      ['us-west-2', 'HTTPS', 443, 'arn:aws:acm:us-west-2:111111111111:certificate/00000000-0000-0000-0000-000000000002'],
    ]);
    const codec = containers(json).filter((c) => c.container.name === 'codec-server');
    expect(codec.map((c) => c.env)).toEqual([
      { CORS_ALLOWED_ORIGINS: 'https://cloud.temporal.io', PORT: '8080' },
      { CORS_ALLOWED_ORIGINS: 'https://cloud.temporal.io', PORT: '8080' },
    ]);
    // Each region's codec server has its own name in the public zone: an alias A record to its load balancer.
    const names = resourcesOf(json, 'aws_route53_record').filter((r) => r.body.zone_id === 'Z0PUBLIC00000000000001');
    expect(names.map((r) => [r.region, r.body.name, r.body.type, referenced(r.body.alias.name, 'aws_lb') !== undefined]).sort()).toEqual([
      ['us-east-1', 'codec-use1.orders.acme.example.com', 'A', true],
      ['us-west-2', 'codec-usw2.orders.acme.example.com', 'A', true],
    ]);
  });

  test('the Worker environment, loaded by @temporalio/envconfig, connects to the Regional Endpoint', () => {
    for (const w of workerContainers(json)) {
      const env = { ...w.env, TEMPORAL_API_KEY: 'fake-api-key' };
      const connect = loadClientConnectConfig({ disableFile: true, overrideEnvVars: env });
      expect(connect.connectionOptions.address).toBe(`aws-${w.region}.region.tmprl.cloud:7233`);
      expect(connect.namespace).toBe('orders.a1b2c');
      expect(connect.connectionOptions.apiKey).toBe('fake-api-key');
    }
  });
});

describe('examples/cdktf-active-cold', () => {
  const { stacks, outdir } = synthExample('cdktf-active-cold', buildCold);
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));
  const json = stacks['payments-cold'];
  const cidr = { 'us-east-1': '10.88.0.0/16', 'us-west-2': '10.104.0.0/16' } as Record<string, string>;

  test('the VPCs it creates have the plan\'s distinct CIDRs', () => {
    expect(resourcesOf(json, 'aws_vpc').map((v) => [v.region, v.body.cidr_block]).sort()).toEqual(Object.entries(cidr));
  });

  test('the secondary fleet is cold while the primary is active (the live failover state): desired 0, autoscaling minimum 0; the primary runs', () => {
    const services = resourcesOf(json, 'aws_ecs_service').filter((s) => s.body.tags.TemporalFleet === 'workers');
    const live = 'us-east-1';
    expect(services.map((s) => [s.region, underState(s.body.desired_count, live), s.body.tags.TemporalFleetState]).sort()).toEqual([
      ['us-east-1', 2, 'active'], ['us-west-2', 0, 'cold-standby'],
    ]);
    const targets = resourcesOf(json, 'aws_appautoscaling_target');
    expect(targets.map((t) => [t.region, underState(t.body.min_capacity, live)]).sort()).toEqual([['us-east-1', 2], ['us-west-2', 0]]);
    // After a failover (the state holds us-west-2), the same configuration plans the other way round.
    expect(targets.map((t) => [t.region, underState(t.body.min_capacity, 'us-west-2')]).sort()).toEqual([['us-east-1', 0], ['us-west-2', 2]]);
    for (const s of services) expect(s.body.lifecycle).toEqual({ ignore_changes: ['desired_count'] });
  });

  test('both fleets dial the Namespace Endpoint with mTLS (no server name needed), credentials from secrets', () => {
    for (const w of workerContainers(json)) {
      expect(w.env).toMatchObject({ TEMPORAL_ADDRESS: 'payments.a1b2c.tmprl.cloud:7233', TEMPORAL_NAMESPACE: 'payments.a1b2c' });
      expect(w.env).not.toHaveProperty('TEMPORAL_TLS_SERVER_NAME');
      expect(Object.keys(w.secrets).sort()).toEqual(['TEMPORAL_TLS_CLIENT_CERT_DATA', 'TEMPORAL_TLS_CLIENT_KEY_DATA']);
    }
  });

  test('VPC peering: requester in us-east-1, accepter with the us-west-2 provider, routes both ways', () => {
    const [pcx] = resourcesOf(json, 'aws_vpc_peering_connection');
    expect(resourcesOf(json, 'aws_vpc_peering_connection')).toHaveLength(1);
    expect(pcx.region).toBe('us-east-1');
    expect(pcx.body).toMatchObject({ peer_region: 'us-west-2', auto_accept: false });
    const [accepter] = resourcesOf(json, 'aws_vpc_peering_connection_accepter');
    expect(accepter.region).toBe('us-west-2');
    expect(accepter.body).toMatchObject({ auto_accept: true, vpc_peering_connection_id: `\${aws_vpc_peering_connection.${pcx.name}.id}` });
    const peered = resourcesOf(json, 'aws_route').filter((r) => r.body.vpc_peering_connection_id);
    expect(peered.map((r) => [r.region, r.body.destination_cidr_block]).sort()).toEqual([
      ['us-east-1', cidr['us-west-2']], ['us-east-1', cidr['us-west-2']], // one per private route table (two AZs)
      ['us-west-2', cidr['us-east-1']], ['us-west-2', cidr['us-east-1']],
    ]);
  });

  test('each region\'s Temporal endpoint admits the other worker VPC on 7233', () => {
    const rules = resourcesOf(json, 'aws_vpc_security_group_ingress_rule').filter((r) => r.body.from_port === 7233);
    expect(rules.map((r) => [r.region, r.body.cidr_ipv4]).sort()).toEqual([
      ['us-east-1', cidr['us-east-1']], ['us-east-1', cidr['us-west-2']],
      ['us-west-2', cidr['us-east-1']], ['us-west-2', cidr['us-west-2']],
    ].sort());
  });

  test('the primary\'s region.tmprl.cloud zone holds the secondary\'s record, pointing to the us-west-2 endpoint', () => {
    const zones = resourcesOf(json, 'aws_route53_zone').filter((z) => z.body.name === 'region.tmprl.cloud');
    const east = zones.find((z) => z.region === 'us-east-1')!;
    const records = resourcesOf(json, 'aws_route53_record').filter((r) => referenced(r.body.zone_id, 'aws_route53_zone') === east.name);
    expect(records.map((r) => r.body.name).sort()).toEqual(['aws-us-east-1.region.tmprl.cloud', 'aws-us-west-2.region.tmprl.cloud']);
    const west = records.find((r) => r.body.name === 'aws-us-west-2.region.tmprl.cloud')!;
    const endpoint = resourcesOf(json, 'aws_vpc_endpoint').find((e) => e.name === referenced(west.body.records[0], 'aws_vpc_endpoint'))!;
    expect(endpoint.region).toBe('us-west-2');
    const names = resourcesOf(json, 'aws_route53_record').map((r) => r.body.name);
    expect(names.filter((n) => n.includes('payments.a1b2c'))).toEqual([]);
  });

  test('the codec server is behind PRIMARY/SECONDARY failover records with CloudWatch-alarm health checks', () => {
    const failover = resourcesOf(json, 'aws_route53_record').filter((r) => r.body.failover_routing_policy);
    expect(failover.map((r) => [r.body.name, r.body.failover_routing_policy.type]).sort()).toEqual([
      ['codec.paymentscold.temporal.internal', 'PRIMARY'], ['codec.paymentscold.temporal.internal', 'SECONDARY'],
    ]);
    const lbs = Object.fromEntries(resourcesOf(json, 'aws_lb').map((l) => [l.name, l]));
    const primary = failover.find((r) => r.body.failover_routing_policy.type === 'PRIMARY')!;
    expect(lbs[referenced(primary.body.records[0], 'aws_lb')!].region).toBe('us-east-1');
    const checks = resourcesOf(json, 'aws_route53_health_check');
    // The primary's answers through the failover gate (a calculated check over its own: test/cdktf/failover.test.ts).
    expect(checks.map((c) => [c.body.type, c.body.cloudwatch_alarm_region]).sort()).toEqual([
      ['CALCULATED', undefined], ['CLOUDWATCH_METRIC', 'us-east-1'], ['CLOUDWATCH_METRIC', 'us-west-2'],
    ]);
    const zone = resourcesOf(json, 'aws_route53_zone').find((z) => z.body.name === 'paymentscold.temporal.internal')!;
    expect(zone.body.vpc.map((v: any) => v.vpc_region)).toEqual(['us-east-1', 'us-west-2']);
    // Workers always use their own region's codec server; the failover name is for people and tools.
    for (const w of workerContainers(json)) {
      const lb = resourcesOf(json, 'aws_lb').find((l) => l.name === referenced(w.env.CODEC_SERVER_URL, 'aws_lb'))!;
      expect(lb.region).toBe(w.region);
    }
    const codec = resourcesOf(json, 'aws_ecs_service').filter((s) => s.body.tags.TemporalComponent === 'codec');
    expect(codec.map((s) => [s.region, underState(s.body.desired_count, 'us-east-1')]).sort()).toEqual([['us-east-1', 2], ['us-west-2', 0]]);
    expect(codec.map((s) => [s.region, underState(s.body.desired_count, 'us-west-2')]).sort()).toEqual([['us-east-1', 0], ['us-west-2', 2]]);
  });

  test('outputs what failing over to the cold region needs', () => {
    const outputs = Object.entries(json.output ?? {});
    // The runbook that makes a region active, per region, and the state it writes (no baked-in failover count).
    const runbooks = outputs.filter(([id]) => id.includes('FailoverMainActivateRunbook'));
    expect(runbooks.map(([id, o]) => [id.split('_')[1], String(o.value).startsWith('${aws_ssm_document.')]).sort())
      .toEqual([['us-east-1', true], ['us-west-2', true]]);
    expect(outputs.filter(([id]) => id.includes('FailoverDesiredCount'))).toEqual([]);
    expect(outputs.some(([id, o]) => id.includes('us-west-2_CodecServiceName') && String(o.value).includes('aws_ecs_service'))).toBe(true);
  });
});

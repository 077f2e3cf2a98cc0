/**
 * examples/cdktf-platform, synthesized as `cdktf synth` runs it: a platform's Terraform-managed network (VPCs, subnets, clusters and its
 * us-east-1 region.tmprl.cloud zone, by id) and two application teams' deployments on it, each in a stack of its own.
 */
import * as fs from 'fs';
import { resourcesOf, synthExample, TfJson, workerContainers } from './support';
import { build } from '../../examples/cdktf-platform/main';

describe('examples/cdktf-platform', () => {
  const { stacks, outdir } = synthExample('cdktf-platform', build);
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));
  const all = (type: string) => Object.entries(stacks).flatMap(([stack, json]) => resourcesOf(json as TfJson, type).map((r) => ({ stack, ...r })));

  test('one stack per team', () => {
    expect(Object.keys(stacks).sort()).toEqual(['orders', 'payments']);
  });

  test('one region.tmprl.cloud zone per VPC: none where the platform supplied it (us-east-1), one shared in us-west-2', () => {
    const zones = all('aws_route53_zone').filter((z) => z.body.name === 'region.tmprl.cloud');
    expect(zones.map((z) => [z.stack, z.region, z.body.vpc[0].vpc_id])).toEqual([['orders', 'us-west-2', 'vpc-0f1a2b3c4d5e6f702']]);
  });

  test('one Temporal endpoint per VPC, in the platform\'s shared subnets; one peering', () => {
    const endpoints = all('aws_vpc_endpoint').filter((e) => /vpce-svc-/.test(e.body.service_name));
    expect(endpoints.map((e) => [e.stack, e.region, e.body.vpc_id, e.body.subnet_ids]).sort()).toEqual([
      ['orders', 'us-east-1', 'vpc-0e1a2b3c4d5e6f701', ['subnet-0e1a0000000000011', 'subnet-0e1a0000000000012']],
      ['orders', 'us-west-2', 'vpc-0f1a2b3c4d5e6f702', ['subnet-0f1a0000000000011', 'subnet-0f1a0000000000012']],
    ]);
    expect(all('aws_vpc_peering_connection')).toHaveLength(1);
  });

  test('each record once per zone; records in the platform\'s zone by its id', () => {
    const records = all('aws_route53_record').filter((r) => /region\.tmprl\.cloud$/.test(r.body.name));
    const inPlatformZone = records.filter((r) => r.body.zone_id === 'Z0123456789ABCDEFGHIJ').map((r) => r.body.name);
    expect(inPlatformZone.sort()).toEqual(['aws-us-east-1.region.tmprl.cloud', 'aws-us-west-2.region.tmprl.cloud']);
    expect(records.map((r) => r.body.name).sort()).toEqual([
      'aws-us-east-1.region.tmprl.cloud', 'aws-us-east-1.region.tmprl.cloud', 'aws-us-west-2.region.tmprl.cloud', 'aws-us-west-2.region.tmprl.cloud',
    ]);
  });

  test('Workers run in the platform\'s cluster and worker subnets, and wait for their records', () => {
    const services = all('aws_ecs_service');
    expect(services).toHaveLength(4);
    for (const s of services) {
      const n = s.region === 'us-east-1' ? '0e1a' : '0f1a';
      expect(s.body.cluster).toBe(`arn:aws:ecs:${s.region}:111111111111:cluster/platform`);
      expect(s.body.network_configuration.subnets).toEqual([`subnet-${n}0000000000001`, `subnet-${n}0000000000002`]);
      expect(s.body.network_configuration.assign_public_ip).toBe(false);
      // A record in the same stack is a depends_on; a record in the other team's stack is a stack dependency (cdktf orders stacks).
      const sameStack = (s.body.depends_on as string[] ?? []).filter((d) => d.startsWith('aws_route53_record.'));
      expect(sameStack.length).toBeGreaterThan(0);
    }
    for (const w of Object.values(stacks).flatMap((json) => workerContainers(json as TfJson))) {
      expect(w.env).not.toHaveProperty('TEMPORAL_TLS');
      expect(w.env.TEMPORAL_NAMESPACE).toMatch(/^(orders|payments)\.a1b2c$/);
    }
  });
});

/**
 * examples/cdktn-active-hot, synthesized as `cdktn synth` runs it (the app's synth, validations on)
 * into cdk.tf.json: the Active/Hot app on CDK Terrain. test/cdktf/support's helpers run on cdktn here
 * (./use-cdktn); the example itself imports only `cdktn` and `temporal-ha-constructs/cdktn`.
 */
import * as fs from 'fs';
import type { App } from 'cdktn';
import { useCdktnEngine } from './use-cdktn';
import { build } from '../../examples/cdktn-active-hot/main';
import { referenced, resourcesOf, synthExample, workerContainers } from '../cdktf/support';

useCdktnEngine();

describe('examples/cdktn-active-hot', () => {
  const { built, stacks, outdir } = synthExample('cdktn-active-hot', (app) => build(app as unknown as App)); // support's App is cdktn's here (swapped)
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));
  const json = stacks['orders-hot'];

  test('is built with cdktn (not cdktf)', () => {
    expect(built.stack).toBeInstanceOf(jest.requireActual('cdktn').TerraformStack);
    expect(built.stack).not.toBeInstanceOf(jest.requireActual('cdktf').TerraformStack);
  });

  test('writes one cdk.tf.json with two aliased AWS providers, one per namespace region, from @cdktn/provider-aws', () => {
    expect(Object.keys(stacks)).toEqual(['orders-hot']);
    expect(json.provider?.aws).toEqual([
      expect.objectContaining({ alias: 'us-east-1', region: 'us-east-1' }),
      expect.objectContaining({ alias: 'us-west-2', region: 'us-west-2' }),
    ]);
    // The provider version the cdktn provider package is generated from (AWS provider 6.x).
    expect((json as any).terraform.required_providers.aws).toMatchObject({ source: 'hashicorp/aws', version: expect.stringMatching(/^6\./) });
  });

  test.each([
    ['us-east-1', 'aws-us-east-1.region.tmprl.cloud:7233'],
    ['us-west-2', 'aws-us-west-2.region.tmprl.cloud:7233'],
  ])('the %s Workers dial that region\'s Regional Endpoint', (region, address) => {
    const workers = workerContainers(json).filter((c) => c.region === region);
    expect(workers).toHaveLength(1);
    expect(workers[0].env).toMatchObject({ TEMPORAL_ADDRESS: address, TEMPORAL_NAMESPACE: 'orders.a1b2c', TASK_QUEUE: 'orders' });
    expect(workers[0].env.CODEC_SERVER_URL).toBe(`https://codec-${region === 'us-east-1' ? 'use1' : 'usw2'}.orders.acme.example.com`);
  });

  test('each worker VPC has a region.tmprl.cloud zone with its region\'s record, pointing to that region\'s PrivateLink endpoint', () => {
    const zones = resourcesOf(json, 'aws_route53_zone');
    expect(zones.map((z) => [z.region, z.body.name]).sort()).toEqual([['us-east-1', 'region.tmprl.cloud'], ['us-west-2', 'region.tmprl.cloud']]);
    const endpoints = Object.fromEntries(resourcesOf(json, 'aws_vpc_endpoint').map((e) => [e.name, e]));
    for (const zone of zones) {
      const inZone = resourcesOf(json, 'aws_route53_record').filter((r) => referenced(r.body.zone_id, 'aws_route53_zone') === zone.name);
      expect(inZone.map((r) => r.body.name)).toEqual([`aws-${zone.region}.region.tmprl.cloud`]);
      expect(endpoints[referenced(inZone[0].body.records[0], 'aws_vpc_endpoint')!].region).toBe(zone.region);
    }
  });

  test('no record or zone for the Namespace Endpoint', () => {
    const names = [...resourcesOf(json, 'aws_route53_record'), ...resourcesOf(json, 'aws_route53_zone')].map((r) => r.body.name);
    expect(names.filter((n) => n.includes('orders.a1b2c'))).toEqual([]);
  });
});

/**
 * Hand-written CDK for Terraform equivalent of the library's sharded scenario: one stack, an
 * aliased provider per region, each region's shared base (VPC, cluster, PrivateLink endpoint,
 * private zone) and, per shard, a Worker fleet in its home and replica region.
 */
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { Network, regionNetwork, regionProvider, workerService } from './parts';
import { Context, SHARD_REGIONS, shards } from '../scenario';

export function synth(outdir: string, size: number, context: Context): void {
  const app = new App({ outdir, context });
  const stack = new TerraformStack(app, 'orders-sharded');
  const regions = new Map<string, { scope: Construct; network: Network }>();
  for (const region of SHARD_REGIONS) {
    const scope = new Construct(stack, region);
    regions.set(region, { scope, network: regionNetwork(scope, regionProvider(stack, region), region, 'orders-sharded') });
  }
  for (const shard of shards(size, context)) {
    for (const region of [shard.homeRegion, shard.replicaRegion]) {
      const { scope, network } = regions.get(region)!;
      workerService(new Construct(scope, shard.name), network, {
        name: `orders-sharded-${region}-${shard.name}-workers`,
        image: shard.image,
        namespace: `${shard.namespace}.${shard.accountId}`,
        address: `aws-${region}.region.tmprl.cloud:7233`,
        apiKeySecretName: shard.apiKeySecretName,
        environment: { SHARD: shard.name },
        minCapacity: 2,
        maxCapacity: 10,
        description: `Workers for ${shard.namespace}.${shard.accountId} in ${region}`,
      });
    }
  }
  app.synth();
}

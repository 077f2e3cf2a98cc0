/**
 * Hand-written AWS CDK equivalent of the library's sharded scenario: a base stack per region (VPC,
 * cluster, PrivateLink endpoint, private zone) and, per shard and region, a stack with the shard's
 * Worker fleet (separate stacks keep every template under CloudFormation's resource limit).
 */
import { App, Stack } from 'aws-cdk-lib';
import { Network, regionNetwork, workerService } from './parts';
import { Context, SHARD_REGIONS, shards } from '../scenario';

export function synth(outdir: string, size: number, context: Context): void {
  const app = new App({ outdir, context });
  const networks = new Map<string, Network>();
  for (const region of SHARD_REGIONS) {
    networks.set(region, regionNetwork(new Stack(app, `OrdersSharded-${region}`, { env: { region } }), region));
  }
  for (const shard of shards(size, context)) {
    for (const region of [shard.homeRegion, shard.replicaRegion]) {
      const stack = new Stack(app, `OrdersSharded-${region}-${shard.name}`, { env: { region } });
      workerService(stack, networks.get(region)!.cluster, {
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

/**
 * Hand-written CDK for Terraform equivalent of the library's sharded scenario: one stack, an
 * aliased provider per region, each region's shared base (VPC, cluster, PrivateLink endpoint,
 * private zone) and, per shard, a Worker fleet in its home and replica region with a running-task
 * alarm, the failover runbooks and their role in both, and the shard's failover state.
 */
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  Failover, failoverRunbooks, failoverState, Network, regionAccount, regionNetwork, regionProvider, runningTasksAlarm, workerService,
} from './parts';
import { Context, SHARD_REGIONS, shards } from '../scenario';

export function synth(outdir: string, size: number, context: Context): void {
  const app = new App({ outdir, context });
  const stack = new TerraformStack(app, 'orders-sharded');
  const regions = new Map<string, { scope: Construct; network: Network; account: { partition: string; accountId: string } }>();
  for (const region of SHARD_REGIONS) {
    const scope = new Construct(stack, region);
    const provider = regionProvider(stack, region);
    regions.set(region, { scope, network: regionNetwork(scope, provider, region, 'orders-sharded'), account: regionAccount(scope, provider) });
  }
  const state = new Construct(stack, 'FailoverState');
  for (const shard of shards(size, context)) {
    const failover: Failover = {
      name: `orders-sharded-${shard.name}`,
      namespace: `${shard.namespace}.${shard.accountId}`,
      parameterName: `/temporal/orders-sharded/${shard.name}/active-region`,
      activeRegion: shard.homeRegion,
      regions: [shard.homeRegion, shard.replicaRegion],
    };
    for (const region of failover.regions) {
      const { scope, network, account } = regions.get(region)!;
      const shardScope = new Construct(scope, shard.name);
      const service = workerService(shardScope, network, {
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
      runningTasksAlarm(shardScope, 'WorkersRunningTasks', network.provider, {
        alarmName: `orders-sharded-${shard.name}-workers-${region}-running-tasks`,
        clusterName: network.cluster.name,
        serviceName: service.name,
        minimum: 2,
      });
      failoverRunbooks(new Construct(shardScope, 'Failover'), network.provider, account, failover, region);
    }
    failoverState(new Construct(state, shard.name), failover, (region) => regions.get(region)!.network.provider);
  }
  app.synth();
}

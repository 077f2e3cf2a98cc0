/**
 * Hand-written AWS CDK equivalent of the library's sharded scenario: a base stack per region (VPC,
 * cluster, PrivateLink endpoint, private zone) and, per shard and region, a stack with the shard's
 * Worker fleet (separate stacks keep every template under CloudFormation's resource limit). Per
 * region, a state stack holds each shard's active-region parameter, and a failover stack, deployed
 * after the shards' stacks (it reads their service names through weak references), holds each
 * shard's runbooks, their role and the Worker fleet's running-task alarm.
 */
import { App, CrossStackReferences, ReferenceStrength, Stack } from 'aws-cdk-lib';
import { activeRegionParameter, Failover, failoverRunbooks, Network, regionNetwork, runningTasksAlarm, workerService } from './parts';
import { Context, SHARD_REGIONS, shards } from '../scenario';

export function synth(outdir: string, size: number, context: Context): void {
  const app = new App({ outdir, context });
  const networks = new Map<string, Network>();
  for (const region of SHARD_REGIONS) {
    networks.set(region, regionNetwork(new Stack(app, `OrdersSharded-${region}`, { env: { region } }), region));
  }
  const stacks = new Map<string, Stack>();
  /** A region's state or failover stack, created on first use. */
  const regionStack = (region: string, kind: 'state' | 'failover') => {
    const id = `OrdersSharded-${region}-${kind}`;
    if (!stacks.has(id)) {
      const stack = new Stack(app, id, { env: { region } });
      if (kind === 'failover') CrossStackReferences.of(stack).consume(ReferenceStrength.WEAK);
      stacks.set(id, stack);
    }
    return stacks.get(id)!;
  };
  for (const shard of shards(size, context)) {
    const regions = [shard.homeRegion, shard.replicaRegion];
    const failover: Failover = {
      name: `orders-sharded-${shard.name}`,
      namespace: `${shard.namespace}.${shard.accountId}`,
      parameterName: `/temporal/orders-sharded/${shard.name}/active-region`,
      activeRegion: shard.homeRegion,
      regions,
    };
    for (const region of regions) {
      const stack = new Stack(app, `OrdersSharded-${region}-${shard.name}`, { env: { region } });
      const cluster = networks.get(region)!.cluster;
      const service = workerService(stack, cluster, {
        image: shard.image,
        namespace: `${shard.namespace}.${shard.accountId}`,
        address: `aws-${region}.region.tmprl.cloud:7233`,
        apiKeySecretName: shard.apiKeySecretName,
        environment: { SHARD: shard.name },
        minCapacity: 2,
        maxCapacity: 10,
        description: `Workers for ${shard.namespace}.${shard.accountId} in ${region}`,
      });
      activeRegionParameter(regionStack(region, 'state'), `${shard.name}ActiveRegion`, failover);
      const failoverStack = regionStack(region, 'failover');
      runningTasksAlarm(failoverStack, `${shard.name}WorkersRunningTasks`, {
        alarmName: `orders-sharded-${shard.name}-workers-${region}-running-tasks`,
        clusterName: cluster.clusterName,
        serviceName: service.serviceName,
        minimum: 2,
      });
      failoverRunbooks(failoverStack, `${shard.name}Failover`, failover, region);
    }
  }
  app.synth();
}

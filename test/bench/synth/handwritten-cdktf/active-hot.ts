/**
 * Hand-written CDK for Terraform equivalent of the library's Active/Hot example: one stack, an
 * aliased provider per region, and in each region the VPC, cluster, PrivateLink endpoint, private
 * zone, a codec server, a Worker fleet dialing that region's Regional Endpoint, running-task alarms
 * on both services and the failover runbooks with their role; the failover state (a parameter per
 * region, read back at plan time) beside them.
 */
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  codecServer, Failover, failoverRunbooks, failoverState, regionAccount, regionNetwork, regionProvider, runningTasksAlarm, workerService,
} from './parts';
import { activeHot, Context } from '../scenario';

export function synth(outdir: string, _size: number, context: Context): void {
  const S = activeHot(context);
  const app = new App({ outdir, context });
  const stack = new TerraformStack(app, 'orders-hot');
  const regions = [S.primaryRegion, S.replicaRegion];
  const failover: Failover = {
    name: 'orders-hot',
    namespace: `${S.namespace}.${S.accountId}`,
    parameterName: '/temporal/orders-hot/active-region',
    activeRegion: S.primaryRegion,
    regions,
  };
  const providers = new Map(regions.map((region) => [region, regionProvider(stack, region)]));
  for (const region of regions) {
    const scope = new Construct(stack, region);
    const provider = providers.get(region)!;
    const network = regionNetwork(scope, provider, region, 'orders-hot');
    const codec = codecServer(scope, network, `orders-hot-${region}`, S.codecServerImage, S.certificateArns[region]);
    const workers = workerService(scope, network, {
      name: `orders-hot-${region}-workers`,
      image: S.workerImage,
      namespace: `${S.namespace}.${S.accountId}`,
      address: `aws-${region}.region.tmprl.cloud:7233`,
      apiKeySecretName: S.apiKeySecretName,
      environment: { TASK_QUEUE: S.taskQueue },
      codecEndpoint: codec.url,
      minCapacity: S.minCapacity,
      maxCapacity: S.maxCapacity,
      description: `Workers for ${S.namespace}.${S.accountId} in ${region}`,
    });
    const clusterName = network.cluster.name;
    runningTasksAlarm(scope, 'WorkersRunningTasks', provider, {
      alarmName: `orders-hot-workers-${region}-running-tasks`, clusterName, serviceName: workers.name, minimum: S.minCapacity,
    });
    runningTasksAlarm(scope, 'CodecRunningTasks', provider, {
      alarmName: `orders-hot-codec-${region}-running-tasks`, clusterName, serviceName: codec.service.name, minimum: 2,
    });
    failoverRunbooks(new Construct(scope, 'Failover'), provider, regionAccount(scope, provider), failover, region);
  }
  failoverState(new Construct(stack, 'FailoverState'), failover, (region) => providers.get(region)!);
  app.synth();
}

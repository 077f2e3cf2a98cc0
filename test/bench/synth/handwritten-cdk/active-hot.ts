/**
 * Hand-written AWS CDK equivalent of the library's Active/Hot example: one stack per region, each
 * with its VPC, cluster, PrivateLink endpoint and private zone, a codec server, a Worker fleet
 * dialing its own region's Regional Endpoint, running-task alarms on both services and the failover
 * runbooks with their role; beside it, a small state stack with the parameter naming the active region.
 */
import { App, Stack } from 'aws-cdk-lib';
import { activeRegionParameter, codecServer, Failover, failoverRunbooks, regionNetwork, runningTasksAlarm, workerService } from './parts';
import { activeHot, Context } from '../scenario';

export function synth(outdir: string, _size: number, context: Context): void {
  const S = activeHot(context);
  const app = new App({ outdir, context });
  const regions = [S.primaryRegion, S.replicaRegion];
  const failover: Failover = {
    name: 'orders-hot',
    namespace: `${S.namespace}.${S.accountId}`,
    parameterName: '/temporal/orders-hot/active-region',
    activeRegion: S.primaryRegion,
    regions,
  };
  for (const region of regions) {
    const stack = new Stack(app, `OrdersHot-${region}`, { env: { region } });
    const network = regionNetwork(stack, region);
    const codec = codecServer(stack, network, S.codecServerImage, S.certificateArns[region]);
    const workers = workerService(stack, network.cluster, {
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
    const clusterName = network.cluster.clusterName;
    runningTasksAlarm(stack, 'WorkersRunningTasks', {
      alarmName: `orders-hot-workers-${region}-running-tasks`, clusterName, serviceName: workers.serviceName, minimum: S.minCapacity,
    });
    runningTasksAlarm(stack, 'CodecRunningTasks', {
      alarmName: `orders-hot-codec-${region}-running-tasks`, clusterName, serviceName: codec.service.serviceName, minimum: 2,
    });
    failoverRunbooks(stack, 'Failover', failover, region);
    activeRegionParameter(new Stack(app, `OrdersHot-${region}-state`, { env: { region } }), 'ActiveRegion', failover);
  }
  app.synth();
}

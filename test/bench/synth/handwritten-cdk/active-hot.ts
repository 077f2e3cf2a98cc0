/**
 * Hand-written AWS CDK equivalent of the library's Active/Hot example: one stack per region, each
 * with its VPC, cluster, PrivateLink endpoint and private zone, a codec server, and a Worker fleet
 * dialing its own region's Regional Endpoint.
 */
import { App, Stack } from 'aws-cdk-lib';
import { codecServer, regionNetwork, workerService } from './parts';
import { activeHot, Context } from '../scenario';

export function synth(outdir: string, _size: number, context: Context): void {
  const S = activeHot(context);
  const app = new App({ outdir, context });
  for (const region of [S.primaryRegion, S.replicaRegion]) {
    const stack = new Stack(app, `OrdersHot-${region}`, { env: { region } });
    const network = regionNetwork(stack, region);
    const codecEndpoint = codecServer(stack, network, S.codecServerImage, S.certificateArns[region]);
    workerService(stack, network.cluster, {
      image: S.workerImage,
      namespace: `${S.namespace}.${S.accountId}`,
      address: `aws-${region}.region.tmprl.cloud:7233`,
      apiKeySecretName: S.apiKeySecretName,
      environment: { TASK_QUEUE: S.taskQueue },
      codecEndpoint,
      minCapacity: S.minCapacity,
      maxCapacity: S.maxCapacity,
      description: `Workers for ${S.namespace}.${S.accountId} in ${region}`,
    });
  }
  app.synth();
}

/**
 * Hand-written CDK for Terraform equivalent of the library's Active/Hot example: one stack, an
 * aliased provider per region, and in each region the VPC, cluster, PrivateLink endpoint, private
 * zone, a codec server and a Worker fleet dialing that region's Regional Endpoint.
 */
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { codecServer, regionNetwork, regionProvider, workerService } from './parts';
import { activeHot, Context } from '../scenario';

export function synth(outdir: string, _size: number, context: Context): void {
  const S = activeHot(context);
  const app = new App({ outdir, context });
  const stack = new TerraformStack(app, 'orders-hot');
  for (const region of [S.primaryRegion, S.replicaRegion]) {
    const scope = new Construct(stack, region);
    const network = regionNetwork(scope, regionProvider(stack, region), region, 'orders-hot');
    const codecEndpoint = codecServer(scope, network, `orders-hot-${region}`, S.codecServerImage, S.certificateArns[region]);
    workerService(scope, network, {
      name: `orders-hot-${region}-workers`,
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

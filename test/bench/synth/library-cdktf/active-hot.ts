/**
 * The library side of the cdktf Active/Hot scenario: examples/cdktf-active-hot's `build` with its
 * cdktf.json context, through the public API of temporal-ha-constructs/cdktf.
 */
import { App, TerraformStack } from 'cdktf';
import { ActiveHotDeployment, Connectivity, PollerForwarding, TemporalCredentials } from '../../../../lib/cdktf';
import { activeHot, Context } from '../scenario';

export function synth(outdir: string, _size: number, context: Context): void {
  const S = activeHot(context);
  const app = new App({ outdir, context });
  const stack = new TerraformStack(app, 'orders-hot');
  new ActiveHotDeployment(stack, 'OrdersHot', {
    namespace: {
      name: S.namespace,
      accountId: S.accountId,
      primaryRegion: S.primaryRegion,
      replicaRegion: S.replicaRegion,
      pollerForwarding: PollerForwarding.DISABLED,
    },
    credentials: TemporalCredentials.apiKeyFromSecretName(S.apiKeySecretName),
    connectivity: Connectivity.privateLink(),
    workers: {
      image: S.workerImage,
      minCapacity: S.minCapacity,
      maxCapacity: S.maxCapacity,
      environment: { TASK_QUEUE: S.taskQueue },
    },
    codecServer: {
      image: S.codecServerImage,
      certificateArns: S.certificateArns,
    },
  });
  app.synth();
}

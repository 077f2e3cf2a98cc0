/**
 * The library side of the Active/Hot scenario: examples/active-hot's `build` with its cdk.json
 * context, through the public API (without the example's cdk-nag gate: neither side runs cdk-nag).
 */
import { App } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { ActiveHotDeployment, Connectivity, PollerForwarding, TemporalCredentials } from '../../../../lib';
import { activeHot, Context } from '../scenario';

export function synth(outdir: string, _size: number, context: Context): void {
  const S = activeHot(context);
  const app = new App({ outdir, context });
  new ActiveHotDeployment(app, 'OrdersHot', {
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
      image: ecs.ContainerImage.fromRegistry(S.workerImage),
      minCapacity: S.minCapacity,
      maxCapacity: S.maxCapacity,
      environment: { TASK_QUEUE: S.taskQueue },
    },
    codecServer: {
      image: ecs.ContainerImage.fromRegistry(S.codecServerImage),
      certificateArns: S.certificateArns,
    },
  });
  app.synth();
}

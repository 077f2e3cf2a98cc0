/**
 * The library side of the sharded scenario: RegionallyShardedNamespaces (as in
 * examples/regionally-sharded) with `size` Active/Hot shards over four regions.
 */
import { App } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import {
  Connectivity,
  DeploymentPattern,
  PollerForwarding,
  RegionallyShardedNamespaces,
  TemporalCredentials,
} from '../../../../lib';
import { Context, shards } from '../scenario';

export function synth(outdir: string, size: number, context: Context): void {
  const app = new App({ outdir, context });
  new RegionallyShardedNamespaces(app, 'OrdersSharded', {
    connectivity: Connectivity.privateLink(),
    shards: shards(size, context).map((s) => ({
      name: s.name,
      namespace: {
        name: s.namespace,
        accountId: s.accountId,
        primaryRegion: s.homeRegion,
        replicaRegion: s.replicaRegion,
        pollerForwarding: PollerForwarding.DISABLED,
      },
      pattern: DeploymentPattern.ACTIVE_HOT,
      credentials: TemporalCredentials.apiKeyFromSecretName(s.apiKeySecretName),
      workers: { image: ecs.ContainerImage.fromRegistry(s.image), environment: { SHARD: s.name } },
    })),
  });
  app.synth();
}

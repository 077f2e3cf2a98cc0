/**
 * The library side of the cdktf sharded scenario: RegionallyShardedNamespaces from
 * temporal-ha-constructs/cdktf with `size` Active/Hot shards over four regions.
 */
import { App, TerraformStack } from 'cdktf';
import {
  Connectivity,
  DeploymentPattern,
  PollerForwarding,
  RegionallyShardedNamespaces,
  TemporalCredentials,
} from '../../../../lib/cdktf';
import { Context, shards } from '../scenario';

export function synth(outdir: string, size: number, context: Context): void {
  const app = new App({ outdir, context });
  const stack = new TerraformStack(app, 'orders-sharded');
  new RegionallyShardedNamespaces(stack, 'OrdersSharded', {
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
      workers: { image: s.image, environment: { SHARD: s.name } },
    })),
  });
  app.synth();
}

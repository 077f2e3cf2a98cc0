/**
 * Regionally sharded namespaces: `orders-us` active in us-east-1 (Active/Hot, replica us-west-2) and
 * `orders-eu` active in eu-west-1 (Active/Cold, replica eu-central-1). Each region's VPC, cluster,
 * Temporal endpoint and private zone are shared by the shards that use the region; each shard's
 * fleets get their own stack per region.
 */
import { App, Validations } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { AwsSolutionsChecks } from 'cdk-nag';
import {
  Connectivity,
  DeploymentPattern,
  PollerForwarding,
  RegionallyShardedNamespaces,
  TemporalCredentials,
  TemporalHaNagFindings,
} from 'temporal-ha-constructs';

export function build(app: App): RegionallyShardedNamespaces {
  const ctx = (key: string): string => {
    const value = app.node.tryGetContext(key);
    if (typeof value !== 'string' || value === '') {
      throw new Error(`context '${key}' is not set: add it to cdk.json's "context", or pass -c ${key}=<value>.`);
    }
    return value;
  };
  const accountId = ctx('temporalAccountId');
  const image = ecs.ContainerImage.fromRegistry(ctx('workerImage'));
  return new RegionallyShardedNamespaces(app, 'OrdersSharded', {
    connectivity: Connectivity.privateLink(),
    shards: [
      {
        name: 'us',
        namespace: { name: 'orders-us', accountId, primaryRegion: 'us-east-1', replicaRegion: 'us-west-2', pollerForwarding: PollerForwarding.DISABLED },
        pattern: DeploymentPattern.ACTIVE_HOT,
        credentials: TemporalCredentials.apiKeyFromSecretName('temporal/orders-us/api-key'),
        workers: { image, environment: { SHARD: 'us' } },
      },
      {
        name: 'eu',
        namespace: { name: 'orders-eu', accountId, primaryRegion: 'eu-west-1', replicaRegion: 'eu-central-1' },
        pattern: DeploymentPattern.ACTIVE_COLD,
        credentials: TemporalCredentials.apiKeyFromSecretName('temporal/orders-eu/api-key'),
        workers: { image, environment: { SHARD: 'eu' } },
      },
    ],
  });
}

if (require.main === module) {
  const app = new App();
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  // Findings the constructs raise by design, with the reasons (an acknowledgement applies app-wide: review them).
  TemporalHaNagFindings.acknowledge(app);
  build(app);
  app.synth();
}

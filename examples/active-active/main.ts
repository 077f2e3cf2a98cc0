/**
 * Active/Active for the `search` namespace (active in us-east-1, replica in us-west-2): Worker
 * fleets in us-east-1, us-west-2 and us-east-2 (a region without a replica), every fleet on the
 * Namespace Endpoint, so all of them follow a failover with no change. Over PrivateLink, each worker
 * VPC is peered with both namespace regions' endpoint VPCs. A codec server runs in every Worker region.
 */
import { App, Validations } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ActiveActiveDeployment, Connectivity, TemporalCredentials, TemporalHaNagFindings } from 'temporal-ha-constructs';

const WORKER_REGIONS = ['us-east-1', 'us-west-2', 'us-east-2'];

export function build(app: App): ActiveActiveDeployment {
  const ctx = (key: string): string => {
    const value = app.node.tryGetContext(key);
    if (typeof value !== 'string' || value === '') {
      throw new Error(`context '${key}' is not set: add it to cdk.json's "context", or pass -c ${key}=<value>.`);
    }
    return value;
  };
  return new ActiveActiveDeployment(app, 'SearchActive', {
    namespace: {
      name: ctx('temporalNamespace'),
      accountId: ctx('temporalAccountId'),
      primaryRegion: 'us-east-1',
      replicaRegion: 'us-west-2',
    },
    workerRegions: WORKER_REGIONS,
    credentials: TemporalCredentials.apiKeyFromSecretName(ctx('apiKeySecretName')),
    connectivity: Connectivity.privateLink(),
    workers: { image: ecs.ContainerImage.fromRegistry(ctx('workerImage')), minCapacity: 3, maxCapacity: 30 },
    codecServer: {
      image: ecs.ContainerImage.fromRegistry(ctx('codecServerImage')),
      certificateArns: Object.fromEntries(WORKER_REGIONS.map((r) => [r, ctx(`codecCertificateArn:${r}`)])),
    },
    // Without domainNames the codec URL is the load balancer's name, which no browser trusts (see examples/active-hot for a public name).
    acknowledgeWarnings: { TEMPORAL_CODEC_DOMAIN: 'Workers and tools reach these codec servers from inside the worker VPCs only; no browser calls them' },
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

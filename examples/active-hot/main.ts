/**
 * Active/Passive (Hot) for the `orders` namespace: Worker fleets in us-east-1 (active) and
 * us-west-2 (hot standby), each dialing its own region's Temporal endpoint over PrivateLink, a
 * codec server in each region under its own name in a public zone (the web UI calls it from
 * people's browsers), the API key from Secrets Manager (a secret replicated to both regions under
 * one name).
 *
 * Before deploying: disable poller forwarding on the namespace in Temporal Cloud (the pattern
 * requires it; CloudFormation cannot set it), replicate the secret, and set the context values
 * below (cdk.json or `-c key=value`).
 */
import { App, Validations } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { AwsSolutionsChecks } from 'cdk-nag';
import {
  ActiveHotDeployment,
  Connectivity,
  PollerForwarding,
  TemporalCredentials,
  TemporalHaNagFindings,
} from 'temporal-ha-constructs';

export function build(app: App): ActiveHotDeployment {
  const ctx = (key: string): string => {
    const value = app.node.tryGetContext(key);
    if (typeof value !== 'string' || value === '') {
      throw new Error(`context '${key}' is not set: add it to cdk.json's "context", or pass -c ${key}=<value>.`);
    }
    return value;
  };
  return new ActiveHotDeployment(app, 'OrdersHot', {
    namespace: {
      name: ctx('temporalNamespace'),
      accountId: ctx('temporalAccountId'),
      primaryRegion: 'us-east-1',
      replicaRegion: 'us-west-2',
      pollerForwarding: PollerForwarding.DISABLED,
    },
    credentials: TemporalCredentials.apiKeyFromSecretName(ctx('apiKeySecretName')),
    connectivity: Connectivity.privateLink(),
    workers: {
      image: ecs.ContainerImage.fromRegistry(ctx('workerImage')),
      minCapacity: 2,
      maxCapacity: 20,
      environment: { TASK_QUEUE: 'orders' },
    },
    codecServer: {
      image: ecs.ContainerImage.fromRegistry(ctx('codecServerImage')),
      // The web UI calls the codec server from people's browsers: a name in a public zone, with a certificate for it in each region.
      domainNames: { 'us-east-1': ctx('codecDomainUsEast1'), 'us-west-2': ctx('codecDomainUsWest2') },
      hostedZone: route53.HostedZone.fromHostedZoneAttributes(app, 'PublicZone', { hostedZoneId: ctx('publicZoneId'), zoneName: ctx('publicZoneName') }),
      certificateArns: {
        'us-east-1': ctx('codecCertificateArnUsEast1'),
        'us-west-2': ctx('codecCertificateArnUsWest2'),
      },
    },
  });
}

if (require.main === module) {
  const app = new App();
  // cdk-nag's AwsSolutions pack runs at synth; any unacknowledged finding fails it.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  // Findings the constructs raise by design, with the reasons (an acknowledgement applies app-wide: review them).
  TemporalHaNagFindings.acknowledge(app);
  build(app);
  app.synth();
}

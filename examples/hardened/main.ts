/**
 * A hardened Active/Passive (Hot) deployment for the `payments` namespace, clean under cdk-nag's AwsSolutions and NIST 800-53 R5 packs:
 * `hardened: true` encrypts every log group with a customer-managed KMS key (one per region, rotated yearly), turns on load balancer deletion
 * protection, and keeps the network private: Workers reach Temporal Cloud over PrivateLink and AWS services over VPC endpoints
 * (`WorkerEgress.VPC_ENDPOINTS`), so the VPCs the construct creates have isolated subnets only (no internet gateway, no NAT).
 * The codec server has its own name in a public zone, resolving to an internal load balancer (reached over your corporate network or VPN).
 *
 * Before deploying: disable poller forwarding on the namespace in Temporal Cloud (the pattern requires it; CloudFormation cannot set it),
 * replicate the secret, and set the context values below (cdk.json or `-c key=value`).
 */
import { App, Validations } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import {
  ActiveHotDeployment,
  Connectivity,
  PollerForwarding,
  TemporalCredentials,
  TemporalHaNagFindings,
  WorkerEgress,
} from 'temporal-ha-constructs';

export function build(app: App): ActiveHotDeployment {
  const ctx = (key: string): string => {
    const value = app.node.tryGetContext(key);
    if (typeof value !== 'string' || value === '') {
      throw new Error(`context '${key}' is not set: add it to cdk.json's "context", or pass -c ${key}=<value>.`);
    }
    return value;
  };
  return new ActiveHotDeployment(app, 'PaymentsHardened', {
    namespace: {
      name: ctx('temporalNamespace'),
      accountId: ctx('temporalAccountId'),
      primaryRegion: 'us-east-1',
      replicaRegion: 'us-west-2',
      pollerForwarding: PollerForwarding.DISABLED,
    },
    hardened: true,
    credentials: TemporalCredentials.apiKeyFromSecretName(ctx('apiKeySecretName')),
    connectivity: Connectivity.privateLink(),
    egress: WorkerEgress.VPC_ENDPOINTS,
    workers: {
      image: ecs.ContainerImage.fromRegistry(ctx('workerImage')),
      minCapacity: 2,
      maxCapacity: 20,
      environment: { TASK_QUEUE: 'payments' },
    },
    codecServer: {
      image: ecs.ContainerImage.fromRegistry(ctx('codecServerImage')),
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
  // Both packs run at synth; any unacknowledged finding fails it.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }), new NIST80053R5Checks(app, { verbose: true }));
  // Findings the constructs raise by design, with the reasons (an acknowledgement applies app-wide: review them).
  TemporalHaNagFindings.acknowledge(app);
  TemporalHaNagFindings.acknowledgeHardened(app);
  build(app);
  app.synth();
}

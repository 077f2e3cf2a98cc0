/**
 * Active/Passive (Cold) for the `payments` namespace: Workers run in us-east-1; the us-west-2
 * service is deployed at zero tasks with the same image, ready to scale when the namespace fails
 * over. Workers dial the Namespace Endpoint over PrivateLink, with VPC peering so that the us-east-1
 * Workers follow a Namespace-only failover to us-west-2's endpoint. mTLS client certificate and key
 * come from Secrets Manager (replicated to both regions under the same names).
 *
 * The codec server and proxy run with the Workers; `codec.payments.temporal.internal` and
 * `proxy.payments.temporal.internal` are Route 53 failover names (CloudWatch-alarm health checks).
 *
 * Temporal fails over the namespace only; the Workers follow through the deployment's failover
 * state and runbooks: `aws ssm start-automation-execution --region us-west-2 --document-name
 * payments-activate-us-west-2` scales us-west-2 up, moves the failover names and records the new
 * active region, which every later deploy reads.
 */
import { App, Validations } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ActiveColdDeployment, ComponentRouting, Connectivity, TemporalCredentials, TemporalHaNagFindings } from 'temporal-ha-constructs';

export function build(app: App): ActiveColdDeployment {
  const ctx = (key: string): string => {
    const value = app.node.tryGetContext(key);
    if (typeof value !== 'string' || value === '') {
      throw new Error(`context '${key}' is not set: add it to cdk.json's "context", or pass -c ${key}=<value>.`);
    }
    return value;
  };
  return new ActiveColdDeployment(app, 'PaymentsCold', {
    namespace: {
      name: ctx('temporalNamespace'),
      accountId: ctx('temporalAccountId'),
      primaryRegion: 'us-east-1',
      replicaRegion: 'us-west-2',
    },
    credentials: TemporalCredentials.mtlsFromSecretNames({
      certificateSecretName: ctx('clientCertificateSecretName'),
      privateKeySecretName: ctx('clientKeySecretName'),
    }),
    connectivity: Connectivity.privateLink(),
    workers: {
      image: ecs.ContainerImage.fromRegistry(ctx('workerImage')),
      minCapacity: 4,
      maxCapacity: 40,
    },
    // The codec server and proxy run with the Workers (at zero in the cold region). One name each,
    // codec.<domain> and proxy.<domain>, follows the healthy region for operators and the web UI.
    codecServer: {
      image: ecs.ContainerImage.fromRegistry(ctx('codecServerImage')),
      certificateArns: { 'us-east-1': ctx('codecCertificateArnUsEast1'), 'us-west-2': ctx('codecCertificateArnUsWest2') },
    },
    proxy: { image: ecs.ContainerImage.fromRegistry(ctx('proxyImage')) },
    componentRouting: ComponentRouting.FAILOVER_DNS,
    failoverDomainName: 'payments.temporal.internal',
    // Without domainNames the codec URL is the load balancer's name, which no browser trusts (see examples/active-hot for a public name).
    acknowledgeWarnings: { TEMPORAL_CODEC_DOMAIN: 'Workers and operators reach these codec servers from inside the worker VPCs (the failover name); no browser calls them' },
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

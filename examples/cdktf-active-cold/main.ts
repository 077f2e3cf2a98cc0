/**
 * Active/Passive (Cold) for the `payments` namespace, with CDK for Terraform: Workers run in
 * us-east-1; us-west-2 has the same fleet at zero tasks, ready to be scaled up on failover. Workers
 * dial the Namespace Endpoint (it follows the failover) over PrivateLink; each worker VPC has a
 * `region.tmprl.cloud` zone with records for both regions and a VPC peering connection to the
 * other region's Temporal VPC endpoint. mTLS client certificate and key from Secrets Manager. The
 * codec server sits behind Route 53 failover records (`codec.temporal.internal`) with CloudWatch
 * alarm health checks.
 *
 * On failover: raise the us-west-2 Workers' scalable target min_capacity and the codec server's
 * desired_count (see ActiveColdDeployment).
 *
 *   cdktf synth      # writes cdktf.out/stacks/payments-cold/cdk.tf.json
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { App, TerraformStack } from 'cdktf';
import {
  ActiveColdDeployment,
  ComponentRouting,
  Connectivity,
  CrossRegionRoute,
  TemporalCredentials,
} from 'temporal-ha-constructs/cdktf';

export function build(app: App): ActiveColdDeployment {
  const ctx = (key: string): string => {
    const value = app.node.tryGetContext(key);
    if (typeof value !== 'string' || value === '') {
      throw new Error(`context '${key}' is not set: add it to cdktf.json's "context".`);
    }
    return value;
  };
  const stack = new TerraformStack(app, 'payments-cold');
  return new ActiveColdDeployment(stack, 'PaymentsCold', {
    namespace: {
      name: ctx('temporalNamespace'),
      accountId: ctx('temporalAccountId'),
      primaryRegion: 'us-east-1',
      replicaRegion: 'us-west-2',
    },
    credentials: TemporalCredentials.mtlsFromSecretNames({
      certificateSecretName: ctx('clientCertSecretName'),
      privateKeySecretName: ctx('clientKeySecretName'),
    }),
    connectivity: Connectivity.privateLink({ crossRegionRoute: CrossRegionRoute.vpcPeering() }),
    workers: {
      image: ctx('workerImage'),
      environment: { TASK_QUEUE: 'payments' },
    },
    codecServer: {
      image: ctx('codecServerImage'),
      certificateArns: {
        'us-east-1': ctx('codecCertificateArnUsEast1'),
        'us-west-2': ctx('codecCertificateArnUsWest2'),
      },
    },
    componentRouting: ComponentRouting.FAILOVER_DNS,
    // Without domainNames the codec URL is the load balancer's name, which no browser trusts (see examples/cdktf-active-hot for a public name).
    acknowledgeWarnings: { TEMPORAL_CODEC_DOMAIN: 'Workers and operators reach these codec servers from inside the worker VPCs (the failover name); no browser calls them' },
  });
}

if (require.main === module) {
  // The cdktf CLI passes cdktf.json's context; read it too so `ts-node main.ts` works without the CLI.
  const { context } = JSON.parse(readFileSync(join(__dirname, 'cdktf.json'), 'utf8'));
  const app = new App({ context });
  build(app);
  app.synth();
}

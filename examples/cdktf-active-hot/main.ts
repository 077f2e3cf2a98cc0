/**
 * Active/Passive (Hot) for the `orders` namespace, with CDK for Terraform: one TerraformStack with
 * an aliased AWS provider per region; Worker fleets in us-east-1 (active) and us-west-2 (hot
 * standby), each dialing its own region's Temporal endpoint over PrivateLink; a codec server in
 * each region; the API key from Secrets Manager (a secret replicated to both regions under one name).
 *
 * Before deploying: disable poller forwarding on the namespace in Temporal Cloud (the pattern
 * requires it; the Terraform provider cannot set it), replicate the secret, and set the context
 * values below (cdktf.json "context").
 *
 *   cdktf synth      # writes cdktf.out/stacks/orders-hot/cdk.tf.json
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { App, TerraformStack } from 'cdktf';
import {
  ActiveHotDeployment,
  Connectivity,
  PollerForwarding,
  TemporalCredentials,
} from 'temporal-ha-constructs/cdktf';

export function build(app: App): ActiveHotDeployment {
  const ctx = (key: string): string => {
    const value = app.node.tryGetContext(key);
    if (typeof value !== 'string' || value === '') {
      throw new Error(`context '${key}' is not set: add it to cdktf.json's "context".`);
    }
    return value;
  };
  const stack = new TerraformStack(app, 'orders-hot');
  return new ActiveHotDeployment(stack, 'OrdersHot', {
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
      image: ctx('workerImage'),
      minCapacity: 2,
      maxCapacity: 20,
      environment: { TASK_QUEUE: 'orders' },
    },
    codecServer: {
      image: ctx('codecServerImage'),
      // The web UI calls the codec server from people's browsers: a name in a public zone, with a certificate for it in each region.
      domainNames: { 'us-east-1': ctx('codecDomainUsEast1'), 'us-west-2': ctx('codecDomainUsWest2') },
      hostedZoneId: ctx('publicZoneId'),
      certificateArns: {
        'us-east-1': ctx('codecCertificateArnUsEast1'),
        'us-west-2': ctx('codecCertificateArnUsWest2'),
      },
    },
  });
}

if (require.main === module) {
  // The cdktf CLI passes cdktf.json's context; read it too so `ts-node main.ts` works without the CLI.
  const { context } = JSON.parse(readFileSync(join(__dirname, 'cdktf.json'), 'utf8'));
  const app = new App({ context });
  build(app);
  app.synth();
}

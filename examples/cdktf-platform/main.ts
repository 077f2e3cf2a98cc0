/**
 * A platform team's use of the library with CDK for Terraform. The platform's network is Terraform-managed elsewhere (its own state): per
 * region a VPC with subnets for Workers and for shared components, an ECS cluster and, in us-east-1, the `region.tmprl.cloud` private zone it
 * already runs for other Temporal applications; their ids come from cdktf.json's context. Two application teams deploy on those VPCs, each in
 * a stack of its own:
 *
 * - orders (stack `orders`): Active/Passive (Hot) over AWS PrivateLink, each fleet on its own region's Regional Endpoint;
 * - payments (stack `payments`): Active/Passive (Cold) over AWS PrivateLink on the Namespace Endpoint, with VPC peering so that each VPC reaches
 *   the other region's Temporal endpoint.
 *
 * What the library shares without anything to set: each VPC has ONE Temporal PrivateLink endpoint, ONE `region.tmprl.cloud` zone and one
 * record per name (Route 53 allows one private zone of a name per VPC). In us-east-1 both deployments only write records into the platform's
 * zone; in us-west-2 the first deployment (orders) creates the VPC's zone and endpoint and payments writes into them. No Worker starts before
 * the records it resolves exist (`depends_on`).
 *
 *   cdktf synth      # writes cdktf.out/stacks/{orders,payments}/cdk.tf.json
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { App, TerraformStack } from 'cdktf';
import {
  ActiveColdDeployment,
  ActiveHotDeployment,
  Connectivity,
  CrossRegionRoute,
  PollerForwarding,
  RegionPlacement,
  TemporalCredentials,
} from 'temporal-ha-constructs/cdktf';

/** One region of the platform's network, as its own Terraform state outputs it. */
interface PlatformNetwork {
  readonly vpcId: string;
  readonly cidrBlock: string;
  readonly workerSubnetIds: string[];
  readonly sharedSubnetIds: string[];
  readonly privateRouteTableIds: string[];
  readonly clusterArn: string;
  readonly temporalZoneId?: string;
}

export interface PlatformApp {
  readonly orders: ActiveHotDeployment;
  readonly payments: ActiveColdDeployment;
}

export function build(app: App): PlatformApp {
  const ctx = (key: string): string => {
    const value = app.node.tryGetContext(key);
    if (typeof value !== 'string' || value === '') {
      throw new Error(`context '${key}' is not set: add it to cdktf.json's "context".`);
    }
    return value;
  };
  const network: Record<string, PlatformNetwork> = app.node.tryGetContext('network');

  // Every team's region: the platform's VPC, subnets, cluster and (where it has one) zone.
  const regions: Record<string, RegionPlacement> = Object.fromEntries(Object.entries(network).map(([region, n]) => [region, {
    vpc: { vpcId: n.vpcId, cidrBlock: n.cidrBlock, privateSubnetIds: n.workerSubnetIds, privateRouteTableIds: n.privateRouteTableIds },
    workerSubnetIds: n.workerSubnetIds,
    componentSubnetIds: n.sharedSubnetIds,
    clusterArn: n.clusterArn,
    privateZoneId: n.temporalZoneId,
  }]));

  const orders = new ActiveHotDeployment(new TerraformStack(app, 'orders'), 'Orders', {
    namespace: {
      name: 'orders', accountId: ctx('temporalAccountId'), primaryRegion: 'us-east-1', replicaRegion: 'us-west-2',
      pollerForwarding: PollerForwarding.DISABLED,
    },
    credentials: TemporalCredentials.apiKeyFromSecretName(ctx('ordersApiKeySecretName')),
    connectivity: Connectivity.privateLink(),
    workers: {
      image: ctx('ordersWorkerImage'),
      minCapacity: 2,
      maxCapacity: 10,
      // A failover lands on a fleet of the active side's steady size.
      standbyMinCapacity: 2,
      stopTimeoutSeconds: 60,
      environment: { TASK_QUEUE: 'orders' },
    },
    regions,
  });

  const payments = new ActiveColdDeployment(new TerraformStack(app, 'payments'), 'Payments', {
    namespace: {
      name: 'payments', accountId: ctx('temporalAccountId'), primaryRegion: 'us-east-1', replicaRegion: 'us-west-2',
      pollerForwarding: PollerForwarding.ENABLED,
    },
    credentials: TemporalCredentials.apiKeyFromSecretName(ctx('paymentsApiKeySecretName')),
    connectivity: Connectivity.privateLink({ crossRegionRoute: CrossRegionRoute.vpcPeering() }),
    workers: {
      image: ctx('paymentsWorkerImage'),
      minCapacity: 2,
      environment: { TASK_QUEUE: 'payments' },
    },
    regions,
  });

  return { orders, payments };
}

if (require.main === module) {
  // The cdktf CLI passes cdktf.json's context; read it too so `ts-node main.ts` works without the CLI.
  const { context } = JSON.parse(readFileSync(join(__dirname, 'cdktf.json'), 'utf8'));
  const app = new App({ context });
  build(app);
  app.synth();
}

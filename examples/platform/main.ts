/**
 * A platform team's use of the library: the platform owns one network stack per region (a VPC with subnets for Workers and for shared
 * components, an ECS cluster) and, in us-east-1, the `region.tmprl.cloud` private zone it already runs for other Temporal applications.
 * Two application teams deploy on those VPCs, each in stacks of its own:
 *
 * - orders: Active/Passive (Hot) over AWS PrivateLink, each fleet on its own region's Regional Endpoint;
 * - payments: Active/Passive (Cold) over AWS PrivateLink on the Namespace Endpoint, with VPC peering so that each VPC reaches the other
 *   region's Temporal endpoint.
 *
 * What the library shares without anything to set: each VPC has ONE Temporal PrivateLink endpoint, ONE `region.tmprl.cloud` zone and one
 * record per name (Route 53 allows one private zone of a name per VPC). In us-east-1 both deployments only write records into the platform's
 * zone; in us-west-2 the first deployment creates the VPC's zone and endpoint in the platform's stack (with the VPC) and the second reuses
 * them. The peering between the two VPCs is written once. No Worker starts before the records it resolves exist.
 *
 *   cdk synth   # no AWS account needed
 */
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import {
  ActiveColdDeployment,
  ActiveHotDeployment,
  Connectivity,
  CrossRegionRoute,
  PollerForwarding,
  RegionPlacement,
  TemporalCredentials,
  TemporalHaNagFindings,
} from 'temporal-ha-constructs';

const REGIONS = { 'us-east-1': '10.20.0.0/16', 'us-west-2': '10.21.0.0/16' };

/** One region of the platform: its stack, VPC and cluster. */
export interface PlatformRegion {
  readonly stack: Stack;
  readonly vpc: ec2.Vpc;
  readonly cluster: ecs.Cluster;
  /** The platform's own `region.tmprl.cloud` zone, where it has one. */
  readonly temporalZone?: route53.IHostedZone;
}

export interface PlatformApp {
  readonly platform: Record<string, PlatformRegion>;
  readonly orders: ActiveHotDeployment;
  readonly payments: ActiveColdDeployment;
}

export function build(app: App): PlatformApp {
  const ctx = (key: string): string => {
    const value = app.node.tryGetContext(key);
    if (typeof value !== 'string' || value === '') {
      throw new Error(`context '${key}' is not set: add it to cdk.json's "context", or pass -c ${key}=<value>.`);
    }
    return value;
  };
  // Stacks name their region only: they deploy to the CLI's account, and nothing is looked up at synth (no AWS credentials needed).
  // The platform team's network stacks.
  const platform: Record<string, PlatformRegion> = {};
  for (const [region, cidr] of Object.entries(REGIONS)) {
    const stack = new Stack(app, `platform-network-${region}`, { env: { region }, description: `Platform network in ${region}` });
    const vpc = new ec2.Vpc(stack, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr(cidr),
      maxAzs: 2,
      natGateways: 2,
      subnetConfiguration: [
        { name: 'ingress', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'workers', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 20 },
        { name: 'shared', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 24 },
      ],
    });
    vpc.addFlowLog('FlowLog', {
      destination: ec2.FlowLogDestination.toCloudWatchLogs(new logs.LogGroup(stack, 'FlowLogs', { retention: logs.RetentionDays.ONE_YEAR })),
    });
    const cluster = new ecs.Cluster(stack, 'Cluster', { vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED });
    // us-east-1 already serves other Temporal applications over PrivateLink: its region.tmprl.cloud zone exists (created outside this app).
    const temporalZone = region === 'us-east-1'
      ? route53.HostedZone.fromHostedZoneAttributes(stack, 'TemporalZone', { hostedZoneId: ctx('temporalZoneIdUsEast1'), zoneName: 'region.tmprl.cloud' })
      : undefined;
    platform[region] = { stack, vpc, cluster, temporalZone };
  }

  // Where an application team's region goes: its own stack, on the platform's VPC, subnets, cluster and zone.
  const placements = (team: string): Record<string, RegionPlacement> => Object.fromEntries(Object.entries(platform).map(([region, p]) => [region, {
    stack: new Stack(app, `${team}-${region}`, { env: { region }, description: `${team} Temporal Workers in ${region}` }),
    vpc: p.vpc,
    cluster: p.cluster,
    workerSubnets: { subnetGroupName: 'workers' },
    componentSubnets: { subnetGroupName: 'shared' },
    privateZone: p.temporalZone,
  }]));

  const orders = new ActiveHotDeployment(app, 'Orders', {
    namespace: {
      name: 'orders', accountId: ctx('temporalAccountId'), primaryRegion: 'us-east-1', replicaRegion: 'us-west-2',
      pollerForwarding: PollerForwarding.DISABLED,
    },
    credentials: TemporalCredentials.apiKeyFromSecretName(ctx('ordersApiKeySecretName')),
    connectivity: Connectivity.privateLink(),
    workers: {
      image: ecs.ContainerImage.fromRegistry(ctx('ordersWorkerImage')),
      minCapacity: 2,
      maxCapacity: 10,
      // A failover lands on a fleet of the active side's steady size.
      standbyMinCapacity: 2,
      stopTimeoutSeconds: 60,
      environment: { TASK_QUEUE: 'orders' },
    },
    regions: placements('orders'),
  });

  const payments = new ActiveColdDeployment(app, 'Payments', {
    namespace: {
      name: 'payments', accountId: ctx('temporalAccountId'), primaryRegion: 'us-east-1', replicaRegion: 'us-west-2',
      pollerForwarding: PollerForwarding.ENABLED,
    },
    credentials: TemporalCredentials.apiKeyFromSecretName(ctx('paymentsApiKeySecretName')),
    connectivity: Connectivity.privateLink({ crossRegionRoute: CrossRegionRoute.vpcPeering() }),
    workers: {
      image: ecs.ContainerImage.fromRegistry(ctx('paymentsWorkerImage')),
      minCapacity: 2,
      environment: { TASK_QUEUE: 'payments' },
    },
    regions: placements('payments'),
  });

  return { platform, orders, payments };
}

if (require.main === module) {
  const app = new App();
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  TemporalHaNagFindings.acknowledge(app);
  build(app);
  app.synth();
}

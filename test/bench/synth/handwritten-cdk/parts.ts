/**
 * Hand-written AWS CDK: what a platform team writes without temporal-ha-constructs to run Temporal
 * Workers on ECS Fargate behind Temporal Cloud PrivateLink. aws-cdk-lib constructs only; the
 * per-region facts (PrivateLink service names, VPC CIDRs) are the team's own table.
 */
import { CfnOutput, Duration, Fn, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/** Temporal Cloud's PrivateLink endpoint services and our VPC ranges, per region. */
export const REGIONS: Record<string, { readonly privateLinkService: string; readonly cidr: string }> = {
  'us-east-1': { privateLinkService: 'com.amazonaws.vpce.us-east-1.vpce-svc-0822256b6575ea37f', cidr: '10.88.0.0/16' },
  'us-west-2': { privateLinkService: 'com.amazonaws.vpce.us-west-2.vpce-svc-0f44b3d7302816b94', cidr: '10.104.0.0/16' },
  'eu-west-1': { privateLinkService: 'com.amazonaws.vpce.eu-west-1.vpce-svc-04388e89f3479b739', cidr: '10.64.0.0/16' },
  'eu-central-1': { privateLinkService: 'com.amazonaws.vpce.eu-central-1.vpce-svc-073a419b36663a0f3', cidr: '10.56.0.0/16' },
};

const PRIVATE = { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS };

export interface Network {
  readonly vpc: ec2.Vpc;
  readonly cluster: ecs.Cluster;
  readonly cidr: string;
}

/**
 * A region's shared base: a VPC with flow logs, an ECS cluster, the Temporal Cloud PrivateLink
 * endpoint, and the `region.tmprl.cloud` private zone that sends the region's Regional Endpoint
 * name to it.
 */
export function regionNetwork(scope: Construct, region: string): Network {
  const { cidr, privateLinkService } = REGIONS[region];
  const vpc = new ec2.Vpc(scope, 'Vpc', {
    ipAddresses: ec2.IpAddresses.cidr(cidr),
    maxAzs: 2,
    natGateways: 2,
    subnetConfiguration: [
      { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
      { name: 'workers', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 20 },
    ],
  });
  const flowLogs = new logs.LogGroup(scope, 'FlowLogs', { retention: logs.RetentionDays.ONE_MONTH });
  vpc.addFlowLog('FlowLog', { destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogs) });

  const cluster = new ecs.Cluster(scope, 'Cluster', { vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED });

  const endpointSg = new ec2.SecurityGroup(scope, 'TemporalEndpointSecurityGroup', {
    vpc,
    description: `Temporal Cloud PrivateLink endpoint (${region}): 7233 from the Workers`,
    allowAllOutbound: false,
  });
  endpointSg.addIngressRule(ec2.Peer.ipv4(cidr), ec2.Port.tcp(7233), 'Temporal gRPC');
  const endpoint = new ec2.InterfaceVpcEndpoint(scope, 'TemporalEndpoint', {
    vpc,
    service: new ec2.InterfaceVpcEndpointService(privateLinkService, 7233),
    privateDnsEnabled: false,
    securityGroups: [endpointSg],
    open: false,
    subnets: PRIVATE,
  });

  const zone = new route53.PrivateHostedZone(scope, 'TemporalZone', { zoneName: 'region.tmprl.cloud', vpc });
  new route53.CnameRecord(scope, 'TemporalRegionalEndpoint', {
    zone,
    recordName: `aws-${region}`,
    // The endpoint's first DNS entry is "<hosted zone id>:<dns name>".
    domainName: Fn.select(1, Fn.split(':', Fn.select(0, endpoint.vpcEndpointDnsEntries))),
    ttl: Duration.minutes(1),
  });
  new CfnOutput(scope, 'ClusterName', { value: cluster.clusterName });
  return { vpc, cluster, cidr };
}

/** The codec server: Fargate tasks behind an internal HTTPS load balancer with access logs. Returns its URL. */
export function codecServer(scope: Construct, network: Network, image: string, certificateArn: string): string {
  const { vpc, cluster, cidr } = network;
  const accessLogs = new s3.Bucket(scope, 'CodecAccessLogs', {
    encryption: s3.BucketEncryption.S3_MANAGED,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    enforceSSL: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  const lbSg = new ec2.SecurityGroup(scope, 'CodecLoadBalancerSecurityGroup', {
    vpc,
    description: 'Codec server load balancer: HTTPS from the VPC',
    allowAllOutbound: false,
  });
  lbSg.addIngressRule(ec2.Peer.ipv4(cidr), ec2.Port.tcp(443), 'HTTPS to the codec server');
  const lb = new elbv2.ApplicationLoadBalancer(scope, 'CodecLoadBalancer', {
    vpc,
    internetFacing: false,
    securityGroup: lbSg,
    vpcSubnets: PRIVATE,
    dropInvalidHeaderFields: true,
  });
  lb.logAccessLogs(accessLogs, 'codec-server');

  const logGroup = new logs.LogGroup(scope, 'CodecLogs', { retention: logs.RetentionDays.ONE_MONTH });
  const taskDefinition = new ecs.FargateTaskDefinition(scope, 'CodecTaskDefinition', {
    cpu: 256,
    memoryLimitMiB: 512,
    runtimePlatform: { operatingSystemFamily: ecs.OperatingSystemFamily.LINUX, cpuArchitecture: ecs.CpuArchitecture.X86_64 },
  });
  taskDefinition.addContainer('CodecServer', {
    containerName: 'codec-server',
    image: ecs.ContainerImage.fromRegistry(image),
    portMappings: [{ containerPort: 8080 }],
    environment: { PORT: '8080', CORS_ALLOWED_ORIGINS: 'https://cloud.temporal.io' },
    logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'codec-server', logGroup }),
  });
  const service = new ecs.FargateService(scope, 'CodecService', {
    cluster,
    taskDefinition,
    desiredCount: 2,
    vpcSubnets: PRIVATE,
    assignPublicIp: false,
    minHealthyPercent: 100,
    maxHealthyPercent: 200,
    circuitBreaker: { rollback: true },
    healthCheckGracePeriod: Duration.seconds(60),
  });
  const listener = lb.addListener('Https', {
    port: 443,
    protocol: elbv2.ApplicationProtocol.HTTPS,
    certificates: [elbv2.ListenerCertificate.fromArn(certificateArn)],
    sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
    open: false,
  });
  listener.addTargets('CodecServer', {
    port: 8080,
    protocol: elbv2.ApplicationProtocol.HTTP,
    targets: [service.loadBalancerTarget({ containerName: 'codec-server', containerPort: 8080 })],
    healthCheck: { path: '/health', healthyHttpCodes: '200' },
    deregistrationDelay: Duration.seconds(30),
  });
  return `https://${lb.loadBalancerDnsName}`;
}

export interface WorkerFleet {
  readonly image: string;
  /** `<namespace>.<account>`. */
  readonly namespace: string;
  /** `host:port` of the Temporal endpoint the Workers dial. */
  readonly address: string;
  readonly apiKeySecretName: string;
  readonly environment: Record<string, string>;
  readonly codecEndpoint?: string;
  readonly minCapacity: number;
  readonly maxCapacity: number;
  /** For the outputs. */
  readonly description: string;
}

/** Temporal Workers on Fargate: SDK environment variables, the API key from Secrets Manager, CPU autoscaling. */
export function workerService(scope: Construct, cluster: ecs.ICluster, fleet: WorkerFleet): ecs.FargateService {
  const logGroup = new logs.LogGroup(scope, 'WorkerLogs', { retention: logs.RetentionDays.ONE_MONTH });
  const taskDefinition = new ecs.FargateTaskDefinition(scope, 'WorkerTaskDefinition', {
    cpu: 512,
    memoryLimitMiB: 1024,
    runtimePlatform: { operatingSystemFamily: ecs.OperatingSystemFamily.LINUX, cpuArchitecture: ecs.CpuArchitecture.X86_64 },
  });
  const apiKey = secretsmanager.Secret.fromSecretNameV2(scope, 'ApiKey', fleet.apiKeySecretName);
  taskDefinition.addContainer('Worker', {
    containerName: 'worker',
    image: ecs.ContainerImage.fromRegistry(fleet.image),
    environment: {
      ...fleet.environment,
      TEMPORAL_ADDRESS: fleet.address,
      TEMPORAL_NAMESPACE: fleet.namespace,
      ...(fleet.codecEndpoint ? { CODEC_SERVER_URL: fleet.codecEndpoint } : {}),
    },
    secrets: { TEMPORAL_API_KEY: ecs.Secret.fromSecretsManager(apiKey) },
    logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'worker', logGroup }),
    stopTimeout: Duration.seconds(120),
  });
  const service = new ecs.FargateService(scope, 'WorkerService', {
    cluster,
    taskDefinition,
    desiredCount: fleet.minCapacity,
    vpcSubnets: PRIVATE,
    assignPublicIp: false,
    minHealthyPercent: 100,
    maxHealthyPercent: 200,
    circuitBreaker: { rollback: true },
  });
  service.autoScaleTaskCount({ minCapacity: fleet.minCapacity, maxCapacity: fleet.maxCapacity })
    .scaleOnCpuUtilization('CpuScaling', { targetUtilizationPercent: 60 });
  new CfnOutput(scope, 'WorkerServiceName', { value: service.serviceName, description: fleet.description });
  new CfnOutput(scope, 'WorkerDesiredCount', { value: String(fleet.minCapacity) });
  new CfnOutput(scope, 'WorkerTemporalAddress', { value: fleet.address });
  return service;
}

/**
 * Hand-written AWS CDK: what a platform team writes without temporal-ha-constructs to run Temporal
 * Workers on ECS Fargate behind Temporal Cloud PrivateLink. aws-cdk-lib constructs only; the
 * per-region facts (PrivateLink service names, VPC CIDRs) are the team's own table.
 */
import { Aws, CfnOutput, Duration, Fn, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ssm from 'aws-cdk-lib/aws-ssm';
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

/** The codec server: Fargate tasks behind an internal HTTPS load balancer with access logs. Returns its URL and service. */
export function codecServer(scope: Construct, network: Network, image: string, certificateArn: string): { url: string; service: ecs.FargateService } {
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
  return { url: `https://${lb.loadBalancerDnsName}`, service };
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

/**
 * One namespace's failover: which region its Workers are active in is kept in an SSM parameter of the
 * same name in each of its regions, written by the runbooks and read when deploying.
 */
export interface Failover {
  /** Prefix of the runbooks' and the role's names. */
  readonly name: string;
  /** `<namespace>.<account>`. */
  readonly namespace: string;
  readonly parameterName: string;
  /** The region active at the first deploy. */
  readonly activeRegion: string;
  readonly regions: string[];
}

/** The namespace's failover state in one region: a String parameter holding the active region (created with the declared one). */
export function activeRegionParameter(scope: Construct, id: string, failover: Failover): ssm.StringParameter {
  return new ssm.StringParameter(scope, id, {
    parameterName: failover.parameterName,
    stringValue: failover.activeRegion,
    description: `Active region of ${failover.namespace}: set at the first deploy, then by the failover runbooks`,
    tier: ssm.ParameterTier.STANDARD,
  });
}

/** Writes the active region to the state parameter in the other regions; an unreachable region is reported, not waited for. */
const RECORD_ELSEWHERE = `import boto3
from botocore.config import Config


def handler(events, context):
    # The other region may be the one that failed: one short attempt each.
    config = Config(connect_timeout=5, read_timeout=10, retries={'max_attempts': 1})
    recorded, failed = [], []
    for region in events['Regions']:
        try:
            ssm = boto3.client('ssm', region_name=region, config=config)
            ssm.put_parameter(Name=events['Name'], Value=events['Value'], Type='String', Overwrite=True)
            recorded.append(region)
        except Exception as error:
            failed.append(region + ': ' + str(error))
    if failed:
        raise RuntimeError('active region not recorded in ' + '; '.join(failed) + '; run again once reachable, before deploying there')
    return {'Recorded': recorded}
`;

/** The two SSM Automation runbooks of a region: make it active (record the state everywhere), and check before standing it down. */
export function runbookContent(failover: Failover, region: string, roleArn: string) {
  const others = failover.regions.filter((r) => r !== region);
  const parameters = {
    AutomationAssumeRole: { type: 'String', description: 'The role the runbook runs as', default: roleArn },
  };
  const base = { schemaVersion: '0.3', assumeRole: '{{ AutomationAssumeRole }}', parameters };
  const activate = {
    ...base,
    description: `Makes ${region} the active region of ${failover.namespace}'s Workers and records it in every region. Can be run again.`,
    mainSteps: [
      {
        name: 'RecordHere',
        action: 'aws:executeAwsApi',
        description: `Writes ${region} to this region's state parameter.`,
        inputs: { Service: 'ssm', Api: 'PutParameter', Name: failover.parameterName, Value: region, Type: 'String', Overwrite: true },
      },
      {
        name: 'RecordElsewhere',
        action: 'aws:executeScript',
        description: `Writes ${region} to the state parameter in ${others.join(', ')} (a region that is down is reported and skipped).`,
        timeoutSeconds: 600,
        onFailure: 'Continue',
        isCritical: false,
        inputs: {
          Runtime: 'python3.11',
          Handler: 'handler',
          Script: RECORD_ELSEWHERE,
          InputPayload: { Name: failover.parameterName, Value: region, Regions: others },
        },
      },
    ],
  };
  const standby = {
    ...base,
    description: `Stands ${region} down for ${failover.namespace}'s Workers once another region is active.`,
    mainSteps: [{
      name: 'AnotherRegionIsActive',
      action: 'aws:assertAwsResourceProperty',
      description: `Stops unless the state parameter names another region (${others.join(', ')}) as active.`,
      inputs: {
        Service: 'ssm', Api: 'GetParameter', Name: failover.parameterName, PropertySelector: '$.Parameter.Value', DesiredValues: others,
      },
    }],
  };
  return { activate, standby };
}

/** A region's failover runbooks (SSM Automation documents) and the role they run as: it may read and write the state parameter only. */
export function failoverRunbooks(scope: Construct, id: string, failover: Failover, region: string): void {
  const activateName = `${failover.name}-activate-${region}`;
  const standbyName = `${failover.name}-standby-${region}`;
  const role = new iam.Role(scope, `${id}Role`, {
    roleName: `${failover.name}-failover-${region}`,
    description: `Runs ${activateName} and ${standbyName}`,
    assumedBy: new iam.ServicePrincipal('ssm.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } } }),
    inlinePolicies: {
      failover: new iam.PolicyDocument({
        statements: [new iam.PolicyStatement({
          sid: 'FailoverState',
          actions: ['ssm:GetParameter', 'ssm:PutParameter'],
          resources: failover.regions.map((r) => `arn:${Aws.PARTITION}:ssm:${r}:${Aws.ACCOUNT_ID}:parameter${failover.parameterName}`),
        })],
      }),
    },
  });
  const content = runbookContent(failover, region, role.roleArn);
  const document = (docId: string, name: string, body: object) => new ssm.CfnDocument(scope, docId, {
    name, documentType: 'Automation', documentFormat: 'JSON', content: body, updateMethod: 'NewVersion',
  });
  const activate = document(`${id}Activate`, activateName, content.activate);
  const standby = document(`${id}Standby`, standbyName, content.standby);
  new CfnOutput(scope, `${id}StateParameter`, { value: failover.parameterName, description: `Active region of ${failover.namespace}` });
  new CfnOutput(scope, `${id}ActivateRunbook`, {
    value: activate.ref, description: `aws ssm start-automation-execution --region ${region} --document-name ${activateName}`,
  });
  new CfnOutput(scope, `${id}StandbyRunbook`, { value: standby.ref, description: `Stands ${region} down` });
}

/** Alarms when an ECS service runs fewer tasks than it should (Container Insights' RunningTaskCount, three minutes in a row). */
export function runningTasksAlarm(scope: Construct, id: string,
  props: { alarmName: string; clusterName: string; serviceName: string; minimum: number }): cloudwatch.Alarm {
  return new cloudwatch.Alarm(scope, id, {
    alarmName: props.alarmName,
    alarmDescription: `${props.alarmName}: fewer than ${props.minimum} running tasks for 3 minutes`,
    metric: new cloudwatch.Metric({
      namespace: 'ECS/ContainerInsights',
      metricName: 'RunningTaskCount',
      dimensionsMap: { ClusterName: props.clusterName, ServiceName: props.serviceName },
      statistic: cloudwatch.Stats.MINIMUM,
      period: Duration.minutes(1),
    }),
    threshold: props.minimum,
    comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
    evaluationPeriods: 3,
    datapointsToAlarm: 3,
    treatMissingData: cloudwatch.TreatMissingData.BREACHING,
  });
}

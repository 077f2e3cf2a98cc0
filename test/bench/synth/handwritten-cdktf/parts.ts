/**
 * Hand-written CDK for Terraform: what a platform team writes without temporal-ha-constructs to run
 * Temporal Workers on ECS Fargate behind Temporal Cloud PrivateLink, one aliased AWS provider per
 * region. The provider's resources are imported one by one (its root import alone takes seconds).
 */
import { AppautoscalingPolicy } from '@cdktf/provider-aws/lib/appautoscaling-policy';
import { AppautoscalingTarget } from '@cdktf/provider-aws/lib/appautoscaling-target';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { DataAwsAvailabilityZones } from '@cdktf/provider-aws/lib/data-aws-availability-zones';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsElbServiceAccount } from '@cdktf/provider-aws/lib/data-aws-elb-service-account';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { DataAwsSecretsmanagerSecret } from '@cdktf/provider-aws/lib/data-aws-secretsmanager-secret';
import { DataAwsSsmParameter } from '@cdktf/provider-aws/lib/data-aws-ssm-parameter';
import { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster';
import { EcsService } from '@cdktf/provider-aws/lib/ecs-service';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { Route53Zone } from '@cdktf/provider-aws/lib/route53-zone';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { SsmDocument } from '@cdktf/provider-aws/lib/ssm-document';
import { SsmParameter } from '@cdktf/provider-aws/lib/ssm-parameter';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { DataResource, Fn, TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';

/** Temporal Cloud's PrivateLink endpoint services and our VPC ranges, per region. */
export const REGIONS: Record<string, { readonly privateLinkService: string; readonly cidrPrefix: string }> = {
  'us-east-1': { privateLinkService: 'com.amazonaws.vpce.us-east-1.vpce-svc-0822256b6575ea37f', cidrPrefix: '10.88' },
  'us-west-2': { privateLinkService: 'com.amazonaws.vpce.us-west-2.vpce-svc-0f44b3d7302816b94', cidrPrefix: '10.104' },
  'eu-west-1': { privateLinkService: 'com.amazonaws.vpce.eu-west-1.vpce-svc-04388e89f3479b739', cidrPrefix: '10.64' },
  'eu-central-1': { privateLinkService: 'com.amazonaws.vpce.eu-central-1.vpce-svc-073a419b36663a0f3', cidrPrefix: '10.56' },
};

const ECS_TASKS_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/** An AWS provider for `region`, aliased by the region's name. */
export function regionProvider(scope: Construct, region: string): AwsProvider {
  return new AwsProvider(scope, `aws-${region}`, { region, alias: region });
}

export interface Network {
  readonly provider: AwsProvider;
  readonly region: string;
  readonly vpc: Vpc;
  readonly cidr: string;
  readonly privateSubnetIds: string[];
  readonly cluster: EcsCluster;
  /** The Worker dependencies: the private record that must exist before a Worker starts. */
  readonly record: Route53Record;
}

/**
 * A region's shared base: a VPC (two public and two private subnets, a NAT gateway per zone) with
 * flow logs, an ECS cluster, the Temporal Cloud PrivateLink endpoint, and the `region.tmprl.cloud`
 * private zone that sends the region's Regional Endpoint name to it.
 */
export function regionNetwork(scope: Construct, provider: AwsProvider, region: string, name: string): Network {
  const { cidrPrefix, privateLinkService } = REGIONS[region];
  const cidr = `${cidrPrefix}.0.0/16`;
  const azs = new DataAwsAvailabilityZones(scope, 'Azs', { provider, state: 'available' });
  const vpc = new Vpc(scope, 'Vpc', {
    provider, cidrBlock: cidr, enableDnsHostnames: true, enableDnsSupport: true, tags: { Name: `${name}-${region}` },
  });
  const igw = new InternetGateway(scope, 'InternetGateway', { provider, vpcId: vpc.id, tags: { Name: `${name}-${region}` } });
  const publicRoutes = new RouteTable(scope, 'PublicRouteTable', { provider, vpcId: vpc.id, tags: { Name: `${name}-${region}-public` } });
  new Route(scope, 'PublicDefaultRoute', { provider, routeTableId: publicRoutes.id, destinationCidrBlock: '0.0.0.0/0', gatewayId: igw.id });
  const privateSubnetIds: string[] = [];
  for (const az of [0, 1]) {
    const n = az + 1;
    const publicSubnet = new Subnet(scope, `PublicSubnet${n}`, {
      provider,
      vpcId: vpc.id,
      cidrBlock: `${cidrPrefix}.${az}.0/24`,
      availabilityZone: Fn.element(azs.names, az),
      tags: { Name: `${name}-${region}-public-${n}` },
    });
    new RouteTableAssociation(scope, `PublicSubnet${n}Routes`, { provider, subnetId: publicSubnet.id, routeTableId: publicRoutes.id });
    const eip = new Eip(scope, `NatIp${n}`, { provider, domain: 'vpc', tags: { Name: `${name}-${region}-nat-${n}` } });
    const nat = new NatGateway(scope, `Nat${n}`, {
      provider, allocationId: eip.id, subnetId: publicSubnet.id, dependsOn: [igw], tags: { Name: `${name}-${region}-nat-${n}` },
    });
    const privateSubnet = new Subnet(scope, `PrivateSubnet${n}`, {
      provider,
      vpcId: vpc.id,
      cidrBlock: `${cidrPrefix}.${16 * n}.0/20`,
      availabilityZone: Fn.element(azs.names, az),
      tags: { Name: `${name}-${region}-private-${n}` },
    });
    const privateRoutes = new RouteTable(scope, `PrivateRouteTable${n}`, { provider, vpcId: vpc.id, tags: { Name: `${name}-${region}-private-${n}` } });
    new Route(scope, `PrivateDefaultRoute${n}`, { provider, routeTableId: privateRoutes.id, destinationCidrBlock: '0.0.0.0/0', natGatewayId: nat.id });
    new RouteTableAssociation(scope, `PrivateSubnet${n}Routes`, { provider, subnetId: privateSubnet.id, routeTableId: privateRoutes.id });
    privateSubnetIds.push(privateSubnet.id);
  }

  const flowLogs = new CloudwatchLogGroup(scope, 'FlowLogs', { provider, namePrefix: 'vpc-flow-logs-', retentionInDays: 30 });
  const flowLogRole = new IamRole(scope, 'FlowLogRole', {
    provider,
    assumeRolePolicy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'vpc-flow-logs.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
  });
  new IamRolePolicy(scope, 'FlowLogPolicy', {
    provider,
    role: flowLogRole.id,
    policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
        Resource: [flowLogs.arn, `${flowLogs.arn}:*`],
      }],
    }),
  });
  new FlowLog(scope, 'FlowLog', {
    provider, vpcId: vpc.id, trafficType: 'ALL', logDestinationType: 'cloud-watch-logs', logDestination: flowLogs.arn, iamRoleArn: flowLogRole.arn,
  });

  const cluster = new EcsCluster(scope, 'Cluster', {
    provider, name: `${name}-${region}`, setting: [{ name: 'containerInsights', value: 'enabled' }],
  });

  const endpointSg = new SecurityGroup(scope, 'TemporalEndpointSecurityGroup', {
    provider, vpcId: vpc.id, description: `Temporal Cloud PrivateLink endpoint (${region}): 7233 from the Workers`,
  });
  new VpcSecurityGroupIngressRule(scope, 'TemporalEndpointIngress', {
    provider, securityGroupId: endpointSg.id, cidrIpv4: cidr, ipProtocol: 'tcp', fromPort: 7233, toPort: 7233, description: 'Temporal gRPC',
  });
  const endpoint = new VpcEndpoint(scope, 'TemporalEndpoint', {
    provider,
    vpcId: vpc.id,
    serviceName: privateLinkService,
    vpcEndpointType: 'Interface',
    privateDnsEnabled: false,
    securityGroupIds: [endpointSg.id],
    subnetIds: privateSubnetIds,
  });
  const zone = new Route53Zone(scope, 'TemporalZone', {
    provider, name: 'region.tmprl.cloud', vpc: [{ vpcId: vpc.id, vpcRegion: region }],
  });
  const record = new Route53Record(scope, 'TemporalRegionalEndpoint', {
    provider, zoneId: zone.zoneId, name: `aws-${region}.region.tmprl.cloud`, type: 'CNAME', ttl: 60, records: [endpoint.dnsEntry.get(0).dnsName],
  });
  return { provider, region, vpc, cidr, privateSubnetIds, cluster, record };
}

/** The task execution role (writes the logs, reads the secrets: one inline policy) and the task role. */
function taskRoles(scope: Construct, provider: AwsProvider, prefix: string, logGroup: CloudwatchLogGroup, secretArns: string[] = []) {
  const execution = new IamRole(scope, `${prefix}ExecutionRole`, { provider, assumeRolePolicy: ECS_TASKS_TRUST });
  new IamRolePolicy(scope, `${prefix}ExecutionPolicy`, {
    provider,
    role: execution.id,
    policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${logGroup.arn}:*` },
        ...(secretArns.length ? [{ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Resource: secretArns }] : []),
      ],
    }),
  });
  const task = new IamRole(scope, `${prefix}TaskRole`, { provider, assumeRolePolicy: ECS_TASKS_TRUST });
  return { execution, task };
}

function logging(group: CloudwatchLogGroup, region: string, prefix: string) {
  return { logDriver: 'awslogs', options: { 'awslogs-group': group.name, 'awslogs-region': region, 'awslogs-stream-prefix': prefix } };
}

/** A private, encrypted, TLS-only bucket the region's load balancer writes its access logs to (under `prefix`). */
function accessLogBucket(scope: Construct, provider: AwsProvider, prefix: string): { bucket: S3Bucket; policy: S3BucketPolicy } {
  const bucket = new S3Bucket(scope, 'AccessLogs', { provider, bucketPrefix: 'lb-access-logs-' });
  new S3BucketOwnershipControls(scope, 'AccessLogsOwnership', { provider, bucket: bucket.id, rule: { objectOwnership: 'BucketOwnerEnforced' } });
  new S3BucketPublicAccessBlock(scope, 'AccessLogsPublicAccessBlock', {
    provider, bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true,
  });
  new S3BucketServerSideEncryptionConfigurationA(scope, 'AccessLogsEncryption', {
    provider, bucket: bucket.id, rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }],
  });
  const account = new DataAwsCallerIdentity(scope, 'Account', { provider });
  const elb = new DataAwsElbServiceAccount(scope, 'ElbAccount', { provider });
  const objects = `${bucket.arn}/${prefix}/AWSLogs/${account.accountId}/*`;
  const policy = new S3BucketPolicy(scope, 'AccessLogsPolicy', {
    provider,
    bucket: bucket.id,
    policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: elb.arn }, Action: 's3:PutObject', Resource: objects },
        { Effect: 'Allow', Principal: { Service: 'logdelivery.elasticloadbalancing.amazonaws.com' }, Action: 's3:PutObject', Resource: objects },
        {
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Action: 's3:*',
          Resource: [bucket.arn, `${bucket.arn}/*`],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ],
    }),
  });
  return { bucket, policy };
}

/** The codec server: Fargate tasks behind an internal HTTPS load balancer with access logs. Returns its URL and service. */
export function codecServer(
  scope: Construct, network: Network, name: string, image: string, certificateArn: string,
): { url: string; service: EcsService } {
  const { provider, region, vpc, cidr, privateSubnetIds, cluster } = network;
  const logGroup = new CloudwatchLogGroup(scope, 'CodecLogs', { provider, namePrefix: '/temporal/codec-server/', retentionInDays: 30 });
  const roles = taskRoles(scope, provider, 'Codec', logGroup);
  const taskDefinition = new EcsTaskDefinition(scope, 'CodecTaskDefinition', {
    provider,
    family: `${name}-codec`,
    cpu: '256',
    memory: '512',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    runtimePlatform: { cpuArchitecture: 'X86_64', operatingSystemFamily: 'LINUX' },
    executionRoleArn: roles.execution.arn,
    taskRoleArn: roles.task.arn,
    containerDefinitions: JSON.stringify([{
      name: 'codec-server',
      image,
      essential: true,
      environment: [{ name: 'PORT', value: '8080' }, { name: 'CORS_ALLOWED_ORIGINS', value: 'https://cloud.temporal.io' }],
      portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
      logConfiguration: logging(logGroup, region, 'codec-server'),
    }]),
  });

  const lbSg = new SecurityGroup(scope, 'CodecLoadBalancerSecurityGroup', {
    provider, vpcId: vpc.id, description: 'Codec server load balancer: HTTPS from the VPC',
  });
  const tasksSg = new SecurityGroup(scope, 'CodecServiceSecurityGroup', {
    provider, vpcId: vpc.id, description: 'Codec server tasks: 8080 from the load balancer',
  });
  new VpcSecurityGroupIngressRule(scope, 'CodecLoadBalancerIngress', {
    provider, securityGroupId: lbSg.id, cidrIpv4: cidr, ipProtocol: 'tcp', fromPort: 443, toPort: 443, description: 'HTTPS to the codec server',
  });
  new VpcSecurityGroupEgressRule(scope, 'CodecLoadBalancerToTasks', {
    provider, securityGroupId: lbSg.id, referencedSecurityGroupId: tasksSg.id, ipProtocol: 'tcp', fromPort: 8080, toPort: 8080,
  });
  new VpcSecurityGroupIngressRule(scope, 'CodecTasksFromLoadBalancer', {
    provider, securityGroupId: tasksSg.id, referencedSecurityGroupId: lbSg.id, ipProtocol: 'tcp', fromPort: 8080, toPort: 8080,
  });
  new VpcSecurityGroupEgressRule(scope, 'CodecTasksEgress', { provider, securityGroupId: tasksSg.id, cidrIpv4: '0.0.0.0/0', ipProtocol: '-1' });

  const logs = accessLogBucket(scope, provider, 'codec-server');
  const lb = new Lb(scope, 'CodecLoadBalancer', {
    provider,
    internal: true,
    loadBalancerType: 'application',
    securityGroups: [lbSg.id],
    subnets: privateSubnetIds,
    dropInvalidHeaderFields: true,
    accessLogs: { bucket: logs.bucket.id, prefix: 'codec-server', enabled: true },
    dependsOn: [logs.policy],
  });
  const targetGroup = new LbTargetGroup(scope, 'CodecTargetGroup', {
    provider,
    vpcId: vpc.id,
    port: 8080,
    protocol: 'HTTP',
    targetType: 'ip',
    deregistrationDelay: '30',
    healthCheck: { enabled: true, path: '/health', matcher: '200', protocol: 'HTTP' },
  });
  const listener = new LbListener(scope, 'CodecListener', {
    provider,
    loadBalancerArn: lb.arn,
    port: 443,
    protocol: 'HTTPS',
    sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
    certificateArn,
    defaultAction: [{ type: 'forward', targetGroupArn: targetGroup.arn }],
  });
  const service = new EcsService(scope, 'CodecService', {
    provider,
    name: `${name}-codec`,
    cluster: cluster.arn,
    taskDefinition: taskDefinition.arn,
    desiredCount: 2,
    launchType: 'FARGATE',
    deploymentMinimumHealthyPercent: 100,
    deploymentMaximumPercent: 200,
    deploymentCircuitBreaker: { enable: true, rollback: true },
    networkConfiguration: { subnets: privateSubnetIds, securityGroups: [tasksSg.id], assignPublicIp: false },
    loadBalancer: [{ targetGroupArn: targetGroup.arn, containerName: 'codec-server', containerPort: 8080 }],
    dependsOn: [listener],
  });
  return { url: `https://${lb.dnsName}`, service };
}

export interface WorkerFleet {
  readonly name: string;
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
export function workerService(scope: Construct, network: Network, fleet: WorkerFleet): EcsService {
  const { provider, region, vpc, privateSubnetIds, cluster } = network;
  const secret = new DataAwsSecretsmanagerSecret(scope, 'ApiKey', { provider, name: fleet.apiKeySecretName });
  const logGroup = new CloudwatchLogGroup(scope, 'WorkerLogs', { provider, namePrefix: '/temporal/worker/', retentionInDays: 30 });
  const roles = taskRoles(scope, provider, 'Worker', logGroup, [secret.arn]);
  const environment: Record<string, string> = {
    ...fleet.environment,
    TEMPORAL_ADDRESS: fleet.address,
    TEMPORAL_NAMESPACE: fleet.namespace,
    ...(fleet.codecEndpoint ? { CODEC_SERVER_URL: fleet.codecEndpoint } : {}),
  };
  const taskDefinition = new EcsTaskDefinition(scope, 'WorkerTaskDefinition', {
    provider,
    family: fleet.name,
    cpu: '512',
    memory: '1024',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    runtimePlatform: { cpuArchitecture: 'X86_64', operatingSystemFamily: 'LINUX' },
    executionRoleArn: roles.execution.arn,
    taskRoleArn: roles.task.arn,
    containerDefinitions: JSON.stringify([{
      name: 'worker',
      image: fleet.image,
      essential: true,
      stopTimeout: 120,
      environment: Object.entries(environment).map(([n, value]) => ({ name: n, value })),
      secrets: [{ name: 'TEMPORAL_API_KEY', valueFrom: secret.arn }],
      logConfiguration: logging(logGroup, region, 'worker'),
    }]),
  });
  const sg = new SecurityGroup(scope, 'WorkerSecurityGroup', { provider, vpcId: vpc.id, description: 'Temporal Workers: outbound only' });
  new VpcSecurityGroupEgressRule(scope, 'WorkerEgress', { provider, securityGroupId: sg.id, cidrIpv4: '0.0.0.0/0', ipProtocol: '-1' });
  const service = new EcsService(scope, 'WorkerService', {
    provider,
    name: fleet.name,
    cluster: cluster.arn,
    taskDefinition: taskDefinition.arn,
    desiredCount: fleet.minCapacity,
    launchType: 'FARGATE',
    deploymentMinimumHealthyPercent: 100,
    deploymentMaximumPercent: 200,
    deploymentCircuitBreaker: { enable: true, rollback: true },
    networkConfiguration: { subnets: privateSubnetIds, securityGroups: [sg.id], assignPublicIp: false },
    lifecycle: { ignoreChanges: ['desired_count'] },
    dependsOn: [network.record],
  });
  const target = new AppautoscalingTarget(scope, 'WorkerScalableTarget', {
    provider,
    serviceNamespace: 'ecs',
    scalableDimension: 'ecs:service:DesiredCount',
    resourceId: `service/${cluster.name}/${service.name}`,
    minCapacity: fleet.minCapacity,
    maxCapacity: fleet.maxCapacity,
  });
  new AppautoscalingPolicy(scope, 'WorkerCpuScaling', {
    provider,
    name: `${fleet.name}-cpu`,
    policyType: 'TargetTrackingScaling',
    serviceNamespace: target.serviceNamespace,
    scalableDimension: target.scalableDimension,
    resourceId: target.resourceId,
    targetTrackingScalingPolicyConfiguration: {
      targetValue: 60,
      predefinedMetricSpecification: { predefinedMetricType: 'ECSServiceAverageCPUUtilization' },
    },
  });
  new TerraformOutput(scope, 'WorkerServiceName', { value: service.name, description: fleet.description });
  new TerraformOutput(scope, 'WorkerDesiredCount', { value: fleet.minCapacity });
  new TerraformOutput(scope, 'WorkerTemporalAddress', { value: fleet.address });
  return service;
}

/**
 * One namespace's failover: which region its Workers are active in is kept in an SSM parameter of the
 * same name in each of its regions, written by the runbooks and read at every plan.
 */
export interface Failover {
  /** Prefix of the runbooks' and the role's names. */
  readonly name: string;
  /** `<namespace>.<account>`. */
  readonly namespace: string;
  readonly parameterName: string;
  /** The region active at the first apply. */
  readonly activeRegion: string;
  readonly regions: string[];
}

/**
 * The failover state, per region: the parameter (created with the declared active region, then left to
 * the runbooks: `ignore_changes`, and rewritten only when the declaration changes: `replace_triggered_by`
 * a `terraform_data` holding it) and a data source reading it back, which stops the plan when it holds
 * a region the namespace cannot be active in.
 */
export function failoverState(scope: Construct, failover: Failover, providerFor: (region: string) => AwsProvider): Map<string, DataAwsSsmParameter> {
  const declared = new DataResource(scope, 'Declared', { input: { activeRegion: failover.activeRegion } });
  const reads = new Map<string, DataAwsSsmParameter>();
  const regions = failover.regions.map((r) => JSON.stringify(r)).join(', ');
  for (const region of failover.regions) {
    const provider = providerFor(region);
    const parameter = new SsmParameter(scope, `Parameter-${region}`, {
      provider,
      name: failover.parameterName,
      type: 'String',
      value: failover.activeRegion,
      description: `Active region of ${failover.namespace}: set at the first apply, then by the failover runbooks`,
      // A bare address: Terraform takes no interpolation in replace_triggered_by.
      lifecycle: { ignoreChanges: ['value'], replaceTriggeredBy: [`terraform_data.${declared.friendlyUniqueId}`] },
    });
    reads.set(region, new DataAwsSsmParameter(scope, `Read-${region}`, {
      provider,
      name: parameter.name,
      dependsOn: [parameter],
      lifecycle: {
        postcondition: [{
          condition: `\${contains([${regions}], self.insecure_value)}`,
          errorMessage: `${failover.parameterName} in ${region} must name one of ${failover.regions.join(', ')}: put one there or run a failover runbook.`,
        }],
      },
    }));
  }
  return reads;
}

/** A region's partition and account, for ARNs and the runbooks' trust condition. */
export function regionAccount(scope: Construct, provider: AwsProvider): { partition: string; accountId: string } {
  return {
    partition: new DataAwsPartition(scope, 'FailoverPartition', { provider }).partition,
    accountId: new DataAwsCallerIdentity(scope, 'FailoverAccount', { provider }).accountId,
  };
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
        raise RuntimeError('active region not recorded in ' + '; '.join(failed) + '; run again once reachable, before applying there')
    return {'Recorded': recorded}
`;

/** The two SSM Automation runbooks of a region: make it active (record the state everywhere), and check before standing it down. */
function runbookContent(failover: Failover, region: string, roleArn: string) {
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

/**
 * A region's failover runbooks (SSM Automation documents) and the role they run as: it may read and
 * write the state parameter only. (Terraform interpolates `${` in the content: the only one is the role's ARN.)
 */
export function failoverRunbooks(scope: Construct, provider: AwsProvider, account: { partition: string; accountId: string },
  failover: Failover, region: string): void {
  const activateName = `${failover.name}-activate-${region}`;
  const standbyName = `${failover.name}-standby-${region}`;
  const role = new IamRole(scope, 'Role', {
    provider,
    name: `${failover.name}-failover-${region}`,
    description: `Runs ${activateName} and ${standbyName}`,
    assumeRolePolicy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{
        Effect: 'Allow',
        Principal: { Service: 'ssm.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': account.accountId } },
      }],
    }),
  });
  new IamRolePolicy(scope, 'Policy', {
    provider,
    name: 'failover',
    role: role.id,
    policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{
        Sid: 'FailoverState',
        Effect: 'Allow',
        Action: ['ssm:GetParameter', 'ssm:PutParameter'],
        Resource: failover.regions.map((r) => `arn:${account.partition}:ssm:${r}:${account.accountId}:parameter${failover.parameterName}`),
      }],
    }),
  });
  const content = runbookContent(failover, region, role.arn);
  const document = (docId: string, name: string, body: object) => new SsmDocument(scope, docId, {
    provider, name, documentType: 'Automation', documentFormat: 'JSON', content: JSON.stringify(body), dependsOn: [role],
  });
  const activate = document('Activate', activateName, content.activate);
  document('Standby', standbyName, content.standby);
  new TerraformOutput(scope, 'ActivateRunbook', {
    value: activate.name, description: `aws ssm start-automation-execution --region ${region} --document-name ${activateName}`,
  });
  new TerraformOutput(scope, 'StateParameter', { value: failover.parameterName, description: `Active region of ${failover.namespace}` });
}

/** Alarms when an ECS service runs fewer tasks than it should (Container Insights' RunningTaskCount, three minutes in a row). */
export function runningTasksAlarm(scope: Construct, id: string, provider: AwsProvider,
  props: { alarmName: string; clusterName: string; serviceName: string; minimum: number }): CloudwatchMetricAlarm {
  return new CloudwatchMetricAlarm(scope, id, {
    provider,
    alarmName: props.alarmName,
    alarmDescription: `${props.alarmName}: fewer than ${props.minimum} running tasks for 3 minutes`,
    namespace: 'ECS/ContainerInsights',
    metricName: 'RunningTaskCount',
    dimensions: { ClusterName: props.clusterName, ServiceName: props.serviceName },
    statistic: 'Minimum',
    period: 60,
    evaluationPeriods: 3,
    datapointsToAlarm: 3,
    threshold: props.minimum,
    comparisonOperator: 'LessThanThreshold',
    treatMissingData: 'breaching',
  });
}

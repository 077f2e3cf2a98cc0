/**
 * What the Worker service, codec server and proxy share: a Fargate task definition with one
 * container, its execution and task roles, its log group and the ECS service. Internal to the blocks.
 */
import { Construct } from 'constructs';
import {
  AwsProvider, CloudwatchLogGroup, EcsService, EcsTaskDefinition, IamRole, IamRolePolicy, IamRolePolicyAttachment,
  ITerraformDependable,
} from '../engine';
import { policyDocument, serviceTrustPolicy } from '../util';

/** @internal */
export interface FargateServiceOptions {
  readonly provider: AwsProvider;
  readonly clusterArn: string;
  readonly subnetIds: string[];
  readonly securityGroupIds: string[];
  readonly serviceName: string;
  readonly containerName: string;
  readonly image: string;
  readonly cpu: number;
  readonly memoryLimitMiB: number;
  readonly cpuArchitecture?: string;
  readonly environment: Record<string, string>;
  /** Container secrets: variable -> `valueFrom` (a Secrets Manager ARN, with `:field::` for a JSON key). */
  readonly secrets?: Record<string, string>;
  /** Secret ARNs the execution role may read. */
  readonly secretArns?: string[];
  readonly containerPort?: number;
  readonly desiredCount: number;
  readonly loadBalancer?: { readonly targetGroupArn: string; readonly containerPort: number };
  readonly dependsOn?: ITerraformDependable[];
  readonly logRetentionDays?: number;
  readonly tags: Record<string, string>;
  /** Let autoscaling own the task count after creation (`lifecycle.ignore_changes = [desired_count]`). */
  readonly autoscaled: boolean;
}

/** @internal */
export interface FargateServiceParts {
  readonly service: EcsService;
  readonly taskDefinition: EcsTaskDefinition;
  readonly executionRole: IamRole;
  readonly taskRole: IamRole;
  readonly logGroup: CloudwatchLogGroup;
  /** The container definition as written (environment and secrets as name lists). */
  readonly containerDefinition: Record<string, unknown>;
}

/** @internal */
export function fargateService(scope: Construct, o: FargateServiceOptions): FargateServiceParts {
  const { provider, tags } = o;
  const region = provider.region;
  if (region === undefined) {
    throw new Error(`${scope.node.path}: the AWS provider ${provider.node.path} has no region; the container log driver needs one. Set region on the provider.`);
  }
  const logGroup = new CloudwatchLogGroup(scope, 'Logs', {
    provider,
    namePrefix: `/temporal/${o.containerName}/`,
    retentionInDays: o.logRetentionDays ?? 30,
    tags,
  });
  const executionRole = new IamRole(scope, 'ExecutionRole', {
    provider,
    description: `Pulls the ${o.containerName} image, writes its logs and reads its Secrets Manager secrets`,
    assumeRolePolicy: serviceTrustPolicy('ecs-tasks.amazonaws.com'),
    tags,
  });
  new IamRolePolicyAttachment(scope, 'ExecutionRolePolicy', {
    provider,
    role: executionRole.name,
    policyArn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
  });
  if (o.secretArns && o.secretArns.length > 0) {
    new IamRolePolicy(scope, 'ReadSecrets', {
      provider,
      role: executionRole.id,
      policy: policyDocument([{ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Resource: o.secretArns }]),
    });
  }
  const taskRole = new IamRole(scope, 'TaskRole', {
    provider,
    description: `The ${o.containerName} tasks' own permissions (add your Activities' permissions here)`,
    assumeRolePolicy: serviceTrustPolicy('ecs-tasks.amazonaws.com'),
    tags,
  });

  const containerDefinition: Record<string, unknown> = {
    name: o.containerName,
    image: o.image,
    essential: true,
    environment: Object.keys(o.environment).sort().map((name) => ({ name, value: o.environment[name] })),
    secrets: Object.keys(o.secrets ?? {}).sort().map((name) => ({ name, valueFrom: o.secrets![name] })),
    portMappings: o.containerPort === undefined ? [] : [{ containerPort: o.containerPort, protocol: 'tcp' }],
    logConfiguration: {
      logDriver: 'awslogs',
      options: { 'awslogs-group': logGroup.name, 'awslogs-region': region, 'awslogs-stream-prefix': o.containerName },
    },
  };
  const taskDefinition = new EcsTaskDefinition(scope, 'TaskDefinition', {
    provider,
    family: o.serviceName,
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: String(o.cpu),
    memory: String(o.memoryLimitMiB),
    executionRoleArn: executionRole.arn,
    taskRoleArn: taskRole.arn,
    runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: o.cpuArchitecture ?? 'X86_64' },
    containerDefinitions: JSON.stringify([containerDefinition]),
    tags,
  });
  const service = new EcsService(scope, 'Service', {
    provider,
    name: o.serviceName,
    cluster: o.clusterArn,
    taskDefinition: taskDefinition.arn,
    desiredCount: o.desiredCount,
    launchType: 'FARGATE',
    deploymentMinimumHealthyPercent: 100,
    deploymentMaximumPercent: 200,
    deploymentCircuitBreaker: { enable: true, rollback: true },
    networkConfiguration: { subnets: o.subnetIds, securityGroups: o.securityGroupIds, assignPublicIp: false },
    loadBalancer: o.loadBalancer
      ? [{ targetGroupArn: o.loadBalancer.targetGroupArn, containerName: o.containerName, containerPort: o.loadBalancer.containerPort }]
      : undefined,
    propagateTags: 'SERVICE',
    enableEcsManagedTags: true,
    tags,
    dependsOn: o.dependsOn,
    lifecycle: o.autoscaled ? { ignoreChanges: ['desired_count'] } : undefined,
  });
  return { service, taskDefinition, executionRole, taskRole, logGroup, containerDefinition };
}

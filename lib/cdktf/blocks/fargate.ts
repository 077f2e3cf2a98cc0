/**
 * What the Worker service, codec server and proxy share: a Fargate task definition with one
 * container, its execution and task roles, its log group and the ECS service. Internal to the blocks.
 */
import { Construct } from 'constructs';
import { InputChecker, isUnresolved } from '../../core/components/input';
import { ResolvedHealthCheck, SERVICE_DEFAULTS } from '../../core/components/service';
import { throwIfProblems } from '../../core/errors';
import {
  AwsProvider, CloudwatchLogGroup, EcsService, EcsTaskDefinition, Fn, IamRole, IamRolePolicy, ITerraformDependable, Token,
} from '../engine';
import { policyDocument, PolicyStatement, serviceTrustPolicy } from '../util';

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
  /** `X86_64` or `ARM64` (the values of the core `CpuArchitecture`). */
  readonly cpuArchitecture?: string;
  readonly environment: Record<string, string>;
  /** Container secrets: variable -> `valueFrom` (a Secrets Manager ARN, with `:field::` for a JSON key). */
  readonly secrets?: Record<string, string>;
  /** Secret ARNs the execution role may read. */
  readonly secretArns?: string[];
  readonly containerPort?: number;
  readonly desiredCount: number;
  /** The container's `stopTimeout` in seconds. @default - ECS's (30) */
  readonly stopTimeoutSeconds?: number;
  /** The container health check. @default - none */
  readonly healthCheck?: ResolvedHealthCheck;
  readonly loadBalancer?: { readonly targetGroupArn: string; readonly containerPort: number };
  readonly dependsOn?: ITerraformDependable[];
  readonly logRetentionDays?: number;
  /** The customer-managed KMS key of the log group (hardened profile). @default - CloudWatch Logs' own encryption */
  readonly logKmsKeyArn?: string;
  readonly tags: Record<string, string>;
  /** Let autoscaling own the task count after creation (`lifecycle.ignore_changes = [desired_count]`). */
  readonly autoscaled: boolean;
  /** The block's kind in errors (`TemporalWorkerService`, ...). */
  readonly kind?: string;
}

/** @internal */
export interface FargateServiceParts {
  readonly service: EcsService;
  readonly taskDefinition: EcsTaskDefinition;
  readonly taskRole: IamRole;
}

/**
 * The service, its task definition and roles. The execution role may do only what ECS does for
 * the task (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html):
 * pull the image from its ECR repository, write to the service's log group, read its secrets.
 * @internal
 */
export function fargateService(scope: Construct, o: FargateServiceOptions): FargateServiceParts {
  const { provider, tags } = o;
  const region = provider.region;
  const c = new InputChecker('TEMPORAL_STACK_REGION_EXPLICIT', '', scope.node.path);
  if (region === undefined) c.add('provider', provider.node.path, 'has no region, which the container log driver needs.', 'set region on the provider.');
  throwIfProblems(o.kind ?? 'ECS service', scope.node.path, c.hits);
  const logGroup = new CloudwatchLogGroup(scope, 'Logs', {
    provider,
    namePrefix: `/temporal/${o.containerName}/`,
    retentionInDays: o.logRetentionDays ?? SERVICE_DEFAULTS.logRetentionDays,
    kmsKeyId: o.logKmsKeyArn,
    tags,
  });
  const role = (id: string, description: string) => new IamRole(scope, id, {
    provider, description, assumeRolePolicy: serviceTrustPolicy('ecs-tasks.amazonaws.com'), tags,
  });
  const executionRole = role('ExecutionRole', `Pulls the ${o.containerName} image, writes its logs and reads its Secrets Manager secrets`);
  const statements: PolicyStatement[] = [
    ...ecrPull(o.image),
    { Sid: 'WriteLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${logGroup.arn}:*` },
  ];
  if (o.secretArns && o.secretArns.length > 0) {
    statements.push({ Sid: 'ReadSecrets', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Resource: o.secretArns });
  }
  new IamRolePolicy(scope, 'ExecutionPolicy', { provider, role: executionRole.id, policy: policyDocument(statements) });
  const taskRole = role('TaskRole', `The ${o.containerName} tasks' own permissions (add your Activities' permissions here)`);

  const containerDefinition = {
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
    stopTimeout: o.stopTimeoutSeconds,
    healthCheck: o.healthCheck && {
      command: o.healthCheck.command,
      interval: o.healthCheck.intervalSeconds,
      timeout: o.healthCheck.timeoutSeconds,
      retries: o.healthCheck.retries,
      startPeriod: o.healthCheck.startPeriodSeconds,
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
    runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: o.cpuArchitecture ?? SERVICE_DEFAULTS.cpuArchitecture },
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
  return { service, taskDefinition, taskRole };
}

/**
 * Pulling an image from Amazon ECR: the repository's pull actions, and the registry token (which has no resource-level permission). Nothing for an
 * image of another registry; for an image known only at apply time, pull from any repository.
 */
function ecrPull(image: string): PolicyStatement[] {
  const m = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?\/([^:@]+)/.exec(image);
  if (!m && !isUnresolved(image)) return [];
  const partition = m?.[3] ? 'aws-cn' : m?.[2].startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
  return [
    { Sid: 'EcrToken', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
    {
      Sid: 'EcrPull',
      Effect: 'Allow',
      Action: ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'],
      Resource: m ? `arn:${partition}:ecr:${m[2]}:${m[1]}:repository/${m[4]}` : '*',
    },
  ];
}

/** The cluster name in an ECS service's scaling resource id: the last part of an ARN, or the name itself. @internal */
export function clusterNameOf(clusterArnOrName: string): string {
  // A reference to a cluster's ARN (`arn:aws:ecs:<region>:<account>:cluster/<name>`) is split by Terraform.
  if (Token.isUnresolved(clusterArnOrName)) return Fn.element(Fn.split('/', clusterArnOrName), 1);
  return clusterArnOrName.includes('/') ? clusterArnOrName.split('/').pop()! : clusterArnOrName;
}

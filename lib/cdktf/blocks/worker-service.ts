import { Construct } from 'constructs';
import { TemporalCredentials } from './credentials';
import { clusterNameOf, fargateService } from './fargate';
import { partOf } from '../../core/components/credentials';
import { resolveWorkerService, WorkerServiceInput, WorkerServiceSettings } from '../../core/components/worker-service';
import {
  Annotations, AppautoscalingPolicy, AppautoscalingTarget, AwsProvider, EcsService, EcsTaskDefinition, IamRole,
  ITerraformDependable, SecurityGroup, VpcSecurityGroupEgressRule,
} from '../engine';
import { awsName } from '../util';

export type { WorkerServiceSettings } from '../../core/components/worker-service';

/** Construction properties of `TemporalWorkerService` (the sizing and connection props are the engine-neutral `WorkerServiceInput`). */
export interface TemporalWorkerServiceProps extends WorkerServiceInput {
  /** The provider of the region the Workers run in. */
  readonly provider: AwsProvider;
  /** The ARN (or name) of the ECS cluster to run in. */
  readonly clusterArn: string;
  /** The VPC of the tasks. */
  readonly vpcId: string;
  /** Private subnets with egress for the tasks. */
  readonly subnetIds: string[];
  /** Security groups of the tasks (in `vpcId`). @default - the block's `securityGroup` (all outbound traffic, no inbound) */
  readonly securityGroupIds?: string[];
  /** The Worker image: an unmodified Temporal SDK worker that reads Temporal's standard environment variables. */
  readonly image: string;
  /** The credentials, read from Secrets Manager and injected as container secrets. */
  readonly credentials: TemporalCredentials;
  /** The ECS service name (unique in the cluster). @default - derived from the construct path */
  readonly serviceName?: string;
  /** Resources that must exist before the first task starts (e.g. the private DNS records). @default - none */
  readonly dependsOn?: ITerraformDependable[];
  /** Tags for every resource. @default - none */
  readonly tags?: { [key: string]: string };
  /** The ARN of a customer-managed KMS key for the Worker log group (its key policy must let CloudWatch Logs use it). @default - CloudWatch Logs' own encryption */
  readonly logKmsKeyArn?: string;
}

/**
 * Temporal Workers on ECS Fargate: an unmodified Temporal SDK worker image configured through Temporal's standard environment variables
 * (`TEMPORAL_ADDRESS`, `TEMPORAL_NAMESPACE`, `TEMPORAL_TLS_SERVER_NAME`, ...; TLS is on because credentials are given), with the API key or the
 * mTLS certificate and key injected from Secrets Manager as container `secrets` (the execution role may read exactly those secrets). Scales on CPU
 * between `minCapacity` and `maxCapacity`; logs to CloudWatch Logs; stops with `stopTimeoutSeconds` of grace; optionally checks the container's
 * health. Autoscaling owns the task count after creation (`desired_count` is in `ignore_changes`).
 */
export class TemporalWorkerService extends Construct {
  /** The ECS service. */
  public readonly service: EcsService;
  /** The task definition. */
  public readonly taskDefinition: EcsTaskDefinition;
  /** The task role (add permissions for your Activities to it). */
  public readonly taskRole: IamRole;
  /** The tasks' security group (egress only). */
  public readonly securityGroup: SecurityGroup;
  /** The scalable target of the service's task count. */
  public readonly scalableTarget: AppautoscalingTarget;
  /** The resolved settings: sizing, task counts, the container's plain and secret-backed environment. */
  public readonly settings: WorkerServiceSettings;

  constructor(scope: Construct, id: string, props: TemporalWorkerServiceProps) {
    super(scope, id);
    const { provider } = props;
    const tags = props.tags ?? {};
    const s = resolveWorkerService('TemporalWorkerService', this.node.path, props, props.credentials.method);
    this.settings = s;
    for (const w of s.warnings) Annotations.of(this).addWarning(`${w.id}: ${w.text}`);

    const bound = props.credentials.bind(this, provider);
    const secrets = Object.fromEntries(Object.entries(s.environment.secrets)
      .map(([name, part]) => [name, partOf(bound.method, bound.parts, part, this.node.path).valueFrom]));
    this.securityGroup = new SecurityGroup(this, 'SecurityGroup', {
      provider, vpcId: props.vpcId, description: 'Temporal Workers: outbound only (Temporal Cloud on 7233, AWS APIs on 443)', tags,
    });
    new VpcSecurityGroupEgressRule(this, 'Egress', {
      provider, securityGroupId: this.securityGroup.id, ipProtocol: '-1', cidrIpv4: '0.0.0.0/0', description: 'All outbound',
    });
    const serviceName = props.serviceName ?? awsName([this.node.path.split('/').slice(1).join('-')], 255);
    const parts = fargateService(this, {
      provider,
      kind: 'TemporalWorkerService',
      clusterArn: props.clusterArn,
      subnetIds: props.subnetIds,
      securityGroupIds: props.securityGroupIds ?? [this.securityGroup.id],
      serviceName,
      containerName: 'worker',
      image: props.image,
      cpu: s.cpu,
      memoryLimitMiB: s.memoryLimitMiB,
      cpuArchitecture: s.cpuArchitecture,
      environment: s.environment.plain,
      secrets,
      secretArns: bound.secretArns,
      desiredCount: s.desiredCount,
      stopTimeoutSeconds: s.stopTimeoutSeconds,
      healthCheck: s.healthCheck,
      logRetentionDays: s.logRetentionDays,
      logKmsKeyArn: props.logKmsKeyArn,
      dependsOn: props.dependsOn,
      tags,
      autoscaled: true,
    });
    this.service = parts.service;
    this.taskDefinition = parts.taskDefinition;
    this.taskRole = parts.taskRole;

    this.scalableTarget = new AppautoscalingTarget(this, 'ScalableTarget', {
      provider,
      serviceNamespace: 'ecs',
      scalableDimension: 'ecs:service:DesiredCount',
      resourceId: `service/${clusterNameOf(props.clusterArn)}/${this.service.name}`,
      minCapacity: s.scaling.minCapacity,
      maxCapacity: s.scaling.maxCapacity,
      tags,
    });
    new AppautoscalingPolicy(this, 'CpuScaling', {
      provider,
      name: `${serviceName}-cpu`.slice(0, 255),
      policyType: 'TargetTrackingScaling',
      serviceNamespace: this.scalableTarget.serviceNamespace,
      scalableDimension: this.scalableTarget.scalableDimension,
      resourceId: this.scalableTarget.resourceId,
      targetTrackingScalingPolicyConfiguration: {
        targetValue: s.scaling.targetCpuUtilizationPercent,
        predefinedMetricSpecification: { predefinedMetricType: 'ECSServiceAverageCPUUtilization' },
        scaleInCooldown: s.scaling.scaleInCooldownSeconds,
        scaleOutCooldown: s.scaling.scaleOutCooldownSeconds,
      },
    });
  }
}

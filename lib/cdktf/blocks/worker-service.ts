import { Construct } from 'constructs';
import { TemporalCredentials } from './credentials';
import { fargateService } from './fargate';
import { namespaceEndpointHost, requiredTlsServerName } from '../../core/endpoints';
import { AuthMethod } from '../../core/model';
import { TemporalEnv, workerEnvironment } from '../../core/worker-config';
import {
  Annotations, AppautoscalingPolicy, AppautoscalingTarget, AwsProvider, EcsService, EcsTaskDefinition, IamRole,
  Fn, ITerraformDependable, SecurityGroup, Token, VpcSecurityGroupEgressRule,
} from '../engine';
import { awsName, checkInteger, throwIfErrors } from '../util';

/** Construction properties of `TemporalWorkerService`. */
export interface TemporalWorkerServiceProps {
  /** The provider of the region the Workers run in. */
  readonly provider: AwsProvider;
  /** The ARN (or name) of the ECS cluster to run in. */
  readonly clusterArn: string;
  /** The VPC of the tasks. */
  readonly vpcId: string;
  /** Private subnets with egress for the tasks. */
  readonly subnetIds: string[];
  /** The Worker image: an unmodified Temporal SDK worker that reads Temporal's standard environment variables. */
  readonly image: string;
  /** The qualified namespace, `<name>.<account>`, e.g. `orders.a1b2c`. Written to `TEMPORAL_NAMESPACE`. */
  readonly namespace: string;
  /**
   * The `host:port` the Workers dial: the Namespace Endpoint, a Regional Endpoint or a proxy.
   * Written to `TEMPORAL_ADDRESS`.
   */
  readonly address: string;
  /** The credentials, read from Secrets Manager and injected as container secrets. */
  readonly credentials: TemporalCredentials;
  /**
   * The TLS server name to verify (`TEMPORAL_TLS_SERVER_NAME`). Required with mTLS whenever
   * `address` is not the Namespace Endpoint.
   * @default - none: the host of `address` is verified
   */
  readonly tlsServerName?: string;
  /**
   * The codec server URL (`TEMPORAL_CODEC_ENDPOINT`).
   * @default - none
   */
  readonly codecEndpoint?: string;
  /**
   * Additional plain environment variables. Must not contain the Temporal variables this construct
   * sets, nor any credential variable.
   * @default - none
   */
  readonly environment?: { [key: string]: string };
  /**
   * Fargate task CPU units.
   * @default 512
   */
  readonly cpu?: number;
  /**
   * Fargate task memory in MiB.
   * @default 1024
   */
  readonly memoryLimitMiB?: number;
  /**
   * Tasks to run at deployment. `0` deploys a cold standby fleet: the service and its scaling
   * target exist, no task runs, and `minCapacity` defaults to `0`. Autoscaling owns the count after
   * creation (`desired_count` is in `ignore_changes`): to activate a cold fleet on failover, raise
   * the scalable target's `min_capacity` (Application Auto Scaling raises the desired count).
   * @default minCapacity
   */
  readonly desiredCount?: number;
  /**
   * Lowest task count autoscaling may set. Must be `0` when `desiredCount` is `0`.
   * @default 2, or `desiredCount` when that is lower
   */
  readonly minCapacity?: number;
  /**
   * Highest task count autoscaling may set.
   * @default 10, or `desiredCount`/`minCapacity` when higher
   */
  readonly maxCapacity?: number;
  /**
   * Average CPU utilization the fleet is scaled to keep (target tracking).
   * @default 60
   */
  readonly targetCpuUtilizationPercent?: number;
  /**
   * The ECS service name (unique in the cluster).
   * @default - derived from the construct path
   */
  readonly serviceName?: string;
  /**
   * CPU architecture of the image (`X86_64` or `ARM64`).
   * @default 'X86_64'
   */
  readonly cpuArchitecture?: string;
  /**
   * Resources that must exist before the first task starts (e.g. the private DNS records).
   * @default - none
   */
  readonly dependsOn?: ITerraformDependable[];
  /**
   * Tags for every resource.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/**
 * Temporal Workers on ECS Fargate: an unmodified Temporal SDK worker image configured through
 * Temporal's standard environment variables (`TEMPORAL_ADDRESS`, `TEMPORAL_NAMESPACE`,
 * `TEMPORAL_TLS`, ...), with the API key or the mTLS certificate and key injected from Secrets
 * Manager as container `secrets` (the execution role may read exactly those secrets). Scales on CPU
 * between `minCapacity` and `maxCapacity`; logs to CloudWatch Logs.
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
  /** The plain (non-secret) environment of the Worker container, as written. */
  public readonly environment: { [key: string]: string };
  /** Names of the container variables filled from Secrets Manager (never written in the clear). */
  public readonly secretEnvironmentVariables: string[];
  /** The task count deployed. */
  public readonly desiredCount: number;
  /** The lowest task count autoscaling may set. */
  public readonly minCapacity: number;
  /** The highest task count autoscaling may set. */
  public readonly maxCapacity: number;

  constructor(scope: Construct, id: string, props: TemporalWorkerServiceProps) {
    super(scope, id);
    const { provider } = props;
    const errors: string[] = [];
    const isToken = (v: unknown) => Token.isUnresolved(v);
    const cpu = props.cpu ?? 512;
    const memoryLimitMiB = props.memoryLimitMiB ?? 1024;
    const targetCpu = props.targetCpuUtilizationPercent ?? 60;
    const desiredIn = props.desiredCount;
    const minCapacity = props.minCapacity ?? (desiredIn !== undefined && !isToken(desiredIn) ? Math.min(2, desiredIn) : 2);
    const desiredCount = desiredIn ?? minCapacity;
    const maxCapacity = props.maxCapacity ?? Math.max(10, minCapacity, desiredCount);
    const any = Number.MAX_SAFE_INTEGER;
    checkInteger(errors, 'cpu', cpu, 1, any, 'Use a Fargate CPU value such as 256, 512, 1024, 2048 or 4096.', isToken);
    checkInteger(errors, 'memoryLimitMiB', memoryLimitMiB, 1, any, 'Use a Fargate memory size valid for the CPU, e.g. 1024 for 512 CPU units.', isToken);
    checkInteger(errors, 'minCapacity', minCapacity, 0, any, 'Set minCapacity to 0 or more.', isToken);
    checkInteger(errors, 'desiredCount', desiredCount, 0, any, 'Set desiredCount to 0 (cold standby) or more.', isToken);
    checkInteger(errors, 'maxCapacity', maxCapacity, 1, any, 'Set maxCapacity to 1 or more.', isToken);
    if (minCapacity > maxCapacity) errors.push(`minCapacity (${minCapacity}) is greater than maxCapacity (${maxCapacity}). Set minCapacity <= maxCapacity.`);
    if (desiredCount < minCapacity) {
      errors.push(desiredCount === 0
        ? `desiredCount (0) is below minCapacity (${minCapacity}): autoscaling would start the cold standby fleet. Set minCapacity: 0 (or omit it) for a cold fleet.`
        : `desiredCount (${desiredCount}) is below minCapacity (${minCapacity}). Set minCapacity <= desiredCount.`);
    }
    if (desiredCount > maxCapacity) errors.push(`desiredCount (${desiredCount}) is greater than maxCapacity (${maxCapacity}). Set desiredCount <= maxCapacity.`);
    if (!isToken(targetCpu) && !(targetCpu > 0 && targetCpu <= 100)) errors.push(`targetCpuUtilizationPercent (${targetCpu}) is outside 1-100. Set a percentage such as 60.`);
    if (!isToken(props.namespace) && !/^[A-Za-z0-9][A-Za-z0-9_-]*\.[A-Za-z0-9]+$/.test(props.namespace)) {
      errors.push(`namespace ('${props.namespace}') is not a qualified namespace. Use '<name>.<account>', e.g. 'orders.a1b2c'.`);
    }
    const host = isToken(props.address) ? undefined : /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):(\d{1,5})$/.exec(props.address)?.[1];
    if (!isToken(props.address) && host === undefined) {
      errors.push(`address ('${props.address}') is not 'host:port'. Use e.g. 'orders.a1b2c.tmprl.cloud:7233' (no scheme, with the port).`);
    }
    if (props.credentials.method === AuthMethod.MTLS && host !== undefined && !isToken(props.namespace) && props.namespace.includes('.')) {
      const [name, ...rest] = props.namespace.split('.');
      const namespaceHost = namespaceEndpointHost({ name, accountId: rest.join('.') });
      const needed = requiredTlsServerName({ auth: AuthMethod.MTLS, namespaceHost, upstreamHost: host, viaProxy: false });
      if (props.tlsServerName === undefined && needed !== undefined) {
        errors.push(`tlsServerName is not set, but the credentials are mTLS and address ('${props.address}') is not the Namespace Endpoint: Temporal Cloud presents the namespace's certificate. Set tlsServerName: '${needed}'.`);
      } else if (props.tlsServerName !== undefined && !isToken(props.tlsServerName) && props.tlsServerName !== namespaceHost) {
        Annotations.of(this).addWarning(`tlsServerName ('${props.tlsServerName}') is not the Namespace Endpoint host ('${namespaceHost}'), which Temporal Cloud's mTLS certificate names.`);
      }
    }
    const managed: Record<string, string> = {
      [TemporalEnv.ADDRESS]: 'address',
      [TemporalEnv.NAMESPACE]: 'namespace',
      [TemporalEnv.TLS]: 'nothing (TLS is always on for Temporal Cloud)',
      [TemporalEnv.TLS_SERVER_NAME]: 'tlsServerName',
      [TemporalEnv.CODEC_ENDPOINT]: 'codecEndpoint',
    };
    const credentialVars: string[] = [
      TemporalEnv.API_KEY, TemporalEnv.TLS_CLIENT_CERT_DATA, TemporalEnv.TLS_CLIENT_KEY_DATA,
      TemporalEnv.TLS_CLIENT_CERT_PATH, TemporalEnv.TLS_CLIENT_KEY_PATH,
    ];
    for (const name of Object.keys(props.environment ?? {})) {
      if (name in managed) errors.push(`environment sets ${name}, which this construct sets from props. Remove it and set ${managed[name]} instead.`);
      else if (credentialVars.includes(name)) errors.push(`environment sets ${name}, a credential variable: credentials must come from Secrets Manager. Remove it and pass credentials.`);
    }
    throwIfErrors(`TemporalWorkerService(${this.node.path})`, errors);

    const env = workerEnvironment({
      address: props.address,
      namespace: props.namespace,
      auth: props.credentials.method,
      tlsServerName: props.tlsServerName,
      codecEndpoint: props.codecEndpoint,
    }, props.environment ?? {});
    const bound = props.credentials.bind(this, provider);
    const secrets: Record<string, string> = {};
    for (const [name, part] of Object.entries(env.secrets)) {
      const p = bound.parts.find((x) => x.part === part);
      if (!p) throw new Error(`TemporalWorkerService(${this.node.path}): the credentials carry no '${part}'.`);
      secrets[name] = p.valueFrom;
    }
    const tags = props.tags ?? {};
    this.securityGroup = new SecurityGroup(this, 'SecurityGroup', {
      provider,
      vpcId: props.vpcId,
      description: 'Temporal Workers: outbound only (Temporal Cloud on 7233, AWS APIs on 443)',
      tags,
    });
    new VpcSecurityGroupEgressRule(this, 'Egress', {
      provider, securityGroupId: this.securityGroup.id, ipProtocol: '-1', cidrIpv4: '0.0.0.0/0', description: 'All outbound',
    });
    const serviceName = props.serviceName ?? awsName([this.node.path.split('/').slice(1).join('-')], 255);
    const parts = fargateService(this, {
      provider,
      clusterArn: props.clusterArn,
      subnetIds: props.subnetIds,
      securityGroupIds: [this.securityGroup.id],
      serviceName,
      containerName: 'worker',
      image: props.image,
      cpu,
      memoryLimitMiB,
      cpuArchitecture: props.cpuArchitecture,
      environment: env.plain,
      secrets,
      secretArns: bound.secretArns,
      desiredCount,
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
      resourceId: `service/${clusterName(props.clusterArn)}/${this.service.name}`,
      minCapacity,
      maxCapacity,
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
        targetValue: targetCpu,
        predefinedMetricSpecification: { predefinedMetricType: 'ECSServiceAverageCPUUtilization' },
        scaleInCooldown: 300,
        scaleOutCooldown: 60,
      },
    });

    this.environment = { ...env.plain };
    this.secretEnvironmentVariables = Object.keys(env.secrets);
    this.desiredCount = desiredCount;
    this.minCapacity = minCapacity;
    this.maxCapacity = maxCapacity;
  }
}

/** The cluster name in an ECS service's scaling resource id: the last part of an ARN, or the name itself. */
function clusterName(clusterArnOrName: string): string {
  // A reference to a cluster's ARN (`arn:aws:ecs:<region>:<account>:cluster/<name>`) is split by Terraform.
  if (Token.isUnresolved(clusterArnOrName)) return Fn.element(Fn.split('/', clusterArnOrName), 1);
  return clusterArnOrName.includes('/') ? clusterArnOrName.split('/').pop()! : clusterArnOrName;
}

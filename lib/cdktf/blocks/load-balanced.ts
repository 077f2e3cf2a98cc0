/**
 * A Fargate service behind a load balancer: what the codec server (ALB, HTTPS) and the proxy (NLB,
 * TCP) share. Internal to the blocks.
 */
import { Construct } from 'constructs';
import { fargateService, FargateServiceParts } from './fargate';
import {
  AwsProvider, Lb, LbListener, LbTargetGroup, SecurityGroup, VpcSecurityGroupEgressRule, VpcSecurityGroupIngressRule,
} from '../engine';

/** @internal */
export interface LoadBalancedServiceOptions {
  readonly provider: AwsProvider;
  readonly kind: 'application' | 'network';
  readonly clusterArn: string;
  readonly vpcId: string;
  readonly subnetIds: string[];
  readonly loadBalancerSubnetIds: string[];
  readonly internal: boolean;
  readonly allowFromCidrs: string[];
  readonly listenerPort: number;
  readonly containerPort: number;
  readonly certificateArn?: string;
  readonly sslPolicy?: string;
  readonly healthCheckPath?: string;
  readonly serviceName: string;
  readonly containerName: string;
  readonly image: string;
  readonly cpu: number;
  readonly memoryLimitMiB: number;
  readonly cpuArchitecture?: string;
  readonly environment: Record<string, string>;
  readonly desiredCount: number;
  readonly tags: Record<string, string>;
  readonly description: string;
}

/** @internal */
export interface LoadBalancedServiceParts extends FargateServiceParts {
  readonly loadBalancer: Lb;
  readonly listener: LbListener;
  readonly targetGroup: LbTargetGroup;
  readonly loadBalancerSecurityGroup: SecurityGroup;
  readonly serviceSecurityGroup: SecurityGroup;
}

/** @internal */
export function loadBalancedService(scope: Construct, o: LoadBalancedServiceOptions): LoadBalancedServiceParts {
  const { provider, tags } = o;
  const lbSg = new SecurityGroup(scope, 'LoadBalancerSecurityGroup', {
    provider, vpcId: o.vpcId, description: `${o.description}: load balancer (port ${o.listenerPort} from allowed CIDRs)`, tags,
  });
  const svcSg = new SecurityGroup(scope, 'ServiceSecurityGroup', {
    provider, vpcId: o.vpcId, description: `${o.description}: tasks (port ${o.containerPort} from the load balancer)`, tags,
  });
  o.allowFromCidrs.forEach((cidr, i) => new VpcSecurityGroupIngressRule(scope, `LoadBalancerIngress${i + 1}`, {
    provider,
    securityGroupId: lbSg.id,
    ipProtocol: 'tcp',
    fromPort: o.listenerPort,
    toPort: o.listenerPort,
    cidrIpv4: cidr,
    description: `${o.description} clients`,
  }));
  new VpcSecurityGroupEgressRule(scope, 'LoadBalancerToTasks', {
    provider,
    securityGroupId: lbSg.id,
    ipProtocol: 'tcp',
    fromPort: o.containerPort,
    toPort: o.containerPort,
    referencedSecurityGroupId: svcSg.id,
    description: 'Load balancer to tasks (traffic and health checks)',
  });
  new VpcSecurityGroupIngressRule(scope, 'TasksFromLoadBalancer', {
    provider,
    securityGroupId: svcSg.id,
    ipProtocol: 'tcp',
    fromPort: o.containerPort,
    toPort: o.containerPort,
    referencedSecurityGroupId: lbSg.id,
    description: 'Load balancer to tasks (traffic and health checks)',
  });
  new VpcSecurityGroupEgressRule(scope, 'TasksEgress', {
    provider, securityGroupId: svcSg.id, ipProtocol: '-1', cidrIpv4: '0.0.0.0/0', description: 'All outbound',
  });
  const loadBalancer = new Lb(scope, 'LoadBalancer', {
    provider,
    loadBalancerType: o.kind,
    internal: o.internal,
    subnets: o.loadBalancerSubnetIds,
    securityGroups: [lbSg.id],
    dropInvalidHeaderFields: o.kind === 'application' ? true : undefined,
    enableCrossZoneLoadBalancing: o.kind === 'network' ? true : undefined,
    tags,
  });
  const targetGroup = new LbTargetGroup(scope, 'TargetGroup', {
    provider,
    vpcId: o.vpcId,
    targetType: 'ip',
    port: o.containerPort,
    protocol: o.kind === 'application' ? 'HTTP' : 'TCP',
    deregistrationDelay: o.kind === 'application' ? '30' : '60',
    healthCheck: o.kind === 'application'
      ? { enabled: true, path: o.healthCheckPath ?? '/health', matcher: '200', protocol: 'HTTP' }
      : { enabled: true, protocol: 'TCP' },
    tags,
  });
  const listener = new LbListener(scope, 'Listener', {
    provider,
    loadBalancerArn: loadBalancer.arn,
    port: o.listenerPort,
    protocol: o.kind === 'application' ? 'HTTPS' : 'TCP',
    certificateArn: o.certificateArn,
    sslPolicy: o.kind === 'application' ? (o.sslPolicy ?? 'ELBSecurityPolicy-TLS13-1-2-2021-06') : undefined,
    defaultAction: [{ type: 'forward', targetGroupArn: targetGroup.arn }],
    tags,
  });
  const parts = fargateService(scope, {
    provider,
    clusterArn: o.clusterArn,
    subnetIds: o.subnetIds,
    securityGroupIds: [svcSg.id],
    serviceName: o.serviceName,
    containerName: o.containerName,
    image: o.image,
    cpu: o.cpu,
    memoryLimitMiB: o.memoryLimitMiB,
    cpuArchitecture: o.cpuArchitecture,
    environment: o.environment,
    containerPort: o.containerPort,
    desiredCount: o.desiredCount,
    loadBalancer: { targetGroupArn: targetGroup.arn, containerPort: o.containerPort },
    dependsOn: [listener],
    tags,
    autoscaled: false,
  });
  return { ...parts, loadBalancer, listener, targetGroup, loadBalancerSecurityGroup: lbSg, serviceSecurityGroup: svcSg };
}

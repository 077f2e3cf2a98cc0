/** A Fargate service behind a load balancer: what the codec server (ALB, HTTPS) and the proxy (NLB, TCP) share. */
import { Construct } from 'constructs';
import { accessLogsBucket } from './access-logs';
import { fargateService } from './fargate';
import { CodecServerSettings } from '../../core/components/codec-server';
import { ProxySettings } from '../../core/components/proxy';
import {
  AwsProvider, Lb, LbListener, LbTargetGroup, SecurityGroup, VpcSecurityGroupEgressRule, VpcSecurityGroupIngressRule,
} from '../engine';
import { awsName } from '../util';

/** What the props of `TemporalCodecServer` and `TemporalProxy` share: a Fargate service behind a load balancer. */
export interface LoadBalancedServiceProps {
  /** The provider of the region. */
  readonly provider: AwsProvider;
  /** The ARN of the ECS cluster to run in. */
  readonly clusterArn: string;
  /** The VPC. */
  readonly vpcId: string;
  /** Private subnets with egress for the tasks (and for an internal load balancer). */
  readonly subnetIds: string[];
  /** Your image (`registry/repository:tag`; see the container contract of the construct). */
  readonly image: string;
  /** IPv4 CIDRs allowed to connect to the load balancer (the Workers' VPC; VPN and office networks for a codec server). */
  readonly allowFromCidrs: string[];
  /** Additional plain environment variables. Must not contain the variables the construct sets (its `*_ENV` constants). @default - none */
  readonly environment?: { [key: string]: string };
  /** The ECS service name (unique in the cluster). @default - derived from the construct path */
  readonly serviceName?: string;
  /** Tags for every resource. @default - none */
  readonly tags?: { [key: string]: string };
  /** The ARN of a customer-managed KMS key for the container log group (its key policy must let CloudWatch Logs use it). @default - CloudWatch Logs' own encryption */
  readonly logKmsKeyArn?: string;
  /** Deletion protection on the load balancer. @default false */
  readonly deletionProtection?: boolean;
  /** Versioning on the access-log bucket (codec server only). @default false */
  readonly accessLogsVersioned?: boolean;
}

/** @internal What differs between the codec server (an application load balancer) and the proxy (a network one). */
export type LoadBalancedServiceOptions = { readonly description: string; readonly loadBalancerSubnetIds?: string[] } & (
  | { readonly kind: 'application'; readonly settings: CodecServerSettings }
  | { readonly kind: 'network'; readonly settings: ProxySettings });

/** @internal The load balancer, its listener and target group, the security groups, and the service. */
export function loadBalancedService(scope: Construct, props: LoadBalancedServiceProps, o: LoadBalancedServiceOptions) {
  const { provider } = props;
  const tags = props.tags ?? {};
  const s = o.settings;
  const https = o.kind === 'application' ? o.settings : undefined;
  const tcp = (port: number) => ({ provider, ipProtocol: 'tcp', fromPort: port, toPort: port });
  const toTasks = 'Load balancer to tasks (traffic and health checks)';
  const lbSg = new SecurityGroup(scope, 'LoadBalancerSecurityGroup', {
    provider, vpcId: props.vpcId, description: `${o.description}: load balancer (port ${s.listenerPort} from allowed CIDRs)`, tags,
  });
  const svcSg = new SecurityGroup(scope, 'ServiceSecurityGroup', {
    provider, vpcId: props.vpcId, description: `${o.description}: tasks (port ${s.containerPort} from the load balancer)`, tags,
  });
  props.allowFromCidrs.forEach((cidr, i) => new VpcSecurityGroupIngressRule(scope, `LoadBalancerIngress${i + 1}`, {
    ...tcp(s.listenerPort), securityGroupId: lbSg.id, cidrIpv4: cidr, description: `${o.description} clients`,
  }));
  new VpcSecurityGroupEgressRule(scope, 'LoadBalancerToTasks', {
    ...tcp(s.containerPort), securityGroupId: lbSg.id, referencedSecurityGroupId: svcSg.id, description: toTasks,
  });
  new VpcSecurityGroupIngressRule(scope, 'TasksFromLoadBalancer', {
    ...tcp(s.containerPort), securityGroupId: svcSg.id, referencedSecurityGroupId: lbSg.id, description: toTasks,
  });
  new VpcSecurityGroupEgressRule(scope, 'TasksEgress', {
    provider, securityGroupId: svcSg.id, ipProtocol: '-1', cidrIpv4: '0.0.0.0/0', description: 'All outbound',
  });
  // The codec server's ALB writes access logs (as in the AWS CDK flavour); the proxy's NLB passes TCP through.
  const logs = https ? accessLogsBucket(scope, provider, https.accessLogsPrefix, tags, props.accessLogsVersioned ?? false) : undefined;
  const loadBalancer = new Lb(scope, 'LoadBalancer', {
    provider,
    accessLogs: logs?.accessLogs,
    dependsOn: logs?.dependsOn,
    loadBalancerType: o.kind,
    internal: !https?.internetFacing,
    subnets: o.loadBalancerSubnetIds ?? props.subnetIds,
    securityGroups: [lbSg.id],
    dropInvalidHeaderFields: https ? true : undefined,
    enableCrossZoneLoadBalancing: https ? undefined : true,
    enableDeletionProtection: props.deletionProtection ? true : undefined, // unset: off, as the AWS CDK flavour writes nothing
    tags,
  });
  const targetGroup = new LbTargetGroup(scope, 'TargetGroup', {
    provider,
    vpcId: props.vpcId,
    targetType: 'ip',
    port: s.containerPort,
    protocol: https ? 'HTTP' : 'TCP',
    deregistrationDelay: String(s.deregistrationDelaySeconds),
    healthCheck: https ? { enabled: true, path: https.healthCheckPath, matcher: '200', protocol: 'HTTP' } : { enabled: true, protocol: 'TCP' },
    tags,
  });
  const listener = new LbListener(scope, 'Listener', {
    provider,
    loadBalancerArn: loadBalancer.arn,
    port: s.listenerPort,
    protocol: https ? 'HTTPS' : 'TCP',
    certificateArn: https?.certificateArn,
    sslPolicy: https?.sslPolicy,
    defaultAction: [{ type: 'forward', targetGroupArn: targetGroup.arn }],
    tags,
  });
  // The service writes the resolved settings: container name and port, sizing, task count, log retention, environment.
  const parts = fargateService(scope, {
    ...s,
    provider,
    clusterArn: props.clusterArn,
    subnetIds: props.subnetIds,
    securityGroupIds: [svcSg.id],
    serviceName: props.serviceName ?? awsName([scope.node.path.split('/').slice(1).join('-')], 255),
    image: props.image,
    loadBalancer: { targetGroupArn: targetGroup.arn, containerPort: s.containerPort },
    dependsOn: [listener],
    tags,
    autoscaled: false,
    logKmsKeyArn: props.logKmsKeyArn,
  });
  return { ...parts, loadBalancer, listener, targetGroup, loadBalancerSecurityGroup: lbSg, serviceSecurityGroup: svcSg };
}

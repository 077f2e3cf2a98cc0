import { Construct } from 'constructs';
import {
  AWS_SERVICE_ENDPOINT_PORT, AWS_SERVICE_ENDPOINTS, AWS_SERVICE_ENDPOINTS_SECURITY_GROUP_DESCRIPTION, awsServiceEndpointName, AwsServiceEndpointSpec,
  ServiceEndpointType,
} from '../../core/components/network';
import { pascal } from '../../core/deployment-props';
import { AwsProvider, SecurityGroup, VpcEndpoint, VpcSecurityGroupIngressRule } from '../engine';

/** Construction properties of `TemporalAwsServiceEndpoints`. */
export interface TemporalAwsServiceEndpointsProps {
  /** The provider of the VPC's region. */
  readonly provider: AwsProvider;
  /** The AWS region (`us-east-1`): the endpoint services are `com.amazonaws.<region>.<service>`. */
  readonly awsRegion: string;
  /** The VPC (with DNS support and DNS hostnames on: private DNS needs them). */
  readonly vpcId: string;
  /** Subnets of the interface endpoints' network interfaces (one per Availability Zone). */
  readonly subnetIds: string[];
  /** Route tables of the subnets the tasks run in: where the gateway endpoints' routes go. */
  readonly routeTableIds: string[];
  /** IPv4 CIDRs allowed to reach the interface endpoints on HTTPS (the VPC's CIDR). */
  readonly allowFromCidrs: string[];
  /** The endpoints. @default - every endpoint of `AWS_SERVICE_ENDPOINTS` (ECR API and Docker, S3, CloudWatch Logs, Secrets Manager, STS) */
  readonly services?: AwsServiceEndpointSpec[];
  /** Tags for every resource. @default - none */
  readonly tags?: { [key: string]: string };
}

/**
 * The AWS service endpoints a VPC without internet egress needs for Fargate tasks and Lambda functions (the list and why each is needed:
 * `AWS_SERVICE_ENDPOINTS`): interface endpoints with private DNS on, in a security group admitting HTTPS from the given CIDRs, and gateway
 * endpoints (S3) in the given route tables.
 */
export class TemporalAwsServiceEndpoints extends Construct {
  /** The interface endpoints' security group. */
  public readonly securityGroup: SecurityGroup;
  /** The endpoints, by service short name (`ecr.api`, `s3`, ...). */
  public readonly endpoints: { [service: string]: VpcEndpoint } = {};

  constructor(scope: Construct, id: string, props: TemporalAwsServiceEndpointsProps) {
    super(scope, id);
    const { provider, vpcId } = props;
    const tags = props.tags ?? {};
    this.securityGroup = new SecurityGroup(this, 'SecurityGroup', { provider, vpcId, description: AWS_SERVICE_ENDPOINTS_SECURITY_GROUP_DESCRIPTION, tags });
    props.allowFromCidrs.forEach((cidr, i) => new VpcSecurityGroupIngressRule(this, `Ingress${i + 1}`, {
      provider,
      securityGroupId: this.securityGroup.id,
      ipProtocol: 'tcp',
      fromPort: AWS_SERVICE_ENDPOINT_PORT,
      toPort: AWS_SERVICE_ENDPOINT_PORT,
      cidrIpv4: cidr,
      description: 'HTTPS to the AWS service endpoints',
    }));
    for (const spec of props.services ?? AWS_SERVICE_ENDPOINTS) {
      const gateway = spec.type === ServiceEndpointType.GATEWAY;
      this.endpoints[spec.service] = new VpcEndpoint(this, pascal(spec.service), {
        provider,
        vpcId,
        serviceName: awsServiceEndpointName(props.awsRegion, spec.service),
        vpcEndpointType: spec.type,
        privateDnsEnabled: gateway ? undefined : true,
        subnetIds: gateway ? undefined : props.subnetIds,
        securityGroupIds: gateway ? undefined : [this.securityGroup.id],
        routeTableIds: gateway ? [...new Set(props.routeTableIds)] : undefined,
        tags: { ...tags, Name: `${this.node.path}/${spec.service}` },
      });
    }
  }
}

import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import {
  AWS_SERVICE_ENDPOINT_PORT, AWS_SERVICE_ENDPOINTS, AWS_SERVICE_ENDPOINTS_SECURITY_GROUP_DESCRIPTION, AwsServiceEndpointSpec, ServiceEndpointType,
} from '../../core/components/network';
import { pascal } from '../../core/deployment-props';

/** Construction properties of `TemporalAwsServiceEndpoints`. */
export interface TemporalAwsServiceEndpointsProps {
  /** The VPC (with DNS support and DNS hostnames on: private DNS needs them). */
  readonly vpc: ec2.IVpc;
  /** The endpoints. @default - every endpoint of `AWS_SERVICE_ENDPOINTS` (ECR API and Docker, S3, CloudWatch Logs, Secrets Manager, STS) */
  readonly services?: AwsServiceEndpointSpec[];
  /** Subnets of the interface endpoints' network interfaces (one per Availability Zone). @default - the VPC's private (else isolated) subnets */
  readonly subnets?: ec2.SubnetSelection;
  /** Subnets whose route tables get the gateway endpoints' routes (the subnets the tasks run in). @default - `subnets` */
  readonly routeSubnets?: ec2.SubnetSelection[];
  /** Peers allowed to reach the interface endpoints on HTTPS. @default - the VPC's IPv4 CIDR */
  readonly allowFrom?: ec2.IPeer[];
}

/**
 * The AWS service endpoints a VPC without internet egress needs for Fargate tasks and Lambda functions (the list and why each is needed:
 * `AWS_SERVICE_ENDPOINTS`): interface endpoints with private DNS on, in a security group admitting HTTPS from the VPC, and gateway endpoints (S3)
 * in the route tables of the given subnets.
 */
export class TemporalAwsServiceEndpoints extends Construct {
  /** The interface endpoints' security group (HTTPS from `allowFrom`). */
  public readonly securityGroup: ec2.SecurityGroup;
  /** The interface endpoints, by service short name (`ecr.api`, ...). */
  public readonly interfaceEndpoints: { [service: string]: ec2.InterfaceVpcEndpoint } = {};
  /** The gateway endpoints, by service short name (`s3`). */
  public readonly gatewayEndpoints: { [service: string]: ec2.GatewayVpcEndpoint } = {};

  constructor(scope: Construct, id: string, props: TemporalAwsServiceEndpointsProps) {
    super(scope, id);
    const { vpc } = props;
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc, description: AWS_SERVICE_ENDPOINTS_SECURITY_GROUP_DESCRIPTION, allowAllOutbound: false,
    });
    for (const peer of props.allowFrom ?? [ec2.Peer.ipv4(vpc.vpcCidrBlock)]) {
      this.securityGroup.addIngressRule(peer, ec2.Port.tcp(AWS_SERVICE_ENDPOINT_PORT), 'HTTPS to the AWS service endpoints');
    }
    const routeSubnets = props.routeSubnets ?? [props.subnets ?? {}];
    for (const spec of props.services ?? AWS_SERVICE_ENDPOINTS) {
      if (spec.type === ServiceEndpointType.GATEWAY) {
        this.gatewayEndpoints[spec.service] = new ec2.GatewayVpcEndpoint(this, pascal(spec.service), {
          vpc, service: new ec2.GatewayVpcEndpointAwsService(spec.service), subnets: routeSubnets,
        });
      } else {
        this.interfaceEndpoints[spec.service] = new ec2.InterfaceVpcEndpoint(this, pascal(spec.service), {
          vpc,
          service: new ec2.InterfaceVpcEndpointAwsService(spec.service, undefined, AWS_SERVICE_ENDPOINT_PORT),
          privateDnsEnabled: true,
          subnets: props.subnets,
          securityGroups: [this.securityGroup],
          open: false,
        });
      }
    }
  }
}

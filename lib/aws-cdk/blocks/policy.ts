import { Token, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { IConstruct } from 'constructs';

/**
 * Records, on a resource this library creates, why a cdk-nag AwsSolutions finding does not apply
 * by construction. Uses aws-cdk-lib's own acknowledgement metadata: inert unless the user runs the
 * pack, and visible in their validation report with the reason.
 */
export function acknowledgeByDesign(scope: IConstruct, ruleId: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: `AwsSolutions::${ruleId}`, reason });
}

/** When ingress defaults to the VPC's own CIDR as a CloudFormation reference, cdk-nag cannot read it. */
export function acknowledgeVpcCidrIngress(scope: IConstruct, vpc: ec2.IVpc, defaulted: boolean): void {
  if (defaulted && Token.isUnresolved(vpc.vpcCidrBlock)) {
    acknowledgeByDesign(scope, 'AwsSolutions-EC23',
      'Ingress is limited to the VPC\'s own CIDR, given as a CloudFormation reference that cdk-nag cannot evaluate; no 0.0.0.0/0 rule exists.');
  }
}

/** The reason plain environment variables are fine on containers this library writes. */
export const NON_SECRET_ENVIRONMENT = 'Plain environment variables hold only non-secret settings (addresses, namespace, TLS server name, ports, CORS origins); '
  + 'credentials are injected from Secrets Manager as container secrets.';

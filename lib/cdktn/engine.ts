/**
 * The engine of the CDK Terrain flavour (`temporal-ha-constructs/cdktn`): the ONLY file under lib/
 * that imports `cdktn` or `@cdktn/provider-aws`. Written by hand; every other file of lib/cdktn is
 * generated from lib/cdktf (projenrc/generate-cdktn.ts) and imports what it needs from here, so this
 * file exports the same names as lib/cdktf/engine.ts (test/cdktn/engine.test.ts checks it).
 *
 * - CDK Terrain (https://cdktn.io) is the community fork of CDK for Terraform, with the same module
 *   layout and class names (`cdktn` for `cdktf`, `@cdktn/provider-aws/lib/<resource>` for
 *   `@cdktf/provider-aws/lib/<resource>`).
 * - The AWS provider is imported one resource at a time, through deep per-resource paths, never
 *   through its root barrel (all ~2,400 resources). eslint enforces it (`no-restricted-imports`).
 * - Provider versions: @cdktn/provider-aws 25.7 is generated from the Terraform AWS provider 6.66.0,
 *   @cdktf/provider-aws 21.22.1 (the last release) from 6.25.0 (see `providerVersion` in each
 *   package's lib/provider). Between the two, no argument or attribute the library sets or reads was
 *   removed or renamed (class names included: `VpcPeeringConnectionAccepterA` and
 *   `S3BucketServerSideEncryptionConfigurationA` in both), so every export below is the provider's
 *   class as is; an engine difference would get its adapter here, under the same exported name.
 */

// --- The engine ------------------------------------------------------------------------------
export { Annotations, App, DataResource, Fn, Op, TerraformOutput, TerraformStack, Token } from 'cdktn';
export type { ITerraformDependable } from 'cdktn';

// --- The AWS provider, one resource per import -----------------------------------------------
export { AwsProvider } from '@cdktn/provider-aws/lib/provider';

// Networking
export { DataAwsAvailabilityZones } from '@cdktn/provider-aws/lib/data-aws-availability-zones';
export { Eip } from '@cdktn/provider-aws/lib/eip';
export { FlowLog } from '@cdktn/provider-aws/lib/flow-log';
export { InternetGateway } from '@cdktn/provider-aws/lib/internet-gateway';
export { NatGateway } from '@cdktn/provider-aws/lib/nat-gateway';
export { Route } from '@cdktn/provider-aws/lib/route';
export { RouteTable } from '@cdktn/provider-aws/lib/route-table';
export { RouteTableAssociation } from '@cdktn/provider-aws/lib/route-table-association';
export { SecurityGroup } from '@cdktn/provider-aws/lib/security-group';
export { Subnet } from '@cdktn/provider-aws/lib/subnet';
export { Vpc } from '@cdktn/provider-aws/lib/vpc';
export { VpcEndpoint } from '@cdktn/provider-aws/lib/vpc-endpoint';
export { VpcPeeringConnection } from '@cdktn/provider-aws/lib/vpc-peering-connection';
export { VpcPeeringConnectionAccepterA as VpcPeeringConnectionAccepter } from '@cdktn/provider-aws/lib/vpc-peering-connection-accepter';
export { VpcSecurityGroupEgressRule } from '@cdktn/provider-aws/lib/vpc-security-group-egress-rule';
export { VpcSecurityGroupIngressRule } from '@cdktn/provider-aws/lib/vpc-security-group-ingress-rule';

// DNS, certificates and health checks
export { AcmCertificate } from '@cdktn/provider-aws/lib/acm-certificate';
export { AcmCertificateValidation } from '@cdktn/provider-aws/lib/acm-certificate-validation';
export { CloudwatchMetricAlarm } from '@cdktn/provider-aws/lib/cloudwatch-metric-alarm';
export { Route53HealthCheck } from '@cdktn/provider-aws/lib/route53-health-check';
export { Route53Record } from '@cdktn/provider-aws/lib/route53-record';
export { Route53Zone } from '@cdktn/provider-aws/lib/route53-zone';

// Compute, load balancing, logs, identity, secrets
export { AppautoscalingPolicy } from '@cdktn/provider-aws/lib/appautoscaling-policy';
export { AppautoscalingTarget } from '@cdktn/provider-aws/lib/appautoscaling-target';
export { CloudwatchLogGroup } from '@cdktn/provider-aws/lib/cloudwatch-log-group';
export { DataAwsSecretsmanagerSecret } from '@cdktn/provider-aws/lib/data-aws-secretsmanager-secret';
export { EcsCluster } from '@cdktn/provider-aws/lib/ecs-cluster';
export { EcsService } from '@cdktn/provider-aws/lib/ecs-service';
export { EcsTaskDefinition } from '@cdktn/provider-aws/lib/ecs-task-definition';
export { IamRole } from '@cdktn/provider-aws/lib/iam-role';
export { IamRolePolicy } from '@cdktn/provider-aws/lib/iam-role-policy';
export { IamRolePolicyAttachment } from '@cdktn/provider-aws/lib/iam-role-policy-attachment';
export { KmsKey } from '@cdktn/provider-aws/lib/kms-key';
export { LambdaAlias } from '@cdktn/provider-aws/lib/lambda-alias';
export { LambdaFunction } from '@cdktn/provider-aws/lib/lambda-function';
export { Lb } from '@cdktn/provider-aws/lib/lb';
export { LbListener } from '@cdktn/provider-aws/lib/lb-listener';
export { LbTargetGroup } from '@cdktn/provider-aws/lib/lb-target-group';
export { DataAwsCallerIdentity } from '@cdktn/provider-aws/lib/data-aws-caller-identity';
export { DataAwsElbServiceAccount } from '@cdktn/provider-aws/lib/data-aws-elb-service-account';
export { S3Bucket } from '@cdktn/provider-aws/lib/s3-bucket';
export { S3BucketOwnershipControls } from '@cdktn/provider-aws/lib/s3-bucket-ownership-controls';
export { S3BucketPolicy } from '@cdktn/provider-aws/lib/s3-bucket-policy';
export { S3BucketPublicAccessBlock } from '@cdktn/provider-aws/lib/s3-bucket-public-access-block';
export { S3BucketServerSideEncryptionConfigurationA as S3BucketServerSideEncryption } from '@cdktn/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
export { S3BucketVersioningA as S3BucketVersioning } from '@cdktn/provider-aws/lib/s3-bucket-versioning';
export { SqsQueue } from '@cdktn/provider-aws/lib/sqs-queue';
export { SqsQueuePolicy } from '@cdktn/provider-aws/lib/sqs-queue-policy';
export { DataAwsPartition } from '@cdktn/provider-aws/lib/data-aws-partition';

// The failover state and runbooks (Systems Manager)
export { DataAwsSsmParameter } from '@cdktn/provider-aws/lib/data-aws-ssm-parameter';
export { SsmDocument } from '@cdktn/provider-aws/lib/ssm-document';
export { SsmParameter } from '@cdktn/provider-aws/lib/ssm-parameter';

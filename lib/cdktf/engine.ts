/**
 * The engine of the CDK for Terraform flavour: the ONLY file under lib/ that imports `cdktf` or
 * `@cdktf/provider-aws`; every other file of lib/cdktf imports what it needs from here.
 *
 * - The AWS provider is imported one resource at a time, through deep per-resource paths
 *   (`@cdktf/provider-aws/lib/vpc`), never through its root barrel, which loads all ~1,500 resources
 *   (about 3.5 s and 550 MB). eslint enforces it (`no-restricted-imports`).
 * - CDK for Terraform (deprecated upstream in December 2025) continues as the community fork CDK
 *   Terrain (`cdktn`, `@cdktn/provider-aws`) with the same module layout and class names: moving to it
 *   means renaming the packages imported below (and the peer dependencies in package.json).
 */

// --- The engine ------------------------------------------------------------------------------
export { Annotations, App, DataResource, Fn, Op, TerraformOutput, TerraformStack, Token } from 'cdktf';
export type { ITerraformDependable } from 'cdktf';

// --- The AWS provider, one resource per import -----------------------------------------------
export { AwsProvider } from '@cdktf/provider-aws/lib/provider';

// Networking
export { DataAwsAvailabilityZones } from '@cdktf/provider-aws/lib/data-aws-availability-zones';
export { Eip } from '@cdktf/provider-aws/lib/eip';
export { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
export { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
export { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
export { Route } from '@cdktf/provider-aws/lib/route';
export { RouteTable } from '@cdktf/provider-aws/lib/route-table';
export { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
export { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
export { Subnet } from '@cdktf/provider-aws/lib/subnet';
export { Vpc } from '@cdktf/provider-aws/lib/vpc';
export { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
export { VpcPeeringConnection } from '@cdktf/provider-aws/lib/vpc-peering-connection';
export { VpcPeeringConnectionAccepterA as VpcPeeringConnectionAccepter } from '@cdktf/provider-aws/lib/vpc-peering-connection-accepter';
export { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
export { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';

// DNS, certificates and health checks
export { AcmCertificate } from '@cdktf/provider-aws/lib/acm-certificate';
export { AcmCertificateValidation } from '@cdktf/provider-aws/lib/acm-certificate-validation';
export { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
export { Route53HealthCheck } from '@cdktf/provider-aws/lib/route53-health-check';
export { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
export { Route53Zone } from '@cdktf/provider-aws/lib/route53-zone';

// Compute, load balancing, logs, identity, secrets
export { AppautoscalingPolicy } from '@cdktf/provider-aws/lib/appautoscaling-policy';
export { AppautoscalingTarget } from '@cdktf/provider-aws/lib/appautoscaling-target';
export { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
export { DataAwsSecretsmanagerSecret } from '@cdktf/provider-aws/lib/data-aws-secretsmanager-secret';
export { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster';
export { EcsService } from '@cdktf/provider-aws/lib/ecs-service';
export { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
export { IamRole } from '@cdktf/provider-aws/lib/iam-role';
export { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
export { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
export { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
export { LambdaAlias } from '@cdktf/provider-aws/lib/lambda-alias';
export { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
export { Lb } from '@cdktf/provider-aws/lib/lb';
export { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
export { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
export { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
export { DataAwsElbServiceAccount } from '@cdktf/provider-aws/lib/data-aws-elb-service-account';
export { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
export { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
export { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
export { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
export { S3BucketServerSideEncryptionConfigurationA as S3BucketServerSideEncryption } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
export { S3BucketVersioningA as S3BucketVersioning } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
export { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
export { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy';
export { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';

// The failover state and runbooks (Systems Manager)
export { DataAwsSsmParameter } from '@cdktf/provider-aws/lib/data-aws-ssm-parameter';
export { SsmDocument } from '@cdktf/provider-aws/lib/ssm-document';
export { SsmParameter } from '@cdktf/provider-aws/lib/ssm-parameter';

/**
 * The S3 bucket an Application Load Balancer writes its access logs to, as the AWS CDK flavour's `logAccessLogs` does: SSE-S3 (the only encryption
 * ELB log delivery supports), public access blocked, objects owned by the bucket owner, TLS-only, and writable only by Elastic Load Balancing for
 * this account's logs under the prefix. Sources: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html
 */
import { Construct } from 'constructs';
import {
  AwsProvider, DataAwsCallerIdentity, DataAwsElbServiceAccount, S3Bucket, S3BucketOwnershipControls, S3BucketPolicy,
  S3BucketPublicAccessBlock, S3BucketServerSideEncryption, S3BucketVersioning,
} from '../engine';
import { policyDocument } from '../util';

/** Creates the bucket and its policy; returns what the load balancer's `access_logs` block takes. */
export function accessLogsBucket(scope: Construct, provider: AwsProvider, prefix: string, tags: Record<string, string>, versioned: boolean) {
  const bucket = new S3Bucket(scope, 'AccessLogs', { provider, bucketPrefix: 'temporal-lb-logs-', tags });
  if (versioned) new S3BucketVersioning(scope, 'AccessLogsVersioning', { provider, bucket: bucket.id, versioningConfiguration: { status: 'Enabled' } });
  new S3BucketPublicAccessBlock(scope, 'AccessLogsPublicAccessBlock', {
    provider, bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true,
  });
  new S3BucketOwnershipControls(scope, 'AccessLogsOwnership', { provider, bucket: bucket.id, rule: { objectOwnership: 'BucketOwnerEnforced' } });
  new S3BucketServerSideEncryption(scope, 'AccessLogsEncryption', {
    provider, bucket: bucket.id, rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }],
  });
  const account = new DataAwsCallerIdentity(scope, 'AccessLogsAccount', { provider });
  // Regions opened before August 2022 deliver from a regional ELB account; newer ones from the service principal.
  const elb = new DataAwsElbServiceAccount(scope, 'AccessLogsWriter', { provider });
  const objects = `${bucket.arn}/${prefix}/AWSLogs/${account.accountId}/*`;
  const policy = new S3BucketPolicy(scope, 'AccessLogsPolicy', {
    provider,
    bucket: bucket.id,
    policy: policyDocument([
      { Sid: 'ElbAccountWrites', Effect: 'Allow', Principal: { AWS: elb.arn }, Action: 's3:PutObject', Resource: objects },
      { Sid: 'ElbServiceWrites', Effect: 'Allow', Principal: { Service: 'logdelivery.elasticloadbalancing.amazonaws.com' }, Action: 's3:PutObject', Resource: objects },
      {
        Sid: 'TlsOnly',
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: 's3:*',
        Resource: [bucket.arn, `${bucket.arn}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ]),
  });
  return { accessLogs: { bucket: bucket.id, prefix, enabled: true }, dependsOn: [policy] };
}

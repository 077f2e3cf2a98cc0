/**
 * The customer-managed KMS key of one region's log groups (hardened profile), as the AWS CDK flavour creates it: the account administers the key
 * (the default key policy), and CloudWatch Logs in the region may use it for this account's log groups only
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html). Internal to the renderer.
 */
import { Construct } from 'constructs';
import type { LogKeySettings } from '../../core/components/hardening';
import { AwsProvider, DataAwsCallerIdentity, DataAwsPartition, KmsKey } from '../engine';
import { policyDocument } from '../util';

/** @internal */
export function logEncryptionKey(scope: Construct, id: string, provider: AwsProvider, s: LogKeySettings, tags: Record<string, string>): KmsKey {
  const account = new DataAwsCallerIdentity(scope, `${id}Account`, { provider }).accountId;
  const partition = new DataAwsPartition(scope, `${id}Partition`, { provider }).partition;
  return new KmsKey(scope, id, {
    provider,
    description: s.description,
    enableKeyRotation: s.enableKeyRotation,
    deletionWindowInDays: s.pendingWindowDays,
    policy: policyDocument([
      { Sid: 'AccountAdministers', Effect: 'Allow', Principal: { AWS: `arn:${partition}:iam::${account}:root` }, Action: 'kms:*', Resource: '*' },
      {
        Sid: 'CloudWatchLogsEncrypts',
        Effect: 'Allow',
        Principal: { Service: s.logsServicePrincipal },
        Action: [...s.logsActions],
        Resource: '*',
        Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${partition}:logs:${provider.region}:${account}:log-group:*` } },
      },
    ]),
    tags,
  });
}

import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import type { LogKeySettings } from '../../core/components/hardening';

/**
 * @internal The customer-managed KMS key of one region's log groups (hardened profile), with the key policy statement CloudWatch Logs needs,
 * scoped to this account's log groups in the region (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html).
 */
export function logEncryptionKey(scope: Construct, id: string, s: LogKeySettings): kms.Key {
  const key = new kms.Key(scope, id, {
    enableKeyRotation: s.enableKeyRotation,
    pendingWindow: Duration.days(s.pendingWindowDays),
    description: s.description,
  });
  const stack = Stack.of(key);
  key.addToResourcePolicy(new iam.PolicyStatement({
    principals: [new iam.ServicePrincipal(s.logsServicePrincipal)],
    actions: [...s.logsActions],
    resources: ['*'], // in a key policy, `*` is the key itself
    conditions: {
      ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${stack.partition}:logs:${stack.region}:${stack.account}:log-group:*` },
    },
  }));
  return key;
}

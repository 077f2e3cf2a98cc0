/**
 * The hardened profile (`hardened: true`): what changes in one region so that the deployment passes cdk-nag's NIST 800-53 R5 pack
 * (https://github.com/cdklabs/cdk-nag/blob/main/RULES.md#nist-800-53-rev-5), written once here; both engines emit what `regionHardening` says.
 * Findings that stay by design are acknowledged, with reasons, by the AWS CDK flavour's `TemporalHaNagFindings.HARDENED`.
 */
import type { DeploymentPlan, RegionPlan } from '../plan';

/** The customer-managed KMS key of a region's log groups (one per region and deployment). */
export interface LogKeySettings {
  /** Yearly automatic rotation (NIST.800.53.R5-KMSBackingKeyRotationEnabled). */
  readonly enableKeyRotation: boolean;
  /** Days KMS waits before deleting the key once scheduled (7 to 30). */
  readonly pendingWindowDays: number;
  /** The key's description. */
  readonly description: string;
  /**
   * The service principal that encrypts log events with the key: CloudWatch Logs in the region,
   * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html (the key policy must allow `logs.<region>.amazonaws.com`).
   */
  readonly logsServicePrincipal: string;
  /** The key actions CloudWatch Logs needs (same page). */
  readonly logsActions: readonly string[];
}

/** Serverless Worker functions under the hardened profile. */
export interface HardenedFunctionSettings {
  /**
   * Reserved concurrency (NIST.800.53.R5-LambdaConcurrency): caps the function, and keeps that many executions for it. The account keeps at least
   * 100 unreserved executions per region, https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html.
   */
  readonly reservedConcurrency: number;
  /** Days an asynchronous invocation that failed every retry stays in the dead-letter queue (NIST.800.53.R5-LambdaDLQ). */
  readonly deadLetterRetentionDays: number;
}

/** One region's hardening, as both engines emit it. Undefined settings: not hardened. */
export interface HardeningSettings {
  /** A customer-managed key for every log group of the region (NIST.800.53.R5-CloudWatchLogGroupEncrypted). */
  readonly logKey?: LogKeySettings;
  /** Deletion protection on the codec server's and proxy's load balancers (NIST.800.53.R5-ELBDeletionProtectionEnabled). */
  readonly loadBalancerDeletionProtection: boolean;
  /** Versioning on the access-log bucket the construct creates (NIST.800.53.R5-S3BucketVersioningEnabled). */
  readonly accessLogsBucketVersioning: boolean;
  /** Serverless Worker functions: reserved concurrency and a dead-letter queue. */
  readonly functions?: HardenedFunctionSettings;
  /**
   * Whether the public subnets of a VPC the construct creates give instances public IPs on launch (NIST.800.53.R5-VPCSubnetAutoAssignPublicIpDisabled).
   * Nothing the construct runs there needs one: NAT gateways have Elastic IPs, load balancers their own addresses. Undefined: the engine's default
   * (AWS CDK: on; the cdktf flavour's VPC never assigns them).
   */
  readonly publicSubnetsMapPublicIp?: boolean;
}

/** The defaults of the hardened profile. */
export const HARDENING_DEFAULTS = {
  logKeyPendingWindowDays: 30,
  functionReservedConcurrency: 100,
  /** SQS's longest retention. */
  deadLetterRetentionDays: 14,
} as const;

/** The profile off: what every engine emits by default. */
export const NOT_HARDENED: HardeningSettings = { loadBalancerDeletionProtection: false, accessLogsBucketVersioning: false };

/** Whether a request asks for the hardened profile. */
export function hardenedOf(plan: DeploymentPlan): boolean {
  return plan.request.hardened === true;
}

/** The hardening of one region of a plan. */
export function regionHardening(plan: DeploymentPlan, region: RegionPlan): HardeningSettings {
  if (!hardenedOf(plan)) return NOT_HARDENED;
  return {
    logKey: {
      enableKeyRotation: true,
      pendingWindowDays: HARDENING_DEFAULTS.logKeyPendingWindowDays,
      description: `Encrypts the log groups of ${plan.constructPath} in ${region.awsRegion} (temporal-ha-constructs hardened profile)`,
      logsServicePrincipal: `logs.${region.awsRegion}.amazonaws.com`,
      logsActions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
    },
    loadBalancerDeletionProtection: true,
    accessLogsBucketVersioning: true,
    publicSubnetsMapPublicIp: false,
    functions: region.functions.length > 0 ? {
      reservedConcurrency: HARDENING_DEFAULTS.functionReservedConcurrency,
      deadLetterRetentionDays: HARDENING_DEFAULTS.deadLetterRetentionDays,
    } : undefined,
  };
}

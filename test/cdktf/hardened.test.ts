/**
 * The hardened profile (`hardened: true`) in the CDK for Terraform flavour: the same settings as the AWS CDK flavour (whose output cdk-nag's
 * NIST 800-53 R5 pack checks in test/examples/hardened.test.ts), read from the Terraform JSON: a rotated customer-managed key per region on every
 * log group, deletion protection on the load balancers, a versioned access-log bucket, and serverless Workers with reserved concurrency and a
 * dead-letter queue. Execution roles are scoped (no AWS-managed task execution policy).
 */
import * as path from 'path';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { newStack, referenced, resourcesOf, synthStack, TfJson } from './support';
import * as cdk from '../../lib';
import {
  ActiveHotDeployment, Connectivity, PollerForwarding, ServerlessWorkerCode, ServerlessWorkers, TemporalCredentials, WorkerEgress,
} from '../../lib/cdktf';
import { HARDENING_DEFAULTS } from '../../lib/core/components/hardening';
import { DeploymentPlan } from '../../lib/core/plan';
import { cdkApp, templatesOf } from '../parity/cdk-scenarios';
import { settingsFromCloudFormation, settingsFromPlan, settingsFromTerraform } from '../parity/settings';

const NAMESPACE = { name: 'payments', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2' };
const CERTS = {
  'us-east-1': 'arn:aws:acm:us-east-1:111111111111:certificate/11111111-1111-1111-1111-111111111111',
  'us-west-2': 'arn:aws:acm:us-west-2:111111111111:certificate/22222222-2222-2222-2222-222222222222',
};

function hot(hardened: boolean): TfJson {
  return hotDeployment(hardened).json;
}

function hotDeployment(hardened: boolean): { json: TfJson; plan: DeploymentPlan } {
  const stack = newStack();
  const d = new ActiveHotDeployment(stack, 'Payments', {
    namespace: { ...NAMESPACE, pollerForwarding: PollerForwarding.DISABLED },
    hardened,
    credentials: TemporalCredentials.apiKeyFromSecretName('temporal/payments/api-key'),
    connectivity: Connectivity.privateLink(),
    egress: WorkerEgress.VPC_ENDPOINTS,
    workers: { image: 'ghcr.io/acme/payments-worker:1.4.2' },
    codecServer: { image: 'ghcr.io/acme/payments-codec:1.4.2', certificateArns: CERTS },
    acknowledgeWarnings: { TEMPORAL_CODEC_DOMAIN: 'a test of the hardened settings: the codec server is reached at its load balancer name' },
    proxy: { image: 'ghcr.io/acme/payments-proxy:1.4.2' },
  });
  return { json: synthStack(stack), plan: d._plan };
}

function serverless(hardened: boolean): TfJson {
  return serverlessDeployment(hardened).json;
}

function serverlessDeployment(hardened: boolean): { json: TfJson; plan: DeploymentPlan } {
  const stack = newStack();
  const d = new ServerlessWorkers(stack, 'Billing', {
    namespace: { ...NAMESPACE, name: 'billing' },
    hardened,
    connectivity: Connectivity.privateLink(),
    credentials: TemporalCredentials.apiKeyFromSecretName('temporal/billing/api-key'),
    serverlessWorkers: {
      code: {
        'us-east-1': ServerlessWorkerCode.fromImage('111111111111.dkr.ecr.us-east-1.amazonaws.com/billing:1'),
        'us-west-2': ServerlessWorkerCode.fromImage('111111111111.dkr.ecr.us-west-2.amazonaws.com/billing:1'),
      },
      buildId: 'billing-1',
      externalId: 'billing-external-id',
    },
  });
  return { json: synthStack(stack), plan: d._plan };
}

/** The same two deployments in the AWS CDK flavour (an app each), as CloudFormation templates by region. */
function cloudFormation() {
  const app = cdkApp();
  const fnApp = cdkApp();
  const image = (name: string) => ecs.ContainerImage.fromRegistry(name);
  new cdk.ActiveHotDeployment(app, 'Payments', {
    namespace: { ...NAMESPACE, pollerForwarding: cdk.PollerForwarding.DISABLED },
    hardened: true,
    credentials: cdk.TemporalCredentials.apiKeyFromSecretName('temporal/payments/api-key'),
    connectivity: cdk.Connectivity.privateLink(),
    egress: cdk.WorkerEgress.VPC_ENDPOINTS,
    workers: { image: image('ghcr.io/acme/payments-worker:1.4.2') },
    codecServer: { image: image('ghcr.io/acme/payments-codec:1.4.2'), certificateArns: CERTS },
    acknowledgeWarnings: { TEMPORAL_CODEC_DOMAIN: 'a test of the hardened settings: the codec server is reached at its load balancer name' },
    proxy: { image: image('ghcr.io/acme/payments-proxy:1.4.2') },
  });
  new cdk.ServerlessWorkers(fnApp, 'Billing', {
    namespace: { ...NAMESPACE, name: 'billing' },
    hardened: true,
    connectivity: cdk.Connectivity.privateLink(),
    credentials: cdk.TemporalCredentials.apiKeyFromSecretName('temporal/billing/api-key'),
    serverlessWorkers: {
      codePath: path.join(__dirname, '..', '..', 'examples', 'serverless', 'worker'), buildId: 'billing-1', externalId: 'billing-external-id',
    },
  });
  return [templatesOf(app), templatesOf(fnApp)];
}

describe('hardened: true (cdktf)', () => {
  const json = hot(true);

  test.each(['us-east-1', 'us-west-2'])('%s: one rotated customer-managed key that CloudWatch Logs in the region may use, on every log group', (region) => {
    const keys = resourcesOf(json, 'aws_kms_key').filter((k) => k.region === region);
    expect(keys).toHaveLength(1);
    const key = keys[0];
    expect(key.body).toEqual(expect.objectContaining({
      enable_key_rotation: true, deletion_window_in_days: HARDENING_DEFAULTS.logKeyPendingWindowDays,
    }));
    const policy = JSON.parse(key.body.policy);
    expect(policy.Statement).toEqual(expect.arrayContaining([
      expect.objectContaining({ Principal: { AWS: expect.stringContaining(':root') }, Action: 'kms:*' }),
      expect.objectContaining({ Principal: { Service: `logs.${region}.amazonaws.com` }, Action: expect.arrayContaining(['kms:GenerateDataKey*']) }),
    ]));
    const groups = resourcesOf(json, 'aws_cloudwatch_log_group').filter((g) => g.region === region);
    expect(groups.length).toBeGreaterThanOrEqual(4); // flow logs, Workers, codec server, proxy
    for (const g of groups) expect({ group: g.name, key: referenced(g.body.kms_key_id, 'aws_kms_key') }).toEqual({ group: g.name, key: key.name });
  });

  test('every load balancer is deletion-protected; the access-log bucket is versioned', () => {
    const lbs = resourcesOf(json, 'aws_lb');
    expect(lbs).toHaveLength(4); // codec server (ALB) and proxy (NLB) in each region
    for (const lb of lbs) expect(lb.body.enable_deletion_protection).toBe(true);
    const buckets = resourcesOf(json, 'aws_s3_bucket');
    const versioning = resourcesOf(json, 'aws_s3_bucket_versioning');
    expect(versioning.map((v) => v.body.versioning_configuration)).toEqual(buckets.map(() => ({ status: 'Enabled' })));
    expect(versioning.map((v) => referenced(v.body.bucket, 'aws_s3_bucket')).sort()).toEqual(buckets.map((b) => b.name).sort());
  });

  test('the VPCs are isolated (no internet gateway, NAT or public subnet), and execution roles carry no AWS-managed policy', () => {
    for (const type of ['aws_internet_gateway', 'aws_nat_gateway', 'aws_eip']) expect(resourcesOf(json, type)).toEqual([]);
    for (const s of resourcesOf(json, 'aws_subnet')) expect(s.body.map_public_ip_on_launch).not.toBe(true);
    expect(resourcesOf(json, 'aws_iam_role_policy_attachment')).toEqual([]);
  });

  test('serverless Workers: reserved concurrency, an encrypted TLS-only dead-letter queue the function may write to, logs on the key', () => {
    const fns = serverless(true);
    const functions = resourcesOf(fns, 'aws_lambda_function');
    expect(functions).toHaveLength(2);
    for (const fn of functions) {
      expect(fn.body.reserved_concurrent_executions).toBe(HARDENING_DEFAULTS.functionReservedConcurrency);
      expect(fn.body.vpc_config).toBeDefined();
      const queue = referenced(fn.body.dead_letter_config.target_arn, 'aws_sqs_queue');
      const q = resourcesOf(fns, 'aws_sqs_queue').find((x) => x.name === queue)!;
      expect(q.body).toEqual(expect.objectContaining({
        message_retention_seconds: HARDENING_DEFAULTS.deadLetterRetentionDays * 86400, sqs_managed_sse_enabled: true,
      }));
      const role = referenced(fn.body.role, 'aws_iam_role');
      const policy = resourcesOf(fns, 'aws_iam_role_policy').find((p) => referenced(p.body.role, 'aws_iam_role') === role)!;
      expect(JSON.parse(policy.body.policy).Statement).toContainEqual({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: `\${aws_sqs_queue.${queue}.arn}` });
    }
    expect(resourcesOf(fns, 'aws_sqs_queue_policy').map((p) => JSON.parse(p.body.policy).Statement[0].Condition)).toEqual(
      [{ Bool: { 'aws:SecureTransport': 'false' } }, { Bool: { 'aws:SecureTransport': 'false' } }]);
    for (const g of resourcesOf(fns, 'aws_cloudwatch_log_group')) expect(referenced(g.body.kms_key_id, 'aws_kms_key')).toBeDefined();
  });

  test('by default none of it: no key, no deletion protection, no versioning, no dead-letter queue or reserved concurrency', () => {
    const plain = hot(false);
    expect(resourcesOf(plain, 'aws_kms_key')).toEqual([]);
    for (const g of resourcesOf(plain, 'aws_cloudwatch_log_group')) expect(g.body.kms_key_id).toBeUndefined();
    for (const lb of resourcesOf(plain, 'aws_lb')) expect(lb.body.enable_deletion_protection).toBeUndefined();
    expect(resourcesOf(plain, 'aws_s3_bucket_versioning')).toEqual([]);
    const fns = serverless(false);
    expect(resourcesOf(fns, 'aws_sqs_queue')).toEqual([]);
    for (const fn of resourcesOf(fns, 'aws_lambda_function')) {
      expect(fn.body.reserved_concurrent_executions).toBeUndefined();
      expect(fn.body.dead_letter_config).toBeUndefined();
    }
  });

  test('settings parity: the plan, the Terraform JSON and the CloudFormation (AWS CDK flavour) say the same hardening', () => {
    const h = hotDeployment(true);
    const f = serverlessDeployment(true);
    const planned = [...settingsFromPlan(h.plan).hardening, ...settingsFromPlan(f.plan).hardening].sort();
    expect(planned).toEqual(expect.arrayContaining([
      'us-east-1 logKeys=1 rotation=true window=30 logGroups=all encrypted',
      'us-east-1 application deletionProtection=true',
      'us-east-1 network deletionProtection=true',
      `us-east-1 function billing.a1b2c reserved=${HARDENING_DEFAULTS.functionReservedConcurrency} deadLetter=${HARDENING_DEFAULTS.deadLetterRetentionDays}`,
    ]));
    // The two deployments share each region's log group lines in one app: compare the distinct lines.
    const distinct = (xs: string[]) => [...new Set(xs)].sort();
    expect(distinct([...settingsFromTerraform(h.json).hardening, ...settingsFromTerraform(f.json).hardening])).toEqual(distinct(planned));
    expect(distinct(cloudFormation().flatMap((t) => settingsFromCloudFormation(t).hardening))).toEqual(distinct(planned));
  });
});

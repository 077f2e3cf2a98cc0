/**
 * Validation in the CDK for Terraform flavour: the same bad input fails the same way as in the AWS
 * CDK flavour (one TemporalHaValidationError at construction, same rule ids, prop = value and fix),
 * the stack-level validation re-checks at synth, and warnings are acknowledged by id with a reason.
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Testing } from 'cdktf';
import { errorOf, newStack, synthStack } from './support';
import {
  ActiveActiveDeployment,
  ActiveColdDeployment,
  ActiveColdDeploymentProps,
  ActiveHotDeployment,
  ActiveHotDeploymentProps,
  Connectivity,
  CrossRegionRoute,
  EndpointKind,
  PollerForwarding,
  ServerlessWorkerCode,
  ServerlessWorkers,
  TemporalCredentials,
  TemporalHaValidationError,
} from '../../lib/cdktf';

const CERTS = {
  'us-east-1': 'arn:aws:acm:us-east-1:111111111111:certificate/11111111-1111-1111-1111-111111111111',
  'us-west-2': 'arn:aws:acm:us-west-2:111111111111:certificate/22222222-2222-2222-2222-222222222222',
};
const NAMESPACE = { name: 'orders', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2' };

function hotProps(overrides: Partial<ActiveHotDeploymentProps> = {}): ActiveHotDeploymentProps {
  return {
    namespace: { ...NAMESPACE, pollerForwarding: PollerForwarding.DISABLED },
    credentials: TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
    connectivity: Connectivity.privateLink(),
    workers: { image: 'ghcr.io/acme/orders-worker:1.0.0' },
    codecServer: { image: 'ghcr.io/acme/codec:1.0.0', certificateArns: CERTS },
    ...overrides,
  };
}

function coldProps(overrides: Partial<ActiveColdDeploymentProps> = {}): ActiveColdDeploymentProps {
  return {
    namespace: NAMESPACE,
    credentials: TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
    connectivity: Connectivity.privateLink(),
    workers: { image: 'ghcr.io/acme/orders-worker:1.0.0' },
    ...overrides,
  };
}

const existingVpc = (cidrBlock: string) => ({
  vpcId: 'vpc-0123', cidrBlock, privateSubnetIds: ['subnet-a', 'subnet-b'], privateRouteTableIds: ['rtb-a', 'rtb-b'],
});

type Case = [string, () => unknown, string, string];

const CASES: Case[] = [
  ['Active/Hot on the Namespace Endpoint', () => new ActiveHotDeployment(newStack(), 'Orders', hotProps({ endpoint: EndpointKind.NAMESPACE })),
    'TEMPORAL_HOT_REGIONAL_ENDPOINT', 'endpoint = EndpointKind.NAMESPACE'],
  ['Active/Hot with forwarding enabled', () => new ActiveHotDeployment(newStack(), 'Orders', hotProps({ namespace: { ...NAMESPACE, pollerForwarding: PollerForwarding.ENABLED } })),
    'TEMPORAL_HOT_FORWARDING_DISABLED', 'namespace.pollerForwarding = PollerForwarding.ENABLED'],
  ['an unknown region', () => new ActiveHotDeployment(newStack(), 'Orders', hotProps({ namespace: { ...NAMESPACE, replicaRegion: 'us-west-9', pollerForwarding: PollerForwarding.DISABLED } })),
    'TEMPORAL_REGION_UNKNOWN', "namespace.replicaRegion = 'us-west-9'"],
  ['a replica equal to the primary', () => new ActiveHotDeployment(newStack(), 'Orders', hotProps({ namespace: { ...NAMESPACE, replicaRegion: 'us-east-1', pollerForwarding: PollerForwarding.DISABLED } })),
    'TEMPORAL_REPLICA_SAME_REGION', "namespace.replicaRegion = 'us-east-1'"],
  ['a sa-east-1 replica', () => new ActiveHotDeployment(newStack(), 'Orders', hotProps({ namespace: { ...NAMESPACE, replicaRegion: 'sa-east-1', pollerForwarding: PollerForwarding.DISABLED } })),
    'TEMPORAL_REPLICA_REGION_PAIRING', "namespace.replicaRegion = 'sa-east-1'"],
  ['Active/Cold on the Regional Endpoint', () => new ActiveColdDeployment(newStack(), 'Orders', coldProps({ endpoint: EndpointKind.REGIONAL })),
    'TEMPORAL_COLD_NAMESPACE_ENDPOINT', 'endpoint = EndpointKind.REGIONAL'],
  ['Active/Cold over PrivateLink with no cross-region route', () => new ActiveColdDeployment(newStack(), 'Orders', coldProps({ connectivity: Connectivity.privateLink({ crossRegionRoute: CrossRegionRoute.none() }) })),
    'TEMPORAL_PRIVATELINK_CROSS_REGION_ROUTE', "privateLink.crossRegionRoute = 'none' (us-east-1 -> us-west-2)"],
  ['peered VPCs with overlapping CIDRs', () => new ActiveColdDeployment(newStack(), 'Orders', coldProps({
    regions: { 'us-east-1': { vpc: existingVpc('10.0.0.0/16') }, 'us-west-2': { vpc: existingVpc('10.0.128.0/17') } },
  })), 'TEMPORAL_ROUTE_OVERLAPPING_CIDRS', "'10.0.0.0/16' and '10.0.128.0/17'"],
  ['AWS native cross-region endpoints', () => new ActiveColdDeployment(newStack(), 'Orders', coldProps({ connectivity: Connectivity.privateLink({ crossRegionRoute: CrossRegionRoute.nativeCrossRegionEndpoint() }) })),
    'TEMPORAL_NATIVE_CROSS_REGION_ENDPOINT', 'privateLink.crossRegionRoute = CrossRegionRoute.nativeCrossRegionEndpoint()'],
  ['a serverless external ID of 3 characters', () => new ServerlessWorkers(newStack(), 'Orders', {
    namespace: NAMESPACE,
    credentials: TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
    serverlessWorkers: {
      buildId: 'b-1',
      externalId: 'abc',
      code: { 'us-east-1': ServerlessWorkerCode.fromImage('1.dkr.ecr.us-east-1.amazonaws.com/w:1'), 'us-west-2': ServerlessWorkerCode.fromImage('1.dkr.ecr.us-west-2.amazonaws.com/w:1') },
    },
  }), 'TEMPORAL_SERVERLESS_EXTERNAL_ID', "serverless.externalId = 'abc'"],
];

describe('bad input fails at construction with one error, the rule id, prop = value and a fix', () => {
  test.each(CASES)('%s', (_name, construct, ruleId, propAndValue) => {
    const err = errorOf(construct);
    expect(err).toBeInstanceOf(TemporalHaValidationError);
    expect(err.message).toContain(`[${ruleId}]`);
    expect(err.message).toContain('stack/Orders');
    expect(err.message).toContain(propAndValue);
    expect(err.message).toMatch(/Fix: \S+/);
  });

  test('every problem is listed in the same error', () => {
    const err = errorOf(() => new ActiveHotDeployment(newStack(), 'Orders', hotProps({
      endpoint: EndpointKind.NAMESPACE,
      namespace: { ...NAMESPACE, pollerForwarding: PollerForwarding.ENABLED, replicaRegion: 'sa-east-1' },
    }))) as TemporalHaValidationError;
    // As in the AWS CDK flavour: sa-east-1 also lacks a codec certificate, and each fleet dials the wrong endpoint.
    expect(err.message).toMatch(/has 5 configuration errors/);
    expect(new Set(err.findings.map((f) => f.ruleId))).toEqual(new Set([
      'TEMPORAL_REPLICA_REGION_PAIRING', 'TEMPORAL_HOT_REGIONAL_ENDPOINT', 'TEMPORAL_HOT_FORWARDING_DISABLED', 'TEMPORAL_CODEC_CERTIFICATE',
    ]));
  });
});

describe('the same bad input gives the same findings in the AWS CDK flavour', () => {
  // The AWS CDK flavour renders Active/Hot today: compare every Active/Hot case, finding by finding.
  const OVERRIDES: Record<string, Partial<ActiveHotDeploymentProps>> = {
    'Active/Hot on the Namespace Endpoint': { endpoint: EndpointKind.NAMESPACE },
    'Active/Hot with forwarding enabled': { namespace: { ...NAMESPACE, pollerForwarding: PollerForwarding.ENABLED } },
    'an unknown region': { namespace: { ...NAMESPACE, replicaRegion: 'us-west-9', pollerForwarding: PollerForwarding.DISABLED } },
    'a replica equal to the primary': { namespace: { ...NAMESPACE, replicaRegion: 'us-east-1', pollerForwarding: PollerForwarding.DISABLED } },
    'a sa-east-1 replica': { namespace: { ...NAMESPACE, replicaRegion: 'sa-east-1', pollerForwarding: PollerForwarding.DISABLED } },
  };
  const hotCases = CASES.filter(([name]) => name in OVERRIDES);
  test('the Active/Hot cases are all compared', () => expect(hotCases).toHaveLength(Object.keys(OVERRIDES).length));
  test.each(hotCases)('%s', (name) => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const cdk = require('aws-cdk-lib');
    const ecs = require('aws-cdk-lib/aws-ecs');
    const flavour = require('../../lib/aws-cdk');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const tf = hotProps();
    const override = OVERRIDES[name];
    const cdkError = errorOf(() => new flavour.ActiveHotDeployment(new cdk.App(), 'Orders', {
      namespace: tf.namespace,
      credentials: flavour.TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
      connectivity: flavour.Connectivity.privateLink(),
      workers: { image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/orders-worker:1.0.0') },
      codecServer: { image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/codec:1.0.0'), certificateArns: CERTS },
      ...override,
    })) as TemporalHaValidationError;
    const tfError = errorOf(() => new ActiveHotDeployment(newStack(), 'Orders', { ...tf, ...override })) as TemporalHaValidationError;
    // Same rule ids, props, values and fixes (construct paths differ: an App vs a stack).
    const strip = (e: TemporalHaValidationError) => e.findings.map(({ ruleId, prop, value, fix }) => ({ ruleId, prop, value, fix }));
    expect(strip(tfError)).toEqual(strip(cdkError));
  });
});

describe('validation where cdktf runs it: on the TerraformStack, at synth', () => {
  test('Testing.synth(stack, true) reports a finding from the stack-level validation', () => {
    // GIVEN a valid deployment whose us-west-2 provider the platform team supplies
    const stack = newStack();
    const west = new AwsProvider(stack, 'west', { alias: 'platform-west', region: 'us-west-2' });
    new ActiveHotDeployment(stack, 'Orders', hotProps({ regions: { 'us-west-2': { provider: west } } }));
    expect(() => synthStack(stack)).not.toThrow();
    // WHEN the provider is pointed elsewhere after construction (a late configuration change)
    west.region = 'eu-west-1';
    // THEN synthesis with validations fails, naming the rule; without validations it does not
    expect(() => Testing.synth(stack)).not.toThrow();
    const err = errorOf(() => Testing.synth(stack, true));
    expect(err.message).toContain('[TEMPORAL_STACK_REGION_EXPLICIT]');
    expect(err.message).toContain("regions.us-west-2.provider = 'eu-west-1'");
    // and the finding comes from the stack's own validation (where cdktf runs them)
    expect(stack.node.validate().join('\n')).toContain('[TEMPORAL_STACK_REGION_EXPLICIT]');
  });

  test('a supplied provider without a region is rejected at construction', () => {
    const stack = newStack();
    const west = new AwsProvider(stack, 'west', { alias: 'west' });
    const err = errorOf(() => new ActiveHotDeployment(stack, 'Orders', hotProps({ regions: { 'us-west-2': { provider: west } } })));
    expect(err.message).toContain('[TEMPORAL_STACK_REGION_EXPLICIT]');
    expect(err.message).toContain('regions.us-west-2.provider = (environment-agnostic)');
  });

  test('a provider or VPC for a region the pattern does not use is rejected', () => {
    const err = errorOf(() => new ActiveHotDeployment(newStack(), 'Orders', hotProps({ regions: { 'eu-west-1': { vpc: existingVpc('10.1.0.0/16') } } })));
    expect(err.message).toContain('[TEMPORAL_PLACEMENT_UNUSED_REGION]');
  });
});

describe('warnings are annotations, acknowledgeable by id with a reason', () => {
  const aa = (acknowledgeWarnings?: Record<string, string>) => {
    const stack = newStack();
    const d = new ActiveActiveDeployment(stack, 'Orders', {
      namespace: NAMESPACE,
      endpoint: EndpointKind.REGIONAL,
      credentials: TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
      workers: { image: 'ghcr.io/acme/orders-worker:1.0.0' },
      acknowledgeWarnings,
    });
    return { d, messages: d.node.metadata.map((m) => ({ type: m.type, data: String(m.data) })) };
  };

  test('an unacknowledged warning is a cdktf warning naming the rule and how to acknowledge it', () => {
    const { d, messages } = aa();
    expect(d.warnings.map((w) => w.ruleId)).toEqual(['TEMPORAL_ACTIVE_ACTIVE_REGIONAL_ENDPOINT']);
    expect(messages).toEqual([{ type: '@cdktf/warn', data: expect.stringContaining('acknowledgeWarnings: { TEMPORAL_ACTIVE_ACTIVE_REGIONAL_ENDPOINT') }]);
  });

  test('an acknowledged warning carries the reason and is recorded as info', () => {
    const { d, messages } = aa({ TEMPORAL_ACTIVE_ACTIVE_REGIONAL_ENDPOINT: 'RTO budget of 60 s requires it' });
    expect(d.warnings[0].acknowledged).toBe('RTO budget of 60 s requires it');
    expect(messages).toEqual([{ type: '@cdktf/info', data: expect.stringContaining('acknowledged ("RTO budget of 60 s requires it")') }]);
  });

  test('acknowledging an error or an unknown rule is itself an error', () => {
    const err = errorOf(() => new ActiveHotDeployment(newStack(), 'Orders', hotProps({
      acknowledgeWarnings: { TEMPORAL_HOT_FORWARDING_DISABLED: 'we know what we are doing', TEMPORAL_NOPE: 'typo in the rule id' },
    })));
    expect(err.message).toContain('errors cannot be acknowledged');
    expect(err.message).toContain('no rule has the id TEMPORAL_NOPE');
  });
});

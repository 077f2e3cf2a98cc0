import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { EXAMPLES, expectNagClean, synthExample } from './support';
import { build } from '../../examples/serverless/main';
import { ActiveHotDeployment, PollerForwarding, ServerlessWorkers, ServerlessWorkerOptions, TemporalCredentials, TemporalServerlessWorker } from '../../lib';
import { errorOf, resources } from '../aws-cdk/support';

describe('examples/serverless', () => {
  const result = synthExample('serverless', build);
  const sl = result.built;
  afterAll(result.cleanup);

  test('cdk-nag clean', () => expectNagClean(result));

  test('a function per namespace region, one published version under the same Build ID', () => {
    expect(Object.keys(sl.stacks).sort()).toEqual(['us-east-1', 'us-west-2']);
    for (const stack of Object.values(sl.stacks)) {
      const versions = resources(stack, 'AWS::Lambda::Version').map(([, v]) => v.Description);
      expect(versions).toEqual(['2026-11-22.1']);
      const [[, fn]] = resources(stack, 'AWS::Lambda::Function');
      expect(fn.Environment.Variables).toMatchObject({ TEMPORAL_ADDRESS: 'billing.a1b2c.tmprl.cloud:7233', TEMPORAL_NAMESPACE: 'billing.a1b2c' });
      Template.fromStack(stack).resourceCountIs('AWS::EC2::VPC', 0);
    }
  });

  test('the invoker role trusts exactly Temporal Cloud\'s principals, with the external ID', () => {
    const statements = resources(sl.stacks['us-west-2'], 'AWS::IAM::Role').map(([, r]) => r.AssumeRolePolicyDocument.Statement[0]);
    const invoker = statements.find((s) => s.Principal.AWS);
    expect([...invoker.Principal.AWS].sort()).toEqual([...TemporalServerlessWorker.TEMPORAL_CLOUD_INVOKER_PRINCIPALS].sort());
    expect(invoker.Condition).toEqual({ StringEquals: { 'sts:ExternalId': 'billing-temporal-invoker-7f3a9c2e' } });
  });

  test('outputs per region what the Worker Deployment Version registration needs', () => {
    const outputs = Object.keys(Template.fromStack(sl.stacks['us-east-1']).toJSON().Outputs).join(' ');
    for (const name of ['FunctionVersionArn', 'InvokerRoleArn', 'ExternalId', 'BuildId']) expect(outputs).toContain(name);
  });
});

describe('ServerlessWorkers: bad input', () => {
  const options = (overrides: Partial<ServerlessWorkerOptions>): ServerlessWorkerOptions => ({
    codePath: path.join(EXAMPLES, 'serverless', 'worker'),
    handler: 'index.handler',
    buildId: 'v1',
    externalId: 'billing-external-id',
    ...overrides,
  });
  test.each<[string, Partial<ServerlessWorkerOptions>, string, string]>([
    ['different Build IDs across regions', { buildId: undefined, buildIds: { 'us-east-1': 'v1', 'us-west-2': 'v2' } }, 'TEMPORAL_SERVERLESS_ONE_BUILD_ID', "us-east-1='v1', us-west-2='v2'"],
    ['an external ID of 3 characters', { externalId: 'abc' }, 'TEMPORAL_SERVERLESS_EXTERNAL_ID', "serverless.externalId = 'abc'"],
  ])('%s', (_name, overrides, ruleId, value) => {
    const err = errorOf(() => new ServerlessWorkers(new App(), 'Billing', {
      namespace: { name: 'billing', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2' },
      credentials: TemporalCredentials.apiKeyFromSecretName('temporal/billing/api-key'),
      serverlessWorkers: options(overrides),
    }));
    expect(err.message).toContain(`[${ruleId}]`);
    expect(err.message).toContain(value);
  });

  test('a pattern takes serverless Workers or a fleet, not both', () => {
    const err = errorOf(() => new ActiveHotDeployment(new App(), 'Billing', {
      // neither workers nor serverlessWorkers
      namespace: { name: 'billing', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2', pollerForwarding: PollerForwarding.DISABLED },
      credentials: TemporalCredentials.apiKeyFromSecretName('k'),
    }));
    expect(err.message).toContain('set exactly one of workers and serverlessWorkers');
  });
});

/**
 * Inputs unknown at synth (tokens) and props an untyped caller leaves out, through the same path both engines take:
 * props -> deployment-props (request) -> plan -> rules. Decisions per prop:
 * - must be known at synth (TEMPORAL_KNOWN_AT_SYNTH): namespace name, account, regions and forwarding, endpoint kinds,
 *   worker, standby and pinned regions, shard names and patterns (they decide which resources exist and what they dial);
 * - may be tokens: images, counts, secret names/ARNs, supplied VPC CIDRs (they are passed through to the engine).
 */
import { activeActiveRequest, coldRequest, findingsFor, findingsOf, hotRequest, shard, shardedRequest } from './support';
import {
  AuthMethod,
  DeploymentPattern,
  EndpointKind,
  NamespaceSpec,
  planDeployment,
  Severity,
} from '../../lib/core';
import { patternInputsOf, patternRequest, propsOf } from '../../lib/core/deployment-props';

// What a token looks like in each engine: AWS CDK string tokens, CDK for Terraform tokens, and a numeric token.
const CDK_TOKEN = '${Token[TOKEN.123]}';
const TF_TOKEN = '${TfToken[TOKEN.7]}';
const NUMBER_TOKEN = -1.8881545897087626e+289;

const errors = (findings: ReturnType<typeof findingsOf>) => findings.filter((f) => f.severity === Severity.ERROR);

/** The request both engines build from a pattern's props. */
function requestOf(kind: string, props: any) {
  const { inputs } = patternInputsOf(kind, propsOf(props));
  return patternRequest({ kind, constructPath: 'App/Orders', props: propsOf(props), inputs, placements: [] });
}

describe('values that must be known at synth', () => {
  test.each([
    ['namespace.name', { name: CDK_TOKEN }],
    ['namespace.name', { name: TF_TOKEN }],
    ['namespace.accountId', { accountId: CDK_TOKEN }],
    ['namespace.primaryRegion', { primaryRegion: CDK_TOKEN }],
    ['namespace.replicaRegion', { replicaRegion: TF_TOKEN }],
  ] as Array<[string, Partial<NamespaceSpec>]>)('%s as a token is one error, "must be known at synth"', (prop, namespace) => {
    const found = errors(findingsOf(coldRequest({ namespace })));
    expect(found.map((f) => [f.ruleId, f.prop, f.value])).toEqual([['TEMPORAL_KNOWN_AT_SYNTH', prop, '(unresolved token)']]);
    expect(found[0].message).toContain(`must be known at synth: ${prop}`);
  });

  test('a token namespace name is not told to drop an account suffix nor split at a dot', () => {
    const text = JSON.stringify(findingsOf(hotRequest({ namespace: { name: CDK_TOKEN } })));
    expect(text).not.toContain('account suffix');
    expect(text).not.toContain("set name: '${Token[TOKEN'");
  });

  test('a token region plans no fleet in a token region (nothing is rendered from it)', () => {
    const plan = planDeployment(coldRequest({ namespace: { replicaRegion: CDK_TOKEN } }));
    expect(plan.regions.map((r) => r.awsRegion)).toEqual(['us-east-1']);
  });

  test.each([
    ['endpoint', coldRequest({ endpoint: CDK_TOKEN as EndpointKind })],
    ['workerRegions[1]', activeActiveRequest({ workerRegions: ['us-east-1', CDK_TOKEN] })],
    ['standbyRegion', coldRequest({ standbyRegion: CDK_TOKEN })],
    ['starters.pinnedRegion', coldRequest({ starters: true, starterPinnedRegion: CDK_TOKEN })],
    ['shards[0].name', shardedRequest([shard(CDK_TOKEN, 'us-east-1', 'us-west-2', { namespace: { name: 'orders-east' } })])],
    ['shards[0].pattern', shardedRequest([shard('east', 'us-east-1', 'us-west-2', { pattern: CDK_TOKEN as DeploymentPattern })])],
  ])('%s as a token is "must be known at synth"', (prop, request) => {
    const found = findingsFor(request, 'TEMPORAL_KNOWN_AT_SYNTH');
    expect(found.map((f) => f.prop)).toEqual([prop]);
    expect(errors(findingsOf(request)).filter((f) => f.ruleId !== 'TEMPORAL_KNOWN_AT_SYNTH').map((f) => f.ruleId)).toEqual([]);
  });

  test('counts and CIDRs unknown at synth are passed through, not checked', () => {
    const request = hotRequest({ fleetInputs: { 'orders.a1b2c': { workers: { minCapacity: NUMBER_TOKEN, maxCapacity: NUMBER_TOKEN } } } });
    expect(errors(findingsOf(request))).toEqual([]);
  });
});

describe('props an untyped caller leaves out', () => {
  test.each([[undefined], [null]])('a single-namespace pattern with props %p: what is required, and that Workers are needed', (props) => {
    expect(errors(findingsOf(requestOf('ActiveColdDeployment', props))).map((f) => [f.ruleId, f.prop])).toEqual([
      ['TEMPORAL_REQUIRED_PROP', 'namespace'],
      ['TEMPORAL_REQUIRED_PROP', 'credentials'],
      ['TEMPORAL_WORKERS_OR_SERVERLESS', 'workers'],
    ]);
  });

  const NS = { name: 'orders', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2' };
  const creds = { method: AuthMethod.API_KEY };

  test.each([
    ['ActiveColdDeployment', { namespace: { accountId: 'a1b2c', replicaRegion: 'us-west-2' }, credentials: creds, workers: {} }, ['namespace.name', 'namespace.primaryRegion', 'workers.image']],
    ['ServerlessWorkers', { namespace: NS, credentials: creds }, ['serverlessWorkers']],
    ['ServerlessWorkers', { namespace: NS, credentials: creds, serverlessWorkers: { buildId: 'v1' } }, ['serverlessWorkers.externalId', 'serverlessWorkers.codePath']],
    ['RegionallyShardedNamespaces', {}, ['shards']],
    ['RegionallyShardedNamespaces', { shards: [null, { name: 'west', namespace: NS, pattern: DeploymentPattern.ACTIVE_COLD, credentials: creds }] },
      ['shards[0]', 'shards[1].workers']],
  ])('%s with %j: TEMPORAL_REQUIRED_PROP for each missing prop, nothing else', (kind, props, missing) => {
    const found = errors(findingsOf(requestOf(kind, props)));
    expect(found.map((f) => [f.ruleId, f.prop, f.value])).toEqual(missing.map((p) => ['TEMPORAL_REQUIRED_PROP', p, '(not set)']));
  });
});

describe('a problem in one shard stays with that shard', () => {
  test('an unknown region, a bad name and a wrong pattern are each reported once, at their own shard only', () => {
    const request = shardedRequest([
      shard('east', 'us-east-9', 'us-west-2'),
      shard('west', 'us-west-2', 'us-east-1'),
      shard('eu', 'eu-west-1', 'eu-west-2', { namespace: { name: 'Orders.eu' } }),
      shard('ap', 'ap-southeast-2', 'ap-southeast-1', { pattern: DeploymentPattern.ACTIVE_ACTIVE }),
    ]);
    expect(errors(findingsOf(request)).map((f) => [f.ruleId, f.constructPath])).toEqual([
      ['TEMPORAL_REGION_UNKNOWN', 'App/Orders/east'],
      ['TEMPORAL_NAMESPACE_NAME', 'App/Orders/eu'],
      ['TEMPORAL_SHARD_PATTERN', 'App/Orders/ap'],
    ]);
  });

  test('two shards declared on one namespace: the duplicate is reported; each shard\'s fleets are checked against its own pattern', () => {
    const request = shardedRequest([
      shard('east', 'us-east-1', 'us-west-2'),
      shard('west', 'us-east-1', 'us-west-2', { pattern: DeploymentPattern.ACTIVE_COLD, namespace: { name: 'orders-east' } }),
    ]);
    expect(errors(findingsOf(request)).map((f) => [f.ruleId, f.constructPath, f.prop])).toEqual([
      ['TEMPORAL_SHARD_DUPLICATE_NAMESPACE', 'App/Orders/west', 'shards[1].namespace'],
    ]);
  });
});

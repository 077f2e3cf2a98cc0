/**
 * Inputs as a platform team or a plain JavaScript caller gives them (AWS CDK flavour): a GCP replica,
 * values unknown at synth (CfnParameter, Token, Lazy) and required props left out. Every problem is the
 * library's TemporalHaValidationError with a rule id and the prop path, never a TypeError.
 */
import { App, CfnParameter, Lazy, Stack, Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import {
  ActiveActiveDeployment,
  ActiveColdDeployment,
  ActiveHotDeployment,
  Connectivity,
  DeploymentPattern,
  NamespaceSpec,
  PollerForwarding,
  RegionallyShardedNamespaces,
  ServerlessWorkers,
  TemporalCredentials,
} from '../../../lib';
import { TemporalHaValidationError } from '../../../lib/core';
import { errorOf, resources, workerContainers } from '../support';

const IMAGE = 'ghcr.io/acme/orders-worker:2.0.0';
const NAMESPACE = { name: 'orders', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2' };
const CERTS = {
  'us-east-1': 'arn:aws:acm:us-east-1:111111111111:certificate/11111111-1111-1111-1111-111111111111',
  'us-west-2': 'arn:aws:acm:us-west-2:111111111111:certificate/22222222-2222-2222-2222-222222222222',
};
const credentials = () => TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key');
const workers = () => ({ image: ecs.ContainerImage.fromRegistry(IMAGE) });

/** Deletes `path` (`a.b`, `shards[0].name`) from a deep copy of `props`. */
function without(props: any, path: string): any {
  const copy = { ...props };
  const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  let at: any = copy;
  for (const k of keys.slice(0, -1)) {
    at[k] = Array.isArray(at[k]) ? [...at[k]] : { ...at[k] };
    at = at[k];
  }
  delete at[keys[keys.length - 1]];
  return copy;
}

type Make = (scope: Construct, props: any) => unknown;

const KINDS: Array<[string, Make, () => any, string[]]> = [
  ['ActiveHotDeployment', (s, p) => new ActiveHotDeployment(s, 'Orders', p),
    () => ({
      namespace: { ...NAMESPACE, pollerForwarding: PollerForwarding.DISABLED },
      credentials: credentials(),
      workers: workers(),
      starters: workers(),
      codecServer: { image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/codec:1'), certificateArns: CERTS },
      proxy: { image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/proxy:1') },
    }),
    ['namespace', 'namespace.name', 'namespace.accountId', 'namespace.primaryRegion', 'credentials', 'workers.image', 'starters.image', 'codecServer.image', 'proxy.image']],
  ['ActiveColdDeployment', (s, p) => new ActiveColdDeployment(s, 'Orders', p),
    () => ({ namespace: NAMESPACE, credentials: credentials(), workers: workers() }),
    ['namespace', 'namespace.name', 'namespace.accountId', 'namespace.primaryRegion', 'credentials', 'workers.image']],
  ['ActiveActiveDeployment', (s, p) => new ActiveActiveDeployment(s, 'Orders', p),
    () => ({ namespace: NAMESPACE, credentials: credentials(), workers: workers() }),
    ['namespace', 'namespace.name', 'namespace.accountId', 'namespace.primaryRegion', 'credentials', 'workers.image']],
  ['ServerlessWorkers', (s, p) => new ServerlessWorkers(s, 'Orders', p),
    () => ({ namespace: NAMESPACE, credentials: credentials(), serverlessWorkers: { codePath: `${__dirname}/../../../examples/serverless/worker`, buildId: 'v1', externalId: 'temporal-invoker-3f9a1c7d2e' } }),
    ['namespace', 'namespace.primaryRegion', 'credentials', 'serverlessWorkers', 'serverlessWorkers.externalId', 'serverlessWorkers.codePath']],
  ['RegionallyShardedNamespaces', (s, p) => new RegionallyShardedNamespaces(s, 'Orders', p),
    () => ({ shards: [{ name: 'east', namespace: { ...NAMESPACE, name: 'orders-east' }, pattern: DeploymentPattern.ACTIVE_COLD, credentials: credentials(), workers: workers() }] }),
    ['shards', 'shards[0]', 'shards[0].name', 'shards[0].namespace', 'shards[0].namespace.name', 'shards[0].namespace.primaryRegion',
      'shards[0].pattern', 'shards[0].credentials', 'shards[0].workers', 'shards[0].workers.image']],
];

/** The error a construction throws, asserted to be the library's (never a TypeError). */
function libraryError(make: () => unknown): TemporalHaValidationError {
  const e = errorOf(make);
  expect(e).toBeInstanceOf(TemporalHaValidationError);
  return e as TemporalHaValidationError;
}

describe('a plain JavaScript caller that leaves a required prop out gets TEMPORAL_REQUIRED_PROP, never a TypeError', () => {
  const cases = KINDS.flatMap(([kind, make, props, paths]) => paths.map((p) => [kind, p, make, props] as const));
  test.each(cases)('%s without %s', (_kind, path, make, props) => {
    const valid = props();
    // A shard entry deleted from an array leaves a hole, as `[undefined]` from JavaScript would.
    const e = libraryError(() => make(new App(), without(valid, path)));
    expect(e.message).toContain(`[TEMPORAL_REQUIRED_PROP] Orders: ${path} = (not set)`);
  });

  test.each(KINDS.flatMap(([kind, make]) => [[kind, make, undefined], [kind, make, null]] as const))('%s with props %p', (kind, make, props) => {
    const e = libraryError(() => make(new App(), props));
    expect(e.message).toContain('[TEMPORAL_REQUIRED_PROP]');
    expect(e.message).toContain(kind === 'RegionallyShardedNamespaces' ? 'shards = (not set)' : 'namespace = (not set)');
  });

  test('a single-namespace pattern with neither workers nor serverlessWorkers says which to set', () => {
    const e = libraryError(() => new ActiveColdDeployment(new App(), 'Orders', without(KINDS[1][2](), 'workers')));
    expect(e.message).toContain('[TEMPORAL_WORKERS_OR_SERVERLESS]');
  });

  test('a problem in one shard produces no finding about another shard', () => {
    const shard = (name: string, ns: NamespaceSpec) => ({
      name, namespace: ns, pattern: DeploymentPattern.ACTIVE_COLD, credentials: credentials(), workers: workers(),
    });
    const e = libraryError(() => new RegionallyShardedNamespaces(new App(), 'Orders', {
      shards: [
        shard('east', { ...NAMESPACE, name: 'orders-east', primaryRegion: 'us-east-9' }),
        shard('west', { ...NAMESPACE, name: 'orders-west', primaryRegion: 'us-west-2', replicaRegion: 'us-east-1' }),
        shard('eu', { name: 'orders-eu', accountId: 'a1b2c', primaryRegion: 'eu-west-1', replicaRegion: 'eu-west-2' }),
      ],
    }));
    expect(e.findings.map((f) => [f.ruleId, f.constructPath, f.prop])).toEqual([
      ['TEMPORAL_REGION_UNKNOWN', 'Orders/east', 'shards[0].namespace.primaryRegion'],
    ]);
  });
});

describe('values unknown at synth', () => {
  test.each([
    ['namespace.name', (stack: Stack) => ({ ...NAMESPACE, name: new CfnParameter(stack, 'Ns').valueAsString })],
    ['namespace.accountId', () => ({ ...NAMESPACE, accountId: Token.asString({ Ref: 'Account' }) })],
    ['namespace.primaryRegion', () => ({ ...NAMESPACE, primaryRegion: Lazy.string({ produce: () => 'us-east-1' }) })],
    ['namespace.replicaRegion', () => ({ ...NAMESPACE, replicaRegion: Lazy.string({ produce: () => 'us-west-2' }) })],
  ])('a token %s is "must be known at synth", not advice about its text', (prop, namespace) => {
    const app = new App();
    const stack = new Stack(app, 'Params');
    const e = libraryError(() => new ActiveColdDeployment(app, 'Orders', { namespace: namespace(stack), credentials: credentials(), workers: workers() }));
    expect(e.findings.map((f) => [f.ruleId, f.prop, f.value])).toEqual([['TEMPORAL_KNOWN_AT_SYNTH', prop, '(unresolved token)']]);
    expect(e.message).toContain(`must be known at synth: ${prop}`);
    expect(e.message).not.toContain('account suffix');
  });

  test('images, counts and secret names may be tokens: they reach the template as references', () => {
    const app = new App();
    const cold = new ActiveColdDeployment(app, 'Orders', {
      namespace: NAMESPACE,
      credentials: TemporalCredentials.apiKeyFromSecretName(Token.asString({ Ref: 'ApiKeySecretName' })),
      workers: { image: ecs.ContainerImage.fromRegistry(Token.asString({ Ref: 'WorkerImage' })), minCapacity: Token.asNumber({ Ref: 'WorkerCount' }) },
      account: '111111111111',
    });
    const east = cold.stacks['us-east-1'];
    const [[, td]] = resources(east, 'AWS::ECS::TaskDefinition');
    expect(td.ContainerDefinitions[0].Image).toEqual({ Ref: 'WorkerImage' });
    Template.fromStack(east).hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      MinCapacity: { 'Fn::If': ['TemporalHaActiveOrdersMainUsEast1', { Ref: 'WorkerCount' }, 0] },
    });
    expect(workerContainers(east)[0].env.TEMPORAL_NAMESPACE).toBe('orders.a1b2c');
  });
});

describe('a replica on GCP (multi-cloud replication)', () => {
  const gcpCold = (connectivity?: Connectivity) => ({
    namespace: { ...NAMESPACE, replicaRegion: 'gcp-us-central1' },
    standbyRegion: 'us-east-2',
    credentials: credentials(),
    workers: workers(),
    connectivity,
    account: '111111111111',
  });

  test('Active/Cold on the Namespace Endpoint synthesizes: the standby fleet in standbyRegion, both on the Namespace Endpoint', () => {
    const cold = new ActiveColdDeployment(new App(), 'Orders', gcpCold());
    expect(Object.keys(cold.stacks)).toEqual(['us-east-1', 'us-east-2']);
    Template.fromStack(cold.stacks['us-east-2']).hasResourceProperties('AWS::ECS::Service', {
      DesiredCount: { 'Fn::If': ['TemporalHaActiveOrdersMainUsEast2', { Ref: 'AWS::NoValue' }, 0] },
    });
    for (const stack of Object.values(cold.stacks)) {
      expect(workerContainers(stack)[0].env.TEMPORAL_ADDRESS).toBe('orders.a1b2c.tmprl.cloud:7233');
    }
  });

  test('with PrivateLink it is one clear error', () => {
    const e = libraryError(() => new ActiveColdDeployment(new App(), 'Orders', gcpCold(Connectivity.privateLink())));
    expect(e.findings.map((f) => [f.ruleId, f.prop, f.value])).toEqual([['TEMPORAL_OTHER_CLOUD_PRIVATELINK', 'namespace.replicaRegion', "'gcp-us-central1'"]]);
    expect(e.message).not.toMatch(/aws-gcp|no AWS region/);
  });
});

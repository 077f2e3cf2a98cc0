/**
 * Inputs as a platform team or a plain JavaScript caller gives them (CDK for Terraform flavour): a GCP replica,
 * values unknown at synth (TerraformVariable) and required props left out. Every problem is the library's
 * TemporalHaValidationError with a rule id and the prop path, never a TypeError; the same as the AWS CDK flavour.
 */
import { TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { errorOf, newStack, resourcesOf, synthStack, underState, workerContainers } from './support';
import {
  ActiveActiveDeployment,
  ActiveColdDeployment,
  ActiveHotDeployment,
  Connectivity,
  NamespaceSpec,
  PollerForwarding,
  RegionallyShardedNamespaces,
  ServerlessWorkerCode,
  ServerlessWorkers,
  ShardPattern,
  TemporalCredentials,
  TemporalHaValidationError,
} from '../../lib/cdktf';

const IMAGE = 'ghcr.io/acme/orders-worker:2.0.0';
const NAMESPACE = { name: 'orders', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2' };
const CERTS = {
  'us-east-1': 'arn:aws:acm:us-east-1:111111111111:certificate/11111111-1111-1111-1111-111111111111',
  'us-west-2': 'arn:aws:acm:us-west-2:111111111111:certificate/22222222-2222-2222-2222-222222222222',
};
const credentials = () => TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key');
const CODE = {
  'us-east-1': ServerlessWorkerCode.fromImage('1.dkr.ecr.us-east-1.amazonaws.com/w:1'),
  'us-west-2': ServerlessWorkerCode.fromImage('1.dkr.ecr.us-west-2.amazonaws.com/w:1'),
};

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
      workers: { image: IMAGE },
      starters: { image: IMAGE },
      codecServer: { image: 'ghcr.io/acme/codec:1', certificateArns: CERTS },
      proxy: { image: 'ghcr.io/acme/proxy:1' },
    }),
    ['namespace', 'namespace.name', 'namespace.accountId', 'namespace.primaryRegion', 'credentials', 'workers.image', 'starters.image', 'codecServer.image', 'proxy.image']],
  ['ActiveColdDeployment', (s, p) => new ActiveColdDeployment(s, 'Orders', p),
    () => ({ namespace: NAMESPACE, credentials: credentials(), workers: { image: IMAGE } }),
    ['namespace', 'namespace.name', 'namespace.accountId', 'namespace.primaryRegion', 'credentials', 'workers.image']],
  ['ActiveActiveDeployment', (s, p) => new ActiveActiveDeployment(s, 'Orders', p),
    () => ({ namespace: NAMESPACE, credentials: credentials(), workers: { image: IMAGE } }),
    ['namespace', 'namespace.name', 'namespace.accountId', 'namespace.primaryRegion', 'credentials', 'workers.image']],
  ['ServerlessWorkers', (s, p) => new ServerlessWorkers(s, 'Orders', p),
    () => ({ namespace: NAMESPACE, credentials: credentials(), serverlessWorkers: { code: CODE, buildId: 'v1', externalId: 'temporal-invoker-3f9a1c7d2e' } }),
    ['namespace', 'namespace.primaryRegion', 'credentials', 'serverlessWorkers', 'serverlessWorkers.externalId', 'serverlessWorkers.code']],
  ['RegionallyShardedNamespaces', (s, p) => new RegionallyShardedNamespaces(s, 'Orders', p),
    () => ({ shards: [{ name: 'east', namespace: { ...NAMESPACE, name: 'orders-east' }, pattern: ShardPattern.ACTIVE_COLD, credentials: credentials(), workers: { image: IMAGE } }] }),
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
    const e = libraryError(() => make(newStack(), without(props(), path)));
    expect(e.message).toContain(`[TEMPORAL_REQUIRED_PROP] stack/Orders: ${path} = (not set)`);
  });

  test.each(KINDS.flatMap(([kind, make]) => [[kind, make, undefined], [kind, make, null]] as const))('%s with props %p', (kind, make, props) => {
    const e = libraryError(() => make(newStack(), props));
    expect(e.message).toContain('[TEMPORAL_REQUIRED_PROP]');
    expect(e.message).toContain(kind === 'RegionallyShardedNamespaces' ? 'shards = (not set)' : 'namespace = (not set)');
  });

  test('a problem in one shard produces no finding about another shard', () => {
    const shard = (name: string, ns: NamespaceSpec) => ({
      name, namespace: ns, pattern: ShardPattern.ACTIVE_COLD, credentials: credentials(), workers: { image: IMAGE },
    });
    const e = libraryError(() => new RegionallyShardedNamespaces(newStack(), 'Orders', {
      shards: [
        shard('east', { ...NAMESPACE, name: 'orders-east', primaryRegion: 'us-east-9' }),
        shard('west', { ...NAMESPACE, name: 'orders-west', primaryRegion: 'us-west-2', replicaRegion: 'us-east-1' }),
        shard('eu', { name: 'orders-eu', accountId: 'a1b2c', primaryRegion: 'eu-west-1', replicaRegion: 'eu-west-2' }),
      ],
    }));
    expect(e.findings.map((f) => [f.ruleId, f.constructPath, f.prop])).toEqual([
      ['TEMPORAL_REGION_UNKNOWN', 'stack/Orders/east', 'shards[0].namespace.primaryRegion'],
    ]);
  });
});

describe('values unknown at synth (TerraformVariable)', () => {
  test.each([
    ['namespace.name', 'name'],
    ['namespace.accountId', 'accountId'],
    ['namespace.primaryRegion', 'primaryRegion'],
    ['namespace.replicaRegion', 'replicaRegion'],
  ])('a variable %s is "must be known at synth", not advice about its text', (prop, field) => {
    const stack = newStack();
    const variable = new TerraformVariable(stack, 'value', { type: 'string' });
    const e = libraryError(() => new ActiveColdDeployment(stack, 'Orders', {
      namespace: { ...NAMESPACE, [field]: variable.stringValue }, credentials: credentials(), workers: { image: IMAGE },
    }));
    expect(e.findings.map((f) => [f.ruleId, f.prop, f.value])).toEqual([['TEMPORAL_KNOWN_AT_SYNTH', prop, '(unresolved token)']]);
    expect(e.message).toContain(`must be known at synth: ${prop}`);
    expect(e.message).not.toContain('account suffix');
  });

  test('images, counts and secret names may be variables: they reach the Terraform JSON as references', () => {
    const stack = newStack();
    const image = new TerraformVariable(stack, 'worker_image', { type: 'string' });
    const count = new TerraformVariable(stack, 'worker_count', { type: 'number' });
    const secret = new TerraformVariable(stack, 'api_key_secret', { type: 'string' });
    new ActiveColdDeployment(stack, 'Orders', {
      namespace: NAMESPACE,
      credentials: TemporalCredentials.apiKeyFromSecretName(secret.stringValue),
      workers: { image: image.stringValue, minCapacity: count.numberValue },
    });
    const json = synthStack(stack as TerraformStack);
    const east = workerContainers(json).find((c) => c.region === 'us-east-1')!;
    expect(east.container.image).toBe('${var.worker_image}');
    expect(east.env.TEMPORAL_NAMESPACE).toBe('orders.a1b2c');
    const services = resourcesOf(json, 'aws_ecs_service').filter((s) => s.region === 'us-east-1');
    // The primary's count while it is the active region (the live failover state).
    expect(services.map((s) => underState(s.body.desired_count, 'us-east-1'))).toContain('${var.worker_count}');
    expect(JSON.stringify(json)).toContain('${var.api_key_secret}');
  });
});

describe('a replica on GCP (multi-cloud replication)', () => {
  const gcpCold = (connectivity?: Connectivity) => ({
    namespace: { ...NAMESPACE, replicaRegion: 'gcp-us-central1' }, standbyRegion: 'us-east-2', credentials: credentials(), workers: { image: IMAGE }, connectivity,
  });

  test('Active/Cold on the Namespace Endpoint synthesizes: the standby fleet in standbyRegion, both on the Namespace Endpoint', () => {
    const stack = newStack();
    const cold = new ActiveColdDeployment(stack, 'Orders', gcpCold());
    expect(Object.keys(cold.providers).sort()).toEqual(['us-east-1', 'us-east-2']);
    const json = synthStack(stack);
    const fleets = workerContainers(json).map((c) => [c.region, c.env.TEMPORAL_ADDRESS]).sort();
    expect(fleets).toEqual([['us-east-1', 'orders.a1b2c.tmprl.cloud:7233'], ['us-east-2', 'orders.a1b2c.tmprl.cloud:7233']]);
    const standby = resourcesOf(json, 'aws_ecs_service').filter((s) => s.region === 'us-east-2');
    expect(standby.map((s) => underState(s.body.desired_count, 'us-east-1'))).toEqual([0]);
    expect(standby.map((s) => underState(s.body.desired_count, 'us-east-2'))).toEqual([2]);
  });

  test('with PrivateLink it is one clear error', () => {
    const e = libraryError(() => new ActiveColdDeployment(newStack(), 'Orders', gcpCold(Connectivity.privateLink())));
    expect(e.findings.map((f) => [f.ruleId, f.prop, f.value])).toEqual([['TEMPORAL_OTHER_CLOUD_PRIVATELINK', 'namespace.replicaRegion', "'gcp-us-central1'"]]);
    expect(e.message).not.toMatch(/aws-gcp|no AWS region/);
  });
});

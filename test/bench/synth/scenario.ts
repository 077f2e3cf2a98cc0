/**
 * What the synth benchmark's apps deploy, as plain data: both the library apps and the hand-written
 * apps read it, so that both sides describe the same deployment. Nothing here imports the library
 * or an engine.
 */

/** An app's context: what the example's cdk.json (or cdktf.json) holds, read by the runner. */
export type Context = Record<string, unknown>;

/** A context value the scenario needs, or a clear error. */
export function ctx(context: Context, key: string): string {
  const value = context[key];
  if (typeof value !== 'string' || value === '') throw new Error(`bench: context '${key}' is not set`);
  return value;
}

/**
 * The Active/Hot deployment of examples/active-hot (and examples/cdktf-active-hot), from the values
 * of its cdk.json (cdktf.json) context.
 */
export function activeHot(context: Context) {
  return {
    namespace: ctx(context, 'temporalNamespace'),
    accountId: ctx(context, 'temporalAccountId'),
    primaryRegion: 'us-east-1',
    replicaRegion: 'us-west-2',
    apiKeySecretName: ctx(context, 'apiKeySecretName'),
    workerImage: ctx(context, 'workerImage'),
    codecServerImage: ctx(context, 'codecServerImage'),
    certificateArns: {
      'us-east-1': ctx(context, 'codecCertificateArnUsEast1'),
      'us-west-2': ctx(context, 'codecCertificateArnUsWest2'),
    } as Record<string, string>,
    taskQueue: 'orders',
    minCapacity: 2,
    maxCapacity: 20,
  };
}

/** One shard of the sharded scenario: an Active/Hot namespace with Workers in its home and replica region. */
export interface BenchShard {
  readonly name: string;
  readonly namespace: string;
  readonly accountId: string;
  readonly image: string;
  readonly homeRegion: string;
  readonly replicaRegion: string;
  readonly apiKeySecretName: string;
}

/** The regions of the sharded scenario, in pairs that may replicate to each other. */
export const SHARD_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1'];
const HOMES: Array<[string, string]> = [
  ['us-east-1', 'us-west-2'],
  ['eu-west-1', 'eu-central-1'],
  ['us-west-2', 'us-east-1'],
  ['eu-central-1', 'eu-west-1'],
];

/**
 * `count` shards spread over four home regions (two North American, two European), each Active/Hot
 * with its replica in the other region of its pair: like examples/regionally-sharded (whose cdk.json
 * context gives the account id and the Worker image), at scale.
 */
export function shards(count: number, context: Context): BenchShard[] {
  const accountId = ctx(context, 'temporalAccountId');
  const image = ctx(context, 'workerImage');
  return Array.from({ length: count }, (_, i) => {
    const [homeRegion, replicaRegion] = HOMES[i % HOMES.length];
    return {
      name: `s${i}`,
      namespace: `orders-s${i}`,
      accountId,
      image,
      homeRegion,
      replicaRegion,
      apiKeySecretName: `temporal/orders-s${i}/api-key`,
    };
  });
}

/**
 * What every bench app module exports: synthesize with `context` into `outdir` (`size` is the shard
 * count where it applies).
 */
export type SynthFn = (outdir: string, size: number, context: Context) => void;

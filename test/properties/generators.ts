/**
 * Generators for the props of every pattern construct, in engine-neutral terms shared by both engines.
 *
 * A generated prop set is plain data; engine objects (images, credentials, tokens, serverless code, hosted zones,
 * connectivity) are small descriptors (`{ $: 'image', ... }`) that each engine's adapter (engines.ts) turns into
 * its own objects, and that print as a short label in a counterexample (`image(ghcr.io/acme/worker:1)`).
 * Values are valid most of the time and invalid (or left out, as an untyped caller may) some of the time.
 */
import * as fc from 'fast-check';

/** The pattern construct kinds (the same names in both engines). */
export const KINDS = ['ActiveHotDeployment', 'ActiveColdDeployment', 'ActiveActiveDeployment', 'RegionallyShardedNamespaces', 'ServerlessWorkers'] as const;
export type Kind = typeof KINDS[number];

// ---------------------------------------------------------------------------------------------
// Descriptors of engine objects
// ---------------------------------------------------------------------------------------------

/** A value unknown at synth: CfnParameter / Token.asString (AWS CDK), TerraformVariable (cdktf); `value` is its default. */
export interface TokenDesc { readonly $: 'token'; readonly via: 'parameter' | 'intrinsic'; readonly value: string | number }
export interface ImageDesc { readonly $: 'image'; readonly ref: string | TokenDesc }
export interface CredentialsDesc {
  readonly $: 'credentials';
  readonly method: 'apiKey' | 'mtls';
  /** API key secret, or the certificate secret (mTLS): a name or an ARN. */
  readonly secret: string | TokenDesc;
  /** mTLS private key secret. */
  readonly keySecret?: string | TokenDesc;
  readonly field?: string;
}
export interface ConnectivityDesc {
  readonly $: 'connectivity';
  readonly path: 'public' | 'privateLink';
  readonly route?: 'default' | 'vpcPeering' | 'none' | 'native' | 'transitGateway';
  readonly transitGatewayIds?: { [key: string]: string };
}
/** Serverless Worker code: a directory (AWS CDK `codePath`), S3 objects per region (cdktf `code`). */
export interface CodeDesc { readonly $: 'code'; readonly regions: string[] }
/** A hosted zone (AWS CDK imported zone / cdktf zone id). */
export interface ZoneDesc { readonly $: 'zone'; readonly id: string; readonly name: string }
export type Desc = TokenDesc | ImageDesc | CredentialsDesc | ConnectivityDesc | CodeDesc | ZoneDesc;

/** Every descriptor prints as a short label in a counterexample. */
function labelled<T extends Desc>(d: T): T {
  const label = describe(d);
  return Object.defineProperty({ ...d }, fc.toStringMethod, { value: () => label, enumerable: false }) as T;
}

function describe(d: Desc): string {
  const s = (v: unknown) => (typeof v === 'object' && v !== null && '$' in v ? describe(v as Desc) : JSON.stringify(v));
  switch (d.$) {
    case 'token': return `${d.via === 'parameter' ? 'param' : 'token'}(${JSON.stringify(d.value)})`;
    case 'image': return `image(${s(d.ref)})`;
    case 'credentials': return d.method === 'apiKey'
      ? `apiKey(${s(d.secret)}${d.field !== undefined ? `, field=${s(d.field)}` : ''})`
      : `mtls(cert=${s(d.secret)}, key=${s(d.keySecret)})`;
    case 'connectivity': return d.path === 'public' ? 'public()'
      : `privateLink(${d.route ?? ''}${d.transitGatewayIds ? JSON.stringify(d.transitGatewayIds) : ''})`;
    case 'code': return `code(${d.regions.join(',')})`;
    case 'zone': return `zone(${d.id} ${d.name})`;
  }
}

export const isDesc = (v: unknown): v is Desc => typeof v === 'object' && v !== null && typeof (v as { $?: unknown }).$ === 'string';

// ---------------------------------------------------------------------------------------------
// Scalars
// ---------------------------------------------------------------------------------------------

/**
 * Every generator takes `bad`: a case is generated "plausible" (valid values, the odd token) or "nasty" (invalid,
 * dangerous and left-out values mixed in). Mixing the two keeps a good share of cases that synthesize.
 */
function pick<T>(
  bad: boolean, valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<NoInfer<T>> | fc.Arbitrary<any>, invalidWeight = 1, validWeight = 4,
): fc.Arbitrary<T> {
  return bad ? fc.oneof({ weight: validWeight, arbitrary: valid }, { weight: invalidWeight, arbitrary: invalid }) : valid;
}

/** Arbitraries built once per argument list (building them inside `chain` on every generated value is slow). */
function memo<A extends unknown[], R>(f: (...args: A) => R): (...args: A) => R {
  const cache = new Map<string, R>();
  return (...args: A) => {
    const k = JSON.stringify(args);
    if (!cache.has(k)) cache.set(k, f(...args));
    return cache.get(k)!;
  };
}

/** Sometimes left out: optional props (`absentWeight` of `absentWeight + presentWeight`). */
function maybe<T>(arb: fc.Arbitrary<T>, absentWeight = 1, presentWeight = 3): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: presentWeight, arbitrary: arb }, { weight: absentWeight, arbitrary: fc.constant(undefined) });
}

/** A required prop an untyped caller may leave out (nasty cases only). */
const required = <T>(bad: boolean, arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => (bad ? maybe(arb, 1, 25) : arb);

/** A token (its default value shown) sometimes, else the value. */
function orToken<T extends string | number>(arb: fc.Arbitrary<T>, weight = 1): fc.Arbitrary<T | TokenDesc> {
  return fc.oneof(
    { weight: 16, arbitrary: arb },
    { weight, arbitrary: fc.tuple(fc.constantFrom('parameter' as const, 'intrinsic' as const), arb).map(([via, value]) => labelled<TokenDesc>({ $: 'token', via, value })) },
  );
}

/** Replication groups of AWS regions Temporal Cloud runs in (a replica is in its primary's group). */
export const REGION_GROUPS = [['us-east-1', 'us-east-2', 'us-west-2', 'ca-central-1'], ['eu-west-1', 'eu-central-1', 'eu-west-2'], ['ap-southeast-2', 'ap-southeast-1', 'ap-northeast-1']];
export const AWS_REGIONS = REGION_GROUPS.flat();

/** Region spellings and garbage: `aws-` prefixed, upper case, GCP/Azure ids, AWS regions Temporal does not run in, malformed. */
const badRegion: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...AWS_REGIONS).map((r) => `aws-${r}`) },
  { weight: 1, arbitrary: fc.constantFrom(...AWS_REGIONS).map((r) => r.toUpperCase()) },
  { weight: 2, arbitrary: fc.constantFrom('gcp-us-central1', 'gcp-europe-west3', 'gcp-us-east4', 'azure-eastus') },
  { weight: 1, arbitrary: fc.constantFrom('us-gov-west-1', 'cn-north-1', 'me-south-1', 'eu-west-9') },
  { weight: 1, arbitrary: fc.constantFrom('', ' us-east-1', 'us_east_1', 'aws-', 'aws-aws-us-east-1', 'us-east-1 ', 'global') },
);
export const region = (bad: boolean) => pick(bad, fc.constantFrom(...AWS_REGIONS), badRegion, 1, 3);

/** Counts: small valid ones; negative, fractional, huge, NaN in nasty cases. */
export const count = (bad: boolean, min = 0, max = 6) => pick(bad, fc.integer({ min, max }),
  fc.constantFrom(-1, -5, 0, 0.5, 2.5, 1e6, 2 ** 31, Number.MAX_SAFE_INTEGER, Number.NaN, Number.POSITIVE_INFINITY));

const namespaceName = (bad: boolean) => pick(bad,
  fc.oneof(fc.constantFrom('orders', 'payments', 'billing-east', 'shipping'), fc.stringMatching(/^[a-z][a-z0-9-]{1,12}[a-z0-9]$/)),
  fc.constantFrom('', 'Orders', 'orders_1', 'a', '-orders', 'orders.prod', 'x'.repeat(40), 'orders prod'));
const accountId = (bad: boolean) => pick(bad, fc.constantFrom('a1b2c', 'acct1', 'k3y9z'), fc.constantFrom('', 'A1B2C', 'a1.b2', 'tmprl', 'a b', '123456789012345678901234'));

/** The failover domain, including names that answer for Temporal Cloud's endpoints. */
function failoverDomain(bad: boolean, ns: string, acct: string): fc.Arbitrary<string | TokenDesc | undefined> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant(undefined) },
    { weight: 4, arbitrary: fc.constantFrom('orders.temporal.internal', 'ha.example.internal', 'corp.example.com') },
    { weight: 3, arbitrary: fc.constantFrom('tmprl.cloud', 'region.tmprl.cloud', `${acct}.tmprl.cloud`, `${ns}.${acct}.tmprl.cloud`, `x.${ns}.${acct}.tmprl.cloud`, 'TMPRL.CLOUD', 'tmprl.cloud.') },
    ...(bad ? [
      { weight: 1, arbitrary: fc.constantFrom('', 'a..b', '-bad.example', 'has space.example', 'localhost', 'Upper.Example.COM') },
      { weight: 1, arbitrary: fc.constant(labelled<TokenDesc>({ $: 'token', via: 'parameter', value: 'ha.example.internal' })) },
    ] : []),
  );
}

const cidr = (bad: boolean) => pick(bad, fc.constantFrom('10.0.0.0/8', '192.168.0.0/16', '203.0.113.0/24', '0.0.0.0/0'),
  fc.constantFrom('10.0.0.0/33', '300.1.1.1/24', 'not-a-cidr', '', '::/0', '10.0.0.1'));

const PEM = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ\n-----END PRIVATE KEY-----';
/** Environment variables: ordinary ones; reserved and dangerous names, malformed names and PEM-looking values in nasty cases. */
const environment = memo((bad: boolean) => maybe(fc.dictionary(
  pick(bad, fc.constantFrom('TASK_QUEUE', 'LOG_LEVEL', 'FEATURE_X', 'OTEL_EXPORTER_OTLP_ENDPOINT'), fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom('TEMPORAL_ADDRESS', 'TEMPORAL_NAMESPACE', 'TEMPORAL_API_KEY', 'TEMPORAL_TLS_CLIENT_KEY_DATA', 'TEMPORAL_CODEC_AUTH',
        'TEMPORAL_GRPC_META_AUTHORIZATION', 'TEMPORAL_TLS_DISABLE_HOST_VERIFICATION', 'TEMPORAL_TLS_SERVER_CA_CERT_DATA', 'TEMPORAL_TLS', 'AWS_REGION', 'AWS_ACCESS_KEY_ID'),
    },
    { weight: 1, arbitrary: fc.constantFrom('', 'has space', '1ABC', 'a=b', 'lower_case') },
  ), 1, 2),
  pick(bad, orToken(fc.constantFrom('orders', 'info', 'true', 'http://otel:4317')), fc.constantFrom('', PEM, 'a\nb', 'x'.repeat(300)), 1, 3),
  { maxKeys: 4 },
), 2, 1));

const image = memo((bad: boolean): fc.Arbitrary<ImageDesc> => pick(bad,
  orToken(fc.constantFrom('ghcr.io/acme/worker:1.0.0', 'public.ecr.aws/acme/worker@sha256:' + 'a'.repeat(64), 'worker')),
  fc.constantFrom('', ' ', 'UPPER/Case:tag'),
).map((ref) => labelled<ImageDesc>({ $: 'image', ref })));

const healthCheck = memo((bad: boolean) => fc.record({
  command: pick(bad, fc.constantFrom<string[]>(['CMD', '/bin/healthcheck'], ['CMD-SHELL', 'curl -f http://localhost/ || exit 1']), fc.constant([] as string[])),
  intervalSeconds: maybe(pick(bad, fc.integer({ min: 5, max: 300 }), count(true)), 2, 1),
  timeoutSeconds: maybe(pick(bad, fc.integer({ min: 2, max: 60 }), count(true)), 2, 1),
  retries: maybe(pick(bad, fc.integer({ min: 1, max: 10 }), count(true)), 2, 1),
  startPeriodSeconds: maybe(pick(bad, fc.integer({ min: 0, max: 300 }), count(true)), 2, 1),
}));

/** Fargate CPU and memory pairs Fargate accepts. */
const SIZES: Array<[number, number]> = [[256, 512], [512, 1024], [1024, 2048], [2048, 4096], [4096, 8192]];

/** A Worker or starter fleet (FleetSizing and the image). */
export const fleet = memo((bad: boolean, hot: boolean) => fc.tuple(
  fc.record({
    image: required(bad, image(bad)),
    minCapacity: maybe(pick(bad, orToken(fc.integer({ min: 1, max: 4 })), count(true)), 1, 1),
    maxCapacity: maybe(pick(bad, fc.integer({ min: 4, max: 10 }), count(true)), 1, 1),
    targetCpuUtilizationPercent: maybe(pick(bad, fc.constantFrom(50, 70), fc.constantFrom(0, 101, -1, 0.5)), 3, 1),
    cpuArchitecture: maybe(pick(bad, fc.constantFrom('X86_64', 'ARM64'), fc.constant('x86')), 3, 1),
    standbyMinCapacity: hot || bad ? maybe(count(bad, 1, 2), 3, 1) : fc.constant(undefined),
    stopTimeoutSeconds: maybe(pick(bad, fc.constantFrom(30, 90, 120), count(true)), 3, 1),
    healthCheck: maybe(healthCheck(bad), 4, 1),
    environment: environment(bad),
  }).map(defined),
  maybe(pick(bad, fc.constantFrom(...SIZES), fc.tuple(count(true), count(true))), 2, 1),
).map(([f, size]) => (size ? { ...f, cpu: size[0], memoryLimitMiB: size[1] } : f)));

// ---------------------------------------------------------------------------------------------
// Namespace, credentials, connectivity, components
// ---------------------------------------------------------------------------------------------

export interface NamespaceGen {
  readonly name?: string | TokenDesc;
  readonly accountId?: string | TokenDesc;
  readonly primaryRegion?: string;
  readonly replicaRegion?: string;
  readonly pollerForwarding?: string;
}

/** A namespace: a primary and (mostly) a replica of the same replication group; any regions in nasty cases. */
export const namespace = memo(function namespaceOf(bad: boolean, kind: Kind | 'shard'): fc.Arbitrary<NamespaceGen> {
  const sameGroup = fc.constantFrom(...REGION_GROUPS)
    .chain((g) => fc.tuple(fc.constantFrom(...g), fc.constantFrom(...g)).filter(([a, b]) => a !== b));
  const pair = pick(bad, sameGroup,
    fc.tuple(region(true), region(true)));
  return fc.tuple(pair, fc.record({
    name: required(bad, pick(bad, namespaceName(false), orToken(namespaceName(true)))),
    accountId: required(bad, pick(bad, accountId(false), orToken(accountId(true)))),
    replica: bad ? fc.nat(5) : fc.constant(kind === 'shard' ? 1 : 0), // 0: no replica (nasty only, or a shard's SINGLE_REGION)
    primaryGiven: bad ? fc.nat(25) : fc.constant(1),
    pollerForwarding: kind === 'ActiveHotDeployment' && !bad ? fc.constant('disabled') : maybe(pick(bad, fc.constantFrom('enabled', 'disabled'), fc.constant('ENABLED')), 2, 1),
  })).map(([[p, r], x]) => ({
    name: x.name,
    accountId: x.accountId,
    ...(x.primaryGiven === 0 ? {} : { primaryRegion: p }),
    ...((bad ? x.replica === 0 : false) ? {} : { replicaRegion: r }),
    ...(x.pollerForwarding !== undefined ? { pollerForwarding: x.pollerForwarding } : {}),
  }));
});

/**
 * A secret: a name mostly; an ARN of one of the namespace's regions or of another region (the AWS CDK adapter passes an ARN as an imported
 * secret, `TemporalCredentials.apiKey(secret)`; cdktf has names only); malformed in nasty cases.
 */
function secretRef(bad: boolean, regions: string[], name: string): fc.Arbitrary<string | TokenDesc> {
  const arn = (r: string) => `arn:aws:secretsmanager:${r}:111111111111:secret:${name}-AbCdEf`;
  return pick(bad, fc.oneof(
    { weight: 40, arbitrary: orToken(fc.constant(name)) },
    { weight: 1, arbitrary: fc.constantFrom(...regions).map(arn) },
    { weight: 1, arbitrary: fc.constantFrom('eu-west-1', 'ap-southeast-2', 'us-east-2').map(arn) },
  ), fc.constantFrom('', 'bad name!', 'arn:aws:secretsmanager:::secret:x', 'arn:aws:s3:::bucket/key'), 1, 2);
}

export const credentials = memo(function credentialsOf(bad: boolean, regions: string[]): fc.Arbitrary<CredentialsDesc> {
  return fc.oneof(
    fc.record({ secret: secretRef(bad, regions, 'temporal/orders/api-key'), field: maybe(pick(bad, fc.constant('apiKey'), fc.constant('')), 3, 1) }, { requiredKeys: ['secret'] })
      .map(({ secret, field }) => labelled<CredentialsDesc>({ $: 'credentials', method: 'apiKey', secret, ...(field !== undefined ? { field } : {}) })),
    fc.tuple(secretRef(bad, regions, 'temporal/orders/client-cert'), secretRef(bad, regions, 'temporal/orders/client-key'))
      .map(([secret, keySecret]) => labelled<CredentialsDesc>({ $: 'credentials', method: 'mtls', secret, keySecret })),
  );
});

export const connectivity = memo(function connectivityOf(bad: boolean, regions: string[]): fc.Arbitrary<ConnectivityDesc | undefined> {
  const tgwKey = pick(bad, fc.constantFrom(...regions), fc.oneof(fc.constantFrom(...regions).map((r) => `aws-${r}`), fc.constantFrom('us-east-1', 'aws-us-east-1', 'nowhere')), 1, 1);
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 3, arbitrary: fc.constant(labelled<ConnectivityDesc>({ $: 'connectivity', path: 'public' })) },
    {
      weight: 6,
      arbitrary: pick(bad, fc.constantFrom('default' as const, 'vpcPeering' as const), fc.constantFrom('none' as const, 'native' as const), 1, 1)
        .map((route) => labelled<ConnectivityDesc>({ $: 'connectivity', path: 'privateLink', route })),
    },
    {
      weight: 2,
      arbitrary: fc.dictionary(tgwKey, pick(bad, fc.constant('tgw-0123456789abcdef0'), fc.constantFrom('tgw-1', '')), { minKeys: 1, maxKeys: 3 })
        .map((transitGatewayIds) => labelled<ConnectivityDesc>({ $: 'connectivity', path: 'privateLink', route: 'transitGateway', transitGatewayIds })),
    },
  );
});

/** A key of a per-region map, in the spellings users write (`aws-` prefixed and upper case are nasty). */
const regionKey = (bad: boolean, regions: string[]) => pick(bad, fc.constantFrom(...regions), fc.oneof(
  fc.constantFrom(...regions).map((r) => `aws-${r}`), fc.constantFrom(...regions).map((r) => r.toUpperCase()), fc.constantFrom('eu-west-1', 'nowhere'),
), 1, 2);

const certArnFor = (r: string) => `arn:aws:acm:${r}:111111111111:certificate/00000000-0000-0000-0000-000000000001`;

/** The codec server: a certificate per Worker region mostly (keys in various spellings; other regions' and malformed ARNs in nasty cases). */
export const codecServer = memo(function codecServerOf(bad: boolean, regions: string[]) {
  const certs = pick(bad, fc.constant(Object.fromEntries(regions.map((r) => [r, certArnFor(r)]))),
    fc.dictionary(regionKey(true, regions), orToken(fc.oneof(fc.constantFrom(...regions).map(certArnFor), fc.constantFrom(certArnFor('eu-west-1'), 'not-an-arn', ''))), { maxKeys: 4 }), 1, 1);
  return fc.record({
    image: required(bad, image(bad)),
    certificateArns: maybe(certs, 1, 6),
    domainNames: maybe(fc.dictionary(regionKey(bad, regions), pick(bad, fc.constantFrom('codec.example.com', 'codec-east.example.com'),
      fc.constantFrom('', 'tmprl.cloud', 'Bad..name')), { maxKeys: 3 }), 3, 1),
    hostedZone: maybe(fc.constant(labelled<ZoneDesc>({ $: 'zone', id: 'Z0123456789ABCDEFGHIJ', name: 'example.com' })), 5, 1),
    allowedCidrs: maybe(fc.array(cidr(bad), { minLength: 1, maxLength: 3 }), 3, 1),
    internetFacing: maybe(fc.boolean(), 2, 1),
    corsAllowedOrigins: maybe(fc.array(pick(bad, fc.constant('https://cloud.temporal.io'), fc.constantFrom('*', 'not a url')), { minLength: 1, maxLength: 2 }), 4, 1),
    containerPort: maybe(pick(bad, fc.constantFrom(8080, 8443), fc.oneof(count(true), fc.constant(70000))), 4, 1),
    healthCheckPath: maybe(pick(bad, fc.constant('/health'), fc.constantFrom('', 'health')), 4, 1),
    desiredCount: maybe(count(bad, 1, 3), 3, 1),
  }).map(defined);
});

export const proxy = memo((bad: boolean) => fc.record({
  image: required(bad, image(bad)),
  desiredCount: maybe(count(bad, 1, 3), 3, 1),
  containerPort: maybe(pick(bad, fc.constantFrom(7233, 8443), fc.oneof(count(true), fc.constant(70000))), 4, 1),
  listenerPort: maybe(pick(bad, fc.constant(7233), count(true)), 4, 1),
  environment: environment(bad),
}).map(defined));

const ACK_IDS = ['TEMPORAL_REGIONAL_ENDPOINT_DURING_FAILOVER', 'TEMPORAL_NO_SUCH_RULE', 'TEMPORAL_POLLER_FORWARDING'];

/** What every pattern shares. */
const shared = memo(function sharedOf(bad: boolean, regions: string[], ns: string, acct: string) {
  return fc.record({
    connectivity: connectivity(bad, regions),
    egress: maybe(pick(bad, fc.constantFrom('nat-gateway', 'vpc-endpoints'), fc.constant('NAT')), 2, 1),
    codecServer: maybe(codecServer(bad, regions), 3, 1),
    proxy: maybe(proxy(bad), 4, 1),
    componentRouting: maybe(fc.constantFrom('per-region-config', 'failover-dns'), 1, 1),
    failoverDomainName: failoverDomain(bad, ns, acct),
    acknowledgeWarnings: bad ? maybe(fc.dictionary(fc.constantFrom(...ACK_IDS), fc.constantFrom('reviewed', '')), 6, 1) : fc.constant(undefined),
  }).map(defined);
});

/** The string a generated value stands for (a token's default), for deriving related values. */
const plain = (v: string | TokenDesc | undefined, dflt: string): string => (v === undefined ? dflt : typeof v === 'string' ? v : String(v.value));

/** Drops `undefined` values (the prop left out rather than set to undefined; both occur, the latter from `maybe`). */
const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

// ---------------------------------------------------------------------------------------------
// Whole prop sets per pattern
// ---------------------------------------------------------------------------------------------

/** A generated construct: its kind, id and props (engine-neutral). */
export interface Case {
  readonly kind: Kind;
  readonly id: string;
  readonly props: Record<string, unknown> | undefined;
}

const constructId = (bad: boolean) => pick(bad, fc.constantFrom('Orders', 'Payments'), fc.constantFrom('orders-ha', 'O', 'Orders_1', 'Orders.v2'));

/** The AWS regions a namespace touches (for the per-region maps), `us-east-1` if none. */
const regionsOf = (n: NamespaceGen): string[] => {
  const rs = [n.primaryRegion, n.replicaRegion].filter((r): r is string => r !== undefined && r !== '');
  return rs.length ? rs : ['us-east-1'];
};

const serverless = memo(function serverlessOf(bad: boolean, regions: string[]) {
  return fc.record({
    buildId: required(bad, pick(bad, fc.constant('orders-2026.11.1'), fc.constantFrom('', 'has space'))),
    buildIds: bad ? maybe(fc.dictionary(regionKey(bad, regions), fc.constantFrom('orders-2026.11.1', 'orders-2026.11.2')), 6, 1) : fc.constant(undefined),
    externalId: required(bad, pick(bad, orToken(fc.constant('temporal-invoker-3f9a1c7d2e')), fc.constantFrom('', 'x'))),
    code: required(bad, fc.constant(labelled<CodeDesc>({ $: 'code', regions }))),
    handler: maybe(pick(bad, fc.constant('index.handler'), fc.constant('')), 3, 1),
    memorySize: maybe(pick(bad, fc.constantFrom(512, 1024), count(true)), 3, 1),
    taskQueue: maybe(pick(bad, fc.constant('orders'), fc.constant('')), 3, 1),
    environment: environment(bad),
  }).map(defined);
});

function singleNamespaceCase(kind: Kind, bad: boolean): fc.Arbitrary<Case> {
  return fc.tuple(constructId(bad), namespace(bad, kind)).chain(([id, ns]) => {
    const regions = regionsOf(ns);
    const common = { namespace: fc.constant(ns), credentials: required(bad, credentials(bad, regions)) };
    const pattern = kind === 'ServerlessWorkers'
      ? fc.record({ ...common, serverlessWorkers: required(bad, serverless(bad, regions)) }).map(defined)
      : fc.record({
        ...common,
        workers: bad ? maybe(fleet(bad, true), 1, 20) : fleet(bad, kind === 'ActiveHotDeployment'),
        serverlessWorkers: bad ? maybe(serverless(bad, regions), 20, 1) : fc.constant(undefined),
        starters: maybe(fc.record({
          image: required(bad, image(bad)),
          minCapacity: maybe(count(bad, 1, 3), 2, 1),
          environment: environment(bad),
          pinnedRegion: maybe(pick(bad, fc.constantFrom(...regions), region(true)), 2, 1),
        }).map(defined), 4, 1),
        endpoint: maybe(pick(bad, fc.constant(kind === 'ActiveHotDeployment' ? 'regional' : 'namespace'), fc.constantFrom('namespace', 'regional')), 2, 1),
        ...(kind === 'ActiveActiveDeployment' ? { workerRegions: maybe(pick(bad, fc.subarray(regions, { minLength: 1 }), fc.array(region(true), { maxLength: 4 })), 3, 1) } : {}),
        ...(kind === 'ActiveColdDeployment' ? { standbyRegion: maybe(pick(bad, fc.constantFrom(...(regions.length > 1 ? regions.slice(1) : regions)), region(true)), 4, 1) } : {}),
      }).map(defined);
    return fc.tuple(pattern, shared(bad, regions, plain(ns.name, 'orders'), plain(ns.accountId, 'a1b2c')), bad ? fc.nat(40) : fc.constant(1))
      .map(([p, s, absent]) => ({ kind, id, props: absent === 0 ? undefined : defined({ ...s, ...p }) }));
  });
}

const shardName = (bad: boolean) => pick(bad, fc.constantFrom('orders-a', 'orders-b', 'eu', 'east', 'west'),
  fc.constantFrom('', 'Orders_A', 'a'.repeat(60), 'has space', 'x/y', '-a', '1'));

const SHARD_PATTERNS = ['single-region', 'active-cold', 'active-hot'];
const shard = (bad: boolean) => pick(bad, fc.constantFrom(...SHARD_PATTERNS), fc.constantFrom('active-active', 'ACTIVE_HOT')).chain((pattern) =>
  namespace(bad, pattern === 'active-hot' ? 'ActiveHotDeployment' : 'shard').chain((ns) => fc.record({
    name: required(bad, shardName(bad)),
    namespace: fc.constant(pattern === 'single-region' && !bad ? { ...ns, replicaRegion: undefined } : ns),
    pattern: required(bad, fc.constant(pattern)),
    credentials: required(bad, credentials(bad, regionsOf(ns))),
    workers: required(bad, fleet(bad, pattern === 'active-hot')),
    endpoint: bad ? maybe(fc.constantFrom('namespace', 'regional'), 3, 1) : fc.constant(undefined),
    standbyRegion: bad ? maybe(region(true), 6, 1) : fc.constant(undefined),
  }).map(defined)));

function shardedCase(bad: boolean): fc.Arbitrary<Case> {
  // Plausible shards have distinct names and namespaces (nasty ones may repeat them).
  const key = (x: Record<string, any>) => [x.name, JSON.stringify([x.namespace?.name, x.namespace?.accountId])];
  const shardList = bad ? fc.array(shard(bad), { maxLength: 3 })
    : fc.uniqueArray(shard(bad), { minLength: 1, maxLength: 3, comparator: (a, b) => key(a).some((k, i) => k === key(b)[i]) });
  return fc.tuple(constructId(bad), shardList).chain(([id, shards]) => {
    const regions = [...new Set(shards.flatMap((s) => regionsOf((s.namespace ?? {}) as NamespaceGen)))];
    return fc.tuple(shared(bad, regions.length ? regions : ['us-east-1'], 'orders', 'a1b2c'), bad ? fc.nat(40) : fc.constant(1))
      .map(([s, absent]) => ({ kind: 'RegionallyShardedNamespaces' as Kind, id, props: absent === 0 ? undefined : defined({ ...s, shards }) }));
  });
}

/** A generated construct of the given kind: plausible 3 times in 5, nasty otherwise (`nastyWeight` 0: plausible only). */
export function caseOf(kind: Kind, nastyWeight = 2): fc.Arbitrary<Case> {
  const of = (bad: boolean) => (kind === 'RegionallyShardedNamespaces' ? shardedCase(bad) : singleNamespaceCase(kind, bad));
  return nastyWeight === 0 ? of(false) : fc.oneof({ weight: 3, arbitrary: of(false) }, { weight: nastyWeight, arbitrary: of(true) });
}

/**
 * What every deployment on one worker VPC shares, app-wide: ONE `region.tmprl.cloud` private zone and ONE Temporal PrivateLink endpoint per VPC,
 * and one record per name in that zone. Route 53 refuses a second private zone of the same name on a VPC (`ConflictingDomainExists`), and two
 * endpoints would each want the record `aws-<region>.region.tmprl.cloud`, a name that has one CNAME. So every deployment (any pattern, any
 * namespace) asks this registry for its VPC's endpoint, zone, records and endpoint ingress: the first one to ask creates them, the others reuse
 * what it created. Engine-neutral: it holds whatever the engine's renderer created, keyed on the construct tree's root (the App), the VPC's region
 * and identity (its id string: a token stable within the app for a VPC construct, a literal for an imported VPC).
 * Source: https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/hosted-zone-private-considerations.html
 */
/** A construct of either engine, by what the registry reads of it (lib/core imports no engine, nor `constructs`). */
export interface ConstructLike {
  readonly node: { readonly root: object };
}

/** What the registry shares, by kind. */
export type SharedKind = 'endpoint' | 'zone' | 'record' | 'ingress' | 'connection';

/** Who put a VPC's `region.tmprl.cloud` zone in the registry: the deployment's construct path, and the supplied zone's id (undefined: created). */
export interface ZoneOwner {
  readonly owner: string;
  readonly suppliedId?: string;
}

const REGISTRIES = new WeakMap<object, SharedPrivateLink>();

/** The app-wide registry of shared PrivateLink pieces (one per construct tree root). */
export class SharedPrivateLink {
  /** The registry of the app `scope` belongs to. */
  public static of(scope: ConstructLike): SharedPrivateLink {
    const root = scope.node.root;
    let registry = REGISTRIES.get(root);
    if (!registry) REGISTRIES.set(root, registry = new SharedPrivateLink());
    return registry;
  }

  /** The key of a worker VPC: its AWS region and its id (a literal or a token string). */
  public static vpcKey(awsRegion: string, vpcId: string): string {
    return `${awsRegion}|${vpcId}`;
  }

  private readonly items = new Map<string, unknown>();
  private readonly zoneOwners = new Map<string, ZoneOwner>();

  private constructor() {}

  /** The thing of `kind` under `key`: made by `create` the first time it is asked for, the same one afterwards. */
  public once<T>(kind: SharedKind, key: string, create: () => T): T {
    const k = `${kind}|${key}`;
    if (!this.items.has(k)) this.items.set(k, create());
    return this.items.get(k) as T;
  }

  /** Whether something of `kind` under `key` exists. */
  public has(kind: SharedKind, key: string): boolean {
    return this.items.has(`${kind}|${key}`);
  }

  /**
   * The `region.tmprl.cloud` zone of a VPC: made by `create` (the zone `owner` supplied, or a new one) the first time, the same one afterwards,
   * whoever asks (a zone one deployment supplied is where every other deployment on the VPC writes its records).
   */
  public zone<T>(vpcKey: string, owner: ZoneOwner, create: () => T): T {
    if (!this.zoneOwners.has(vpcKey)) this.zoneOwners.set(vpcKey, owner);
    return this.once('zone', vpcKey, create);
  }

  /** Who put the VPC's zone in the registry, if anyone has yet. */
  public zoneOwner(vpcKey: string): ZoneOwner | undefined {
    return this.zoneOwners.get(vpcKey);
  }
}

/**
 * The Temporal Cloud AWS region catalog: ids, Regional Endpoints, PrivateLink service names and
 * which regions may hold each other's replica. One place to change when Temporal adds a region.
 * Sources: Temporal Cloud's AWS PrivateLink page (https://docs.temporal.io/cloud/connectivity/aws-connectivity)
 * and the High Availability page's replication rules (https://docs.temporal.io/cloud/high-availability).
 */

/** The port every Temporal Cloud gRPC endpoint listens on. */
export const TEMPORAL_GRPC_PORT = 7233;

/** The DNS suffix of Temporal Cloud Regional Endpoints (and the private zone name for HA namespaces). */
export const REGIONAL_ENDPOINT_ZONE = 'region.tmprl.cloud';

/** Groups of regions between which Temporal Cloud replicates a namespace (same-continent rule). */
export enum ReplicationGroup {
  /** North America. */
  NORTH_AMERICA = 'north-america',
  /** Europe. */
  EUROPE = 'europe',
  /** Asia Pacific. */
  ASIA_PACIFIC = 'asia-pacific',
  /** South America: a single region, so it cannot hold a multi-region replica. */
  SOUTH_AMERICA = 'south-america',
}

/** One Temporal Cloud region on AWS. */
export interface TemporalRegionInfo {
  /** Temporal's region id, e.g. `aws-us-east-1`. */
  readonly id: string;
  /** The AWS region, e.g. `us-east-1`. */
  readonly awsRegion: string;
  /** The group of regions this region may replicate with. */
  readonly replicationGroup: ReplicationGroup;
  /** The PrivateLink endpoint service name of Temporal Cloud in this region. */
  readonly privateLinkServiceName: string;
  /** Whether Temporal Cloud offers same-region replication (a replica in another cell of this region). */
  readonly sameRegionReplication: boolean;
}

/** Per AWS region: the id of Temporal Cloud's PrivateLink endpoint service and the replication group. */
const REGIONS: Record<string, [serviceId: string, group: ReplicationGroup]> = {
  'ap-northeast-1': ['08f34c33f9fb8a48a', ReplicationGroup.ASIA_PACIFIC],
  'ap-northeast-2': ['08c4d5445a5aad308', ReplicationGroup.ASIA_PACIFIC],
  'ap-south-1': ['0ad4f8ed56db15662', ReplicationGroup.ASIA_PACIFIC],
  'ap-south-2': ['08bcf602b646c69c1', ReplicationGroup.ASIA_PACIFIC],
  'ap-southeast-1': ['05c24096fa89b0ccd', ReplicationGroup.ASIA_PACIFIC],
  'ap-southeast-2': ['0634f9628e3c15b08', ReplicationGroup.ASIA_PACIFIC],
  'eu-central-1': ['073a419b36663a0f3', ReplicationGroup.EUROPE],
  'eu-west-1': ['04388e89f3479b739', ReplicationGroup.EUROPE],
  'eu-west-2': ['0ac7f9f07e7fb5695', ReplicationGroup.EUROPE],
  'ca-central-1': ['080a781925d0b1d9d', ReplicationGroup.NORTH_AMERICA],
  'sa-east-1': ['0ca67a102f3ce525a', ReplicationGroup.SOUTH_AMERICA],
  'us-east-1': ['0822256b6575ea37f', ReplicationGroup.NORTH_AMERICA],
  'us-east-2': ['01b8dccfc6660d9d4', ReplicationGroup.NORTH_AMERICA],
  'us-west-2': ['0f44b3d7302816b94', ReplicationGroup.NORTH_AMERICA],
};

const SAME_REGION_REPLICATION = new Set(['us-east-1', 'us-west-2', 'ap-southeast-2']);

const CATALOG: readonly TemporalRegionInfo[] = Object.keys(REGIONS).sort().map((awsRegion) => ({
  id: `aws-${awsRegion}`,
  awsRegion,
  replicationGroup: REGIONS[awsRegion][1],
  privateLinkServiceName: `com.amazonaws.vpce.${awsRegion}.vpce-svc-${REGIONS[awsRegion][0]}`,
  sameRegionReplication: SAME_REGION_REPLICATION.has(awsRegion),
}));

/** Every Temporal Cloud region on AWS this library knows, sorted by AWS region. */
export function allRegions(): readonly TemporalRegionInfo[] {
  return CATALOG;
}

/**
 * Normalizes what a user wrote (`us-east-1`, `aws-us-east-1`, ` US-EAST-1 `) to the AWS region name.
 * Returns the input trimmed and lower-cased when it has no `aws-` prefix; it may still be unknown.
 */
export function normalizeAwsRegion(input: string): string {
  const s = input.trim().toLowerCase();
  return s.startsWith('aws-') ? s.slice(4) : s;
}

/** Looks a region up by AWS name or Temporal id; undefined when Temporal Cloud has no such AWS region. */
export function findRegion(input: string): TemporalRegionInfo | undefined {
  const aws = normalizeAwsRegion(input);
  return CATALOG.find((r) => r.awsRegion === aws);
}

/** The Regional Endpoint host of a region: `aws-us-east-1.region.tmprl.cloud`. */
export function regionalEndpointHost(awsRegion: string): string {
  return `aws-${normalizeAwsRegion(awsRegion)}.${REGIONAL_ENDPOINT_ZONE}`;
}

/** Whether a namespace active in `primary` may hold its replica in `replica` (different regions). */
export function canReplicate(primary: TemporalRegionInfo, replica: TemporalRegionInfo): boolean {
  return primary.awsRegion !== replica.awsRegion && primary.replicationGroup === replica.replicationGroup;
}

/** The regions a namespace active in `primary` may replicate to (other regions only). */
export function replicaCandidates(primary: TemporalRegionInfo): TemporalRegionInfo[] {
  return CATALOG.filter((r) => canReplicate(primary, r));
}

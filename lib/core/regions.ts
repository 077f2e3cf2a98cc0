/**
 * The Temporal Cloud region catalog: ids, Regional Endpoints, PrivateLink service names and
 * which regions may hold each other's replica. One place to change when Temporal adds a region.
 * Sources: Temporal Cloud's AWS PrivateLink page (https://docs.temporal.io/cloud/connectivity/aws-connectivity),
 * the High Availability page's replication rules (https://docs.temporal.io/cloud/high-availability) and the
 * service regions page (https://docs.temporal.io/cloud/regions), which lists per region its same-region,
 * multi-region and multi-cloud replication partners.
 *
 * Region keys: an AWS region is keyed by its AWS name (`us-east-1`, whether written `aws-us-east-1` or
 * `US-EAST-1`); a region on another cloud by its Temporal id (`gcp-us-central1`). This library deploys
 * on AWS only: a namespace may replicate to another cloud (multi-cloud replication), but every fleet runs
 * in an AWS region.
 */

import { isUnresolved } from './components/input';

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
 * Returns the input trimmed and lower-cased when it has no `aws-` prefix; it may still be unknown. A value
 * unknown at synth (a token) is returned as is (TEMPORAL_KNOWN_AT_SYNTH reports it).
 */
export function normalizeAwsRegion(input: string): string {
  if (typeof input !== 'string' || isUnresolved(input)) return input;
  const s = input.trim().toLowerCase();
  const stripped = s.startsWith('aws-') ? s.slice(4) : s;
  // One prefix only: `aws-aws-us-east-1` stays as written (unknown), so that normalizing twice never turns it into a region.
  return stripped.startsWith('aws-') ? s : stripped;
}

/** Looks a region up by AWS name or Temporal id; undefined when Temporal Cloud has no such AWS region. */
export function findRegion(input: string): TemporalRegionInfo | undefined {
  const aws = normalizeAwsRegion(input);
  return CATALOG.find((r) => r.awsRegion === aws);
}

/** Temporal id prefixes of the clouds other than AWS (a region key starting with one is not an AWS region). */
const OTHER_CLOUD_PREFIXES = ['gcp-', 'azure-'];

/** The cloud a region key names: `aws`, or the prefix of another cloud's Temporal id (`gcp`, `azure`). */
export function cloudOf(region: string): string {
  const key = normalizeAwsRegion(region);
  const prefix = OTHER_CLOUD_PREFIXES.find((p) => key.startsWith(p));
  return prefix ? prefix.slice(0, -1) : 'aws';
}

/** Whether a region key names a region on another cloud than AWS (`gcp-us-central1`), where this library deploys nothing. */
export function isOtherCloud(region: string): boolean {
  return cloudOf(region) !== 'aws';
}

/** A Temporal Cloud region on another cloud than AWS, which may hold the replica of a namespace whose Workers run on AWS. */
export interface OtherCloudRegionInfo {
  /** Temporal's region id, e.g. `gcp-us-central1`. */
  readonly id: string;
  /** The cloud, e.g. `gcp`. */
  readonly cloud: string;
  /** The group of regions this region may replicate with (same continent). */
  readonly replicationGroup: ReplicationGroup;
  /** The AWS regions (AWS names) Temporal Cloud replicates this region with (multi-cloud replication). */
  readonly awsPartners: readonly string[];
  /** The regions of its own cloud (Temporal ids) it replicates with (multi-region replication). */
  readonly sameCloudPartners: readonly string[];
}

const NA_AWS = ['ca-central-1', 'us-east-1', 'us-east-2', 'us-west-2'];
const gcp = (region: string, group: ReplicationGroup, awsPartners: string[], sameCloud: string[] = []): OtherCloudRegionInfo =>
  ({ id: `gcp-${region}`, cloud: 'gcp', replicationGroup: group, awsPartners, sameCloudPartners: sameCloud.map((r) => `gcp-${r}`) });

/**
 * Temporal Cloud's GCP regions and their replication partners, as the service regions page lists them
 * (https://docs.temporal.io/cloud/regions, GCP section): no GCP region offers same-region replication.
 */
const OTHER_CLOUD_CATALOG: readonly OtherCloudRegionInfo[] = [
  gcp('asia-south1', ReplicationGroup.ASIA_PACIFIC, ['ap-northeast-1', 'ap-northeast-2', 'ap-south-1', 'ap-south-2', 'ap-southeast-1', 'ap-southeast-2']),
  gcp('asia-southeast2', ReplicationGroup.ASIA_PACIFIC, []),
  gcp('australia-southeast1', ReplicationGroup.ASIA_PACIFIC, []),
  gcp('europe-west3', ReplicationGroup.EUROPE, ['eu-central-1', 'eu-west-1', 'eu-west-2']),
  gcp('us-central1', ReplicationGroup.NORTH_AMERICA, NA_AWS, ['us-west1', 'us-east4']),
  gcp('us-east4', ReplicationGroup.NORTH_AMERICA, NA_AWS, ['us-central1', 'us-west1']),
  gcp('us-west1', ReplicationGroup.NORTH_AMERICA, NA_AWS, ['us-central1', 'us-east4']),
];

/** Every Temporal Cloud region on another cloud this library knows, sorted by id. */
export function otherCloudRegions(): readonly OtherCloudRegionInfo[] {
  return OTHER_CLOUD_CATALOG;
}

/** Looks a region on another cloud up by Temporal id (`gcp-us-central1`, any case); undefined when unknown. */
export function findOtherCloudRegion(input: string): OtherCloudRegionInfo | undefined {
  const key = normalizeAwsRegion(input);
  return OTHER_CLOUD_CATALOG.find((r) => r.id === key);
}

/** Whether the catalog knows the region, whichever cloud it is on. */
export function isKnownRegion(region: string): boolean {
  return isOtherCloud(region) ? findOtherCloudRegion(region) !== undefined : findRegion(region) !== undefined;
}

/** A region as messages name it: `us-east-1` for AWS, the Temporal id (`gcp-us-central1`) for another cloud. */
export function temporalRegionId(region: string): string {
  const key = normalizeAwsRegion(region);
  return isOtherCloud(key) ? key : `aws-${key}`;
}

/** The Regional Endpoint host of a region: `aws-us-east-1.region.tmprl.cloud` (`gcp-us-central1.region.tmprl.cloud` on GCP). */
export function regionalEndpointHost(region: string): string {
  return `${temporalRegionId(region)}.${REGIONAL_ENDPOINT_ZONE}`;
}

/**
 * Whether Temporal Cloud replicates a namespace active in `primary` to `replica` (different regions, either cloud),
 * per the catalog's partner lists; undefined when a region is not in the catalog (the region rule reports it).
 */
export function canReplicateBetween(primary: string, replica: string): boolean | undefined {
  const [p, r] = [normalizeAwsRegion(primary), normalizeAwsRegion(replica)];
  if (p === r) return false;
  const awsP = findRegion(p);
  const awsR = findRegion(r);
  const otherP = findOtherCloudRegion(p);
  const otherR = findOtherCloudRegion(r);
  if (awsP && awsR) return canReplicate(awsP, awsR);
  if (otherP && otherR) return otherP.sameCloudPartners.includes(otherR.id);
  if (otherP && awsR) return otherP.awsPartners.includes(awsR.awsRegion);
  if (awsP && otherR) return otherR.awsPartners.includes(awsP.awsRegion);
  return undefined;
}

/** The regions (keys) a namespace active in `primary` may replicate to, on every cloud the catalog knows. */
export function replicaCandidatesOf(primary: string): string[] {
  const keys = [...CATALOG.map((r) => r.awsRegion), ...OTHER_CLOUD_CATALOG.map((r) => r.id)];
  return keys.filter((k) => canReplicateBetween(primary, k) === true);
}

/** Whether a namespace active in `primary` may hold its replica in `replica` (different regions). */
export function canReplicate(primary: TemporalRegionInfo, replica: TemporalRegionInfo): boolean {
  return primary.awsRegion !== replica.awsRegion && primary.replicationGroup === replica.replicationGroup;
}

/** The regions a namespace active in `primary` may replicate to (other regions only). */
export function replicaCandidates(primary: TemporalRegionInfo): TemporalRegionInfo[] {
  return CATALOG.filter((r) => canReplicate(primary, r));
}

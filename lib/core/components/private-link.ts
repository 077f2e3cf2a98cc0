/**
 * An AWS PrivateLink interface endpoint to Temporal Cloud and the private DNS records that send Temporal names to it: its inputs, defaults, checks
 * and the settings both engines emit.
 * The endpoint connects to Temporal's endpoint service of its own region on TCP 7233 with private DNS off (the service has no private DNS name);
 * names reach it through a Route 53 private zone: `region.tmprl.cloud` with one `aws-<region>.region.tmprl.cloud` CNAME per region for namespaces
 * with High Availability, or, for a single-region namespace, a zone of its own Namespace Endpoint host whose apex is an alias of the endpoint.
 * Sources: https://docs.temporal.io/cloud/connectivity/aws-connectivity, https://docs.temporal.io/cloud/high-availability/ha-connectivity and
 * https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html
 */
import type { PlacementFact, PlannedRegionalZone, PlannedZoneRecord } from '../plan';
import { allRegions, findRegion, normalizeAwsRegion, REGIONAL_ENDPOINT_ZONE, regionalEndpointHost, TEMPORAL_GRPC_PORT } from '../regions';
import { InputChecker, InputHit, isUnresolved } from './input';

/** Rule id of the checks on an endpoint's and its records' inputs. */
export const PRIVATELINK_SETTINGS_RULE = 'TEMPORAL_PRIVATELINK_SETTINGS';

/** Defaults of the endpoint, written once. */
export const PRIVATE_LINK_DEFAULTS = {
  port: TEMPORAL_GRPC_PORT,
  /** Temporal's endpoint service has no private DNS name: the private zones answer instead. */
  privateDnsEnabled: false,
} as const;

/** Defaults of the private zones, written once. */
export const PRIVATE_ZONE_DEFAULTS = {
  zoneName: REGIONAL_ENDPOINT_ZONE,
  recordTtlSeconds: 60,
  /** Comment of each Regional Endpoint record (where the engine's record has one). */
  recordComment: 'Temporal Cloud Regional Endpoint via AWS PrivateLink',
} as const;

/** What an endpoint block is given about its region. */
export interface PrivateLinkEndpointInput {
  /** The region the user named (`us-east-1` or `aws-us-east-1`); undefined = the deploy region. */
  readonly region?: string;
  /** The prop that names it, for messages (`region`, `awsRegion`). */
  readonly regionProp: string;
  /** The region the resources deploy to (the stack's or the provider's); undefined when not known. */
  readonly deployRegion?: string;
  /** What pins the deploy region, for messages (`stack`, `provider`). */
  readonly deployer: string;
  /** An explicit endpoint service name (overrides the catalog's). */
  readonly serviceName?: string;
}

/** Checks an endpoint's region: known, equal to the deploy region, with a Temporal PrivateLink service. */
export function checkPrivateLinkEndpoint(i: PrivateLinkEndpointInput, path?: string): InputHit[] {
  const c = new InputChecker(PRIVATELINK_SETTINGS_RULE, '', path);
  const region = i.region ?? i.deployRegion;
  if (region === undefined || isUnresolved(region)) {
    if (i.serviceName === undefined) {
      c.add(i.regionProp, region, `${i.region === undefined ? `the ${i.deployer}'s region` : 'the region'} is unresolved, so the Temporal Cloud PrivateLink service cannot be chosen.`,
        `give the ${i.deployer} an explicit region, or set ${i.regionProp}: 'us-east-1' (the ${i.deployer}'s real region).`);
    }
    return c.hits;
  }
  const deploy = i.deployRegion === undefined || isUnresolved(i.deployRegion) ? undefined : normalizeAwsRegion(i.deployRegion);
  if (i.region !== undefined && deploy !== undefined && deploy !== normalizeAwsRegion(i.region)) {
    c.add(i.regionProp, i.region, `differs from the ${i.deployer}'s region ('${i.deployRegion}'): an interface endpoint lives in its ${i.deployer}'s region, and Temporal Cloud does not support AWS cross-region interface endpoints.`,
      `create the endpoint with a ${i.deployer} in '${normalizeAwsRegion(i.region)}' and reach it from other regions over VPC peering or Transit Gateway.`);
  }
  if (!findRegion(region) && i.serviceName === undefined) {
    c.add(i.regionProp, region, 'has no Temporal Cloud PrivateLink service.', `use one of: ${allRegions().map((r) => r.awsRegion).join(', ')} (or pass serviceName).`);
  }
  return c.hits;
}

/**
 * The settings both engines write for an endpoint whose input `checkPrivateLinkEndpoint` accepted: its
 * AWS region (`us-east-1`) and the Regional Endpoint host it serves (`aws-us-east-1.region.tmprl.cloud`).
 */
export function privateLinkEndpointSettings(i: PrivateLinkEndpointInput) {
  const region = (i.region ?? i.deployRegion)!;
  const awsRegion = isUnresolved(region) ? region : normalizeAwsRegion(region);
  return {
    awsRegion,
    serviceName: i.serviceName ?? findRegion(region)?.privateLinkServiceName ?? '',
    port: PRIVATE_LINK_DEFAULTS.port,
    privateDnsEnabled: PRIVATE_LINK_DEFAULTS.privateDnsEnabled,
    regionalEndpointHost: isUnresolved(region) ? `aws-${region}.${REGIONAL_ENDPOINT_ZONE}` : regionalEndpointHost(awsRegion),
    securityGroupDescription: `Temporal Cloud PrivateLink endpoint (${awsRegion}): TCP ${PRIVATE_LINK_DEFAULTS.port} from Workers`,
  };
}

/** Description of an ingress rule on the endpoint's security group (`source`: whom it admits, when not the VPC's own Workers). */
export function privateLinkIngressDescription(source?: string): string {
  return `Temporal gRPC (${PRIVATE_LINK_DEFAULTS.port})${source ? ` from ${source}` : ''}`;
}

/** The comment of a private zone: `region.tmprl.cloud`, or a single-region namespace's own zone. */
export function privateZoneComment(namespaceHost?: string): string {
  return namespaceHost === undefined
    ? 'Temporal Cloud Regional Endpoints through AWS PrivateLink (High Availability namespaces: never a Namespace Endpoint record)'
    : `Temporal Cloud single-region namespace ${namespaceHost} through AWS PrivateLink`;
}

/**
 * The Regional Endpoint record `aws-<awsRegion>.region.tmprl.cloud` CNAME `endpointDnsName` (its key: the AWS region or the unresolved value; its
 * fully qualified name; its construct id), and the problems with it: a region Temporal Cloud does not have, a second record for a region (keys of the
 * zone's records so far in `existingKeys`), or a target that is a Temporal name instead of the VPC endpoint's (it would loop or bypass PrivateLink).
 */
export function regionRecord(awsRegion: string, endpointDnsName: string | undefined, existingKeys: readonly string[], path?: string) {
  const c = new InputChecker(PRIVATELINK_SETTINGS_RULE, 'addRegionRecord', path);
  const token = isUnresolved(awsRegion);
  const info = token ? undefined : findRegion(awsRegion);
  const key = token ? awsRegion : info?.awsRegion ?? normalizeAwsRegion(awsRegion);
  if (!token && !info) {
    c.add('awsRegion', awsRegion, 'is not a Temporal Cloud region.', `use one of: ${allRegions().map((r) => r.awsRegion).join(', ')}.`);
  }
  if (existingKeys.includes(key)) {
    c.add('awsRegion', awsRegion, 'already has a record in this zone.', 'add one record per region.');
  }
  const target = endpointDnsName === undefined || isUnresolved(endpointDnsName) ? undefined : endpointDnsName.trim().replace(/\.$/, '').toLowerCase();
  if (target !== undefined && (target === '' || /(^|\.)(tmprl\.cloud|temporal\.io)$/.test(target))) {
    c.add('endpointDnsName', endpointDnsName, 'must be the VPC endpoint\'s DNS name, not a Temporal Cloud name (that would loop or bypass PrivateLink).',
      'pass TemporalPrivateLinkEndpoint.dnsName (vpce-...vpce.amazonaws.com).');
  }
  return {
    record: { key, name: `aws-${key}.${REGIONAL_ENDPOINT_ZONE}`, id: `Record-${token ? `Token${existingKeys.length}` : key}` },
    problems: c.hits,
  };
}

/**
 * Checks a plan's private records of one worker VPC: each points at a region whose Temporal VPC
 * endpoint is planned (`endpointRegions`), and no name is written twice in a zone.
 */
export function checkZoneRecords(records: readonly PlannedZoneRecord[], endpointRegions: readonly string[], path?: string): InputHit[] {
  const c = new InputChecker(PRIVATELINK_SETTINGS_RULE, 'privateLink', path);
  const seen = new Set<string>();
  for (const z of records) {
    if (!endpointRegions.includes(z.targetRegion)) {
      c.add('zoneRecords', z.name, `points at ${z.targetRegion}'s Temporal VPC endpoint, but the plan has no endpoint there, so the name would not resolve.`,
        `plan a PrivateLink endpoint in ${z.targetRegion} (the planner does for every region a fleet reaches), or drop the record.`);
    }
    const key = `${z.zone}|${z.name}`;
    if (seen.has(key)) {
      c.add('zoneRecords', z.name, `is written twice in the ${z.zone} zone of the ${z.vpcRegion} VPC.`, 'write one record per name.');
    }
    seen.add(key);
  }
  return c.hits;
}

/** Route 53 hosted zone ids: `Z` and capital letters or digits (up to 32 characters), optionally written `/hostedzone/<id>`. */
const HOSTED_ZONE_ID = /^(\/hostedzone\/)?Z[A-Z0-9]{1,31}$/;

/**
 * Checks a supplied `region.tmprl.cloud` zone, by what is known of it at synth (unresolved values are not checked): a zone of another name
 * would hold `aws-<region>.region.tmprl.cloud` records no resolver asks it for; an id must be a Route 53 hosted zone id.
 */
export function checkSuppliedZone(zone: { readonly name?: string; readonly id?: string }, prop: string, path?: string): InputHit[] {
  const c = new InputChecker(PRIVATELINK_SETTINGS_RULE, '', path);
  const name = zone.name === undefined || isUnresolved(zone.name) ? undefined : zone.name.trim().replace(/\.$/, '').toLowerCase();
  if (name !== undefined && name !== REGIONAL_ENDPOINT_ZONE) {
    c.add(prop, zone.name, `is a zone named '${name}', but the Regional Endpoint records (aws-<region>.${REGIONAL_ENDPOINT_ZONE}) go in a private zone named ${REGIONAL_ENDPOINT_ZONE}.`,
      `supply the ${REGIONAL_ENDPOINT_ZONE} private zone associated with the worker VPC, or leave it out (one zone per VPC is then created and shared by every deployment on the VPC).`);
  }
  if (zone.id !== undefined && !isUnresolved(zone.id) && !HOSTED_ZONE_ID.test(zone.id.trim())) {
    c.add(prop, zone.id, 'is not a Route 53 hosted zone id (Z followed by capital letters and digits).', 'pass the zone\'s id as Route 53 shows it, e.g. Z0123456789ABCDEFGHIJ.');
  }
  return c.hits;
}

/** What a `region.tmprl.cloud` zone block is given: a VPC to create the zone for, or an existing zone (its name and id as known at synth). */
export interface RegionalZoneInput {
  readonly vpcGiven: boolean;
  readonly zone?: { readonly name?: string; readonly id?: string };
  /** True for `addVpc` on a zone given as existing. */
  readonly addVpc?: boolean;
}

/** Checks a `region.tmprl.cloud` zone block's input: a VPC (a new zone) or an existing zone (records only), not both, not neither. */
export function checkRegionalZoneInput(i: RegionalZoneInput, vpcProp: string, zoneProp: string, path?: string): InputHit[] {
  const c = new InputChecker(PRIVATELINK_SETTINGS_RULE, '', path);
  const zone = i.zone && (i.zone.name ?? i.zone.id ?? '(a zone)');
  if (i.addVpc) {
    c.add(vpcProp, '(a VPC)', `cannot associate a VPC with a zone given as ${zoneProp}: the zone's VPC associations belong to whoever created it.`,
      'associate the VPC where the zone is defined.');
  } else if (!i.vpcGiven && !i.zone) {
    c.add(vpcProp, undefined, 'is required when no existing zone is given: a Route 53 private zone cannot exist without a VPC.',
      `give the worker VPC as ${vpcProp} (a new zone), or the existing ${REGIONAL_ENDPOINT_ZONE} zone as ${zoneProp} (records only).`);
  } else if (i.vpcGiven && i.zone) {
    c.add(zoneProp, zone, `is given with ${vpcProp}: records go into the existing zone, which keeps its own VPC associations, so ${vpcProp} would be ignored.`,
      `give ${vpcProp} (a new zone) or ${zoneProp} (records only), not both.`);
  }
  return [...c.hits, ...(i.zone && !i.addVpc ? checkSuppliedZone(i.zone, zoneProp, path) : [])];
}

/**
 * Checks a region's supplied `region.tmprl.cloud` zone in a pattern: its name and id, that it comes with the supplied VPC it is associated with
 * (a VPC the construct creates is associated with no supplied zone), and that no other deployment in the app already put a different zone of
 * that name on the VPC (Route 53 allows one per VPC: `ConflictingDomainExists`).
 */
export function checkSuppliedZonePlacement(p: PlacementFact, path?: string): InputHit[] {
  const zone = p.suppliedZone;
  if (!zone) return [];
  const hits = checkSuppliedZone(zone, zone.prop, path);
  const c = new InputChecker(PRIVATELINK_SETTINGS_RULE, '', path);
  const value = zone.name ?? zone.id ?? '(a zone)';
  if (!p.suppliedVpc) {
    c.add(zone.prop, value, `is supplied without ${p.propPath}.vpc: the construct would create a new VPC, which the supplied zone is not associated with, so its records would not resolve there.`,
      `supply the VPC the zone is associated with as ${p.propPath}.vpc, or leave the zone out (the deployment then creates one for its VPC).`);
  }
  if (zone.conflictsWith !== undefined) {
    c.add(zone.prop, value, `differs from the ${REGIONAL_ENDPOINT_ZONE} zone ${zone.conflictsWith} already put on this VPC, and Route 53 allows one private zone of a name per VPC (ConflictingDomainExists).`,
      `supply this same zone to ${zone.conflictsWith} too, or leave it out here: deployments on one VPC share its zone.`);
  }
  return [...hits, ...c.hits];
}

/** The `region.tmprl.cloud` zone of a region's worker VPC, when its records need one: the zone the user supplied, or the VPC's shared one. */
export function plannedRegionalZone(records: readonly PlannedZoneRecord[], placement: PlacementFact | undefined): PlannedRegionalZone | undefined {
  if (!records.some((z) => z.zone === REGIONAL_ENDPOINT_ZONE)) return undefined;
  return { name: REGIONAL_ENDPOINT_ZONE, source: placement?.suppliedZone ? 'supplied' : 'shared' };
}

/**
 * The deployment that already put a different `region.tmprl.cloud` zone on a VPC (`owner`, from the app's registry), when a deployment at `me`
 * supplies the zone `suppliedId` for it: a zone created by another deployment, or another supplied zone.
 */
export function zoneConflict(
  owner: { readonly owner: string; readonly suppliedId?: string } | undefined, suppliedId: string, me: string,
): string | undefined {
  return owner && owner.owner !== me && owner.suppliedId !== suppliedId ? owner.owner : undefined;
}

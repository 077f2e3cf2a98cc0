/**
 * The private DNS of a worker VPC in AWS CDK, shared app-wide (lib/core/components/private-zone-registry.ts): ONE Temporal PrivateLink endpoint and
 * ONE `region.tmprl.cloud` zone per VPC, one record per name. The first deployment that needs them creates them WITH THE VPC (in `Stack.of(vpc)`:
 * the deployment's regional stack when it created the VPC, the platform's stack when the VPC is supplied), so every deployment on the VPC can
 * depend on them; later deployments reuse them. A record pointing at the VPC's own region's endpoint goes with the zone; a record pointing at another
 * region's endpoint is written from a links stack (it needs the other region's value: render/links.ts). A zone the user supplies
 * (`regions.<region>.privateZone`) only gets records. Lifecycle: the shared pieces belong to the first deployment's (or the platform's) stack;
 * removing that deployment removes them for all, so platform teams that share a VPC should supply the zone (and the VPC) themselves.
 */
import { Names, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as targets from 'aws-cdk-lib/aws-route53-targets';
import { Construct, IDependable } from 'constructs';
import { PlannedZoneRecord, REGIONAL_ENDPOINT_ZONE, RegionPlan, SuppliedZoneFact } from '../../core';
import { isUnresolved } from '../../core/components/input';
import { privateZoneComment, zoneConflict } from '../../core/components/private-link';
import { SharedPrivateLink } from '../../core/components/private-zone-registry';
import { TemporalPrivateLinkEndpoint, TemporalPrivateLinkEndpointProps, TemporalRegionalPrivateZone, zoneNameOf } from '../blocks/private-link';

/** A region's private DNS: its VPC's shared endpoint and zone, and the records its processes resolve (by name; remote ones added by the links). */
export interface PrivateDns {
  readonly privateLinkEndpoint?: TemporalPrivateLinkEndpoint;
  readonly privateZone?: TemporalRegionalPrivateZone;
  /** Private records by fully qualified name: the ones in the VPC's stack now, the other regions' once the links wrote them. */
  readonly records: Map<string, IDependable>;
}

export interface PrivateDnsInput {
  /** The deployment's scope in the region's stack. */
  readonly scope: Construct;
  readonly region: RegionPlan;
  readonly vpc: ec2.IVpc;
  /** The endpoint's props (when the region plans one). */
  readonly endpoint: TemporalPrivateLinkEndpointProps;
  /** The zone the user supplied for this VPC. */
  readonly suppliedZone?: route53.IHostedZone;
  /** The deployment's construct path (who put the zone on the VPC, for messages). */
  readonly deploymentPath: string;
}

/** The VPC's shared endpoint, zone and local records (created by the first deployment that needs them). */
export function emitPrivateDns(i: PrivateDnsInput): PrivateDns {
  const { region, vpc } = i;
  const shared = SharedPrivateLink.of(i.scope);
  const vpcKey = SharedPrivateLink.vpcKey(region.awsRegion, vpc.vpcId);
  const home = homeOf(i.scope, vpc);
  const records = new Map<string, IDependable>();
  const privateLinkEndpoint = region.privateLinkEndpoint
    ? shared.once('endpoint', vpcKey, () => new TemporalPrivateLinkEndpoint(home, 'TemporalPrivateLink', i.endpoint)) : undefined;
  const privateZone = region.privateZone ? shared.zone(vpcKey, { owner: i.deploymentPath, suppliedId: i.suppliedZone?.hostedZoneId },
    () => new TemporalRegionalPrivateZone(home, 'TemporalPrivateZone', i.suppliedZone ? { hostedZone: i.suppliedZone } : { vpc })) : undefined;
  for (const record of region.zoneRecords.filter((z) => z.targetRegion === region.awsRegion && privateLinkEndpoint)) {
    records.set(record.name, shared.once('record', `${vpcKey}|${record.name}`, () => record.zone === REGIONAL_ENDPOINT_ZONE
      ? privateZone!.addRegionRecord(record.targetRegion, privateLinkEndpoint!.dnsName)
      : namespaceZoneRecord(home, vpc, record, privateLinkEndpoint!)));
  }
  return { privateLinkEndpoint, privateZone, records };
}

/**
 * A single-region namespace has no region.tmprl.cloud failover CNAME: its own Namespace Endpoint is overridden in a private zone of that name, an
 * alias of the zone apex to the local VPC endpoint.
 */
function namespaceZoneRecord(scope: Construct, vpc: ec2.IVpc, record: PlannedZoneRecord, endpoint: TemporalPrivateLinkEndpoint): route53.ARecord {
  const zone = new route53.PrivateHostedZone(scope, `NamespaceZone-${record.zone}`, { zoneName: record.zone, vpc, comment: privateZoneComment(record.zone) });
  return new route53.ARecord(zone, 'Endpoint', { zone, target: route53.RecordTarget.fromAlias(new targets.InterfaceVpcEndpointTarget(endpoint.endpoint)) });
}

/**
 * Where a VPC's shared pieces live: with the VPC. The deployment's own scope when its stack is the VPC's (the construct ids, hence the logical ids,
 * stay those of a deployment that owns its VPC), else a construct of their own in the VPC's stack.
 */
function homeOf(scope: Construct, vpc: ec2.IVpc): Construct {
  const stack = Stack.of(vpc);
  if (Stack.of(scope) === stack) return scope;
  const id = `TemporalPrivateLink-${Names.nodeUniqueId(vpc.node)}`;
  return stack.node.tryFindChild(id) as Construct ?? new Construct(stack, id);
}

/**
 * 3. (links) The records of other regions' endpoints in a VPC's shared zone, written from the region's links stack (into the zone, by id), once
 *    per name app-wide: a record another deployment already wrote is reused.
 */
export function emitRemoteRecords(region: RegionPlan, dns: PrivateDns & { vpc?: ec2.IVpc }, links: () => Construct,
  endpointOf: (awsRegion: string) => TemporalPrivateLinkEndpoint | undefined): void {
  if (!dns.privateZone || !dns.vpc) return;
  const shared = SharedPrivateLink.of(dns.vpc);
  const vpcKey = SharedPrivateLink.vpcKey(region.awsRegion, dns.vpc.vpcId);
  let writer: TemporalRegionalPrivateZone | undefined;
  for (const record of region.zoneRecords.filter((z) => z.zone === REGIONAL_ENDPOINT_ZONE && z.targetRegion !== region.awsRegion)) {
    const endpoint = endpointOf(record.targetRegion);
    if (!endpoint) continue;
    dns.records.set(record.name, shared.once('record', `${vpcKey}|${record.name}`, () => {
      writer ??= new TemporalRegionalPrivateZone(links(), 'TemporalPrivateZone', { hostedZone: dns.privateZone!.hostedZone });
      return writer.addRegionRecord(record.targetRegion, endpoint.dnsName);
    }));
  }
}

/** What the plan is told of a supplied zone: its name and id when known at synth, and another deployment's different zone on the same VPC. */
export function suppliedZoneFact(
  zone: route53.IHostedZone, vpc: ec2.IVpc | undefined, awsRegion: string, prop: string, deployment: Construct,
): SuppliedZoneFact {
  const name = zoneNameOf(zone);
  const owner = vpc ? SharedPrivateLink.of(deployment).zoneOwner(SharedPrivateLink.vpcKey(awsRegion, vpc.vpcId)) : undefined;
  return {
    prop,
    name: name === undefined || isUnresolved(name) ? undefined : name,
    id: isUnresolved(zone.hostedZoneId) ? undefined : zone.hostedZoneId,
    conflictsWith: zoneConflict(owner, zone.hostedZoneId, deployment.node.path),
  };
}

/** The records a process resolves that exist so far (by name). */
export function recordsOf(dns: PrivateDns, names: readonly string[] | undefined): IDependable[] {
  return (names ?? []).map((n) => dns.records.get(n)).filter((r): r is IDependable => r !== undefined);
}

/** Whether a process resolves a record of another region's endpoint (written from the links stack, which deploys after the regional stacks). */
export function resolvesRemoteRecord(region: RegionPlan, names: readonly string[] | undefined): boolean {
  return region.zoneRecords.some((z) => z.targetRegion !== region.awsRegion && (names ?? []).includes(z.name));
}

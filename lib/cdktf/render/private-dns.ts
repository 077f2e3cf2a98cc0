/**
 * The private DNS of a worker VPC in CDK for Terraform, shared app-wide (lib/core/components/private-zone-registry.ts): ONE Temporal PrivateLink
 * endpoint and ONE `region.tmprl.cloud` zone per VPC, one record per name. The first deployment that needs them creates them, in its own stack
 * (cdktf resolves references from other stacks); later deployments reuse them. A zone the user supplies (`regions.<region>.privateZoneId`) only
 * gets records. Lifecycle: the shared pieces belong to the first deployment; removing it removes them for all, so platform teams that share a VPC
 * should supply the zone themselves.
 */
import { Construct } from 'constructs';
import { PlannedZoneRecord, REGIONAL_ENDPOINT_ZONE, SuppliedZoneFact } from '../../core';
import { isUnresolved } from '../../core/components/input';
import { zoneConflict } from '../../core/components/private-link';
import { SharedKind, SharedPrivateLink } from '../../core/components/private-zone-registry';
import { pascal } from '../../core/deployment-props';
import { TemporalNamespacePrivateZone, TemporalPrivateLinkEndpoint, TemporalRegionalPrivateZone } from '../blocks/private-link';
import { AwsProvider, ITerraformDependable, TerraformStack } from '../engine';

/** A private record: a resource its dependants can name in `depends_on`, and a construct whose stack can be ordered. */
export type PrivateRecord = ITerraformDependable & Construct;

/** The VPC's one Temporal endpoint: made by `create` for the first deployment on the VPC, the same one for the others. */
export function sharedEndpoint(
  scope: Construct, awsRegion: string, vpcId: string, create: () => TemporalPrivateLinkEndpoint,
): TemporalPrivateLinkEndpoint {
  return SharedPrivateLink.of(scope).once('endpoint', SharedPrivateLink.vpcKey(awsRegion, vpcId), create);
}

/** True the first time a shared thing is asked for in the app (then it is created), false afterwards (another deployment created it). */
export function firstTime(scope: Construct, kind: SharedKind, key: string): boolean {
  const shared = SharedPrivateLink.of(scope);
  if (shared.has(kind, key)) return false;
  shared.once(kind, key, () => true);
  return true;
}

/** One region's worker VPC, as the zones need it. */
export interface VpcDnsInput {
  readonly scope: Construct;
  readonly provider: AwsProvider;
  readonly awsRegion: string;
  readonly vpcId: string;
  readonly records: readonly PlannedZoneRecord[];
  /** The zone the user supplied for this VPC. */
  readonly suppliedZoneId?: string;
  /** The deployment's construct path (who put a VPC's zone there, for messages). */
  readonly owner: string;
  readonly tags: Record<string, string>;
}

/** The VPC's zones and the records its processes resolve (each written once app-wide: a record another deployment wrote is reused). */
export function emitVpcDns(i: VpcDnsInput, endpointOf: (awsRegion: string) => TemporalPrivateLinkEndpoint | undefined) {
  const shared = SharedPrivateLink.of(i.scope);
  const vpcKey = SharedPrivateLink.vpcKey(i.awsRegion, i.vpcId);
  const records: PrivateRecord[] = [];
  const namespaceZones: TemporalNamespacePrivateZone[] = [];
  let regionalZone: TemporalRegionalPrivateZone | undefined;
  let writer: TemporalRegionalPrivateZone | undefined;
  const props = i.suppliedZoneId !== undefined
    ? { provider: i.provider, zoneId: i.suppliedZoneId } : { provider: i.provider, vpcId: i.vpcId, vpcRegion: i.awsRegion, tags: i.tags };
  const owner = { owner: i.owner, suppliedId: i.suppliedZoneId };
  const zone = () => shared.zone(vpcKey, owner, () => new TemporalRegionalPrivateZone(i.scope, 'TemporalPrivateZone', props));
  for (const record of i.records) {
    const endpoint = endpointOf(record.targetRegion);
    if (!endpoint) continue;
    records.push(shared.once('record', `${vpcKey}|${record.name}`, () => {
      if (record.zone === REGIONAL_ENDPOINT_ZONE) {
        // Written from this deployment's stack (into the shared zone, by id) when the zone is another stack's: that stack must not depend on this one.
        const vpcZone = zone();
        writer ??= TerraformStack.of(vpcZone) === TerraformStack.of(i.scope) ? vpcZone
          : new TemporalRegionalPrivateZone(i.scope, 'TemporalPrivateZoneRecords', { provider: i.provider, zoneId: vpcZone.zoneId });
        return writer.addRegionRecord(record.targetRegion, endpoint.dnsName);
      }
      // A single-region namespace (no replica): its own endpoint host, overridden to the local endpoint.
      const own = new TemporalNamespacePrivateZone(i.scope, `NamespaceZone-${pascal(record.zone)}`, {
        provider: i.provider, vpcId: i.vpcId, vpcRegion: i.awsRegion, namespaceHost: record.zone, endpoint, tags: i.tags,
      });
      namespaceZones.push(own);
      return own.record;
    }));
    if (record.zone === REGIONAL_ENDPOINT_ZONE) regionalZone = zone();
  }
  return { regionalZone, namespaceZones, records };
}

/**
 * What a process in `scope` waits for: the records in its own stack (`depends_on`); a record another deployment wrote in another stack orders the
 * whole stack after that one (a resource cannot name another stack's resource in `depends_on`).
 */
export function dependsOnRecords(scope: Construct, records: readonly PrivateRecord[]): ITerraformDependable[] | undefined {
  const stack = TerraformStack.of(scope);
  const own = records.filter((r) => TerraformStack.of(r) === stack);
  for (const r of records.filter((x) => !own.includes(x))) stack.addDependency(TerraformStack.of(r));
  return own.length > 0 ? own : undefined;
}

/** What the plan is told of a supplied zone id: the id when known at synth, and another deployment's different zone on the same VPC. */
export function suppliedZoneFact(
  zoneId: string, vpcId: string | undefined, awsRegion: string, prop: string, deployment: Construct,
): SuppliedZoneFact {
  const owner = vpcId === undefined ? undefined : SharedPrivateLink.of(deployment).zoneOwner(SharedPrivateLink.vpcKey(awsRegion, vpcId));
  return { prop, id: isUnresolved(zoneId) ? undefined : zoneId, conflictsWith: zoneConflict(owner, zoneId, deployment.node.path) };
}

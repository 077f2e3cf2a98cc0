/**
 * Regions beyond "two AWS regions": a replica on another cloud (multi-cloud replication, GCP), a replica in the
 * primary region (same-region replication, Preview), and the forwarding warning for fleets on the Namespace Endpoint.
 */
import { activeActiveRequest, coldRequest, findingsFor, findingsOf, hotRequest, region, ruleIds, shard, shardedRequest } from './support';
import {
  canReplicateBetween,
  cloudOf,
  ComponentRouting,
  DeploymentPattern,
  EndpointKind,
  findOtherCloudRegion,
  FleetState,
  isOtherCloud,
  NetworkPath,
  otherCloudRegions,
  planDeployment,
  PollerForwarding,
  regionalEndpointHost,
  replicaCandidatesOf,
  Severity,
  WorkerRuntime,
} from '../../lib/core';

const GCP = 'gcp-us-central1';
const errors = (findings: ReturnType<typeof findingsOf>) => findings.filter((f) => f.severity === Severity.ERROR);

describe('the region catalog on other clouds', () => {
  test('knows Temporal Cloud\'s GCP regions by their Temporal ids, with their documented AWS partners', () => {
    expect(otherCloudRegions().map((r) => r.id)).toEqual([
      'gcp-asia-south1', 'gcp-asia-southeast2', 'gcp-australia-southeast1', 'gcp-europe-west3', 'gcp-us-central1', 'gcp-us-east4', 'gcp-us-west1',
    ]);
    expect(findOtherCloudRegion(' GCP-US-CENTRAL1 ')?.awsPartners).toEqual(['ca-central-1', 'us-east-1', 'us-east-2', 'us-west-2']);
    expect(findOtherCloudRegion('gcp-europe-west3')?.awsPartners).toEqual(['eu-central-1', 'eu-west-1', 'eu-west-2']);
    expect(findOtherCloudRegion('gcp-mars-north1')).toBeUndefined();
  });

  test('names the cloud of a region key, and the Regional Endpoint without garbling it', () => {
    expect([cloudOf('us-east-1'), cloudOf('aws-us-east-1'), cloudOf(GCP), cloudOf('azure-eastus')]).toEqual(['aws', 'aws', 'gcp', 'azure']);
    expect(isOtherCloud(GCP)).toBe(true);
    expect(regionalEndpointHost(GCP)).toBe('gcp-us-central1.region.tmprl.cloud');
    expect(regionalEndpointHost('aws-us-east-1')).toBe('aws-us-east-1.region.tmprl.cloud');
  });

  test('replication partners across clouds follow the documented lists', () => {
    expect(canReplicateBetween('us-east-1', GCP)).toBe(true);
    expect(canReplicateBetween(GCP, 'us-east-2')).toBe(true);
    expect(canReplicateBetween('us-east-1', 'gcp-europe-west3')).toBe(false);
    expect(canReplicateBetween('eu-west-1', 'gcp-europe-west3')).toBe(true);
    expect(canReplicateBetween('ap-southeast-2', 'gcp-australia-southeast1')).toBe(false);
    expect(canReplicateBetween('us-east-1', 'gcp-mars-north1')).toBeUndefined();
    expect(replicaCandidatesOf('eu-west-1')).toEqual(['eu-central-1', 'eu-west-2', 'gcp-europe-west3']);
  });
});

describe('a GCP replica for fleets on AWS (multi-cloud replication)', () => {
  const publicCold = (overrides: Parameters<typeof coldRequest>[0] = {}) =>
    coldRequest({ networkPath: NetworkPath.PUBLIC, namespace: { replicaRegion: GCP }, standbyRegion: 'us-east-2', ...overrides });

  test('Active/Cold on the Namespace Endpoint: the standby fleet runs in standbyRegion, both dial the Namespace Endpoint, no error', () => {
    const plan = planDeployment(publicCold());
    expect(plan.regions.map((r) => r.awsRegion)).toEqual(['us-east-1', 'us-east-2']);
    expect(region(plan, 'us-east-1').fleets.map((f) => [f.state, f.temporalAddress])).toEqual([[FleetState.ACTIVE, 'orders.a1b2c.tmprl.cloud:7233']]);
    expect(region(plan, 'us-east-2').fleets.map((f) => [f.state, f.temporalAddress])).toEqual([[FleetState.COLD_STANDBY, 'orders.a1b2c.tmprl.cloud:7233']]);
    expect(errors(findingsOf(publicCold()))).toEqual([]);
  });

  test('Active/Cold failover names pair the two AWS fleet regions (never the GCP region)', () => {
    const plan = planDeployment(publicCold({ components: { routing: ComponentRouting.FAILOVER_DNS } }));
    expect(plan.failoverRecords.map((f) => [f.component, f.primaryRegion, f.secondaryRegion])).toEqual([['codec', 'us-east-1', 'us-east-2']]);
  });

  test('Active/Cold without standbyRegion: one error naming the prop, the replica and AWS regions to choose', () => {
    const request = publicCold({ standbyRegion: undefined });
    const [f, ...rest] = errors(findingsOf(request));
    expect(rest).toEqual([]);
    expect([f.ruleId, f.prop, f.value]).toEqual(['TEMPORAL_OTHER_CLOUD_FLEET_REGION', 'standbyRegion', '(not set)']);
    expect(f.message).toContain(`the replica ${GCP} is on another cloud`);
    expect(f.fix).toContain('us-east-2, us-west-2');
    expect(f.fix).not.toContain('us-east-1,');
  });

  test.each([
    ['the primary region', 'us-east-1', 'an outage of that region stops both fleets'],
    ['another cloud', 'gcp-us-east4', 'runs Worker fleets on AWS only'],
  ])('Active/Cold with standbyRegion in %s is an error', (_what, standbyRegion, text) => {
    const [f] = findingsFor(publicCold({ standbyRegion }), 'TEMPORAL_OTHER_CLOUD_FLEET_REGION');
    expect([f.prop, f.value]).toEqual(['standbyRegion', `'${standbyRegion}'`]);
    expect(f.message).toContain(text);
  });

  test('standbyRegion with an AWS replica elsewhere is an error (the replica region holds the standby fleet)', () => {
    const [f] = findingsFor(coldRequest({ standbyRegion: 'us-east-2' }), 'TEMPORAL_OTHER_CLOUD_FLEET_REGION');
    expect([f.prop, f.value, f.fix]).toEqual(['standbyRegion', "'us-east-2'", 'remove standbyRegion.']);
    expect(findingsFor(coldRequest({ standbyRegion: 'aws-us-west-2' }), 'TEMPORAL_OTHER_CLOUD_FLEET_REGION')).toEqual([]);
  });

  test('Active/Active: fleets run in workerRegions (AWS), on the Namespace Endpoint; without workerRegions it is an error', () => {
    const ok = activeActiveRequest({ networkPath: NetworkPath.PUBLIC, namespace: { replicaRegion: GCP }, workerRegions: ['us-east-1', 'us-east-2'] });
    expect(planDeployment(ok).regions.map((r) => [r.awsRegion, r.fleets.map((f) => f.temporalAddress)])).toEqual([
      ['us-east-1', ['orders.a1b2c.tmprl.cloud:7233']],
      ['us-east-2', ['orders.a1b2c.tmprl.cloud:7233']],
    ]);
    expect(errors(findingsOf(ok))).toEqual([]);

    const missing = activeActiveRequest({ networkPath: NetworkPath.PUBLIC, namespace: { replicaRegion: GCP } });
    expect(errors(findingsOf(missing)).map((f) => [f.ruleId, f.prop])).toEqual([['TEMPORAL_OTHER_CLOUD_FLEET_REGION', 'workerRegions']]);
    const gcpWorkers = activeActiveRequest({ networkPath: NetworkPath.PUBLIC, namespace: { replicaRegion: GCP }, workerRegions: ['us-east-1', GCP] });
    expect(errors(findingsOf(gcpWorkers)).map((f) => [f.ruleId, f.prop, f.value])).toEqual([['TEMPORAL_OTHER_CLOUD_FLEET_REGION', 'workerRegions', `'${GCP}'`]]);
  });

  test('Active/Active with a namespace active on GCP: fleets on AWS follow it on the Namespace Endpoint', () => {
    const request = activeActiveRequest({ networkPath: NetworkPath.PUBLIC, namespace: { primaryRegion: GCP, replicaRegion: 'us-east-1' }, workerRegions: ['us-east-1', 'us-west-2'] });
    expect(errors(findingsOf(request))).toEqual([]);
    expect(planDeployment(request).regions.map((r) => r.awsRegion)).toEqual(['us-east-1', 'us-west-2']);
  });

  test('PrivateLink to a replica on GCP: one clear error, no garbled region, no VPC endpoint planned for GCP', () => {
    const request = coldRequest({ namespace: { replicaRegion: GCP }, standbyRegion: 'us-east-2' });
    const found = errors(findingsOf(request));
    expect(found.map((f) => [f.ruleId, f.prop, f.value])).toEqual([['TEMPORAL_OTHER_CLOUD_PRIVATELINK', 'namespace.replicaRegion', `'${GCP}'`]]);
    expect(found[0].message).toContain('gcp-us-central1.region.tmprl.cloud');
    expect(found[0].fix).toContain('Connectivity.public()');
    expect(JSON.stringify(found)).not.toMatch(/aws-gcp|unknown AWS|no AWS region/);
    const plan = planDeployment(request);
    expect(plan.regions.map((r) => r.awsRegion)).toEqual(['us-east-1', 'us-east-2']);
    expect(plan.regions.flatMap((r) => r.zoneRecords).map((z) => z.name)).not.toContain('gcp-us-central1.region.tmprl.cloud');
  });

  test('Active/Hot with a GCP replica: one error (no fleet can sit beside the replica on its Regional Endpoint)', () => {
    const request = hotRequest({ networkPath: NetworkPath.PUBLIC, namespace: { replicaRegion: GCP } });
    const found = errors(findingsOf(request));
    expect(found.map((f) => [f.ruleId, f.prop, f.value])).toEqual([['TEMPORAL_OTHER_CLOUD_REGIONAL_ENDPOINT', 'namespace.replicaRegion', `'${GCP}'`]]);
    expect(found[0].message).toContain('gcp-us-central1.region.tmprl.cloud:7233');
    expect(found[0].fix).toContain('ActiveColdDeployment (with standbyRegion) or ActiveActiveDeployment (with workerRegions)');
  });

  test('starters pinned to the GCP region are an error; unpinned starters follow the Namespace Endpoint', () => {
    const pinned = errors(findingsOf(publicCold({ starters: true, starterPinnedRegion: GCP })));
    expect(pinned.map((f) => [f.ruleId, f.prop])).toEqual([
      ['TEMPORAL_OTHER_CLOUD_REGIONAL_ENDPOINT', 'starters.pinnedRegion'],
      ['TEMPORAL_OTHER_CLOUD_REGIONAL_ENDPOINT', 'starters.pinnedRegion'],
    ]);
    expect(errors(findingsOf(publicCold({ starters: true })))).toEqual([]);
  });

  test('a primary on GCP for Active/Cold is an error pointing at ActiveActiveDeployment', () => {
    const [f] = findingsFor(coldRequest({ networkPath: NetworkPath.PUBLIC, namespace: { primaryRegion: GCP, replicaRegion: 'us-east-1' } }), 'TEMPORAL_OTHER_CLOUD_FLEET_REGION');
    expect([f.prop, f.value]).toEqual(['namespace.primaryRegion', `'${GCP}'`]);
    expect(f.fix).toContain('ActiveActiveDeployment with workerRegions');
  });

  test('serverless Workers with a GCP replica are an error (no Lambda on another cloud)', () => {
    const request = activeActiveRequest({
      networkPath: NetworkPath.PUBLIC,
      runtime: WorkerRuntime.LAMBDA,
      namespace: { replicaRegion: GCP },
      serverless: { buildIds: { 'us-east-1': 'v1' }, externalId: 'temporal-invoker-3f9a1c7d2e' },
    });
    expect(findingsFor(request, 'TEMPORAL_OTHER_CLOUD_FLEET_REGION').map((f) => f.prop)).toEqual(['namespace.replicaRegion']);
    expect(planDeployment(request).regions.flatMap((r) => r.functions).map((f) => f.awsRegion)).toEqual(['us-east-1']);
  });

  test('pairing across clouds: a GCP replica on another continent is an error listing the partners', () => {
    const [f] = findingsFor(publicCold({ namespace: { replicaRegion: 'gcp-europe-west3' } }), 'TEMPORAL_REPLICA_REGION_PAIRING');
    expect(f.message).toContain('does not replicate a namespace active in us-east-1 to gcp-europe-west3');
    expect(f.fix).toContain('gcp-us-central1, gcp-us-east4, gcp-us-west1');
  });

  test.each([
    ['gcp-mars-north1', 'known: gcp-asia-south1'],
    ['azure-eastus', 'Temporal Cloud lists no AZURE regions'],
  ])('an unknown region on another cloud (%s) says so, without calling it an AWS region', (replicaRegion, text) => {
    const [f] = findingsFor(publicCold({ namespace: { replicaRegion } }), 'TEMPORAL_REGION_UNKNOWN');
    expect(f.value).toBe(`'${replicaRegion}'`);
    expect(f.message).toContain(text);
    expect(f.message).not.toContain('AWS region');
  });

  test('a GCP shard replica: a Cold shard with standbyRegion plans; a Hot shard is an error for that shard only', () => {
    const request = shardedRequest([
      shard('east', 'us-east-1', GCP, { pattern: DeploymentPattern.ACTIVE_COLD, standbyRegion: 'us-east-2' }),
      shard('west', 'us-west-2', GCP),
    ], { networkPath: NetworkPath.PUBLIC });
    const found = errors(findingsOf(request));
    expect(found.map((f) => [f.ruleId, f.constructPath, f.prop])).toEqual([
      ['TEMPORAL_OTHER_CLOUD_REGIONAL_ENDPOINT', 'App/Orders/west', 'shards[1].namespace.replicaRegion'],
    ]);
    expect(region(planDeployment(request), 'us-east-2').fleets.map((f) => [f.id, f.state])).toEqual([['east-workers', FleetState.COLD_STANDBY]]);
  });
});

describe('a replica in the primary region (same-region replication, Preview)', () => {
  const same = { primaryRegion: 'us-east-1', replicaRegion: 'us-east-1' };

  test.each([
    ['Active/Cold', coldRequest({ namespace: same })],
    ['Active/Active', activeActiveRequest({ namespace: same })],
  ])('%s on the Namespace Endpoint: one region, one fleet, no duplicate ids, a warning about region outages', (_name, request) => {
    const plan = planDeployment(request);
    expect(plan.regions.map((r) => r.awsRegion)).toEqual(['us-east-1']);
    expect(region(plan, 'us-east-1').fleets.map((f) => [f.id, f.state])).toEqual([['workers', FleetState.ACTIVE]]);
    expect(region(plan, 'us-east-1').codecServers).toHaveLength(1);
    expect(errors(findingsOf(request))).toEqual([]);
    const [w] = findingsFor(request, 'TEMPORAL_REPLICA_SAME_REGION_OUTAGE');
    expect(w.severity).toBe(Severity.WARNING);
    expect(w.message).toContain('an outage of us-east-1 stops the namespace');
  });

  test('failover names need two regions: none for a same-region replica', () => {
    expect(planDeployment(coldRequest({ namespace: same, components: { routing: ComponentRouting.FAILOVER_DNS } })).failoverRecords).toEqual([]);
  });

  test('Active/Hot is rejected with the reason', () => {
    const [f] = findingsFor(hotRequest({ namespace: same }), 'TEMPORAL_REPLICA_SAME_REGION');
    expect(f.message).toContain('two fleets in one region on the same Regional Endpoint cannot be pinned to different replicas');
    expect(findingsFor(hotRequest({ namespace: same }), 'TEMPORAL_REPLICA_SAME_REGION_OUTAGE')).toEqual([]);
  });

  test('Active/Active on Regional Endpoints is rejected (a Regional Endpoint names a region, not a cell)', () => {
    const [f] = findingsFor(activeActiveRequest({ namespace: same, endpoint: EndpointKind.REGIONAL }), 'TEMPORAL_REPLICA_SAME_REGION');
    expect(f.message).toContain('names a region, not a cell');
  });

  test('a region that does not offer it is rejected for every pattern', () => {
    const request = coldRequest({ namespace: { primaryRegion: 'eu-west-1', replicaRegion: 'eu-west-1' } });
    expect(ruleIds(errors(findingsOf(request)))).toEqual(['TEMPORAL_REPLICA_SAME_REGION']);
  });
});

describe('forwarding disabled for fleets on the Namespace Endpoint', () => {
  test.each([
    ['Active/Cold', coldRequest({ namespace: { pollerForwarding: PollerForwarding.DISABLED } })],
    ['Active/Active', activeActiveRequest({ namespace: { pollerForwarding: PollerForwarding.DISABLED } })],
    ['a Cold shard', shardedRequest([shard('east', 'us-east-1', 'us-west-2', { pattern: DeploymentPattern.ACTIVE_COLD, namespace: { pollerForwarding: PollerForwarding.DISABLED } })])],
  ])('%s: a warning about the minutes after a failover', (_name, request) => {
    const [w] = findingsFor(request, 'TEMPORAL_NAMESPACE_ENDPOINT_FORWARDING_DISABLED');
    expect(w.severity).toBe(Severity.WARNING);
    expect(w.value).toBe('PollerForwarding.DISABLED');
    expect(w.message).toContain('up to about 5 minutes');
  });

  test('not for Active/Hot (its fleets are on Regional Endpoints, forwarding disabled on purpose) nor with forwarding enabled', () => {
    expect(findingsFor(hotRequest(), 'TEMPORAL_NAMESPACE_ENDPOINT_FORWARDING_DISABLED')).toEqual([]);
    expect(findingsFor(coldRequest(), 'TEMPORAL_NAMESPACE_ENDPOINT_FORWARDING_DISABLED')).toEqual([]);
  });

  test('an undeclared forwarding setting is reported as not declared, with Temporal\'s default', () => {
    const [f] = findingsFor(hotRequest({ namespace: { pollerForwarding: undefined } }), 'TEMPORAL_HOT_FORWARDING_DISABLED');
    expect(f.value).toBe("not declared (Temporal's default: enabled)");
  });
});

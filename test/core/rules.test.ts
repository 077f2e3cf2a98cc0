import * as fs from 'fs';
import * as path from 'path';
import {
  activeActiveRequest,
  coldRequest,
  findingsFor,
  findingsOf,
  hotRequest,
  placement,
  ruleIds,
  serverlessRequest,
  shard,
  shardedRequest,
  withRegion,
} from './support';
import {
  assertValid,
  AuthMethod,
  ComponentRouting,
  CrossRegionRouteKind,
  DeploymentPattern,
  DeploymentPlan,
  DeploymentRequest,
  EndpointKind,
  evaluate,
  Finding,
  FleetState,
  formatFinding,
  NetworkPath,
  planDeployment,
  PollerForwarding,
  RULES,
  Severity,
  TemporalHaValidationError,
  WorkerEgress,
  WorkerRuntime,
} from '../../lib/core';

type Input = DeploymentRequest | DeploymentPlan;

const CODEC_CERT_EAST = 'arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555';
const CODEC_CERT_EU = 'arn:aws:acm:eu-west-1:111111111111:certificate/11111111-2222-3333-4444-555555555555';
/** Certificates of both Hot regions, keyed in the spellings users write. */
const CODEC_CERTS = {
  certificateArns: { 'AWS-US-EAST-1': CODEC_CERT_EAST, 'us-west-2': 'arn:aws:acm:us-west-2:111111111111:certificate/11111111-2222-3333-4444-555555555555' },
};
const CODEC_DOMAINS = { 'us-east-1': 'codec-east.example.com', 'aws-us-west-2': 'codec-west.example.com' };

function toPlan(input: Input): DeploymentPlan {
  return 'regions' in input ? input : planDeployment(input);
}

// ---------------------------------------------------------------------------------------------
// Plans the planner never produces (built by hand from a valid plan).
// ---------------------------------------------------------------------------------------------

/** Cold plan whose us-east-1 private zone overrides the Namespace Endpoint of an HA namespace. */
function coldPlanWithNamespaceRecord(): DeploymentPlan {
  return withRegion(planDeployment(coldRequest()), 'us-east-1', (r) => ({
    ...r,
    zoneRecords: [
      ...r.zoneRecords,
      { vpcRegion: 'us-east-1', zone: 'orders.a1b2c.tmprl.cloud', name: 'orders.a1b2c.tmprl.cloud', targetRegion: 'us-east-1' },
    ],
  }));
}

/** Cold plan with a codec failover record in a private zone checked by Route 53's HTTP checkers. */
function coldPlanWithHttpCheckInPrivateZone(): DeploymentPlan {
  const plan = planDeployment(coldRequest({ components: { routing: ComponentRouting.FAILOVER_DNS } }));
  return { ...plan, failoverRecords: plan.failoverRecords.map((r) => ({ ...r, healthCheck: 'http' })) };
}

/** Hot plan whose standby region has no codec server. */
function hotPlanWithoutStandbyCodec(): DeploymentPlan {
  return withRegion(planDeployment(hotRequest()), 'us-west-2', (r) => ({ ...r, codecServers: [] }));
}

/** Hot plan whose standby region's codec server is deployed at zero tasks. */
function hotPlanWithColdStandbyCodec(): DeploymentPlan {
  return withRegion(planDeployment(hotRequest()), 'us-west-2', (r) => ({
    ...r,
    codecServers: r.codecServers.map((c) => ({ ...c, state: FleetState.COLD_STANDBY })),
  }));
}

/** Hot plan whose us-east-1 proxy dials the Namespace Endpoint instead of its Regional Endpoint. */
function hotPlanWithMisdirectedProxy(): DeploymentPlan {
  return withRegion(planDeployment(hotRequest({ components: { proxy: true } })), 'us-east-1', (r) => ({
    ...r,
    proxies: r.proxies.map((p) => ({ ...p, upstreamAddress: 'orders.a1b2c.tmprl.cloud:7233' })),
  }));
}

// ---------------------------------------------------------------------------------------------
// One failing and one passing case for every rule.
// ---------------------------------------------------------------------------------------------

interface FailingCase {
  readonly id: string;
  readonly name: string;
  readonly input: Input;
  /** The construct path of the finding. */
  readonly path?: string;
  readonly prop: string;
  readonly value: string;
  /** Text the message and fix, together, must contain (the value, the region, the fix). */
  readonly names: string[];
}

interface PassingCase {
  readonly id: string;
  readonly name: string;
  readonly input: Input;
}

const US_CANDIDATES = 'ca-central-1, us-east-2, us-west-2';

const FAILING: FailingCase[] = [
  // Regions, namespaces and replicas
  {
    id: 'TEMPORAL_REGION_UNKNOWN',
    name: 'unknown primary region us-east-9',
    input: hotRequest({ namespace: { primaryRegion: 'us-east-9' } }),
    prop: 'namespace.primaryRegion',
    value: "'us-east-9'",
    names: ["no AWS region 'us-east-9'", 'aws-us-east-9.region.tmprl.cloud', 'us-east-1, us-east-2, us-west-2'],
  },
  {
    id: 'TEMPORAL_REGION_UNKNOWN',
    name: 'unknown replica region written as a Temporal id',
    input: coldRequest({ namespace: { replicaRegion: 'aws-us-west-9' } }),
    prop: 'namespace.replicaRegion',
    value: "'us-west-9'",
    names: ['us-west-9'],
  },
  {
    id: 'TEMPORAL_REGION_UNKNOWN',
    name: 'unknown Active/Active worker region',
    input: activeActiveRequest({ workerRegions: ['us-east-1', 'us-west-2', 'eu-south-9'] }),
    prop: 'workerRegions',
    value: "'eu-south-9'",
    names: ['eu-south-9'],
  },
  {
    id: 'TEMPORAL_REGION_UNKNOWN',
    name: 'starters pinned to an unknown region',
    input: coldRequest({ starters: true, starterPinnedRegion: 'us-east-9' }),
    prop: 'starters.pinnedRegion',
    value: "'us-east-9'",
    names: ['us-east-9'],
  },
  {
    id: 'TEMPORAL_NAMESPACE_NAME',
    name: 'name with the account suffix',
    input: hotRequest({ namespace: { name: 'orders.a1b2c' } }),
    prop: 'namespace.name',
    value: "'orders.a1b2c'",
    names: ["name: 'orders'", "accountId: 'a1b2c'"],
  },
  {
    id: 'TEMPORAL_NAMESPACE_NAME',
    name: 'upper-case name',
    input: hotRequest({ namespace: { name: 'Orders' } }),
    prop: 'namespace.name',
    value: "'Orders'",
    names: ['lowercase letters', '2-39 characters'],
  },
  {
    id: 'TEMPORAL_NAMESPACE_NAME',
    name: 'upper-case account id',
    input: hotRequest({ namespace: { accountId: 'A1B2C' } }),
    prop: 'namespace.accountId',
    value: "'A1B2C'",
    names: ['account id'],
  },
  {
    id: 'TEMPORAL_REPLICA_REQUIRED',
    name: 'Active/Hot without a replica',
    input: hotRequest({ namespace: { replicaRegion: undefined } }),
    prop: 'namespace.replicaRegion',
    value: '(not set)',
    names: ['orders.a1b2c has no replica region', 'replicaRegion'],
  },
  {
    id: 'TEMPORAL_REPLICA_SAME_REGION',
    name: 'replica equal to the primary',
    input: hotRequest({ namespace: { replicaRegion: 'us-east-1' } }),
    prop: 'namespace.replicaRegion',
    value: "'us-east-1'",
    names: ['primary region (us-east-1)', `can replicate from us-east-1: ${US_CANDIDATES}`],
  },
  {
    id: 'TEMPORAL_REPLICA_REGION_PAIRING',
    name: 'replica sa-east-1 for a us-east-1 primary',
    input: hotRequest({ namespace: { replicaRegion: 'sa-east-1' } }),
    prop: 'namespace.replicaRegion',
    value: "'sa-east-1'",
    names: ['us-east-1 (north-america)', 'sa-east-1 (south-america)', `in north-america: ${US_CANDIDATES}`],
  },
  {
    id: 'TEMPORAL_REPLICA_REGION_PAIRING',
    name: 'replica eu-west-1 for a us-east-1 primary',
    input: coldRequest({ namespace: { replicaRegion: 'eu-west-1' } }),
    prop: 'namespace.replicaRegion',
    value: "'eu-west-1'",
    names: ['to eu-west-1 (europe)'],
  },
  {
    id: 'TEMPORAL_REPLICA_REGION_PAIRING',
    name: 'a GCP replica on another continent (multi-cloud partners)',
    input: coldRequest({ networkPath: NetworkPath.PUBLIC, namespace: { replicaRegion: 'gcp-europe-west3' }, standbyRegion: 'us-east-2' }),
    prop: 'namespace.replicaRegion',
    value: "'gcp-europe-west3'",
    names: ['active in us-east-1 to gcp-europe-west3', 'gcp-us-central1'],
  },
  {
    id: 'TEMPORAL_REPLICA_SAME_REGION_OUTAGE',
    name: 'Active/Cold with a same-region replica',
    input: coldRequest({ namespace: { replicaRegion: 'us-east-1' } }),
    prop: 'namespace.replicaRegion',
    value: "'us-east-1'",
    names: ['another cell of us-east-1', 'an outage of us-east-1', 'acknowledge TEMPORAL_REPLICA_SAME_REGION_OUTAGE'],
  },
  {
    id: 'TEMPORAL_OTHER_CLOUD_FLEET_REGION',
    name: 'Active/Cold with a GCP replica and no standbyRegion',
    input: coldRequest({ networkPath: NetworkPath.PUBLIC, namespace: { replicaRegion: 'gcp-us-central1' } }),
    prop: 'standbyRegion',
    value: '(not set)',
    names: ['gcp-us-central1 is on another cloud', 'set standbyRegion', 'us-east-2, us-west-2'],
  },
  {
    id: 'TEMPORAL_OTHER_CLOUD_PRIVATELINK',
    name: 'PrivateLink with a GCP replica',
    input: coldRequest({ namespace: { replicaRegion: 'gcp-us-central1' }, standbyRegion: 'us-east-2' }),
    prop: 'namespace.replicaRegion',
    value: "'gcp-us-central1'",
    names: ['gcp-us-central1.region.tmprl.cloud', 'Connectivity.public()'],
  },
  {
    id: 'TEMPORAL_OTHER_CLOUD_REGIONAL_ENDPOINT',
    name: 'Active/Hot with a GCP replica',
    input: hotRequest({ networkPath: NetworkPath.PUBLIC, namespace: { replicaRegion: 'gcp-us-central1' } }),
    prop: 'namespace.replicaRegion',
    value: "'gcp-us-central1'",
    names: ['gcp-us-central1.region.tmprl.cloud:7233', 'ActiveColdDeployment (with standbyRegion)', US_CANDIDATES],
  },
  {
    id: 'TEMPORAL_KNOWN_AT_SYNTH',
    name: 'a namespace name that is a token',
    input: coldRequest({ namespace: { name: '${Token[TOKEN.42]}' } }),
    prop: 'namespace.name',
    value: '(unresolved token)',
    names: ['must be known at synth: namespace.name', 'literal value'],
  },
  {
    id: 'TEMPORAL_REQUIRED_PROP',
    name: 'credentials left out by a JavaScript caller',
    input: coldRequest({ missingProps: ['credentials'] }),
    prop: 'credentials',
    value: '(not set)',
    names: ['ActiveColdDeployment requires credentials', 'set credentials'],
  },
  {
    id: 'TEMPORAL_REPLICA_REGION_PAIRING',
    name: 'sa-east-1 as primary',
    input: hotRequest({ namespace: { primaryRegion: 'sa-east-1', replicaRegion: 'us-east-1' } }),
    prop: 'namespace.replicaRegion',
    value: "'us-east-1'",
    names: ['sa-east-1 has no multi-region replication partner'],
  },
  // Endpoints and forwarding
  {
    id: 'TEMPORAL_HOT_REGIONAL_ENDPOINT',
    name: 'Active/Hot on the Namespace Endpoint',
    input: hotRequest({ endpoint: EndpointKind.NAMESPACE }),
    path: 'App/Orders/us-west-2',
    prop: 'endpoint',
    value: 'EndpointKind.NAMESPACE',
    names: ['orders.a1b2c.tmprl.cloud:7233', 'aws-us-west-2.region.tmprl.cloud:7233', 'endpoint: EndpointKind.REGIONAL'],
  },
  {
    id: 'TEMPORAL_HOT_FORWARDING_DISABLED',
    name: 'Active/Hot with forwarding enabled',
    input: hotRequest({ namespace: { pollerForwarding: PollerForwarding.ENABLED } }),
    prop: 'namespace.pollerForwarding',
    value: 'PollerForwarding.ENABLED',
    names: ['standby fleet in us-west-2', 'orders.a1b2c', 'disablePassivePollerForwarding = true', 'pollerForwarding: PollerForwarding.DISABLED'],
  },
  {
    id: 'TEMPORAL_HOT_FORWARDING_DISABLED',
    name: 'Active/Hot with forwarding not declared (Temporal Cloud\'s default: enabled)',
    input: hotRequest({ namespace: { pollerForwarding: undefined } }),
    prop: 'namespace.pollerForwarding',
    value: "not declared (Temporal's default: enabled)",
    names: ["with forwarding not declared (Temporal's default: enabled)"],
  },
  {
    id: 'TEMPORAL_NAMESPACE_ENDPOINT_FORWARDING_DISABLED',
    name: 'Active/Cold (Namespace Endpoint) with forwarding disabled',
    input: coldRequest({ namespace: { pollerForwarding: PollerForwarding.DISABLED } }),
    prop: 'namespace.pollerForwarding',
    value: 'PollerForwarding.DISABLED',
    names: ['up to about 5 minutes', 'disablePassivePollerForwarding = false', 'orders.a1b2c'],
  },
  {
    id: 'TEMPORAL_COLD_NAMESPACE_ENDPOINT',
    name: 'Active/Cold on a Regional Endpoint',
    input: coldRequest({ endpoint: EndpointKind.REGIONAL }),
    path: 'App/Orders/us-east-1',
    prop: 'endpoint',
    value: 'EndpointKind.REGIONAL',
    names: ['aws-us-east-1.region.tmprl.cloud:7233', 'Namespace-only failover', 'EndpointKind.NAMESPACE', 'orders.a1b2c.tmprl.cloud:7233'],
  },
  {
    id: 'TEMPORAL_ACTIVE_ACTIVE_REGIONAL_FORWARDING',
    name: 'Active/Active on Regional Endpoints with forwarding disabled',
    input: activeActiveRequest({ endpoint: EndpointKind.REGIONAL, namespace: { pollerForwarding: PollerForwarding.DISABLED } }),
    prop: 'namespace.pollerForwarding',
    value: 'PollerForwarding.DISABLED',
    names: ['passive replica (us-west-2)', 'orders.a1b2c', 'pollerForwarding: PollerForwarding.ENABLED'],
  },
  {
    id: 'TEMPORAL_ACTIVE_ACTIVE_REGIONAL_ENDPOINT',
    name: 'Active/Active on Regional Endpoints',
    input: activeActiveRequest({ endpoint: EndpointKind.REGIONAL }),
    prop: 'endpoint',
    value: 'EndpointKind.REGIONAL',
    names: ['endpoint: EndpointKind.NAMESPACE', 'acknowledge TEMPORAL_ACTIVE_ACTIVE_REGIONAL_ENDPOINT'],
  },
  {
    id: 'TEMPORAL_REGIONAL_ENDPOINT_OUTSIDE_NAMESPACE',
    name: 'Active/Active fleet on the Regional Endpoint of a region without a replica',
    input: activeActiveRequest({
      endpoint: EndpointKind.REGIONAL,
      workerRegions: ['us-east-1', 'us-west-2', 'us-east-2'],
      acknowledgements: { TEMPORAL_ACTIVE_ACTIVE_REGIONAL_ENDPOINT: 'lowest RTO is a contractual requirement' },
    }),
    path: 'App/Orders/us-east-2',
    prop: 'workerRegions',
    value: "'us-east-2'",
    names: ['aws-us-east-2.region.tmprl.cloud:7233', 'only in us-east-1 and us-west-2', 'Namespace Endpoint'],
  },
  {
    id: 'TEMPORAL_TLS_SERVER_NAME',
    name: 'mTLS Regional Endpoint with a wrong server name override',
    input: hotRequest({ auth: AuthMethod.MTLS, tlsServerName: 'temporal.example.com' }),
    path: 'App/Orders/us-east-1',
    prop: 'tlsServerName',
    value: "'temporal.example.com'",
    names: ['aws-us-east-1.region.tmprl.cloud', 'certificate for orders.a1b2c.tmprl.cloud', "derives 'orders.a1b2c.tmprl.cloud'"],
  },
  // Private connectivity and DNS
  {
    id: 'TEMPORAL_PRIVATE_ZONE_NAMESPACE_RECORD',
    name: 'a private record for the Namespace Endpoint of an HA namespace (hand-built plan)',
    input: coldPlanWithNamespaceRecord(),
    path: 'App/Orders/us-east-1',
    prop: 'privateLink',
    value: "'orders.a1b2c.tmprl.cloud'",
    names: ['orders.a1b2c.tmprl.cloud pins Workers to us-east-1', 'aws-<region>.region.tmprl.cloud'],
  },
  {
    id: 'TEMPORAL_PRIVATELINK_CROSS_REGION_ROUTE',
    name: 'Active/Cold under PrivateLink with crossRegionRoute none',
    input: coldRequest({ crossRegionRoute: 'none' }),
    path: 'App/Orders/us-east-1',
    prop: 'privateLink.crossRegionRoute',
    value: "'none' (us-east-1 -> us-west-2)",
    names: ["us-west-2's VPC endpoint", 'CrossRegionRoute.vpcPeering()', 'ActiveHotDeployment'],
  },
  {
    id: 'TEMPORAL_NATIVE_CROSS_REGION_ENDPOINT',
    name: 'native cross-region interface endpoint',
    input: coldRequest({ crossRegionRoute: CrossRegionRouteKind.NATIVE_CROSS_REGION_ENDPOINT }),
    prop: 'privateLink.crossRegionRoute',
    value: 'CrossRegionRoute.nativeCrossRegionEndpoint()',
    names: ['native cross-region interface endpoints', 'CrossRegionRoute.vpcPeering()', 'CrossRegionRoute.transitGateway'],
  },
  {
    id: 'TEMPORAL_ROUTE_OVERLAPPING_CIDRS',
    name: 'peered supplied VPCs with overlapping CIDRs',
    input: coldRequest({
      placements: [
        placement('us-east-1', { suppliedVpc: true, vpcCidr: '10.0.0.0/16' }),
        placement('us-west-2', { suppliedVpc: true, vpcCidr: '10.0.128.0/17' }),
      ],
    }),
    prop: 'regions.us-east-1.vpc / regions.us-west-2.vpc',
    value: "'10.0.0.0/16' and '10.0.128.0/17'",
    names: ['us-east-1 and us-west-2 VPCs overlap', 'distinct CIDR'],
  },
  {
    id: 'TEMPORAL_FAILOVER_PRIVATE_HEALTH_CHECK',
    name: 'HTTP health check on a private failover record (hand-built plan)',
    input: coldPlanWithHttpCheckInPrivateZone(),
    prop: 'componentRouting',
    value: "'http'",
    names: ['codec failover record', 'us-east-1', 'CloudWatch-alarm'],
  },
  {
    id: 'TEMPORAL_FAILOVER_DOMAIN',
    name: 'failover names under the Namespace Endpoint',
    input: coldRequest({ components: { routing: ComponentRouting.FAILOVER_DNS }, failoverDomainName: 'orders.a1b2c.tmprl.cloud' }),
    prop: 'failoverDomainName',
    value: "'orders.a1b2c.tmprl.cloud'",
    names: ['would answer for tmprl.cloud', "use a private domain of your own, such as 'orders.temporal.internal'"],
  },
  {
    id: 'TEMPORAL_FAILOVER_DOMAIN',
    name: 'a failover domain that is not a domain name',
    input: coldRequest({ components: { routing: ComponentRouting.FAILOVER_DNS }, failoverDomainName: 'orders internal' }),
    prop: 'failoverDomainName',
    value: "'orders internal'",
    names: ['is not a domain name', 'temporal.internal'],
  },
  // Codec servers and proxies
  {
    id: 'TEMPORAL_COMPONENTS_FOLLOW_WORKERS',
    name: 'no codec server beside the Hot standby Workers (hand-built plan)',
    input: hotPlanWithoutStandbyCodec(),
    path: 'App/Orders/us-west-2',
    prop: 'codecServer',
    value: '(missing)',
    names: ['hot-standby Workers in us-west-2 need a running codec server', 'run the codec server in us-west-2'],
  },
  {
    id: 'TEMPORAL_CODEC_CERTIFICATE',
    name: 'a codec server in a region without an HTTPS certificate',
    input: hotRequest({ components: { codecServerInput: { certificateArns: { 'us-east-1': CODEC_CERT_EAST } } } }),
    path: 'App/Orders',
    prop: 'codecServer.certificateArns.us-west-2',
    value: '(not set)',
    names: ['codec server runs in us-west-2', "certificateArns: { 'us-west-2': 'arn:aws:acm:us-west-2:", "domainNames: { 'us-west-2'"],
  },
  {
    id: 'TEMPORAL_CODEC_DOMAIN',
    name: 'a codec server without a domain name in us-west-2',
    input: hotRequest({ components: { codecServerInput: { ...CODEC_CERTS, domainNames: { 'us-east-1': 'codec-east.example.com' } } } }),
    prop: 'codecServer.domainNames.us-west-2',
    value: '(not set)',
    names: ['https://<load balancer DNS name> in us-west-2', 'browsers and the Web UI', "domainNames: { 'us-west-2'"],
  },
  {
    id: 'TEMPORAL_CODEC_SERVER_SETTINGS',
    name: 'a certificate of eu-west-1 under the us-east-1 key',
    input: hotRequest({ components: { codecServerInput: { certificateArns: { 'AWS-US-EAST-1': CODEC_CERT_EU } } } }),
    prop: 'codecServer.certificateArns.AWS-US-EAST-1',
    value: `'${CODEC_CERT_EU}'`,
    names: ['is a certificate of eu-west-1', 'the load balancer in us-east-1 cannot use it', 'requested or imported in us-east-1'],
  },
  {
    id: 'TEMPORAL_CODEC_SERVER_SETTINGS',
    name: 'a domain name with a scheme',
    input: hotRequest({ components: { codecServerInput: { ...CODEC_CERTS, domainNames: { 'us-east-1': 'https://codec.example.com' } } } }),
    prop: 'codecServer.domainNames.us-east-1',
    value: "'https://codec.example.com'",
    names: ['is not a DNS name', 'codec.example.com'],
  },
  // Regionally sharded namespaces
  {
    id: 'TEMPORAL_SHARD_PATTERN',
    name: 'a shard asking for Active/Active',
    input: shardedRequest([
      shard('east', 'us-east-1', 'us-west-2'),
      shard('west', 'us-west-2', 'us-east-1', { pattern: DeploymentPattern.ACTIVE_ACTIVE }),
    ]),
    path: 'App/Orders/west',
    prop: 'shards[1].pattern',
    value: "'active-active'",
    names: ["shard 'west' asks for active-active", 'ActiveActiveDeployment'],
  },
  {
    id: 'TEMPORAL_SHARD_SINGLE_REGION',
    name: 'a single-region shard',
    input: shardedRequest([
      shard('east', 'us-east-1', 'us-west-2'),
      shard('eu', 'eu-west-1', undefined, { pattern: DeploymentPattern.SINGLE_REGION }),
    ]),
    path: 'App/Orders/eu',
    prop: 'shards[1].pattern',
    value: "'single-region'",
    names: ["shard 'eu' runs in one region", 'acknowledge TEMPORAL_SHARD_SINGLE_REGION'],
  },
  {
    id: 'TEMPORAL_SHARD_DUPLICATE_NAMESPACE',
    name: 'two shards on one namespace',
    input: shardedRequest([
      shard('east', 'us-east-1', 'us-west-2'),
      shard('west', 'us-west-2', 'us-east-1', { namespace: { name: 'orders-east' } }),
    ]),
    path: 'App/Orders/west',
    prop: 'shards[1].namespace',
    value: "'orders-east.a1b2c'",
    names: ['shards[0] already uses namespace orders-east.a1b2c', 'its own namespace'],
  },
  {
    id: 'TEMPORAL_SHARD_DUPLICATE_NAMESPACE',
    name: 'two shards with one name',
    input: shardedRequest([
      shard('east', 'us-east-1', 'us-west-2'),
      shard('east', 'us-west-2', 'us-east-1', { namespace: { name: 'orders-west' } }),
    ]),
    prop: 'shards[1].name',
    value: "'east'",
    names: ['shards[0] already has this name', 'unique name'],
  },
  // Serverless Workers
  {
    id: 'TEMPORAL_SERVERLESS_EXTERNAL_ID',
    name: 'a 3-character external ID',
    input: serverlessRequest({ serverless: { buildIds: { 'us-east-1': 'v1', 'us-west-2': 'v1' }, externalId: 'abc' } }),
    prop: 'serverless.externalId',
    value: "'abc'",
    names: ['3 characters', '5 to 45 characters'],
  },
  {
    id: 'TEMPORAL_SERVERLESS_ONE_BUILD_ID',
    name: 'different Build IDs per region',
    input: serverlessRequest({ serverless: { buildIds: { 'us-east-1': 'v1', 'us-west-2': 'v2' }, externalId: 'temporal-invoker-3f9a1c7d2e' } }),
    prop: 'serverless.buildId',
    value: "us-east-1='v1', us-west-2='v2'",
    names: ['different Build IDs', 'same Build ID'],
  },
  {
    id: 'TEMPORAL_SERVERLESS_ONE_BUILD_ID',
    name: 'a Build ID for a region without a replica',
    input: serverlessRequest({ serverless: { buildIds: { 'us-east-1': 'v1', 'us-east-2': 'v1' }, externalId: 'temporal-invoker-3f9a1c7d2e' } }),
    prop: 'serverless.buildIds.us-east-2',
    value: "'us-east-2'",
    names: ['us-east-2 holds no replica of orders.a1b2c', 'us-east-1, us-west-2'],
  },
  {
    id: 'TEMPORAL_SERVERLESS_ONE_BUILD_ID',
    name: 'an empty Build ID',
    input: serverlessRequest({ serverless: { buildIds: { 'us-east-1': '', 'us-west-2': '' }, externalId: 'temporal-invoker-3f9a1c7d2e' } }),
    prop: 'serverless.buildId',
    value: '(empty)',
    names: ['needs a Build ID', 'set buildId'],
  },
  // Where resources are placed
  {
    id: 'TEMPORAL_STACK_REGION_EXPLICIT',
    name: 'a supplied stack without an explicit region',
    input: hotRequest({ placements: [placement('us-east-1', { suppliedStack: true, stackRegion: undefined })] }),
    prop: 'regions.us-east-1.stack',
    value: '(environment-agnostic)',
    names: ['stack for us-east-1 has no explicit region', "env: { region: 'us-east-1' }"],
  },
  {
    id: 'TEMPORAL_STACK_REGION_EXPLICIT',
    name: 'a supplied stack in another region',
    input: hotRequest({ placements: [placement('us-east-1', { suppliedStack: true, stackRegion: 'us-west-2' })] }),
    prop: 'regions.us-east-1.stack',
    value: "'us-west-2'",
    names: ['given for us-east-1 deploys to us-west-2', "env.region is 'us-east-1'", "regions['us-west-2']"],
  },
  {
    id: 'TEMPORAL_PLACEMENT_UNUSED_REGION',
    name: 'a VPC supplied for a region the pattern does not use',
    input: hotRequest({ placements: [placement('eu-west-1', { suppliedVpc: true, vpcCidr: '10.50.0.0/16' })] }),
    prop: 'regions.eu-west-1',
    value: "'eu-west-1'",
    names: ['ActiveHotDeployment deploys nothing to eu-west-1 (it uses us-east-1, us-west-2)', "remove regions['eu-west-1']"],
  },
  {
    id: 'TEMPORAL_WORKERS_OR_SERVERLESS',
    name: 'both a Fargate fleet and serverless Workers',
    input: serverlessRequest({ constructKind: 'ActiveHotDeployment', workersGiven: true }),
    prop: 'workers',
    value: '{...} (and serverlessWorkers = {...})',
    names: ['either as an ECS Fargate fleet or as serverless Lambda functions', 'set exactly one of workers and serverlessWorkers'],
  },
  {
    id: 'TEMPORAL_SUPPLIED_NETWORK',
    name: 'a supplied VPC without route tables where Active/Cold routes across regions',
    input: coldRequest({ placements: [placement('us-east-1', { suppliedVpc: true, vpcCidr: '10.50.0.0/16', privateRouteTables: false })] }),
    prop: 'regions.us-east-1.vpc.privateRouteTableIds',
    value: '(not set)',
    names: ['routes go in the private subnets\' route tables', 'add privateRouteTableIds to regions.us-east-1.vpc'],
  },
  {
    id: 'TEMPORAL_NETWORK_EGRESS',
    name: 'no internet egress with Workers on the public path',
    input: hotRequest({ egress: WorkerEgress.VPC_ENDPOINTS, networkPath: NetworkPath.PUBLIC }),
    prop: 'egress',
    value: "'vpc-endpoints' (and connectivity = public)",
    names: ['no path to Temporal Cloud\'s public endpoints', 'set connectivity: Connectivity.privateLink()', 'egress: WorkerEgress.NAT_GATEWAY'],
  },
  {
    id: 'TEMPORAL_NETWORK_EGRESS',
    name: 'createAwsServiceEndpoints with NAT gateways',
    input: hotRequest({ placements: [placement('us-east-1', { suppliedVpc: true, vpcCidr: '10.50.0.0/16', createAwsServiceEndpoints: false })] }),
    prop: 'regions.us-east-1.createAwsServiceEndpoints',
    value: 'false',
    names: ["egress is 'nat-gateway'", 'ignored', 'set egress: WorkerEgress.VPC_ENDPOINTS'],
  },
  {
    id: 'TEMPORAL_NETWORK_EGRESS',
    name: 'no AWS service endpoints in the VPC the construct creates without egress',
    input: hotRequest({ egress: WorkerEgress.VPC_ENDPOINTS, placements: [placement('us-east-1', { createAwsServiceEndpoints: false })] }),
    prop: 'regions.us-east-1.createAwsServiceEndpoints',
    value: 'false',
    names: ['could not pull images', 'supply regions.us-east-1.vpc'],
  },
  {
    id: 'TEMPORAL_NETWORK_EGRESS',
    name: 'a supplied VPC without route tables for the S3 gateway endpoint',
    input: hotRequest({ egress: WorkerEgress.VPC_ENDPOINTS, placements: [placement('us-east-1', { suppliedVpc: true, vpcCidr: '10.50.0.0/16', privateRouteTables: false })] }),
    prop: 'regions.us-east-1.vpc.privateRouteTableIds',
    value: '(not set)',
    names: ['S3 gateway endpoint', 'add privateRouteTableIds to regions.us-east-1.vpc', 'createAwsServiceEndpoints: false'],
  },
  {
    id: 'TEMPORAL_NETWORK_PLACEMENT',
    name: 'a cluster and subnets without their VPC',
    input: hotRequest({ placements: [placement('us-east-1', { networkProps: ['workerSubnetIds', 'clusterArn'] })] }),
    prop: 'regions.us-east-1.clusterArn',
    value: '{...}',
    names: ['regions.us-east-1.vpc is not', 'would create a new VPC for us-east-1', 'supply regions.us-east-1.vpc', 'or remove clusterArn'],
  },
  {
    id: 'TEMPORAL_SERVICE_SIZING',
    name: 'a Worker fleet whose minimum exceeds its maximum',
    input: hotRequest({ fleetInputs: { 'orders.a1b2c': { workers: { minCapacity: 12, maxCapacity: 4 } } } }),
    prop: 'workers.minCapacity',
    value: '12',
    names: ['greater than maxCapacity (4)', 'set minCapacity <= maxCapacity'],
  },
  {
    id: 'TEMPORAL_SERVICE_SIZING',
    name: 'a stop timeout above Fargate\'s 120 s',
    input: hotRequest({ fleetInputs: { 'orders.a1b2c': { workers: { stopTimeoutSeconds: 300 } } } }),
    prop: 'workers.stopTimeoutSeconds',
    value: '300',
    names: ['from 2 to 120', "Fargate's range", 'graceful shutdown'],
  },
  {
    id: 'TEMPORAL_SERVICE_SIZING',
    name: 'a health check retried more than ECS allows',
    input: hotRequest({ fleetInputs: { 'orders.a1b2c': { starters: { healthCheck: { command: ['CMD', 'true'], retries: 20 } } } } }),
    prop: 'starters.healthCheck.retries',
    value: '20',
    names: ['from 1 to 10'],
  },
  {
    id: 'TEMPORAL_SERVICE_SIZING',
    name: 'a health check timeout as long as its interval (found by the property suite: aws-cdk-lib refused it at synth)',
    input: hotRequest({ fleetInputs: { 'orders.a1b2c': { workers: { healthCheck: { command: ['CMD', 'true'], timeoutSeconds: 31 } } } } }),
    prop: 'workers.healthCheck.timeoutSeconds',
    value: '31',
    names: ['not shorter than the interval between checks (30 s)'],
  },
  {
    id: 'TEMPORAL_STANDBY_MIN_CAPACITY',
    name: 'a hot standby of zero tasks',
    input: hotRequest({ fleetInputs: { 'orders.a1b2c': { workers: { standbyMinCapacity: 0 } } } }),
    prop: 'workers.standbyMinCapacity',
    value: '0',
    names: ['cold standby', 'use ActiveColdDeployment'],
  },
  {
    id: 'TEMPORAL_STANDBY_MIN_CAPACITY',
    name: 'a hot standby larger than the maximum',
    input: hotRequest({ fleetInputs: { 'orders.a1b2c': { workers: { standbyMinCapacity: 8, maxCapacity: 6 } } } }),
    prop: 'workers.standbyMinCapacity',
    value: '8',
    names: ['greater than maxCapacity (6)', 'set standbyMinCapacity <= maxCapacity'],
  },
  {
    id: 'TEMPORAL_STANDBY_MIN_CAPACITY',
    name: 'a standby size on Active/Cold, which has no hot standby',
    input: coldRequest({ fleetInputs: { 'orders.a1b2c': { workers: { standbyMinCapacity: 4 } } } }),
    prop: 'workers.standbyMinCapacity',
    value: '4',
    names: ['only to an Active/Hot standby fleet', 'orders.a1b2c have no hot standby (pattern: active-cold)', 'remove standbyMinCapacity'],
  },
  {
    id: 'TEMPORAL_STANDBY_MIN_CAPACITY',
    name: 'a standby size on starters (active in every Worker region)',
    input: hotRequest({ starters: true, fleetInputs: { 'orders.a1b2c': { workers: {}, starters: { standbyMinCapacity: 4 } } } }),
    prop: 'starters.standbyMinCapacity',
    value: '4',
    names: ['starters run as active fleets in every Worker region'],
  },
  {
    id: 'TEMPORAL_ENVIRONMENT_RESERVED',
    name: 'an API key in the plain environment of the Workers',
    input: hotRequest({ fleetInputs: { 'orders.a1b2c': { workers: { environment: { TEMPORAL_API_KEY: 'secret' } } } } }),
    prop: 'workers.environment.TEMPORAL_API_KEY',
    value: '(redacted)',
    names: ['holds a credential', 'Secrets Manager'],
  },
  {
    id: 'TEMPORAL_ENVIRONMENT_RESERVED',
    name: 'a gRPC authorization header in the plain environment',
    input: hotRequest({ fleetInputs: { 'orders.a1b2c': { workers: { environment: { TEMPORAL_GRPC_META_AUTHORIZATION: 'Bearer x' } } } } }),
    prop: 'workers.environment.TEMPORAL_GRPC_META_AUTHORIZATION',
    value: '(redacted)',
    names: ['carries a credential', 'Secrets Manager', 'shown in the console'],
  },
  {
    id: 'TEMPORAL_ENVIRONMENT_RESERVED',
    name: 'host verification turned off',
    input: hotRequest({ fleetInputs: { 'orders.a1b2c': { workers: { environment: { TEMPORAL_TLS_DISABLE_HOST_VERIFICATION: 'true' } } } } }),
    prop: 'workers.environment.TEMPORAL_TLS_DISABLE_HOST_VERIFICATION',
    value: "'true'",
    names: ['changes how the Worker verifies Temporal Cloud', 'remove it'],
  },
  {
    id: 'TEMPORAL_ENVIRONMENT_RESERVED',
    name: 'a PEM key under an innocent name',
    input: hotRequest({ fleetInputs: { 'orders.a1b2c': { workers: { environment: { APP_CONFIG: '-----BEGIN PRIVATE KEY-----\\nMIIE' } } } } }),
    prop: 'workers.environment.APP_CONFIG',
    value: '(redacted)',
    names: ['looks like a PEM block', 'Secrets Manager'],
  },
  {
    id: 'TEMPORAL_ENVIRONMENT_RESERVED',
    name: 'an AWS access key in the serverless Workers\' environment',
    input: serverlessRequest({
      serverless: {
        buildIds: { 'us-east-1': 'b1', 'us-west-2': 'b1' }, externalId: 'temporal-invoker-3f9a1c7d2e', function: { externalId: 'temporal-invoker-3f9a1c7d2e', environment: { S3_KEY: 'AKIAIOSFODNN7EXAMPLE' } },
      },
    }),
    prop: 'serverlessWorkers.environment.S3_KEY',
    value: '(redacted)',
    names: ['looks like an AWS access key id'],
  },
  {
    id: 'TEMPORAL_SERVERLESS_SETTINGS',
    name: 'a serverless function memory Lambda refuses, reported before rendering',
    input: serverlessRequest({ serverless: { buildIds: { 'us-east-1': 'b1', 'us-west-2': 'b1' }, externalId: 'temporal-invoker-3f9a1c7d2e', function: { externalId: 'temporal-invoker-3f9a1c7d2e', memorySize: 64 } } }),
    prop: 'serverlessWorkers.memorySize',
    value: '64',
    names: ['from 128 to 10240'],
  },
  {
    id: 'TEMPORAL_CREDENTIALS_REGION',
    name: 'an API key secret of us-east-1 read by the us-west-2 standby',
    input: hotRequest({ fleetInputs: { 'orders.a1b2c': { credentialSecrets: [{ prop: 'secret', region: 'us-east-1', shown: "'arn:aws:secretsmanager:us-east-1:111111111111:secret:temporal/orders-AbCdEf'", replicated: false }] } } }),
    prop: 'credentials.secret',
    value: "'arn:aws:secretsmanager:us-east-1:111111111111:secret:temporal/orders-AbCdEf'",
    names: ['is a secret in us-east-1', 'the workers in us-west-2 would read it from there', 'replicatedSecret: true'],
  },
  {
    id: 'TEMPORAL_DERIVED_NAMES',
    name: 'a shard name that cannot end a stack name',
    input: shardedRequest([shard('east_1', 'us-east-1', 'us-west-2'), shard('west', 'us-west-2', 'us-east-1')]),
    prop: 'shards[0].name',
    value: "'east_1'",
    names: ['names the shard\'s stacks', "rename the shard, e.g. 'east-1'"],
  },
  {
    id: 'TEMPORAL_DERIVED_NAMES',
    name: 'two shard names that make the same construct ids',
    input: shardedRequest([shard('orders-a', 'us-east-1', 'us-west-2'), shard('ordersA', 'us-west-2', 'us-east-1')]),
    prop: 'shards[1].name',
    value: "'ordersA'",
    names: ["as shards[0].name ('orders-a')", 'differs in its letters or digits'],
  },
  {
    id: 'TEMPORAL_DERIVED_NAMES',
    name: 'a construct id that cannot start a stack name',
    input: hotRequest({ constructPath: 'App/1orders', createsStacks: true }),
    path: 'App/1orders',
    prop: 'id',
    value: "'1orders'",
    names: ['names the construct\'s stacks (1orders-<region>)', "use an id such as 's-1orders'"],
  },
  {
    id: 'TEMPORAL_CROSS_REGION_VALUE',
    name: 'a us-east-1 parameter as the Workers\' image in both regions',
    input: hotRequest({ stackValues: [{ prop: 'workers.image', stack: 'Params', region: 'us-east-1' }] }),
    prop: 'workers.image',
    value: '(a value of stack Params in us-east-1)',
    names: ['is used in us-west-2', 'cross-region export', 'a value known at synth'],
  },
  {
    id: 'TEMPORAL_ACTIVE_FLEET_CAPACITY',
    name: 'Active/Hot with minCapacity 0 (no Worker anywhere)',
    input: hotRequest({ fleetInputs: { 'orders.a1b2c': { workers: { minCapacity: 0 } } } }),
    prop: 'workers.minCapacity',
    value: '0',
    names: ['in us-east-1 and us-west-2 would run no tasks', 'set minCapacity to 1 or more'],
  },
  {
    id: 'TEMPORAL_ACTIVE_FLEET_CAPACITY',
    name: 'the active fleet of Active/Cold with minCapacity 0',
    input: coldRequest({ fleetInputs: { 'orders.a1b2c': { workers: { minCapacity: 0 } } } }),
    prop: 'workers.minCapacity',
    value: '0',
    names: ['in us-east-1 would run no tasks'],
  },
  {
    id: 'TEMPORAL_CODEC_SERVER_SETTINGS',
    name: 'a codec server allowing any CORS origin',
    input: hotRequest({ components: { codecServerInput: { certificateArns: {}, corsAllowedOrigins: ['*'] } } }),
    prop: 'codecServer.corsAllowedOrigins[0]',
    value: "'*'",
    names: ['any web page could have browsers decode your payloads', 'https://cloud.temporal.io'],
  },
  {
    id: 'TEMPORAL_PROXY_SETTINGS',
    name: 'a proxy listening on port 0',
    input: hotRequest({ components: { proxy: true, proxyInput: { containerPort: 0 } } }),
    prop: 'proxy.containerPort',
    value: '0',
    names: ['whole number from 1 to 65535', 'such as 7233'],
  },
  {
    id: 'TEMPORAL_SERVERLESS_SETTINGS',
    name: 'a Build ID with surrounding whitespace',
    input: serverlessRequest({ serverless: { buildIds: { 'us-east-1': ' v1 ', 'us-west-2': ' v1 ' }, externalId: 'orders-invoker-1' } }),
    prop: 'serverless.buildId',
    value: "' v1 '",
    names: ['whitespace'],
  },
  {
    id: 'TEMPORAL_PRIVATELINK_SETTINGS',
    name: 'a private record for a region whose endpoint was dropped from the plan',
    input: withRegion(toPlan(coldRequest()), 'us-west-2', (r) => ({ ...r, privateLinkEndpoint: undefined })),
    path: 'App/Orders/us-east-1',
    prop: 'privateLink.zoneRecords',
    value: "'aws-us-west-2.region.tmprl.cloud'",
    names: ["points at us-west-2's Temporal VPC endpoint", 'plan a PrivateLink endpoint in us-west-2'],
  },
  {
    id: 'TEMPORAL_PRIVATELINK_SETTINGS',
    name: 'a supplied private zone that is not region.tmprl.cloud',
    input: coldRequest({ placements: [placement('us-east-1', { suppliedVpc: true, suppliedZone: { prop: 'regions.us-east-1.privateZone', name: 'Corp.Example.com.', id: 'Z0123456789ABC' } })] }),
    prop: 'regions.us-east-1.privateZone',
    value: "'Corp.Example.com.'",
    names: ["is a zone named 'corp.example.com'", 'supply the region.tmprl.cloud private zone associated with the worker VPC'],
  },
  {
    id: 'TEMPORAL_PRIVATELINK_SETTINGS',
    name: 'a supplied zone id that is not a Route 53 hosted zone id',
    input: coldRequest({ placements: [placement('us-east-1', { suppliedVpc: true, suppliedZone: { prop: 'regions.us-east-1.privateZoneId', id: 'zone-1' } })] }),
    prop: 'regions.us-east-1.privateZoneId',
    value: "'zone-1'",
    names: ['is not a Route 53 hosted zone id', 'Z0123456789ABCDEFGHIJ'],
  },
  {
    id: 'TEMPORAL_PRIVATELINK_SETTINGS',
    name: 'a supplied zone with a VPC the construct creates',
    input: coldRequest({ placements: [placement('us-east-1', { suppliedZone: { prop: 'regions.us-east-1.privateZoneId', id: 'Z0123456789ABC' } })] }),
    prop: 'regions.us-east-1.privateZoneId',
    value: "'Z0123456789ABC'",
    names: ['is supplied without regions.us-east-1.vpc', 'supply the VPC the zone is associated with as regions.us-east-1.vpc'],
  },
  {
    id: 'TEMPORAL_PRIVATELINK_SETTINGS',
    name: 'a supplied zone on a VPC that another deployment already gave its zone',
    input: coldRequest({
      placements: [placement('us-east-1', {
        suppliedVpc: true, suppliedZone: { prop: 'regions.us-east-1.privateZone', name: 'region.tmprl.cloud', conflictsWith: 'App/Payments' },
      })],
    }),
    prop: 'regions.us-east-1.privateZone',
    value: "'region.tmprl.cloud'",
    names: ['differs from the region.tmprl.cloud zone App/Payments already put on this VPC', 'ConflictingDomainExists', 'supply this same zone to App/Payments too'],
  },
  {
    id: 'TEMPORAL_CROSS_REGION_ROUTE_SETTINGS',
    name: 'Transit Gateway routes without an id for the replica region',
    input: coldRequest({ crossRegionRoute: CrossRegionRouteKind.TRANSIT_GATEWAY, transitGatewayIds: { 'us-east-1': 'tgw-east' } }),
    prop: 'privateLink.crossRegionRoute.transitGatewayIds',
    value: '{"us-east-1":"tgw-east"}',
    names: ['no Transit Gateway id for us-west-2', "'us-west-2': 'tgw-...'"],
  },
  {
    id: 'TEMPORAL_FAILOVER_SETTINGS',
    name: 'an active region the Workers cannot be active in',
    input: coldRequest({ failover: { activeRegion: 'eu-west-1' } }),
    prop: 'failover.activeRegion',
    value: "'eu-west-1'",
    names: ["is not one of the regions this namespace's Workers can be active in (us-east-1, us-west-2)", "set 'us-east-1' or 'us-west-2'"],
  },
  {
    id: 'TEMPORAL_RECOVERY_TIME_OBJECTIVE',
    name: 'Active/Cold with a 60 s recovery-time objective',
    input: coldRequest({ components: { codecServer: false }, failover: { recoveryTimeObjectiveSeconds: 60 } }),
    prop: 'recoveryTimeObjective',
    value: '60 s',
    names: ['orders.a1b2c when us-east-1 fails and us-west-2 takes over', 'over the objective of 60 s', 'Fargate pulls and extracts the image',
      'use Active/Hot (ActiveHotDeployment), whose standby fleet already runs'],
  },
];

const PASSING: PassingCase[] = [
  { id: 'TEMPORAL_REGION_UNKNOWN', name: 'regions written as Temporal ids and in capitals', input: hotRequest({ namespace: { primaryRegion: 'aws-us-east-1', replicaRegion: 'US-WEST-2' } }) },
  { id: 'TEMPORAL_NAMESPACE_NAME', name: 'the shortest and longest valid names', input: shardedRequest([shard('a', 'us-east-1', 'us-west-2', { namespace: { name: 'ab' } }), shard('b', 'us-west-2', 'us-east-1', { namespace: { name: `a${'b'.repeat(37)}9` } })]) },
  { id: 'TEMPORAL_REPLICA_REQUIRED', name: 'a single-region shard (no replica needed)', input: shardedRequest([shard('eu', 'eu-west-1', undefined, { pattern: DeploymentPattern.SINGLE_REGION })]) },
  { id: 'TEMPORAL_REPLICA_SAME_REGION', name: 'replica in another region', input: hotRequest() },
  { id: 'TEMPORAL_REPLICA_REGION_PAIRING', name: 'us-east-1 with us-east-2', input: hotRequest({ namespace: { replicaRegion: 'us-east-2' } }) },
  { id: 'TEMPORAL_REPLICA_REGION_PAIRING', name: 'us-east-1 with gcp-us-central1 (a multi-cloud partner)', input: coldRequest({ networkPath: NetworkPath.PUBLIC, namespace: { replicaRegion: 'gcp-us-central1' }, standbyRegion: 'us-east-2' }) },
  { id: 'TEMPORAL_REPLICA_SAME_REGION_OUTAGE', name: 'a replica in another region', input: coldRequest() },
  { id: 'TEMPORAL_OTHER_CLOUD_FLEET_REGION', name: 'Active/Cold with a GCP replica and a standby region on AWS', input: coldRequest({ networkPath: NetworkPath.PUBLIC, namespace: { replicaRegion: 'gcp-us-central1' }, standbyRegion: 'us-east-2' }) },
  { id: 'TEMPORAL_OTHER_CLOUD_PRIVATELINK', name: 'PrivateLink with an AWS replica', input: coldRequest() },
  { id: 'TEMPORAL_OTHER_CLOUD_REGIONAL_ENDPOINT', name: 'Active/Hot with an AWS replica', input: hotRequest() },
  { id: 'TEMPORAL_KNOWN_AT_SYNTH', name: 'literal namespace and regions', input: hotRequest() },
  { id: 'TEMPORAL_REQUIRED_PROP', name: 'every required prop set', input: hotRequest({ missingProps: [] }) },
  { id: 'TEMPORAL_NAMESPACE_ENDPOINT_FORWARDING_DISABLED', name: 'Active/Cold with forwarding enabled', input: coldRequest({ namespace: { pollerForwarding: PollerForwarding.ENABLED } }) },
  { id: 'TEMPORAL_HOT_REGIONAL_ENDPOINT', name: 'Active/Hot explicitly on the Regional Endpoint', input: hotRequest({ endpoint: EndpointKind.REGIONAL }) },
  { id: 'TEMPORAL_HOT_FORWARDING_DISABLED', name: 'Active/Hot with forwarding disabled', input: hotRequest() },
  { id: 'TEMPORAL_COLD_NAMESPACE_ENDPOINT', name: 'Active/Cold explicitly on the Namespace Endpoint', input: coldRequest({ endpoint: EndpointKind.NAMESPACE }) },
  { id: 'TEMPORAL_ACTIVE_ACTIVE_REGIONAL_FORWARDING', name: 'Active/Active on Regional Endpoints with forwarding enabled', input: activeActiveRequest({ endpoint: EndpointKind.REGIONAL, namespace: { pollerForwarding: PollerForwarding.ENABLED } }) },
  { id: 'TEMPORAL_ACTIVE_ACTIVE_REGIONAL_FORWARDING', name: 'Active/Active on the Namespace Endpoint with forwarding disabled', input: activeActiveRequest({ namespace: { pollerForwarding: PollerForwarding.DISABLED } }) },
  { id: 'TEMPORAL_ACTIVE_ACTIVE_REGIONAL_ENDPOINT', name: 'Active/Active on the Namespace Endpoint', input: activeActiveRequest() },
  { id: 'TEMPORAL_REGIONAL_ENDPOINT_OUTSIDE_NAMESPACE', name: 'Active/Active in a third region on the Namespace Endpoint', input: activeActiveRequest({ workerRegions: ['us-east-1', 'us-west-2', 'us-east-2'] }) },
  { id: 'TEMPORAL_TLS_SERVER_NAME', name: 'mTLS Regional Endpoint with the namespace host as override', input: hotRequest({ auth: AuthMethod.MTLS, tlsServerName: 'orders.a1b2c.tmprl.cloud' }) },
  { id: 'TEMPORAL_PRIVATE_ZONE_NAMESPACE_RECORD', name: 'the planner\'s Cold plan (region.tmprl.cloud records only)', input: planDeployment(coldRequest()) },
  { id: 'TEMPORAL_PRIVATE_ZONE_NAMESPACE_RECORD', name: 'a single-region shard overriding its own Namespace Endpoint', input: shardedRequest([shard('eu', 'eu-west-1', undefined, { pattern: DeploymentPattern.SINGLE_REGION })]) },
  { id: 'TEMPORAL_PRIVATELINK_CROSS_REGION_ROUTE', name: 'Active/Hot (each fleet on its local endpoint) without routes', input: hotRequest({ crossRegionRoute: 'none' }) },
  { id: 'TEMPORAL_PRIVATELINK_CROSS_REGION_ROUTE', name: 'Active/Cold over the public internet without routes', input: coldRequest({ networkPath: NetworkPath.PUBLIC, crossRegionRoute: 'none' }) },
  { id: 'TEMPORAL_NATIVE_CROSS_REGION_ENDPOINT', name: 'a Transit Gateway', input: coldRequest({ crossRegionRoute: CrossRegionRouteKind.TRANSIT_GATEWAY }) },
  {
    id: 'TEMPORAL_ROUTE_OVERLAPPING_CIDRS',
    name: 'peered supplied VPCs with distinct CIDRs',
    input: coldRequest({ placements: [placement('us-east-1', { suppliedVpc: true, vpcCidr: '10.0.0.0/16' }), placement('us-west-2', { suppliedVpc: true, vpcCidr: '10.1.0.0/16' })] }),
  },
  {
    id: 'TEMPORAL_ROUTE_OVERLAPPING_CIDRS',
    name: 'overlapping VPCs that are not peered (Active/Hot has no routes)',
    input: hotRequest({ placements: [placement('us-east-1', { suppliedVpc: true, vpcCidr: '10.0.0.0/16' }), placement('us-west-2', { suppliedVpc: true, vpcCidr: '10.0.0.0/16' })] }),
  },
  { id: 'TEMPORAL_FAILOVER_PRIVATE_HEALTH_CHECK', name: 'the planner\'s private failover records', input: coldRequest({ components: { routing: ComponentRouting.FAILOVER_DNS, proxy: true } }) },
  { id: 'TEMPORAL_FAILOVER_DOMAIN', name: 'a private domain of the user\'s own', input: coldRequest({ components: { routing: ComponentRouting.FAILOVER_DNS }, failoverDomainName: 'Codec.Acme.Internal.' }) },
  { id: 'TEMPORAL_FAILOVER_DOMAIN', name: 'no failover names (regional routing): the domain is unused', input: coldRequest({ failoverDomainName: 'tmprl.cloud' }) },
  { id: 'TEMPORAL_COMPONENTS_FOLLOW_WORKERS', name: 'the planner\'s Cold plan (cold codec beside cold Workers)', input: coldRequest({ components: { proxy: true } }) },
  { id: 'TEMPORAL_COMPONENTS_FOLLOW_WORKERS', name: 'the planner\'s Hot plan with proxies', input: hotRequest({ components: { proxy: true } }) },
  { id: 'TEMPORAL_CODEC_CERTIFICATE', name: 'certificates in both codec regions, keys in any spelling', input: hotRequest({ components: { codecServerInput: CODEC_CERTS } }) },
  { id: 'TEMPORAL_CODEC_CERTIFICATE', name: 'no codec server', input: hotRequest({ components: { codecServer: false, codecServerInput: undefined } }) },
  {
    id: 'TEMPORAL_CODEC_CERTIFICATE',
    name: 'no certificate but domain names and a zone (certificates are requested)',
    input: hotRequest({ components: { codecServerInput: { domainNames: CODEC_DOMAINS, hostedZoneGiven: true } } }),
  },
  { id: 'TEMPORAL_CODEC_DOMAIN', name: 'a domain name in both codec regions', input: hotRequest({ components: { codecServerInput: { ...CODEC_CERTS, domainNames: CODEC_DOMAINS } } }) },
  { id: 'TEMPORAL_CODEC_DOMAIN', name: 'no codec server', input: hotRequest({ components: { codecServer: false, codecServerInput: undefined } }) },
  { id: 'TEMPORAL_SHARD_PATTERN', name: 'Hot, Cold and single-region shards', input: shardedRequest([shard('east', 'us-east-1', 'us-west-2'), shard('west', 'us-west-2', 'us-east-1', { pattern: DeploymentPattern.ACTIVE_COLD }), shard('eu', 'eu-west-1', undefined, { pattern: DeploymentPattern.SINGLE_REGION })]) },
  { id: 'TEMPORAL_SHARD_SINGLE_REGION', name: 'two Active/Hot shards', input: shardedRequest() },
  { id: 'TEMPORAL_SHARD_DUPLICATE_NAMESPACE', name: 'two shards, two namespaces, two names', input: shardedRequest() },
  { id: 'TEMPORAL_SERVERLESS_EXTERNAL_ID', name: 'a 5-character external ID', input: serverlessRequest({ serverless: { buildIds: { 'us-east-1': 'v1' }, externalId: 'ab-1=' } }) },
  { id: 'TEMPORAL_SERVERLESS_ONE_BUILD_ID', name: 'one Build ID in both regions', input: serverlessRequest() },
  { id: 'TEMPORAL_STACK_REGION_EXPLICIT', name: 'supplied stacks in their own regions', input: hotRequest({ placements: [placement('us-east-1', { suppliedStack: true, stackRegion: 'us-east-1' }), placement('us-west-2', { suppliedStack: true, stackRegion: 'us-west-2' })] }) },
  { id: 'TEMPORAL_STACK_REGION_EXPLICIT', name: 'stacks created by the construct (no stack region known)', input: hotRequest({ placements: [placement('us-east-1')] }) },
  { id: 'TEMPORAL_PLACEMENT_UNUSED_REGION', name: 'VPCs supplied for both namespace regions', input: hotRequest({ placements: [placement('us-east-1', { suppliedVpc: true, vpcCidr: '10.0.0.0/16' }), placement('us-west-2', { suppliedVpc: true, vpcCidr: '10.1.0.0/16' })] }) },
  { id: 'TEMPORAL_SERVERLESS_SETTINGS', name: 'one trimmed Build ID', input: serverlessRequest() },
  { id: 'TEMPORAL_PRIVATELINK_SETTINGS', name: 'the planner\'s Cold plan under PrivateLink', input: coldRequest() },
  {
    id: 'TEMPORAL_PRIVATELINK_SETTINGS',
    name: 'the platform\'s region.tmprl.cloud zone with its VPC',
    input: coldRequest({ placements: [placement('us-east-1', { suppliedVpc: true, suppliedZone: { prop: 'regions.us-east-1.privateZone', name: 'region.tmprl.cloud.', id: '/hostedzone/Z0123456789ABC' } })] }),
  },
  { id: 'TEMPORAL_WORKERS_OR_SERVERLESS', name: 'a Fargate fleet only', input: hotRequest({ workersGiven: true }) },
  { id: 'TEMPORAL_SUPPLIED_NETWORK', name: 'a supplied VPC with its route tables', input: coldRequest({ placements: [placement('us-east-1', { suppliedVpc: true, vpcCidr: '10.50.0.0/16', privateRouteTables: true })] }) },
  { id: 'TEMPORAL_NETWORK_EGRESS', name: 'no internet egress under PrivateLink', input: hotRequest({ egress: WorkerEgress.VPC_ENDPOINTS }) },
  {
    id: 'TEMPORAL_NETWORK_EGRESS',
    name: 'serverless Workers outside a VPC on the public path',
    input: serverlessRequest({ egress: WorkerEgress.VPC_ENDPOINTS, networkPath: NetworkPath.PUBLIC, components: { codecServer: false } }),
  },
  {
    id: 'TEMPORAL_NETWORK_EGRESS',
    name: 'a supplied VPC that has the endpoints',
    input: hotRequest({ egress: WorkerEgress.VPC_ENDPOINTS, placements: [placement('us-east-1', { suppliedVpc: true, vpcCidr: '10.50.0.0/16', privateRouteTables: false, createAwsServiceEndpoints: false })] }),
  },
  {
    id: 'TEMPORAL_NETWORK_PLACEMENT',
    name: 'a cluster and subnets with their VPC',
    input: hotRequest({ placements: [placement('us-east-1', { suppliedVpc: true, vpcCidr: '10.50.0.0/16', networkProps: ['workerSubnetIds', 'clusterArn'] })] }),
  },
  { id: 'TEMPORAL_SERVICE_SIZING', name: 'a sized fleet', input: hotRequest({ fleetInputs: { 'orders.a1b2c': { workers: { cpu: 1024, memoryLimitMiB: 2048, minCapacity: 3, maxCapacity: 12 } } } }) },
  {
    id: 'TEMPORAL_SERVICE_SIZING',
    name: 'a stop timeout and a health check in ECS\'s ranges',
    input: hotRequest({ fleetInputs: { 'orders.a1b2c': { workers: { stopTimeoutSeconds: 2, healthCheck: { command: ['CMD', 'true'], intervalSeconds: 300, timeoutSeconds: 60, retries: 10, startPeriodSeconds: 300 } } } } }),
  },
  { id: 'TEMPORAL_STANDBY_MIN_CAPACITY', name: 'an Active/Hot standby at the active fleet\'s steady state', input: hotRequest({ fleetInputs: { 'orders.a1b2c': { workers: { minCapacity: 2, standbyMinCapacity: 6, maxCapacity: 12 } } } }) },
  { id: 'TEMPORAL_STANDBY_MIN_CAPACITY', name: 'an Active/Hot standby above the default maximum (the default maximum follows it)', input: hotRequest({ fleetInputs: { 'orders.a1b2c': { workers: { standbyMinCapacity: 14 } } } }) },
  { id: 'TEMPORAL_ENVIRONMENT_RESERVED', name: 'task queue names in the environment', input: hotRequest({ fleetInputs: { 'orders.a1b2c': { workers: { environment: { TASK_QUEUE: 'orders' } } } } }) },
  { id: 'TEMPORAL_ENVIRONMENT_RESERVED', name: 'TLS server name and ordinary settings', input: hotRequest({ fleetInputs: { 'orders.a1b2c': { workers: { environment: { LOG_LEVEL: 'info', AKIA_NOTE: 'AKIA is a prefix' } } } } }) },
  { id: 'TEMPORAL_CREDENTIALS_REGION', name: 'a replicated secret', input: hotRequest({ fleetInputs: { 'orders.a1b2c': { credentialSecrets: [{ prop: 'secret', region: 'us-east-1', shown: "'arn:aws:secretsmanager:us-east-1:111111111111:secret:temporal/orders-AbCdEf'", replicated: true }] } } }) },
  { id: 'TEMPORAL_CREDENTIALS_REGION', name: 'a secret in the only Worker region', input: hotRequest({ namespace: { replicaRegion: undefined }, pattern: DeploymentPattern.SINGLE_REGION, fleetInputs: { 'orders.a1b2c': { credentialSecrets: [{ prop: 'secret', region: 'us-east-1', shown: "'arn:aws:secretsmanager:us-east-1:111111111111:secret:temporal/orders-AbCdEf'", replicated: false }] } } }) },
  { id: 'TEMPORAL_ACTIVE_FLEET_CAPACITY', name: 'Active/Cold: the cold standby at zero tasks, the active fleet at one', input: coldRequest({ fleetInputs: { 'orders.a1b2c': { workers: { minCapacity: 1 } } } }) },
  { id: 'TEMPORAL_DERIVED_NAMES', name: 'shard names of letters, digits and hyphens', input: shardedRequest([shard('east-1', 'us-east-1', 'us-west-2'), shard('West2', 'us-west-2', 'us-east-1')]) },
  { id: 'TEMPORAL_DERIVED_NAMES', name: 'a construct id that is no stack name, inside a stack (no stack is named after it)', input: hotRequest({ constructPath: 'App/Stack/orders service' }) },
  { id: 'TEMPORAL_CROSS_REGION_VALUE', name: 'a us-east-1 parameter under the us-east-1 key', input: hotRequest({ stackValues: [{ prop: 'codecServer.domainNames.aws-us-east-1', stack: 'Params', region: 'us-east-1' }] }) },
  { id: 'TEMPORAL_ACTIVE_FLEET_CAPACITY', name: 'Active/Hot with a running standby', input: hotRequest({ fleetInputs: { 'orders.a1b2c': { workers: { minCapacity: 1, standbyMinCapacity: 1 } } } }) },
  { id: 'TEMPORAL_CODEC_SERVER_SETTINGS', name: 'the Temporal Cloud web UI origin', input: hotRequest({ components: { codecServerInput: { certificateArns: {}, corsAllowedOrigins: ['https://cloud.temporal.io'] } } }) },
  { id: 'TEMPORAL_PROXY_SETTINGS', name: 'the default proxy ports', input: hotRequest({ components: { proxy: true, proxyInput: {} } }) },
  { id: 'TEMPORAL_FAILOVER_SETTINGS', name: 'the replica declared active, a name and a recovery-time objective', input: coldRequest({ failover: { name: 'orders-1', activeRegion: 'us-west-2', recoveryTimeObjectiveSeconds: 600 } }) },
  { id: 'TEMPORAL_RECOVERY_TIME_OBJECTIVE', name: 'Active/Hot with a 60 s recovery-time objective', input: hotRequest({ failover: { recoveryTimeObjectiveSeconds: 60 } }) },
  { id: 'TEMPORAL_CROSS_REGION_ROUTE_SETTINGS', name: 'a Transit Gateway id per region', input: coldRequest({ crossRegionRoute: CrossRegionRouteKind.TRANSIT_GATEWAY, transitGatewayIds: { 'us-east-1': 'tgw-east', 'aws-us-west-2': 'tgw-west' } }) },
];

/** The finding of `c` (the one at `c.path` when given). */
function findingOf(c: FailingCase): Finding {
  const found = findingsFor(c.input, c.id);
  const match = found.find((f) => f.prop === c.prop && (c.path === undefined || f.constructPath === c.path));
  if (!match) {
    throw new Error(`${c.id} reported no finding for ${c.prop} at ${c.path ?? 'App/Orders'}; all findings: ${JSON.stringify(evaluate(toPlan(c.input)), null, 2)}`);
  }
  return match;
}

/**
 * Rules about inputs only a building block used on its own can get wrong (a pattern derives them):
 * their failing and passing cases are the block tests, which assert the error with this rule id.
 */
const BLOCK_RULES = [
  'TEMPORAL_CONNECTION_SETTINGS', 'TEMPORAL_TLS_SERVER_NAME_MISMATCH', 'TEMPORAL_CREDENTIALS_SECRETS', 'TEMPORAL_FAILOVER_RECORD_SETTINGS',
  'TEMPORAL_CLOUD_METRIC_ALARM_SETTINGS',
];

describe('every rule has a failing and a passing case', () => {
  test.each(BLOCK_RULES.map((id) => [id]))('%s (a block rule) is asserted by the block tests of both engines', (id) => {
    const grep = (dir: string): boolean => fs.readdirSync(dir, { withFileTypes: true }).some((e) =>
      (e.isDirectory() ? grep(path.join(dir, e.name)) : e.name.endsWith('.test.ts') && fs.readFileSync(path.join(dir, e.name), 'utf8').includes(id)));
    expect(RULES.map((r) => r.id)).toContain(id);
    expect(grep(path.join(__dirname, '..', 'aws-cdk'))).toBe(true);
    expect(grep(path.join(__dirname, '..', 'cdktf'))).toBe(true);
  });

  test.each(RULES.filter((r) => !BLOCK_RULES.includes(r.id)).map((r) => [r.id]))('%s', (id) => {
    expect(FAILING.filter((c) => c.id === id).length).toBeGreaterThan(0);
    expect(PASSING.filter((c) => c.id === id).length).toBeGreaterThan(0);
  });

  test('the cases name only real rules', () => {
    const ids = RULES.map((r) => r.id);
    expect([...FAILING, ...PASSING].map((c) => c.id).filter((id) => !ids.includes(id))).toEqual([]);
  });
});

describe('failing cases', () => {
  test.each(FAILING.map((c) => [c.id, c.name, c]))('%s: %s', (id, _name, c) => {
    // GIVEN a deployment that breaks the rule
    // WHEN the plan is evaluated
    const f = findingOf(c);

    // THEN the rule reports the prop and value the user wrote, where they wrote it, with a fix
    const rule = RULES.find((r) => r.id === id)!;
    expect(f.severity).toBe(rule.severity);
    expect(f.constructPath).toBe(c.path ?? 'App/Orders');
    expect(f.value).toBe(c.value);
    for (const text of c.names) expect(`${f.message} ${f.fix}`).toContain(text);
    expect(f.message.length).toBeGreaterThan(20);
    expect(f.fix.length).toBeGreaterThan(10);
  });
});

describe('passing cases', () => {
  test.each(PASSING.map((c) => [c.id, c.name, c]))('%s: not reported for %s', (id, _name, c) => {
    // GIVEN a deployment that follows the rule
    // WHEN the plan is evaluated
    // THEN the rule reports nothing
    expect(findingsFor(c.input, id)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Rule details a user relies on.
// ---------------------------------------------------------------------------------------------

describe('endpoints and forwarding', () => {
  test('Active/Hot on the Namespace Endpoint reports each fleet, in its region', () => {
    const found = findingsFor(hotRequest({ endpoint: EndpointKind.NAMESPACE }), 'TEMPORAL_HOT_REGIONAL_ENDPOINT');
    expect(found.map((f) => f.constructPath)).toEqual(['App/Orders/us-east-1', 'App/Orders/us-west-2']);
    expect(found.every((f) => f.severity === Severity.ERROR)).toBe(true);
  });

  test('Active/Hot starters on the Namespace Endpoint are fine (only Worker fleets must be regional)', () => {
    expect(findingsOf(hotRequest({ starters: true }))).toEqual([]);
  });

  test('Active/Active on Regional Endpoints with forwarding disabled is an error and a warning', () => {
    // GIVEN Active/Active on Regional Endpoints while the namespace has forwarding disabled
    const findings = findingsOf(activeActiveRequest({ endpoint: EndpointKind.REGIONAL, namespace: { pollerForwarding: PollerForwarding.DISABLED } }));

    // THEN the passive region's fleet would never get work (error) and the choice itself is flagged (warning)
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['TEMPORAL_ACTIVE_ACTIVE_REGIONAL_FORWARDING', Severity.ERROR],
      ['TEMPORAL_ACTIVE_ACTIVE_REGIONAL_ENDPOINT', Severity.WARNING],
    ]);
  });

  test('Active/Active on Regional Endpoints with forwarding enabled is only the warning', () => {
    const findings = findingsOf(activeActiveRequest({ endpoint: EndpointKind.REGIONAL, namespace: { pollerForwarding: PollerForwarding.ENABLED } }));
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['TEMPORAL_ACTIVE_ACTIVE_REGIONAL_ENDPOINT', Severity.WARNING]]);
    expect(() => assertValid(planDeployment(activeActiveRequest({ endpoint: EndpointKind.REGIONAL })))).not.toThrow();
  });

  test('a Hot shard reports forwarding and endpoint problems on the shard\'s props and path', () => {
    // GIVEN the west shard on the Namespace Endpoint with forwarding enabled
    const request = shardedRequest([
      shard('east', 'us-east-1', 'us-west-2'),
      shard('west', 'us-west-2', 'us-east-1', { endpoint: EndpointKind.NAMESPACE, namespace: { pollerForwarding: PollerForwarding.ENABLED } }),
    ]);

    // THEN both findings name shards[1] and App/Orders/west
    expect(findingsFor(request, 'TEMPORAL_HOT_FORWARDING_DISABLED').map((f) => [f.constructPath, f.prop])).toEqual([
      ['App/Orders/west', 'shards[1].namespace.pollerForwarding'],
    ]);
    expect(findingsFor(request, 'TEMPORAL_HOT_REGIONAL_ENDPOINT').map((f) => [f.constructPath, f.prop])).toEqual([
      ['App/Orders/west/us-east-1', 'shards[1].endpoint'],
      ['App/Orders/west/us-west-2', 'shards[1].endpoint'],
    ]);
  });

  test('a wrong server name override through a proxy is reported per region (each region needs its own upstream host)', () => {
    // GIVEN API-key Hot fleets behind proxies, all told to present the us-east-1 Regional Endpoint host
    const request = hotRequest({ components: { proxy: true }, tlsServerName: 'aws-us-east-1.region.tmprl.cloud' });

    // THEN only the us-west-2 fleet, whose proxy dials us-west-2, is reported
    expect(findingsFor(request, 'TEMPORAL_TLS_SERVER_NAME').map((f) => [f.constructPath, f.fix])).toEqual([
      ['App/Orders/us-west-2', "remove the tlsServerName override (the library derives 'aws-us-west-2.region.tmprl.cloud')."],
    ]);
  });
});

describe('regions and namespaces', () => {
  test.each([
    ['o'],
    ['-orders'],
    ['orders-'],
    ['1orders'],
    ['orders_eu'],
    ['a'.repeat(40)],
    [''],
  ])('namespace name %j is rejected', (name) => {
    const found = findingsFor(hotRequest({ namespace: { name } }), 'TEMPORAL_NAMESPACE_NAME');
    expect(found.map((f) => [f.prop, f.value])).toEqual([['namespace.name', `'${name}'`]]);
  });

  test.each([['A1B2C'], ['a'], ['a1b2c.tmprl.cloud'], ['']])('account id %j is rejected', (accountId) => {
    const found = findingsFor(hotRequest({ namespace: { accountId } }), 'TEMPORAL_NAMESPACE_NAME');
    expect(found.map((f) => [f.prop, f.value])).toEqual([['namespace.accountId', `'${accountId}'`]]);
  });

  test('a replica in the primary region of a region without same-region replication says so', () => {
    const [f] = findingsFor(coldRequest({ namespace: { primaryRegion: 'eu-west-1', replicaRegion: 'eu-west-1' } }), 'TEMPORAL_REPLICA_SAME_REGION');
    expect(f.message).toContain('not offered in eu-west-1 at all');
    expect(f.fix).toContain('eu-central-1, eu-west-2');
  });

  test.each([
    [DeploymentPattern.ACTIVE_COLD, coldRequest({ namespace: { replicaRegion: undefined } })],
    [DeploymentPattern.ACTIVE_HOT, hotRequest({ namespace: { replicaRegion: undefined } })],
    [DeploymentPattern.ACTIVE_ACTIVE, activeActiveRequest({ namespace: { replicaRegion: undefined } })],
  ])('%s without a replica region is an error', (pattern, request) => {
    const [f] = findingsFor(request, 'TEMPORAL_REPLICA_REQUIRED');
    expect(f.message).toContain(`${pattern} Workers fail over with the namespace`);
  });

  test('an unknown region is reported once per prop, not once per rule that looks at it', () => {
    const findings = findingsOf(hotRequest({ namespace: { primaryRegion: 'us-east-9' } }));
    expect(findings.filter((f) => f.ruleId === 'TEMPORAL_REGION_UNKNOWN')).toHaveLength(1);
  });
});

describe('private connectivity', () => {
  test('Active/Cold with no cross-region route reports both directions, and the plan has no routes', () => {
    // GIVEN Active/Cold under PrivateLink with crossRegionRoute 'none'
    const request = coldRequest({ crossRegionRoute: 'none' });

    // THEN neither VPC can reach the other region's endpoint, and both are reported
    expect(planDeployment(request).regions.flatMap((r) => r.routes)).toEqual([]);
    expect(findingsFor(request, 'TEMPORAL_PRIVATELINK_CROSS_REGION_ROUTE').map((f) => f.value)).toEqual([
      "'none' (us-east-1 -> us-west-2)",
      "'none' (us-west-2 -> us-east-1)",
    ]);
  });

  test('Active/Active with no route reports the third region reaching both namespace regions', () => {
    const request = activeActiveRequest({ workerRegions: ['us-east-1', 'us-west-2', 'us-east-2'], crossRegionRoute: 'none' });
    const values = findingsFor(request, 'TEMPORAL_PRIVATELINK_CROSS_REGION_ROUTE').map((f) => f.value);
    expect(values).toEqual(expect.arrayContaining(["'none' (us-east-2 -> us-east-1)", "'none' (us-east-2 -> us-west-2)"]));
    expect(values).toHaveLength(4);
  });

  test('Active/Hot starters on the Namespace Endpoint without a route are reported', () => {
    const found = findingsFor(hotRequest({ starters: true, crossRegionRoute: 'none' }), 'TEMPORAL_PRIVATELINK_CROSS_REGION_ROUTE');
    expect(found.map((f) => f.constructPath)).toEqual(['App/Orders/us-east-1', 'App/Orders/us-west-2']);
    expect(found[0].message).toContain('starter fleet');
  });

  test('a supplied VPC overlapping the VPC the construct creates in the other region is reported', () => {
    // GIVEN a supplied us-east-1 VPC that uses the CIDR the construct gives us-west-2's VPC
    const westDefault = planDeployment(coldRequest()).regions[1].defaultVpcCidr;
    const request = coldRequest({ placements: [placement('us-east-1', { suppliedVpc: true, vpcCidr: westDefault })] });

    // THEN the overlap names both, the supplied one by its prop
    expect(findingsFor(request, 'TEMPORAL_ROUTE_OVERLAPPING_CIDRS').map((f) => [f.prop, f.value])).toEqual([
      ['regions.us-east-1.vpc / regions.us-west-2', `'${westDefault}' and '${westDefault}'`],
    ]);
  });

  test('a supplied VPC whose CIDR is not known at synth is not guessed at', () => {
    const request = coldRequest({ placements: [placement('us-east-1', { suppliedVpc: true, vpcCidr: undefined })] });
    expect(findingsFor(request, 'TEMPORAL_ROUTE_OVERLAPPING_CIDRS')).toEqual([]);
  });

  test('the native cross-region endpoint is reported once, not per route', () => {
    expect(findingsFor(coldRequest({ crossRegionRoute: CrossRegionRouteKind.NATIVE_CROSS_REGION_ENDPOINT }), 'TEMPORAL_NATIVE_CROSS_REGION_ENDPOINT')).toHaveLength(1);
  });

  test('failover records in a public zone may use HTTP health checks', () => {
    const request = coldRequest({ components: { routing: ComponentRouting.FAILOVER_DNS, privateZone: false } });
    expect(findingsFor(request, 'TEMPORAL_FAILOVER_PRIVATE_HEALTH_CHECK')).toEqual([]);
  });
});

describe('codec servers and proxies (hand-built plans)', () => {
  test('a codec server at zero tasks beside Hot standby Workers is reported with its state', () => {
    const found = findingsFor(hotPlanWithColdStandbyCodec(), 'TEMPORAL_COMPONENTS_FOLLOW_WORKERS');
    expect(found.map((f) => [f.constructPath, f.prop, f.value])).toEqual([['App/Orders/us-west-2', 'codecServer', "'cold-standby'"]]);
  });

  test('a proxy dialing another endpoint than its Workers need is reported with both addresses', () => {
    const [f, ...rest] = findingsFor(hotPlanWithMisdirectedProxy(), 'TEMPORAL_COMPONENTS_FOLLOW_WORKERS');
    expect(rest).toEqual([]);
    expect([f.constructPath, f.prop, f.value]).toEqual(['App/Orders/us-east-1', 'proxy', "'orders.a1b2c.tmprl.cloud:7233'"]);
    expect(f.message).toContain('aws-us-east-1.region.tmprl.cloud:7233');
  });
});

describe('codec server names and certificates', () => {
  const codecOf = (request: DeploymentRequest, awsRegion: string) =>
    planDeployment(request).regions.find((r) => r.awsRegion === awsRegion)!.codecServers[0].settings;

  test('each region\'s codec server gets its certificate and name, whatever the keys\' spelling', () => {
    const request = hotRequest({ components: { codecServerInput: { ...CODEC_CERTS, domainNames: CODEC_DOMAINS } } });
    expect(findingsOf(request)).toEqual([]);
    const east = codecOf(request, 'us-east-1');
    const west = codecOf(request, 'us-west-2');
    expect([east.certificateArn, east.domainName, east.dnsRecord, east.createCertificate]).toEqual([CODEC_CERT_EAST, 'codec-east.example.com', false, false]);
    expect([west.certificateArn, west.domainName]).toEqual([CODEC_CERTS.certificateArns['us-west-2'], 'codec-west.example.com']);
  });

  test('with a zone: a record per region, and a certificate requested where none is given', () => {
    const request = hotRequest({ components: { codecServerInput: { certificateArns: { 'us-east-1': CODEC_CERT_EAST }, domainNames: CODEC_DOMAINS, hostedZoneGiven: true } } });
    expect(findingsOf(request)).toEqual([]);
    expect([codecOf(request, 'us-east-1').dnsRecord, codecOf(request, 'us-east-1').createCertificate]).toEqual([true, false]);
    expect([codecOf(request, 'us-west-2').dnsRecord, codecOf(request, 'us-west-2').createCertificate]).toEqual([true, true]);
  });

  test('a name without a zone gets no certificate: the region still needs one', () => {
    const found = findingsFor(hotRequest({ components: { codecServerInput: { domainNames: CODEC_DOMAINS } } }), 'TEMPORAL_CODEC_CERTIFICATE');
    expect(found.map((f) => f.prop)).toEqual(['codecServer.certificateArns.us-east-1', 'codecServer.certificateArns.us-west-2']);
  });

  test.each([
    ['arn:aws:acm:us-east-1:111111111111:cert/1', 'is not an ACM certificate ARN'],
    ['arn:aws:acm:us-west-2:111111111111:certificate/1', 'is a certificate of us-west-2'],
  ])('certificateArns.us-east-1 = %j is an error', (arn, text) => {
    const found = findingsFor(hotRequest({ components: { codecServerInput: { certificateArns: { ...CODEC_CERTS.certificateArns, 'AWS-US-EAST-1': arn } } } }), 'TEMPORAL_CODEC_SERVER_SETTINGS');
    expect(found.map((f) => [f.severity, f.prop, f.value])).toEqual([[Severity.ERROR, 'codecServer.certificateArns.AWS-US-EAST-1', `'${arn}'`]]);
    expect(found[0].message).toContain(text);
  });

  test('a certificate ARN unknown at synth (a token) is not checked', () => {
    const request = hotRequest({ components: { codecServerInput: { certificateArns: { 'us-east-1': '${Token[TOKEN.12]}', 'us-west-2': '${Token[TOKEN.13]}' }, domainNames: CODEC_DOMAINS } } });
    expect(findingsOf(request)).toEqual([]);
  });
});

describe('serverless Workers', () => {
  test.each([
    ['abc', '3 characters'],
    ['abcd', '4 characters'],
    ['a'.repeat(46), '46 characters'],
    ['has spaces in it', 'characters STS rejects'],
    ['', '0 characters'],
  ])('external ID %j is rejected', (externalId, says) => {
    const found = findingsFor(serverlessRequest({ serverless: { buildIds: { 'us-east-1': 'v1' }, externalId } }), 'TEMPORAL_SERVERLESS_EXTERNAL_ID');
    expect(found.map((f) => f.value)).toEqual([`'${externalId}'`]);
    expect(found[0].message).toContain(says);
  });

  test.each([['a'.repeat(45)], ['ab-1='], ['${Token[TOKEN.123]}']])('external ID %j is accepted', (externalId) => {
    expect(findingsFor(serverlessRequest({ serverless: { buildIds: { 'us-east-1': 'v1' }, externalId } }), 'TEMPORAL_SERVERLESS_EXTERNAL_ID')).toEqual([]);
  });
});

describe('placement', () => {
  test.each([
    ['an environment-agnostic stack', undefined, '(environment-agnostic)'],
    ['an unresolved region token', '${Token[AWS.Region.12]}', '(unresolved token)'],
    ['a stack in another region', 'eu-west-1', "'eu-west-1'"],
  ])('%s for us-east-1 is reported', (_name, stackRegion, value) => {
    const request = hotRequest({ placements: [placement('us-east-1', { suppliedStack: true, stackRegion })] });
    expect(findingsFor(request, 'TEMPORAL_STACK_REGION_EXPLICIT').map((f) => [f.prop, f.value])).toEqual([['regions.us-east-1.stack', value]]);
  });

  test('a Worker region of Active/Active is a used region', () => {
    const request = activeActiveRequest({ workerRegions: ['us-east-1', 'us-west-2', 'us-east-2'], placements: [placement('us-east-2', { suppliedStack: true, stackRegion: 'us-east-2' })] });
    expect(findingsOf(request)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Defects found while writing these tests (see the report): these fail until lib/core is fixed.
// ---------------------------------------------------------------------------------------------

describe('known gaps', () => {
  test('TLS_SERVER_NAME: a wrong override is reported even where no server name is required (API key on a Regional Endpoint)', () => {
    // GIVEN API-key Hot fleets (which need no server name) told to present a wrong one
    const request = hotRequest({ tlsServerName: 'temporal.example.com' });
    const plan = planDeployment(request);

    // WHEN the plan gives every fleet that server name (TEMPORAL_TLS_SERVER_NAME), TLS verification of the
    // Regional Endpoint's certificate fails
    expect(plan.regions.flatMap((r) => r.fleets).map((f) => f.tlsServerName)).toEqual(['temporal.example.com', 'temporal.example.com']);

    // THEN the rule reports it
    expect(findingsFor(request, 'TEMPORAL_TLS_SERVER_NAME').map((f) => [f.constructPath, f.value])).toEqual([
      ['App/Orders/us-east-1', "'temporal.example.com'"],
      ['App/Orders/us-west-2', "'temporal.example.com'"],
    ]);
  });

  test('REGION_UNKNOWN: every unknown worker region is reported, not only the first', () => {
    const request = activeActiveRequest({ workerRegions: ['us-east-1', 'eu-south-9', 'ap-east-9'] });
    expect(findingsFor(request, 'TEMPORAL_REGION_UNKNOWN').map((f) => [f.prop, f.value])).toEqual([
      ['workerRegions', "'eu-south-9'"],
      ['workerRegions', "'ap-east-9'"],
    ]);
  });

  test('REGION_UNKNOWN: starters pinned to an unknown region are reported over the public internet too', () => {
    const request = coldRequest({ networkPath: NetworkPath.PUBLIC, starters: true, starterPinnedRegion: 'us-east-9' });
    expect(findingsFor(request, 'TEMPORAL_REGION_UNKNOWN').map((f) => [f.prop, f.value])).toEqual([['starters.pinnedRegion', "'us-east-9'"]]);
  });

  test('PLACEMENT_UNUSED_REGION: a stack for a region that only holds a serverless Worker function is used', () => {
    // GIVEN serverless Workers over the public internet with no codec server: each region holds only a function
    const request = serverlessRequest({
      networkPath: NetworkPath.PUBLIC,
      components: { codecServer: false },
      placements: [placement('us-east-1', { suppliedStack: true, stackRegion: 'us-east-1' })],
    });
    expect(planDeployment(request).regions.flatMap((r) => r.functions).map((f) => f.awsRegion)).toEqual(['us-east-1', 'us-west-2']);

    // THEN the stack given for us-east-1 is not called unused
    expect(findingsFor(request, 'TEMPORAL_PLACEMENT_UNUSED_REGION')).toEqual([]);
  });

  test('REGIONAL_ENDPOINT_OUTSIDE_NAMESPACE: pinned starters report the pinned region the user wrote', () => {
    // GIVEN starters pinned to us-east-2, which holds no replica
    const found = findingsFor(coldRequest({ starters: true, starterPinnedRegion: 'us-east-2' }), 'TEMPORAL_REGIONAL_ENDPOINT_OUTSIDE_NAMESPACE');

    // THEN the finding says starters.pinnedRegion = 'us-east-2' (not the starter fleet's own region)
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((f) => `${f.prop} = ${f.value}`)).toEqual(found.map(() => "starters.pinnedRegion = 'us-east-2'"));
  });
});

// ---------------------------------------------------------------------------------------------
// Reporting: one error listing every problem, acknowledgements.
// ---------------------------------------------------------------------------------------------

describe('assertValid', () => {
  test('lists every error of one construct in one TemporalHaValidationError', () => {
    // GIVEN a Hot deployment with three independent mistakes
    const request = hotRequest({
      endpoint: EndpointKind.NAMESPACE,
      namespace: { pollerForwarding: PollerForwarding.ENABLED },
      placements: [placement('eu-west-1', { suppliedStack: true, stackRegion: 'eu-west-1' })],
    });

    // WHEN asserting validity
    let error: unknown;
    try {
      assertValid(planDeployment(request));
    } catch (e) {
      error = e;
    }

    // THEN one error lists all of them, each with rule id, construct path, prop, value and fix
    expect(error).toBeInstanceOf(TemporalHaValidationError);
    const e = error as TemporalHaValidationError;
    expect(e.name).toBe('TemporalHaValidationError');
    expect(ruleIds(e.findings)).toEqual([
      'TEMPORAL_HOT_REGIONAL_ENDPOINT',
      'TEMPORAL_HOT_REGIONAL_ENDPOINT',
      'TEMPORAL_HOT_FORWARDING_DISABLED',
      'TEMPORAL_PLACEMENT_UNUSED_REGION',
    ]);
    expect(e.message).toContain('ActiveHotDeployment App/Orders has 4 configuration errors that would break failover or deployment:');
    expect(e.message).toContain('  1. [TEMPORAL_HOT_REGIONAL_ENDPOINT] App/Orders/us-east-1: endpoint = EndpointKind.NAMESPACE: ');
    expect(e.message).toContain('  2. [TEMPORAL_HOT_REGIONAL_ENDPOINT] App/Orders/us-west-2: endpoint = EndpointKind.NAMESPACE: ');
    expect(e.message).toContain('  3. [TEMPORAL_HOT_FORWARDING_DISABLED] App/Orders: namespace.pollerForwarding = PollerForwarding.ENABLED: ');
    expect(e.message).toContain("  4. [TEMPORAL_PLACEMENT_UNUSED_REGION] App/Orders: regions.eu-west-1 = 'eu-west-1': ");
    expect(e.message.match(/ Fix: /g)).toHaveLength(4);
  });

  test('a single error is worded in the singular, and warnings are not listed', () => {
    const request = activeActiveRequest({ endpoint: EndpointKind.REGIONAL, namespace: { pollerForwarding: PollerForwarding.DISABLED } });
    expect(() => assertValid(planDeployment(request))).toThrow(/has 1 configuration error that/);
    try {
      assertValid(planDeployment(request));
    } catch (e) {
      expect((e as TemporalHaValidationError).message).not.toContain('TEMPORAL_ACTIVE_ACTIVE_REGIONAL_ENDPOINT]');
      expect((e as TemporalHaValidationError).findings.every((f) => f.severity === Severity.ERROR)).toBe(true);
    }
  });

  test('returns the warnings when there are no errors', () => {
    const warnings = assertValid(planDeployment(activeActiveRequest({ endpoint: EndpointKind.REGIONAL })));
    expect(ruleIds(warnings)).toEqual(['TEMPORAL_ACTIVE_ACTIVE_REGIONAL_ENDPOINT']);
  });

  test('returns nothing for a valid deployment', () => {
    expect(assertValid(planDeployment(hotRequest()))).toEqual([]);
  });

  test('formatFinding writes one line: [RULE] path: prop = value: message Fix: fix', () => {
    const line = formatFinding({
      ruleId: 'TEMPORAL_X', severity: Severity.ERROR, constructPath: 'App/Orders', prop: 'endpoint', value: "'a'", message: 'm.', fix: 'f.',
    });
    expect(line).toBe("[TEMPORAL_X] App/Orders: endpoint = 'a': m. Fix: f.");
  });
});

describe('acknowledgements', () => {
  const REASON = 'We need the lowest RTO and monitor forwarding on the namespace';

  test('an acknowledged warning carries the reason and does not fail validation', () => {
    // GIVEN the Active/Active Regional Endpoint warning acknowledged with a reason
    const request = activeActiveRequest({ endpoint: EndpointKind.REGIONAL, acknowledgements: { TEMPORAL_ACTIVE_ACTIVE_REGIONAL_ENDPOINT: REASON } });

    // WHEN evaluating
    const findings = findingsOf(request);

    // THEN the warning is still listed, with the reason, and nothing else is
    expect(findings.map((f) => [f.ruleId, f.severity, f.acknowledged])).toEqual([
      ['TEMPORAL_ACTIVE_ACTIVE_REGIONAL_ENDPOINT', Severity.WARNING, REASON],
    ]);
    expect(assertValid(planDeployment(request))[0].acknowledged).toBe(REASON);
  });

  test('an acknowledged single-region shard warning carries the reason', () => {
    const request = shardedRequest(
      [shard('eu', 'eu-west-1', undefined, { pattern: DeploymentPattern.SINGLE_REGION })],
      { acknowledgements: { TEMPORAL_SHARD_SINGLE_REGION: 'EU orders only need local processing' } },
    );
    expect(findingsOf(request).map((f) => [f.ruleId, f.acknowledged])).toEqual([['TEMPORAL_SHARD_SINGLE_REGION', 'EU orders only need local processing']]);
  });

  test('unacknowledged warnings have no reason', () => {
    const [f] = findingsOf(activeActiveRequest({ endpoint: EndpointKind.REGIONAL }));
    expect(f.acknowledged).toBeUndefined();
  });

  test.each([
    ['an error id', { TEMPORAL_HOT_FORWARDING_DISABLED: 'forwarding is handled elsewhere' }, 'TEMPORAL_HOT_FORWARDING_DISABLED is an error: errors cannot be acknowledged'],
    ['an unknown id', { TEMPORAL_NO_SUCH_RULE: 'this rule does not exist' }, 'no rule has the id TEMPORAL_NO_SUCH_RULE'],
    ['an empty reason', { TEMPORAL_ACTIVE_ACTIVE_REGIONAL_ENDPOINT: '' }, 'needs a reason'],
    ['a blank reason', { TEMPORAL_ACTIVE_ACTIVE_REGIONAL_ENDPOINT: '             ' }, 'needs a reason'],
    ['a too-short reason', { TEMPORAL_ACTIVE_ACTIVE_REGIONAL_ENDPOINT: 'ok' }, 'needs a reason'],
  ])('acknowledging with %s is TEMPORAL_ACKNOWLEDGEMENT_INVALID', (_name, acknowledgements, says) => {
    // GIVEN an invalid acknowledgement
    const request = activeActiveRequest({ endpoint: EndpointKind.REGIONAL, acknowledgements });

    // WHEN evaluating
    const invalid = findingsFor(request, 'TEMPORAL_ACKNOWLEDGEMENT_INVALID');

    // THEN it is an error on the acknowledged id, naming the reason given
    const [id, reason] = Object.entries(acknowledgements)[0];
    expect(invalid.map((f) => [f.severity, f.constructPath, f.prop, f.value])).toEqual([
      [Severity.ERROR, 'App/Orders', `acknowledgeWarnings.${id}`, `'${reason}'`],
    ]);
    expect(invalid[0].message).toContain(says);
    expect(() => assertValid(planDeployment(request))).toThrow(TemporalHaValidationError);
  });

  test('acknowledging an error does not mark the error acknowledged', () => {
    const request = hotRequest({ namespace: { pollerForwarding: undefined }, acknowledgements: { TEMPORAL_HOT_FORWARDING_DISABLED: 'forwarding is handled elsewhere' } });
    const [f] = findingsFor(request, 'TEMPORAL_HOT_FORWARDING_DISABLED');
    expect(f.acknowledged).toBeUndefined();
  });

  test('an unknown id is answered with a warning id the user could mean', () => {
    const [f] = findingsFor(hotRequest({ acknowledgements: { TEMPORAL_TYPO: 'acknowledging something' } }), 'TEMPORAL_ACKNOWLEDGEMENT_INVALID');
    const warningIds = RULES.filter((r) => r.severity === Severity.WARNING).map((r) => r.id);
    expect(warningIds.some((id) => f.fix.includes(id))).toBe(true);
  });
});

describe('the rule pack', () => {
  test('rule ids are unique and shaped TEMPORAL_<AREA>_<WHAT>', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^TEMPORAL_[A-Z_]+$/);
  });

  test('the acknowledgement id is not a rule id (it cannot be acknowledged itself)', () => {
    expect(RULES.map((r) => r.id)).not.toContain('TEMPORAL_ACKNOWLEDGEMENT_INVALID');
  });

  test.each(RULES.map((r) => [r.id, r]))('%s has a summary, a source document and a quoted sentence', (_id, rule) => {
    expect(rule.summary.trim().length).toBeGreaterThan(20);
    expect(rule.source.doc.trim().length).toBeGreaterThan(0);
    expect(rule.source.quote.trim().length).toBeGreaterThan(20);
    expect([Severity.ERROR, Severity.WARNING]).toContain(rule.severity);
  });

  test('only deliberate trade-offs are warnings', () => {
    expect(RULES.filter((r) => r.severity === Severity.WARNING).map((r) => r.id).sort()).toEqual([
      'TEMPORAL_ACTIVE_ACTIVE_REGIONAL_ENDPOINT',
      // A codec server on the load balancer's own DNS name: fine for the CLI over a VPN with its CA trusted, not for browsers.
      'TEMPORAL_CODEC_DOMAIN',
      // Workers on the Namespace Endpoint with forwarding disabled: minutes of waiting after a failover.
      'TEMPORAL_NAMESPACE_ENDPOINT_FORWARDING_DISABLED',
      // A same-region replica (Preview) does not survive a region outage.
      'TEMPORAL_REPLICA_SAME_REGION_OUTAGE',
      'TEMPORAL_SHARD_SINGLE_REGION',
      // A block's mTLS server name that is not the Namespace Endpoint host: right behind a TLS-terminating proxy.
      'TEMPORAL_TLS_SERVER_NAME_MISMATCH',
    ]);
  });

  test('every valid pattern request is free of findings', () => {
    const requests = [
      hotRequest(),
      coldRequest(),
      activeActiveRequest(),
      shardedRequest(),
      serverlessRequest(),
      hotRequest({ runtime: WorkerRuntime.FARGATE, auth: AuthMethod.MTLS, starters: true, components: { proxy: true } }),
    ];
    for (const request of requests) {
      expect({ kind: request.constructKind, findings: findingsOf(request) }).toEqual({ kind: request.constructKind, findings: [] });
    }
  });
});

test('a sharded deployment without shards is an error (it would deploy nothing)', () => {
  const findings = findingsOf(shardedRequest([]));
  expect(findings.map((f) => `${f.ruleId} ${f.prop}`)).toEqual(['TEMPORAL_SHARD_PATTERN shards']);
});

test('serverless functions under PrivateLink need the same cross-region routes as fleets', () => {
  const findings = findingsFor(serverlessRequest({ crossRegionRoute: 'none' }), 'TEMPORAL_PRIVATELINK_CROSS_REGION_ROUTE');
  expect(findings.map((f) => f.value).sort()).toEqual(["'none' (us-east-1 -> us-west-2)", "'none' (us-west-2 -> us-east-1)"]);
  expect(findings[0].message).toContain('serverless Worker');
});

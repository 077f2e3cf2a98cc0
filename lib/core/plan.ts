/**
 * The deployment plan: pure data describing, per AWS region, what a pattern deploys and how every piece connects. Renderers (lib/aws-cdk, lib/cdktf)
 * turn a plan into resources; rules (lib/core/rules) check a plan against Temporal's documented behaviour. A plan is derived from a request without
 * ever throwing: bad input is planned as asked, then reported by the rules.
 */
import type { CodecServerInput, CodecServerSettings } from './components/codec-server';
import type { CredentialSecretFact } from './components/credentials';
import type { HealthAlarmSettings } from './components/failover-record';
import type { ProxyInput, ProxySettings } from './components/proxy';
import type { FunctionSettings, ServerlessFunctionSpec } from './components/serverless-worker';
import type { FleetSizing, ServiceSettings } from './components/service';
import {
  AuthMethod, ComponentRouting, CrossRegionRouteKind, DeploymentPattern, EndpointKind, FleetRole, FleetState, NamespaceSpec, NetworkPath,
  PollerForwarding, WorkerEgress, WorkerRuntime,
} from './model';

/** A namespace as the plan sees it: declared input plus everything derived from it. */
export interface PlannedNamespace {
  /** The name without account suffix, e.g. `orders`. */
  readonly name: string;
  readonly accountId: string;
  /** `orders.a1b2c`. */
  readonly qualifiedName: string;
  /** `orders.a1b2c.tmprl.cloud`. */
  readonly endpointHost: string;
  /** The primary (active) region as an AWS region name, normalized (may be unknown to the catalog). */
  readonly primaryRegion: string;
  /** The replica region as an AWS region name, if any. */
  readonly replicaRegion?: string;
  readonly pollerForwarding: PollerForwarding;
  /** Whether the user declared `pollerForwarding` (else `pollerForwarding` is Temporal's default, enabled). */
  readonly pollerForwardingDeclared: boolean;
  /** The AWS region the replica's standby fleet runs in when the replica is on another cloud (`standbyRegion`). */
  readonly standbyRegion?: string;
  readonly auth: AuthMethod;
  /** The pattern this namespace's Workers follow. */
  readonly pattern: DeploymentPattern;
  /** The shard name when part of a regionally sharded deployment. */
  readonly shard?: string;
  /** Where the namespace was declared, for messages: `Orders` or `Orders/shards[1]`. */
  readonly declaredAt: string;
  /** The prop path of the namespace declaration, for messages: `namespace` or `shards[1].namespace`. */
  readonly propPath: string;
}

/** A group of identical processes in one region: long-lived Workers or Workflow starters. */
export interface PlannedFleet {
  /** Stable id within its region, e.g. `orders-workers`. */
  readonly id: string;
  readonly role: FleetRole;
  readonly awsRegion: string;
  /** The qualified namespace it serves. */
  readonly namespace: string;
  /** The shard it belongs to (regionally sharded namespaces), so that findings stay with their shard. */
  readonly shard?: string;
  readonly state: FleetState;
  readonly runtime: WorkerRuntime;
  /** The endpoint kind it dials (directly or through the proxy). */
  readonly endpoint: EndpointKind;
  /** The Temporal Cloud address its connection ends at: `aws-us-east-1.region.tmprl.cloud:7233`. */
  readonly temporalAddress: string;
  /** True when the process dials the region's proxy, which dials `temporalAddress`. */
  readonly viaProxy: boolean;
  /** TLS server name the process must set, if the dialed host is not the certificate's. */
  readonly tlsServerName?: string;
  readonly networkPath: NetworkPath;
  /** Where the user asked for this (prop path), for messages. */
  readonly propPath: string;
  /** How the process authenticates. */
  readonly auth: AuthMethod;
  /** Extra plain environment variables, keys sorted. */
  readonly environment: Record<string, string>;
  /** Fargate fleets: the ECS service's resolved settings (tasks, CPU, memory, scaling, logs). */
  readonly service?: ServiceSettings;
  /** The prop path of the fleet's options (`workers`, `starters`, `shards[0].workers`), for messages. */
  readonly optionsPath: string;
  /** The key of the fleet's engine objects (image, credentials) in the pattern's table: the qualified namespace. */
  readonly configKey: string;
  /** The id of this region's codec server the process uses, if any. */
  readonly codecServerId?: string;
  /** The id of this region's proxy the process dials, if it dials through one. */
  readonly proxyId?: string;
  /**
   * Under PrivateLink: the private records (fully qualified names, in its VPC's zones) the process resolves, directly or through the public
   * Namespace Endpoint CNAME; it must not start before they exist (an empty name answers NXDOMAIN). Undefined on the public internet.
   */
  readonly privateRecords?: string[];
  /** Fargate fleets whose capacity follows the live failover state (Active/Cold): the counts when its region is active and when it is not. */
  readonly failoverCapacity?: FailoverCapacity;
}

/** The task counts of an ECS service in one failover state. Components (fixed size) have `minCapacity = maxCapacity = desiredCount`. */
export interface CapacityCounts {
  readonly desiredCount: number;
  readonly minCapacity: number;
  readonly maxCapacity: number;
}

/**
 * An ECS service whose capacity follows the failover state, read at deploy time from the unit's state parameter (never baked in): `whenActive`
 * while its region is the unit's active region, `whenStandby` otherwise. An autoscaled service's template leaves its desired count to Application
 * Auto Scaling after creation (the scalable target's minimum and maximum follow the state, and registering them moves the current count into the
 * range), so a routine deploy never resets a fleet that autoscaling or a runbook has scaled.
 */
export interface FailoverCapacity {
  /** The failover unit (`PlannedFailoverUnit.id`) whose state it follows. */
  readonly unit: string;
  readonly whenActive: CapacityCounts;
  readonly whenStandby: CapacityCounts;
}

/** A PrivateLink interface endpoint to Temporal Cloud in one region. */
export interface PlannedPrivateLinkEndpoint {
  readonly awsRegion: string;
  /** Undefined when the region is unknown to the catalog (a rule reports it). */
  readonly serviceName?: string;
  readonly port: number;
}

/** A record in a private hosted zone of one region's worker VPC. */
export interface PlannedZoneRecord {
  /** The region whose worker VPC the zone is associated with. */
  readonly vpcRegion: string;
  /** The zone: `region.tmprl.cloud` (HA namespaces) or a single-region namespace's endpoint host. */
  readonly zone: string;
  /** Fully qualified record name, e.g. `aws-us-west-2.region.tmprl.cloud`. */
  readonly name: string;
  /** The region whose Temporal VPC endpoint the record points to. */
  readonly targetRegion: string;
}

/** The `region.tmprl.cloud` private zone of one region's worker VPC, where its Regional Endpoint records go. */
export interface PlannedRegionalZone {
  /** `region.tmprl.cloud`. */
  readonly name: string;
  /**
   * `supplied`: the zone the user gave (`regions.<region>.privateZone`), already associated with the VPC; only records are written into it.
   * `shared`: the app's one zone for this VPC, shared by every deployment on the VPC (created by the first that needs it, or the zone another
   * deployment supplied for the VPC).
   */
  readonly source: 'supplied' | 'shared';
}

/** A network route from one region's worker VPC to another region's Temporal VPC endpoint. */
export interface PlannedRoute {
  readonly fromRegion: string;
  readonly toRegion: string;
  readonly kind: CrossRegionRouteKind;
  /** Why the route exists, for docs and messages. */
  readonly reason: string;
}

/** A codec server or proxy instance in one region. */
export interface PlannedRegionalService {
  /** Stable id within its region, e.g. `codec` or `orders-proxy`. */
  readonly id: string;
  readonly awsRegion: string;
  /** The qualified namespace(s) it serves. */
  readonly namespaces: string[];
  /** ACTIVE runs tasks; COLD_STANDBY is deployed at zero tasks and scaled up on failover. */
  readonly state: FleetState;
  /** Proxy only: the Temporal address it dials. */
  readonly upstreamAddress?: string;
  /** Present when its task count follows the live failover state (a cold standby region's component). */
  readonly failoverCapacity?: FailoverCapacity;
}

/** A codec server in one region, with its resolved settings. */
export interface PlannedCodecServer extends PlannedRegionalService {
  readonly settings: CodecServerSettings;
}

/** A proxy in one region, with its resolved settings. */
export interface PlannedProxy extends PlannedRegionalService {
  readonly upstreamAddress: string;
  readonly settings: ProxySettings;
}

/** A Route 53 failover record pair in front of a regional component. */
export interface PlannedFailoverRecord {
  /** `codec` or `proxy`. */
  readonly component: string;
  readonly primaryRegion: string;
  readonly secondaryRegion: string;
  /** The id of the codec server or proxy the PRIMARY record points at, in the primary region (`codec` when several namespaces share it there). */
  readonly primaryComponentId: string;
  /** The id of the codec server or proxy the SECONDARY record points at, in the secondary region. */
  readonly secondaryComponentId: string;
  /** True when the record lives in a private hosted zone (health checks must be alarm-based). */
  readonly privateZone: boolean;
  /** How its health is checked: `cloudwatch-alarm` or `http`. */
  readonly healthCheck: string;
  /** The record's fully qualified name, `<component>.<failover domain>`. */
  readonly recordName: string;
  /** The record TTL, in seconds. */
  readonly ttlSeconds: number;
  /** Route 53's status for the health check while CloudWatch has insufficient data. */
  readonly insufficientDataHealthStatus: string;
  /** The component's name in its health alarms' names (`<deployment>-<component>`). */
  readonly alarmBaseName: string;
  /** The component's health alarm per region (name and thresholds). */
  readonly alarms: Record<string, HealthAlarmSettings>;
  /**
   * The failover gate of the PRIMARY record: a Route 53 `CALCULATED` health check over the component's health check, with `HealthThreshold` 1
   * while `primaryRegion` is the unit's active region and 2 (more than its one child: always unhealthy, so Route 53 answers SECONDARY) otherwise.
   * The deployment sets the threshold from the live state; the runbook moves it at failover. Tagged so the runbook finds it at run time.
   */
  readonly gate?: PlannedFailoverGate;
}

/** How a failover record's PRIMARY side is gated by the failover state. */
export interface PlannedFailoverGate {
  /** The failover unit whose state moves the name. */
  readonly unit: string;
  /** The value of the gate health check's `temporal-ha:failover-gate` tag: `<failover name>/<component>`. */
  readonly tag: string;
}

/** A serverless Worker function Temporal Cloud invokes in one region. */
export interface PlannedFunction {
  readonly awsRegion: string;
  readonly namespace: string;
  readonly buildId: string;
  readonly temporalAddress: string;
  readonly propPath: string;
  /** The id of this region's codec server the function uses, if any. */
  readonly codecServerId?: string;
  /** Under PrivateLink: the private records (fully qualified names) the function resolves. Undefined on the public internet. */
  readonly privateRecords?: string[];
  /** The function's resolved settings (runtime, memory, timeout, architecture, environment, names). */
  readonly settings: FunctionSettings;
}

/** Everything in one AWS region. */
export interface RegionPlan {
  readonly awsRegion: string;
  /** `aws-us-east-1`. */
  readonly regionId: string;
  /** Whether the catalog knows the region. */
  readonly known: boolean;
  readonly fleets: PlannedFleet[];
  readonly functions: PlannedFunction[];
  readonly codecServers: PlannedCodecServer[];
  readonly proxies: PlannedProxy[];
  readonly privateLinkEndpoint?: PlannedPrivateLinkEndpoint;
  /** True when the region needs a VPC (fleets, functions in a VPC, components or an endpoint). */
  readonly needsVpc: boolean;
  /** The CIDR of the VPC the construct creates here when the user supplies none. */
  readonly defaultVpcCidr: string;
  readonly zoneRecords: PlannedZoneRecord[];
  /** The `region.tmprl.cloud` zone of the worker VPC, when it holds records (undefined otherwise). */
  readonly privateZone?: PlannedRegionalZone;
  /** Routes leaving this region's worker VPC. */
  readonly routes: PlannedRoute[];
  /** CloudWatch alarms on the running task count of this region's ECS services (fleets, codec servers, proxies). */
  readonly capacityAlarms: PlannedCapacityAlarm[];
}

/** The ECS service an alarm or a runbook step acts on: a fleet (`PlannedFleet.id`), a codec server or a proxy (`PlannedRegionalService.id`). */
export interface ServiceRef {
  readonly kind: 'fleet' | 'codec-server' | 'proxy';
  /** The fleet's or component's id in its region. */
  readonly id: string;
}

/**
 * An alarm on an ECS service's running task count (Container Insights `RunningTaskCount`, namespace `ECS/ContainerInsights`, dimensions
 * `ClusterName` and `ServiceName`): it fires while fewer tasks run than the state needs. A service that follows the failover state alarms on
 * `minRunningWhenActive` while its region is active and on `minRunningWhenStandby` (0: never) otherwise.
 */
export interface PlannedCapacityAlarm {
  readonly service: ServiceRef;
  readonly alarmName: string;
  readonly description: string;
  /** The unit whose state picks the threshold (undefined: the threshold is `minRunningWhenActive` always). */
  readonly unit?: string;
  readonly minRunningWhenActive: number;
  readonly minRunningWhenStandby: number;
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
}

/** The state parameter, runbooks and role of one failover unit in one of its regions. */
export interface PlannedRunbook {
  readonly awsRegion: string;
  /** The SSM Automation document that makes this region active. */
  readonly activateDocumentName: string;
  /** The SSM Automation document that scales this region down to standby (started, best effort, by the other regions' activate runbooks). */
  readonly standbyDocumentName: string;
  /** The IAM role both documents run as (IAM is global: the name carries the region). */
  readonly roleName: string;
  /** The ECS services in this region whose capacity the runbooks move (their `failoverCapacity.unit` is this unit). */
  readonly services: ServiceRef[];
}

/**
 * A failover unit: one namespace whose Worker side moves between AWS regions. Its active region is state, kept in one SSM parameter per
 * region (all with the same name and value), read by every deploy and written by the runbook.
 */
export interface PlannedFailoverUnit {
  /** `main` (single-namespace patterns) or the shard name. */
  readonly id: string;
  /** The qualified namespace. */
  readonly namespace: string;
  readonly pattern: DeploymentPattern;
  /** The AWS regions that can be active: the namespace's primary (or its fleet region) first. */
  readonly regions: string[];
  /**
   * The active region the deployment declares (`failover.activeRegion`, a shard's `activeRegion`; default: the first of `regions`). It is the
   * state parameter's value when the deployment creates it, and is written again only when this declared value changes: a deploy that leaves it
   * alone keeps the live state (a runbook's failover).
   */
  readonly declaredActiveRegion: string;
  /** The state parameter's name (the same in each region): `/temporal-ha/<failover name>/<unit>/active-region`. */
  readonly parameterName: string;
  /** Temporal's region id per AWS region, for the Cloud Ops API (`aws-us-east-1`). */
  readonly temporalRegionIds: Record<string, string>;
  /** One runbook set per region in `regions`. */
  readonly runbooks: PlannedRunbook[];
}

/** The Cloud Ops API settings of a deployment's runbooks (opt-in). */
export interface PlannedCloudOpsApi {
  /** The Secrets Manager secret, by name, that holds the API key in each region (a replicated secret). */
  readonly apiKeySecretName: string;
  /** `https://saas-api.tmprl.cloud`. */
  readonly baseUrl: string;
  /** The `temporal-cloud-api-version` header. */
  readonly apiVersion: string;
}

/** Failover as the plan sees it: the state, the runbooks, and the recovery-time objective. */
export interface PlannedFailover {
  /** The name every failover resource carries (lower case, letters, digits and hyphens): `failover.name`, default the construct id. */
  readonly name: string;
  readonly units: PlannedFailoverUnit[];
  readonly cloudOpsApi?: PlannedCloudOpsApi;
  /** The recovery-time objective, in seconds (undefined: none declared). */
  readonly recoveryTimeObjectiveSeconds?: number;
}

/** Engine facts about where a region's resources go, gathered by the renderer before planning. */
export interface PlacementFact {
  readonly awsRegion: string;
  /** The region of the stack the user supplied; `undefined` = environment-agnostic; `'${Token}'` = unresolved. */
  readonly stackRegion?: string;
  /** True when the stack (AWS CDK) or provider (Terraform) was supplied by the user. */
  readonly suppliedStack: boolean;
  /** What pins the region: an AWS CDK `stack` (default) or a Terraform `provider`. */
  readonly placedBy?: 'stack' | 'provider';
  /** True when the user supplied the region's VPC. */
  readonly suppliedVpc: boolean;
  /** The supplied VPC's IPv4 CIDR when known at synth (undefined when a token or not supplied). */
  readonly vpcCidr?: string;
  /** Prop path the placement came from, e.g. `regions.us-east-1`. */
  readonly propPath: string;
  /** Whether the supplied VPC names its private route tables (undefined: the engine finds them itself). */
  readonly privateRouteTables?: boolean;
  /** Whether the supplied VPC names public subnets (undefined: the engine finds them itself). */
  readonly publicSubnets?: boolean;
  /** The `region.tmprl.cloud` zone the user supplied for the region's VPC (undefined: none). */
  readonly suppliedZone?: SuppliedZoneFact;
  /** The region's `createAwsServiceEndpoints` as given (undefined: not set; the default applies). */
  readonly createAwsServiceEndpoints?: boolean;
  /** The region's network props given besides the VPC (cluster, subnets, security groups), named as in this engine's props, e.g. `clusterArn`. */
  readonly networkProps?: string[];
}

/** What is known at synth of a supplied `region.tmprl.cloud` private zone. */
export interface SuppliedZoneFact {
  /** The prop path, e.g. `regions.us-east-1.privateZone`. */
  readonly prop: string;
  /** The zone's name when known at synth. */
  readonly name?: string;
  /** The zone's id when known at synth. */
  readonly id?: string;
  /** The construct path of another deployment in the app that already put a different `region.tmprl.cloud` zone on this VPC. */
  readonly conflictsWith?: string;
}

/** A value the user gave that is a reference to a resource or parameter of a stack in a known region (AWS CDK), found before rendering. */
export interface StackValueFact {
  /** The prop path the value was given at, e.g. `workers.image` or `codecServer.domainNames.us-east-1`. */
  readonly prop: string;
  /** The construct path of the stack that owns what the value refers to. */
  readonly stack: string;
  /** That stack's region. */
  readonly region: string;
}

/** The whole plan. */
export interface DeploymentPlan {
  /** The construct path the plan belongs to, for messages. */
  readonly constructPath: string;
  /** The construct kind, e.g. `ActiveHotDeployment`. */
  readonly constructKind: string;
  readonly pattern: DeploymentPattern;
  readonly namespaces: PlannedNamespace[];
  readonly regions: RegionPlan[];
  readonly failoverRecords: PlannedFailoverRecord[];
  /** The failover state, runbooks and objective (units only for namespaces whose Worker side can move between AWS regions). */
  readonly failover: PlannedFailover;
  readonly componentRouting: ComponentRouting;
  readonly placements: PlacementFact[];
  /** The request the plan was made from (rules read declared choices from it). */
  readonly request: DeploymentRequest;
}

/** Options for serverless Workers in a request. */
export interface ServerlessRequest {
  /** Build ID per region (one Worker Deployment Version spans regions: all must be equal). */
  readonly buildIds: Record<string, string>;
  /** External ID of the invoker role's trust policy. */
  readonly externalId: string;
  /** Regions the Worker code is given for, as keyed by the user (undefined: one code for every region). */
  readonly codeRegions?: string[];
  /** The function's settings as the user gave them (engine values already turned into names and seconds). */
  readonly function?: ServerlessFunctionSpec;
}

/** Codec server / proxy request. */
export interface ComponentRequest {
  readonly codecServer: boolean;
  readonly proxy: boolean;
  readonly routing: ComponentRouting;
  /** Failover records live in a private hosted zone (the default for internal components). */
  readonly privateZone: boolean;
  /** The codec server's settings as the user wrote them. */
  readonly codecServerInput?: CodecServerInput;
  /** The proxy's settings as the user wrote them. */
  readonly proxyInput?: ProxyInput;
}

/** The engine-neutral options of one namespace's fleets (by qualified namespace). */
export interface FleetInputs {
  readonly workers?: FleetSizing;
  /** Starters' sizing (default: the Workers'). */
  readonly starters?: FleetSizing;
  /** Where the options were given, for messages: `''` or `shards[0]`. */
  readonly propPrefix?: string;
  /** The credentials' secrets given as engine objects, with their regions (none for secrets named per region). */
  readonly credentialSecrets?: CredentialSecretFact[];
}

/** One shard of a regionally sharded deployment. */
export interface ShardRequest {
  readonly name: string;
  readonly namespace: NamespaceSpec;
  readonly pattern: DeploymentPattern;
  readonly auth: AuthMethod;
  /** Requested endpoint kind; undefined = the shard pattern's default. */
  readonly endpoint?: EndpointKind;
  /** Active/Cold: the AWS region of the standby fleet when the replica is on another cloud. @default - the replica region */
  readonly standbyRegion?: string;
  /** The shard's declared active region (`activeRegion`). */
  readonly activeRegion?: string;
}

/** The failover options of a request, engine values turned into seconds by the flavour. */
export interface FailoverRequest {
  readonly name?: string;
  readonly activeRegion?: string;
  readonly cloudOpsApi?: { readonly apiKeySecretName: string; readonly baseUrl?: string; readonly apiVersion?: string };
  readonly recoveryTimeObjectiveSeconds?: number;
  /** The failover names' record TTL (`failover.recordTtlSeconds`). */
  readonly recordTtlSeconds?: number;
}

/** What a pattern construct asks for, in engine-neutral terms. */
export interface DeploymentRequest {
  readonly constructPath: string;
  readonly constructKind: string;
  readonly pattern: DeploymentPattern;
  /** Namespace declaration (all patterns but sharded). */
  readonly namespace?: NamespaceSpec;
  readonly auth: AuthMethod;
  /** Requested endpoint kind; undefined = the pattern's documented default. */
  readonly endpoint?: EndpointKind;
  readonly networkPath: NetworkPath;
  /** Requested cross-region route kind; undefined = VPC peering wherever the pattern needs a route; 'none' = no route. */
  readonly crossRegionRoute?: CrossRegionRouteKind | 'none';
  /** Active/Active only: regions to run fleets in (default: the namespace's regions). */
  readonly workerRegions?: string[];
  /** Active/Cold only: the AWS region of the standby fleet when the replica is on another cloud. */
  readonly standbyRegion?: string;
  /** Required props the caller left out (untyped JavaScript callers), as prop paths: reported by TEMPORAL_REQUIRED_PROP. */
  readonly missingProps?: string[];
  readonly runtime: WorkerRuntime;
  readonly components: ComponentRequest;
  /** Deploy Workflow starters with the Workers. */
  readonly starters: boolean;
  /** Pin starters to a region's Regional Endpoint instead of the Namespace Endpoint. */
  readonly starterPinnedRegion?: string;
  /** User override of the TLS server name (normally derived). */
  readonly tlsServerName?: string;
  readonly serverless?: ServerlessRequest;
  readonly shards?: ShardRequest[];
  /** Warnings the user acknowledged: rule id -> reason. */
  readonly acknowledgements?: Record<string, string>;
  readonly placements: PlacementFact[];
  /** The fleets' engine-neutral options, by qualified namespace. */
  readonly fleetInputs?: Record<string, FleetInputs>;
  /** Single-namespace patterns: whether a Fargate Worker fleet was given (with serverless Workers: must not be). */
  readonly workersGiven?: boolean;
  /** Transit Gateway id per region, as the user keyed them (Transit Gateway routes). */
  readonly transitGatewayIds?: Record<string, string>;
  /** The private domain of the codec server and proxy failover names. */
  readonly failoverDomainName: string;
  /** How Workers and components reach AWS services (undefined: `WorkerEgress.NAT_GATEWAY`). */
  readonly egress?: WorkerEgress;
  /** True when the construct creates its own stacks, named `<id>-<region>` (AWS CDK outside a stack): the names are checked. */
  readonly createsStacks?: boolean;
  /** The construct path of another deployment in the app that already has this deployment's failover name (its resources would collide). */
  readonly failoverNameTakenBy?: string;
  /** Values the user gave that refer to a stack of a known region (AWS CDK): a value used in another region is a cross-region reference. */
  readonly stackValues?: StackValueFact[];
  /** The hardened profile (`hardened: true`; undefined: off): resolved per region by `lib/core/components/hardening.ts`. */
  readonly hardened?: boolean;
  /** Failover state, runbook and objective options (undefined: the defaults). */
  readonly failover?: FailoverRequest;
}

/** Convenience: all fleets of a plan. */
export function allFleets(plan: DeploymentPlan): PlannedFleet[] {
  return plan.regions.flatMap((r) => r.fleets);
}

/** Convenience: the region plan for an AWS region. */
export function regionPlan(plan: DeploymentPlan, awsRegion: string): RegionPlan | undefined {
  return plan.regions.find((r) => r.awsRegion === awsRegion);
}

/** Whether a region's worker VPC has links to other regions (routes, or records of other regions' endpoints): they go in a links stack (AWS CDK). */
export function needsLinks(region: RegionPlan): boolean {
  return region.routes.length > 0 || region.zoneRecords.some((z) => z.targetRegion !== region.awsRegion);
}

/** The plan as JSON, without the request it was made from. */
export function planToJson(plan: DeploymentPlan): any {
  const { request: _request, ...rest } = plan;
  return JSON.parse(JSON.stringify(rest));
}

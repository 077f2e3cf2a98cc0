/**
 * The rule pack: every rule this library enforces, in the order findings are reported.
 * One rule per file in this folder; RULES.md is generated from this list.
 */
import { ACTIVE_ACTIVE_REGIONAL_ENDPOINT } from './active-active-regional-endpoint';
import { ACTIVE_ACTIVE_REGIONAL_FORWARDING } from './active-active-regional-forwarding';
import { ACTIVE_FLEET_CAPACITY } from './active-fleet-capacity';
import { CLOUD_METRIC_ALARM_SETTINGS } from './cloud-metric-alarm-settings';
import { CODEC_CERTIFICATE } from './codec-certificate';
import { CODEC_DOMAIN } from './codec-domain';
import { CODEC_SERVER_SETTINGS } from './codec-server-settings';
import { COLD_NAMESPACE_ENDPOINT } from './cold-namespace-endpoint';
import { COMPONENTS_FOLLOW_WORKERS } from './components-follow-workers';
import { CONNECTION_SETTINGS } from './connection-settings';
import { CREDENTIALS_REGION } from './credentials-region';
import { CREDENTIALS_SECRETS } from './credentials-secrets';
import { CROSS_REGION_ROUTE_SETTINGS } from './cross-region-route-settings';
import { CROSS_REGION_VALUE } from './cross-region-value';
import { DERIVED_NAMES } from './derived-names';
import { ENVIRONMENT_RESERVED } from './environment-reserved';
import { FAILOVER_DOMAIN } from './failover-domain';
import { FAILOVER_PRIVATE_HEALTH_CHECK } from './failover-private-health-check';
import { FAILOVER_RECORD_SETTINGS } from './failover-record-settings';
import { FAILOVER_SETTINGS } from './failover-settings';
import { HOT_FORWARDING_DISABLED } from './hot-forwarding-disabled';
import { HOT_REGIONAL_ENDPOINT } from './hot-regional-endpoint';
import { KNOWN_AT_SYNTH } from './known-at-synth';
import { NAMESPACE_ENDPOINT_FORWARDING_DISABLED } from './namespace-endpoint-forwarding';
import { NAMESPACE_NAME } from './namespace-name';
import { NATIVE_CROSS_REGION_ENDPOINT } from './native-cross-region-endpoint';
import { NETWORK_EGRESS } from './network-egress';
import { NETWORK_PLACEMENT } from './network-placement';
import { OTHER_CLOUD_FLEET_REGION } from './other-cloud-fleet-region';
import { OTHER_CLOUD_PRIVATELINK } from './other-cloud-privatelink';
import { OTHER_CLOUD_REGIONAL_ENDPOINT } from './other-cloud-regional-endpoint';
import { PLACEMENT_UNUSED_REGION } from './placement-unused-region';
import { PRIVATE_ZONE_NAMESPACE_RECORD } from './private-zone-namespace-record';
import { PRIVATELINK_CROSS_REGION_ROUTE } from './privatelink-cross-region-route';
import { PRIVATELINK_SETTINGS } from './privatelink-settings';
import { PROXY_SETTINGS } from './proxy-settings';
import { RECOVERY_TIME_OBJECTIVE } from './recovery-time-objective';
import { REGION_UNKNOWN } from './region-unknown';
import { REGIONAL_ENDPOINT_OUTSIDE_NAMESPACE } from './regional-endpoint-namespace-region';
import { REPLICA_REGION_PAIRING } from './replica-pairing';
import { REPLICA_REQUIRED } from './replica-required';
import { REPLICA_SAME_REGION } from './replica-same-region';
import { REPLICA_SAME_REGION_OUTAGE } from './replica-same-region-outage';
import { REQUIRED_PROP } from './required-prop';
import { ROUTE_OVERLAPPING_CIDRS } from './route-overlapping-cidrs';
import { Rule } from './rule';
import { SERVERLESS_EXTERNAL_ID } from './serverless-external-id';
import { SERVERLESS_ONE_BUILD_ID } from './serverless-one-build-id';
import { SERVERLESS_SETTINGS } from './serverless-settings';
import { SERVICE_SIZING } from './service-sizing';
import { SHARD_DUPLICATE_NAMESPACE } from './shard-duplicate-namespace';
import { SHARD_PATTERN } from './shard-pattern';
import { SHARD_SINGLE_REGION } from './shard-single-region';
import { STACK_REGION_EXPLICIT } from './stack-region-explicit';
import { STANDBY_MIN_CAPACITY } from './standby-min-capacity';
import { SUPPLIED_NETWORK } from './supplied-network';
import { TLS_SERVER_NAME } from './tls-server-name';
import { TLS_SERVER_NAME_MISMATCH } from './tls-server-name-mismatch';
import { WORKERS_OR_SERVERLESS } from './workers-or-serverless';

export const RULES: readonly Rule[] = [
  // Inputs: required props, values known at synth
  REQUIRED_PROP, KNOWN_AT_SYNTH,
  // Regions, namespaces and replicas
  REGION_UNKNOWN, NAMESPACE_NAME, REPLICA_REQUIRED, REPLICA_SAME_REGION, REPLICA_SAME_REGION_OUTAGE, REPLICA_REGION_PAIRING,
  OTHER_CLOUD_FLEET_REGION, OTHER_CLOUD_PRIVATELINK, OTHER_CLOUD_REGIONAL_ENDPOINT,
  // Endpoints and forwarding
  HOT_REGIONAL_ENDPOINT, HOT_FORWARDING_DISABLED, COLD_NAMESPACE_ENDPOINT, ACTIVE_ACTIVE_REGIONAL_FORWARDING, ACTIVE_ACTIVE_REGIONAL_ENDPOINT,
  REGIONAL_ENDPOINT_OUTSIDE_NAMESPACE, TLS_SERVER_NAME, NAMESPACE_ENDPOINT_FORWARDING_DISABLED,
  // Private connectivity and DNS
  PRIVATE_ZONE_NAMESPACE_RECORD, PRIVATELINK_CROSS_REGION_ROUTE, NATIVE_CROSS_REGION_ENDPOINT, ROUTE_OVERLAPPING_CIDRS,
  FAILOVER_PRIVATE_HEALTH_CHECK, FAILOVER_DOMAIN,
  // Failover state and runbooks
  FAILOVER_SETTINGS, RECOVERY_TIME_OBJECTIVE,
  // Codec servers and proxies
  COMPONENTS_FOLLOW_WORKERS, CODEC_CERTIFICATE, CODEC_DOMAIN,
  // Regionally sharded namespaces
  SHARD_PATTERN, SHARD_SINGLE_REGION, SHARD_DUPLICATE_NAMESPACE, DERIVED_NAMES,
  // Serverless Workers
  WORKERS_OR_SERVERLESS, SERVERLESS_EXTERNAL_ID, SERVERLESS_ONE_BUILD_ID,
  // Where resources are placed
  STACK_REGION_EXPLICIT, CROSS_REGION_VALUE, PLACEMENT_UNUSED_REGION, SUPPLIED_NETWORK, NETWORK_PLACEMENT, NETWORK_EGRESS,
  // Component settings (the same checks the building blocks make on their own props)
  SERVICE_SIZING, STANDBY_MIN_CAPACITY, ACTIVE_FLEET_CAPACITY, ENVIRONMENT_RESERVED, CONNECTION_SETTINGS, TLS_SERVER_NAME_MISMATCH,
  CREDENTIALS_SECRETS, CREDENTIALS_REGION, CODEC_SERVER_SETTINGS, PROXY_SETTINGS, SERVERLESS_SETTINGS, PRIVATELINK_SETTINGS,
  CROSS_REGION_ROUTE_SETTINGS, FAILOVER_RECORD_SETTINGS, CLOUD_METRIC_ALARM_SETTINGS,
];

export type { Rule, RuleHit, RuleSource } from './rule';

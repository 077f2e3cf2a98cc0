/**
 * `ActiveHotDeployment` (CDK for Terraform): Active/Passive (Hot). Full Worker fleets in both
 * namespace regions, each on its own Regional Endpoint (or local VPC endpoint), forwarding disabled
 * on the namespace; codec server and proxy in both regions at all times.
 */
import { Construct } from 'constructs';
import { singleNamespaceFleets, TemporalDeploymentBase } from './deployment';
import { DeploymentPattern, EndpointKind, NamespaceSpec } from '../../core';
import { TemporalCredentials } from '../blocks/credentials';
import { TemporalDeploymentCommonProps } from '../options';

/** Props of `ActiveHotDeployment`. */
export interface ActiveHotDeploymentProps extends TemporalDeploymentCommonProps {
  /**
   * The namespace, as configured in Temporal Cloud: primary and replica region, and its poller
   * forwarding setting, which must be DISABLED for this pattern (set it with the Cloud Ops API,
   * `temporal cloud` CLI or web UI; the Terraform provider cannot).
   */
  readonly namespace: NamespaceSpec;
  /** How Workers authenticate: an API key or mTLS certificate from Secrets Manager. */
  readonly credentials: TemporalCredentials;
  /**
   * The endpoint Workers dial.
   * @default EndpointKind.REGIONAL - each fleet its own region's Regional Endpoint
   */
  readonly endpoint?: EndpointKind;
}

/**
 * Active/Passive (Hot): Workers run in both namespace regions; only the active region processes.
 *
 * @example
 * new ActiveHotDeployment(stack, 'Orders', {
 *   namespace: { name: 'orders', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2',
 *                pollerForwarding: PollerForwarding.DISABLED },
 *   credentials: TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
 *   workers: { image: 'ghcr.io/acme/orders-worker:1.4.2' },
 * });
 */
export class ActiveHotDeployment extends TemporalDeploymentBase {
  constructor(scope: Construct, id: string, props: ActiveHotDeploymentProps) {
    const { part, fleets } = singleNamespaceFleets('ActiveHotDeployment', `${scope.node.path}/${id}`, props);
    super(scope, id, 'ActiveHotDeployment', props, {
      ...part,
      pattern: DeploymentPattern.ACTIVE_HOT,
      endpoint: props.endpoint,
    }, fleets);
  }
}

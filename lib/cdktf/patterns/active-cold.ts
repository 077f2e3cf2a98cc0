/**
 * `ActiveColdDeployment` (CDK for Terraform): Active/Passive (Cold). Workers run in the primary
 * region; the secondary region's fleet, codec server and proxy are deployed at zero tasks, ready to
 * be scaled up on failover. Workers dial the Namespace Endpoint, which follows a failover; under
 * PrivateLink each worker VPC gets a route to the other region's Temporal VPC endpoint.
 */
import { Construct } from 'constructs';
import { singleNamespaceFleets, TemporalDeploymentBase } from './deployment';
import { DeploymentPattern, EndpointKind, NamespaceSpec } from '../../core';
import { TemporalCredentials } from '../blocks/credentials';
import { TemporalDeploymentCommonProps } from '../options';

/** Props of `ActiveColdDeployment`. */
export interface ActiveColdDeploymentProps extends TemporalDeploymentCommonProps {
  /** The namespace, as configured in Temporal Cloud (primary and replica region). */
  readonly namespace: NamespaceSpec;
  /** How Workers authenticate: an API key or mTLS certificate from Secrets Manager. */
  readonly credentials: TemporalCredentials;
  /**
   * The endpoint Workers dial.
   * @default EndpointKind.NAMESPACE - follows a Namespace-only failover
   */
  readonly endpoint?: EndpointKind;
}

/**
 * Active/Passive (Cold): Workers in the primary region; a zero-task fleet in the secondary region.
 *
 * On failover, activate the secondary fleet: raise its scalable target's `min_capacity` (Application
 * Auto Scaling then raises the service's desired count; the service's `desired_count` is left to
 * autoscaling), and the codec server's and proxy's `desired_count`.
 */
export class ActiveColdDeployment extends TemporalDeploymentBase {
  constructor(scope: Construct, id: string, props: ActiveColdDeploymentProps) {
    const { part, fleets } = singleNamespaceFleets('ActiveColdDeployment', `${scope.node.path}/${id}`, props);
    super(scope, id, 'ActiveColdDeployment', props, {
      ...part,
      pattern: DeploymentPattern.ACTIVE_COLD,
      endpoint: props.endpoint,
    }, fleets);
  }
}

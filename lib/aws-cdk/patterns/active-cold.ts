/**
 * `ActiveColdDeployment`: Active/Passive (Cold). Workers run in the primary region; the secondary
 * region holds the same service at zero tasks, ready to scale on failover. Workers dial the
 * Namespace Endpoint; under PrivateLink each worker VPC gets a route to the other region's Temporal
 * endpoint, so a Namespace-only failover is followed without touching the Workers.
 */
import { Construct } from 'constructs';
import { DeploymentPattern, EndpointKind, NamespaceSpec } from '../../core';
import { TemporalCredentials } from '../blocks/credentials';
import { TemporalDeploymentCommonProps } from '../options';
import { singleNamespaceFleets, TemporalDeploymentBase } from './deployment';

/** Props of `ActiveColdDeployment`. */
export interface ActiveColdDeploymentProps extends TemporalDeploymentCommonProps {
  /** The namespace, as configured in Temporal Cloud (primary and replica region). */
  readonly namespace: NamespaceSpec;
  /** How Workers authenticate: an API key or mTLS certificate from Secrets Manager. */
  readonly credentials: TemporalCredentials;
  /**
   * The endpoint Workers dial.
   * @default EndpointKind.NAMESPACE - follows a failover with no change to the Workers
   */
  readonly endpoint?: EndpointKind;
}

/**
 * Active/Passive (Cold): one running Worker fleet; the other region's fleet is deployed at zero
 * tasks (same image and configuration). Failing the Workers over is the operator's step: each
 * regional stack outputs the service names and the task count to scale to.
 */
export class ActiveColdDeployment extends TemporalDeploymentBase {
  constructor(scope: Construct, id: string, props: ActiveColdDeploymentProps) {
    const { part, fleets } = singleNamespaceFleets('ActiveColdDeployment', scope.node.path ? `${scope.node.path}/${id}` : id, props);
    super(scope, id, 'ActiveColdDeployment', props, {
      ...part,
      pattern: DeploymentPattern.ACTIVE_COLD,
      endpoint: props.endpoint,
    }, fleets);
  }
}

/**
 * `ActiveActiveDeployment`: Worker fleets in any list of regions (they need not be the namespace's
 * regions), all processing against the one active replica. Namespace Endpoint by default; a
 * Regional Endpoint only with forwarding enabled, and only deliberately (a warning to acknowledge).
 */
import { Construct } from 'constructs';
import { DeploymentPattern, EndpointKind, NamespaceSpec } from '../../core';
import { TemporalCredentials } from '../blocks/credentials';
import { TemporalDeploymentCommonProps } from '../options';
import { singleNamespaceFleets, TemporalDeploymentBase } from './deployment';

/** Props of `ActiveActiveDeployment`. */
export interface ActiveActiveDeploymentProps extends TemporalDeploymentCommonProps {
  /** The namespace, as configured in Temporal Cloud. */
  readonly namespace: NamespaceSpec;
  /** How Workers authenticate: an API key or mTLS certificate from Secrets Manager. */
  readonly credentials: TemporalCredentials;
  /**
   * AWS regions to run Worker fleets in.
   * @default - the namespace's primary and replica regions
   */
  readonly workerRegions?: string[];
  /**
   * The endpoint Workers dial.
   * @default EndpointKind.NAMESPACE - every fleet follows the active region
   */
  readonly endpoint?: EndpointKind;
}

/** Active/Active: fleets in every listed region, each with its own codec server and proxy. */
export class ActiveActiveDeployment extends TemporalDeploymentBase {
  constructor(scope: Construct, id: string, props: ActiveActiveDeploymentProps) {
    const { part, fleets } = singleNamespaceFleets('ActiveActiveDeployment', scope.node.path ? `${scope.node.path}/${id}` : id, props);
    super(scope, id, 'ActiveActiveDeployment', props, {
      ...part,
      pattern: DeploymentPattern.ACTIVE_ACTIVE,
      endpoint: props.endpoint,
      workerRegions: props.workerRegions,
    }, fleets);
  }
}

/**
 * `ActiveActiveDeployment` (CDK for Terraform): Active/Active. Fleets in any number of regions (they
 * need not match the namespace's regions), all processing against the active replica; Namespace
 * Endpoint by default; codec servers and proxies in every Worker region.
 */
import { Construct } from 'constructs';
import { singleNamespaceFleets, TemporalDeploymentBase } from './deployment';
import { DeploymentPattern, EndpointKind, NamespaceSpec } from '../../core';
import { TemporalCredentials } from '../blocks/credentials';
import { TemporalDeploymentCommonProps } from '../options';

/** Props of `ActiveActiveDeployment`. */
export interface ActiveActiveDeploymentProps extends TemporalDeploymentCommonProps {
  /** The namespace, as configured in Temporal Cloud (primary and replica region, forwarding). */
  readonly namespace: NamespaceSpec;
  /** How Workers authenticate: an API key or mTLS certificate from Secrets Manager. */
  readonly credentials: TemporalCredentials;
  /**
   * The AWS regions to run Worker fleets in.
   * @default - the namespace's primary and replica regions
   */
  readonly workerRegions?: string[];
  /**
   * The endpoint Workers dial. A Regional Endpoint is a warning to acknowledge
   * (TEMPORAL_ACTIVE_ACTIVE_REGIONAL_ENDPOINT) and needs forwarding enabled.
   * @default EndpointKind.NAMESPACE
   */
  readonly endpoint?: EndpointKind;
}

/** Active/Active: every fleet processes, wherever it runs. */
export class ActiveActiveDeployment extends TemporalDeploymentBase {
  constructor(scope: Construct, id: string, props: ActiveActiveDeploymentProps) {
    const { part, fleets } = singleNamespaceFleets('ActiveActiveDeployment', `${scope.node.path}/${id}`, props);
    super(scope, id, 'ActiveActiveDeployment', props, {
      ...part,
      pattern: DeploymentPattern.ACTIVE_ACTIVE,
      endpoint: props.endpoint,
      workerRegions: props.workerRegions,
    }, fleets);
  }
}

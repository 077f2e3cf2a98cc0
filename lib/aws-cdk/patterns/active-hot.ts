/**
 * `ActiveHotDeployment`: Active/Passive (Hot). Full Worker fleets in both namespace regions, each on its own Regional Endpoint (or local VPC
 * endpoint), forwarding disabled on the namespace; codec server and proxy in both regions at all times. The fastest Worker failover of the patterns.
 */
import { Construct } from 'constructs';
import type { ActiveHotOptions } from '../../core/pattern-options';
import { TemporalDeploymentCommonProps } from '../options';
import { TemporalDeploymentBase } from './deployment';

/** Props of `ActiveHotDeployment`: the pattern's options (engine-neutral) and the Workers' engine objects. */
export interface ActiveHotDeploymentProps extends TemporalDeploymentCommonProps, ActiveHotOptions {}

/**
 * Active/Passive (Hot): Workers run in both namespace regions; only the active region processes.
 *
 * @example
 * new ActiveHotDeployment(app, 'Orders', {
 *   namespace: { name: 'orders', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2',
 *                pollerForwarding: PollerForwarding.DISABLED },
 *   credentials: TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
 *   workers: { image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/orders-worker:1.4.2') },
 * });
 */
export class ActiveHotDeployment extends TemporalDeploymentBase {
  constructor(scope: Construct, id: string, props: ActiveHotDeploymentProps) {
    super(scope, id, 'ActiveHotDeployment', props);
  }
}

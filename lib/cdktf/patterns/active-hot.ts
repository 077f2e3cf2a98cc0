/**
 * `ActiveHotDeployment` (CDK for Terraform): Active/Passive (Hot). Full Worker fleets in both namespace regions, each on its own Regional Endpoint
 * (or local VPC endpoint), forwarding disabled on the namespace; codec server and proxy in both regions at all times.
 */
import { Construct } from 'constructs';
import { TemporalDeploymentBase } from './deployment';
import type { ActiveHotOptions } from '../../core/pattern-options';
import { TemporalDeploymentCommonProps } from '../options';

/** Props of `ActiveHotDeployment`: the pattern's options (engine-neutral) and the Workers' engine objects. */
export interface ActiveHotDeploymentProps extends TemporalDeploymentCommonProps, ActiveHotOptions {}

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
    super(scope, id, 'ActiveHotDeployment', props);
  }
}

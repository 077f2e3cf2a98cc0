/**
 * `ActiveColdDeployment`: Active/Passive (Cold). Workers run in the primary region; the secondary region holds the same service at zero tasks, ready
 * to scale on failover. Workers dial the Namespace Endpoint; under PrivateLink each worker VPC gets a route to the other region's Temporal endpoint,
 * so a Namespace-only failover is followed without touching the Workers.
 */
import { Construct } from 'constructs';
import type { ActiveColdOptions } from '../../core/pattern-options';
import { TemporalDeploymentCommonProps } from '../options';
import { TemporalDeploymentBase } from './deployment';

/** Props of `ActiveColdDeployment`: the pattern's options (engine-neutral) and the Workers' engine objects. */
export interface ActiveColdDeploymentProps extends TemporalDeploymentCommonProps, ActiveColdOptions {}

/**
 * Active/Passive (Cold): one running Worker fleet; the other region's fleet is deployed at zero tasks (same image and configuration). Which region
 * runs is state read at every deploy (`failover.activeRegion` declares it); each region's `<name>-activate-<region>` runbook moves it and scales
 * that region up, and a routine deploy never undoes it.
 */
export class ActiveColdDeployment extends TemporalDeploymentBase {
  constructor(scope: Construct, id: string, props: ActiveColdDeploymentProps) {
    super(scope, id, 'ActiveColdDeployment', props);
  }
}

/**
 * `ActiveColdDeployment` (CDK for Terraform): Active/Passive (Cold). Workers run in the primary region; the secondary region's fleet, codec server
 * and proxy are deployed at zero tasks, ready to be scaled up on failover. Workers dial the Namespace Endpoint, which follows a failover; under
 * PrivateLink each worker VPC gets a route to the other region's Temporal VPC endpoint.
 */
import { Construct } from 'constructs';
import { TemporalDeploymentBase } from './deployment';
import type { ActiveColdOptions } from '../../core/pattern-options';
import { TemporalDeploymentCommonProps } from '../options';

/** Props of `ActiveColdDeployment`: the pattern's options (engine-neutral) and the Workers' engine objects. */
export interface ActiveColdDeploymentProps extends TemporalDeploymentCommonProps, ActiveColdOptions {}

/**
 * Active/Passive (Cold): Workers in the primary region; a zero-task fleet in the secondary region.
 *
 * Which region runs is state, read at every apply from the failover state parameter (`failover.activeRegion`
 * declares it): the scalable targets' range and the codec server's and proxy's `desired_count` follow it. Each
 * region's `<name>-activate-<region>` runbook moves it and scales that region up; an apply never undoes it.
 */
export class ActiveColdDeployment extends TemporalDeploymentBase {
  constructor(scope: Construct, id: string, props: ActiveColdDeploymentProps) {
    super(scope, id, 'ActiveColdDeployment', props);
  }
}

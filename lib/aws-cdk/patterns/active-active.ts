/**
 * `ActiveActiveDeployment`: Worker fleets in any list of regions (they need not be the namespace's regions), all processing against the one active
 * replica. Namespace Endpoint by default; a Regional Endpoint only with forwarding enabled, and only deliberately (a warning to acknowledge).
 */
import { Construct } from 'constructs';
import type { ActiveActiveOptions } from '../../core/pattern-options';
import { TemporalDeploymentCommonProps } from '../options';
import { TemporalDeploymentBase } from './deployment';

/** Props of `ActiveActiveDeployment`: the pattern's options (engine-neutral) and the Workers' engine objects. */
export interface ActiveActiveDeploymentProps extends TemporalDeploymentCommonProps, ActiveActiveOptions {}

/** Active/Active: fleets in every listed region, each with its own codec server and proxy. */
export class ActiveActiveDeployment extends TemporalDeploymentBase {
  constructor(scope: Construct, id: string, props: ActiveActiveDeploymentProps) {
    super(scope, id, 'ActiveActiveDeployment', props);
  }
}

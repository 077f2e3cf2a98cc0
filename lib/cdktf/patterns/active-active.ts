/**
 * `ActiveActiveDeployment` (CDK for Terraform): Active/Active. Fleets in any number of regions (they need not match the namespace's regions), all
 * processing against the active replica; Namespace Endpoint by default; codec servers and proxies in every Worker region.
 */
import { Construct } from 'constructs';
import { TemporalDeploymentBase } from './deployment';
import type { ActiveActiveOptions } from '../../core/pattern-options';
import { TemporalDeploymentCommonProps } from '../options';

/** Props of `ActiveActiveDeployment`: the pattern's options (engine-neutral) and the Workers' engine objects. */
export interface ActiveActiveDeploymentProps extends TemporalDeploymentCommonProps, ActiveActiveOptions {}

/** Active/Active: every fleet processes, wherever it runs. */
export class ActiveActiveDeployment extends TemporalDeploymentBase {
  constructor(scope: Construct, id: string, props: ActiveActiveDeploymentProps) {
    super(scope, id, 'ActiveActiveDeployment', props);
  }
}

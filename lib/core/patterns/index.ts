/** The pattern catalog: from a request to a plan. One file per pattern beside this one. */
import { DeploymentPattern } from '../model';
import { DeploymentPlan, DeploymentRequest } from '../plan';
import { planActiveActive } from './active-active';
import { planActiveCold } from './active-cold';
import { planActiveHot } from './active-hot';
import { planNamespace } from './common';
import { assemble, Contribution } from './contribution';
import { planSharded } from './sharded';
import { planSingleRegion } from './single-region';

export { DEFAULT_ENDPOINT, defaultVpcCidr } from './common';

/** Plans a deployment. Never throws on bad values: rules report them. */
export function planDeployment(request: DeploymentRequest): DeploymentPlan {
  return assemble(request, contributions(request));
}

function contributions(request: DeploymentRequest): Contribution[] {
  if (request.shards) return planSharded(request);
  if (!request.namespace) return [];
  const ns = planNamespace(request.namespace, request.pattern, request.auth, request.constructPath, 'namespace', undefined, request.standbyRegion);
  switch (request.pattern) {
    case DeploymentPattern.ACTIVE_COLD: return [planActiveCold(ns, request)];
    case DeploymentPattern.ACTIVE_HOT: return [planActiveHot(ns, request)];
    case DeploymentPattern.ACTIVE_ACTIVE: return [planActiveActive(ns, request)];
    case DeploymentPattern.SINGLE_REGION: return [planSingleRegion(ns, request)];
  }
}

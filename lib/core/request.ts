/**
 * From a request to a checked plan. Both engines call this (through deployment-props.ts), so the
 * same props give the same plan and the same findings whichever engine renders.
 */
import { assertValid, evaluate, Finding } from './findings';
import { planDeployment } from './patterns';
import { DeploymentPlan, DeploymentRequest } from './plan';

/** The default private domain of a deployment's failover names: `<construct id, lower case>.temporal.internal`. */
export function defaultFailoverDomainName(constructId: string): string {
  return `${constructId.toLowerCase().replace(/[^a-z0-9-]/g, '-')}.temporal.internal`;
}

/** Plans and checks: throws one TemporalHaValidationError listing every error; returns the plan and warnings. */
export function planAndCheck(request: DeploymentRequest): { plan: DeploymentPlan; warnings: Finding[] } {
  const plan = planDeployment(request);
  const warnings = assertValid(plan, evaluate(plan));
  return { plan, warnings };
}

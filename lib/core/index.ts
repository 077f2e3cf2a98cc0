/**
 * The engine-neutral core: region catalog, namespace and endpoint model, the pattern planners, the deployment plan and the rules. Imports no engine.
 * Renderers and tests import from here. request (props in engine-neutral terms) -> planDeployment -> DeploymentPlan DeploymentPlan -> evaluate
 * (rules) -> findings -> assertValid (throws one error listing all)
 */
export * from './model';
export * from './regions';
export * from './endpoints';
export * from './worker-config';
export * from './plan';
export * from './findings';
export { throwIfProblems } from './errors';
export type { BlockProblem } from './errors';
export * from './components';
export { planDeployment, DEFAULT_ENDPOINT, defaultVpcCidr } from './patterns';
export { RULES } from './rules';
export type { Rule, RuleHit, RuleSource } from './rules';
export { renderRulesTable } from './rules/table';
export { planAndCheck } from './request';
export * from './connectivity';
export * from './serverless';
export * from './documents';

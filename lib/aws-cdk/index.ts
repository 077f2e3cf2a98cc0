export * from './blocks';
export * from './options';
export { TemporalDeploymentBase } from './patterns/deployment';
export type { PatternRequestPart } from './patterns/deployment';
export * from './patterns/active-hot';
export * from './patterns/active-cold';
export * from './patterns/active-active';
export * from './patterns/regionally-sharded';

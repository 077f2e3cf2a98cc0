export { TemporalDeploymentBase } from './deployment';
export * from './active-hot';
export * from './active-cold';
export * from './active-active';
export * from './sharded';
export * from './serverless';

export * from './blocks';
export * from './options';
export * from './patterns/active-hot';
export * from './patterns/active-cold';
export * from './patterns/active-active';
export * from './patterns/regionally-sharded';
export * from './patterns/serverless-workers';

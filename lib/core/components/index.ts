/**
 * One engine-neutral spec per component: its inputs (which both engines' props extend), defaults, checks (as rule hits) and resolved settings. The
 * planner resolves every setting into the plan; both engines' blocks and emitters only write what these say.
 */
export * from './input';
export * from './service';
export * from './connection';
export * from './codec-server';
export * from './proxy';
export * from './serverless-worker';
export * from './failover-record';
export * from './private-link';
export * from './cross-region-route';
export * from './worker-service';
export * from './credentials';
export * from './failover-scripts';
export * from './failover-runbook';

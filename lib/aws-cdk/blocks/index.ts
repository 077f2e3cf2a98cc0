export * from './credentials';
export * from './worker-service';
export * from './private-link';
export * from './codec-server';
export * from './proxy';
export * from './cross-region-route';
export * from './failover-record';
export * from './serverless-worker';
export { TemporalHaNagFindings } from './policy';

import { DeploymentPattern, Severity } from '../model';
import { DOCS, Rule } from './rule';

/** A single-region shard has no automatic failover. */
export const SHARD_SINGLE_REGION: Rule = {
  id: 'TEMPORAL_SHARD_SINGLE_REGION',
  severity: Severity.WARNING,
  summary: 'A single-region shard has no automatic failover; acknowledge it if the shard only needs local processing.',
  source: { ...DOCS.ARCHITECTURE_PATTERNS, quote: 'Single-region shards don\'t get high availability out of the box. ... failing a Single-region shard over to another region is entirely your responsibility.' },
  check(plan) {
    return (plan.request.shards ?? []).flatMap((s, i) => s.pattern !== DeploymentPattern.SINGLE_REGION ? [] : [{
      prop: `shards[${i}].pattern`,
      value: '\'single-region\'',
      path: `${plan.constructPath}/${s.name}`,
      message: `shard '${s.name}' runs in one region with no replica: a regional outage stops it until you rebuild it elsewhere.`,
      fix: 'use ShardPattern.ACTIVE_COLD or ShardPattern.ACTIVE_HOT with a replica region, or acknowledge TEMPORAL_SHARD_SINGLE_REGION.',
    }]);
  },
};

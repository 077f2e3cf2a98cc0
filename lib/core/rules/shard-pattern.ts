import { isUnresolved } from '../components/input';
import { DeploymentPattern, Severity } from '../model';
import { DOCS, Rule } from './rule';

const ALLOWED = [DeploymentPattern.SINGLE_REGION, DeploymentPattern.ACTIVE_COLD, DeploymentPattern.ACTIVE_HOT];

/** A shard's Workers use Single-region, Active/Cold or Active/Hot. */
export const SHARD_PATTERN: Rule = {
  id: 'TEMPORAL_SHARD_PATTERN',
  severity: Severity.ERROR,
  summary: 'Each shard of a regionally sharded deployment uses Single-region, Active/Cold or Active/Hot.',
  source: { ...DOCS.ARCHITECTURE_PATTERNS, quote: 'Each shard\'s Workers can use Single-region, Active/Cold, or Active/Hot, depending on that shard\'s availability and recovery-time needs.' },
  check(plan) {
    if (plan.request.shards !== undefined && plan.request.shards.length === 0) {
      return [{
        prop: 'shards',
        value: '[]',
        message: 'a regionally sharded deployment without shards deploys nothing.',
        fix: 'add one shard per namespace, each with its home region and pattern.',
      }];
    }
    // A pattern left out or unknown at synth is TEMPORAL_REQUIRED_PROP's / TEMPORAL_KNOWN_AT_SYNTH's.
    const unchecked = (p: DeploymentPattern) => ALLOWED.includes(p) || p === undefined || p === null || isUnresolved(p);
    return (plan.request.shards ?? []).flatMap((s, i) => unchecked(s.pattern) ? [] : [{
      prop: `shards[${i}].pattern`,
      value: `'${s.pattern}'`,
      path: `${plan.constructPath}/${s.name}`,
      message: `shard '${s.name}' asks for ${s.pattern}; a shard is one namespace serving its own region, so its Workers follow Single-region, Active/Cold or Active/Hot.`,
      fix: 'use ShardPattern.ACTIVE_HOT (lowest RTO), ShardPattern.ACTIVE_COLD or ShardPattern.SINGLE_REGION; for Active/Active use ActiveActiveDeployment.',
    }]);
  },
};

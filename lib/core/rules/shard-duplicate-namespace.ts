import { qualifiedNamespace } from '../endpoints';
import { Severity } from '../model';
import { DOCS, Rule, RuleHit } from './rule';

/** Each shard is its own namespace, and shard names are unique. */
export const SHARD_DUPLICATE_NAMESPACE: Rule = {
  id: 'TEMPORAL_SHARD_DUPLICATE_NAMESPACE',
  severity: Severity.ERROR,
  summary: 'Each shard is its own namespace (and has its own name).',
  source: { ...DOCS.ARCHITECTURE_PATTERNS, quote: 'sharding across multiple Namespaces — one Namespace active per region' },
  check(plan) {
    const hits: RuleHit[] = [];
    const shards = plan.request.shards ?? [];
    const byNs = new Map<string, number>();
    const byName = new Map<string, number>();
    shards.forEach((s, i) => {
      const q = qualifiedNamespace(s.namespace ?? { name: '', accountId: '' });
      // A namespace left out is TEMPORAL_REQUIRED_PROP's: it is not another shard's namespace.
      if (!s.namespace?.name || !s.namespace.accountId) {
        // nothing to compare
      } else if (byNs.has(q)) {
        hits.push({
          prop: `shards[${i}].namespace`,
          value: `'${q}'`,
          path: `${plan.constructPath}/${s.name}`,
          message: `shards[${byNs.get(q)}] already uses namespace ${q}; two shards on one namespace share one active region and one failover, so they are not shards.`,
          fix: 'give each shard its own namespace, or merge the two shards.',
        });
      } else {byNs.set(q, i);}
      if (s.name === undefined || s.name === null) {
        // TEMPORAL_REQUIRED_PROP
      } else if (byName.has(s.name)) {
        hits.push({
          prop: `shards[${i}].name`,
          value: `'${s.name}'`,
          path: plan.constructPath,
          message: `shards[${byName.get(s.name)}] already has this name; names identify each shard's resources.`,
          fix: 'give each shard a unique name.',
        });
      } else {byName.set(s.name, i);}
    });
    return hits;
  },
};

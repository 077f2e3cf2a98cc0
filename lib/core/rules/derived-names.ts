import { isUnresolved } from '../components/input';
import { pascal } from '../deployment-props';
import { Severity } from '../model';
import { DeploymentPlan, needsLinks } from '../plan';
import { Rule, RuleHit } from './rule';

/** CloudFormation stack names: a letter, then letters, digits and hyphens, 128 characters at most. */
const STACK_NAME = /^[A-Za-z][A-Za-z0-9-]*$/;
const STACK_NAME_MAX = 128;
/** Shard names: what a stack name may hold (they end the shard's stack names and prefix its construct ids). */
const SHARD_NAME = /^[A-Za-z][A-Za-z0-9-]*$/;

/**
 * The names the library derives from the user's (stack names, construct ids) are valid and distinct, checked before any engine sees them: an
 * invalid one would fail inside aws-cdk-lib or cdktf, in their words instead of the prop's.
 */
export const DERIVED_NAMES: Rule = {
  id: 'TEMPORAL_DERIVED_NAMES',
  severity: Severity.ERROR,
  summary: 'Shard names and the construct id make valid, distinct stack names and construct ids (a letter, then letters, digits and hyphens; stack names 128 characters at most).',
  source: {
    doc: 'AWS CloudFormation API Reference: CreateStack (StackName)',
    url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStack.html',
    quote: 'A stack name can contain only alphanumeric characters (case-sensitive) and hyphens. It must start with an alphabetical character and can\'t be longer than 128 characters.',
  },
  check(plan) {
    return [...shardNameHits(plan), ...stackNameHits(plan)];
  },
};

function shardNameHits(plan: DeploymentPlan): RuleHit[] {
  const hits: RuleHit[] = [];
  const byId = new Map<string, number>();
  (plan.request.shards ?? []).forEach((s, i) => {
    if (typeof s.name !== 'string' || isUnresolved(s.name)) return; // TEMPORAL_REQUIRED_PROP, TEMPORAL_KNOWN_AT_SYNTH
    const prop = `shards[${i}].name`;
    if (!SHARD_NAME.test(s.name)) {
      hits.push({
        prop,
        value: `'${s.name}'`,
        path: plan.constructPath,
        message: 'names the shard\'s stacks (<id>-<region>-<shard>), construct ids and alarms, so it must start with a letter and hold only letters, digits and hyphens.',
        fix: `rename the shard, e.g. '${suggestion(s.name)}'.`,
      });
      return;
    }
    const id = pascal(s.name).toLowerCase();
    const other = byId.get(id);
    // Equal names are TEMPORAL_SHARD_DUPLICATE_NAMESPACE's; names that differ only in case or separators make the same construct ids.
    if (other !== undefined && plan.request.shards![other].name !== s.name) {
      hits.push({
        prop,
        value: `'${s.name}'`,
        path: plan.constructPath,
        message: `makes the same construct ids and stack names as shards[${other}].name ('${plan.request.shards![other].name}'): they differ only in case or separators.`,
        fix: 'give each shard a name that differs in its letters or digits.',
      });
    } else if (other === undefined) {
      byId.set(id, i);
    }
  });
  return hits;
}

/** The stack names the construct derives (AWS CDK, when it creates its stacks): `<id>-<region>`, `<id>-<region>-links`, `<id>-<region>-<shard>`. */
function stackNameHits(plan: DeploymentPlan): RuleHit[] {
  if (!plan.request.createsStacks) return [];
  const id = plan.constructPath.split('/').pop() ?? '';
  const regions = plan.regions.filter((r) => r.needsVpc || r.functions.length > 0).map((r) => r.awsRegion);
  const shards = (plan.request.shards ?? []).map((s) => s.name).filter((n) => typeof n === 'string' && SHARD_NAME.test(n));
  const links = plan.regions.some(needsLinks) || plan.failoverRecords.length > 0;
  const names = regions.flatMap((r) => [`${id}-${r}`, ...(links ? [`${id}-${r}-links`] : []), ...shards.map((s) => `${id}-${r}-${s}`)]);
  const longest = Math.max(...names.map((n) => n.length));
  if (!STACK_NAME.test(id)) {
    return [{
      prop: 'id',
      value: `'${id}'`,
      message: `names the construct's stacks (${id}-<region>), so it must start with a letter and hold only letters, digits and hyphens.`,
      fix: `use an id such as '${suggestion(id)}'.`,
    }];
  }
  if (regions.length > 0 && longest > STACK_NAME_MAX) {
    return [{
      prop: shards.length > 0 ? 'id / shards[].name' : 'id',
      value: `'${id}'`,
      message: `makes stack names of up to ${longest} characters (${names.find((n) => n.length === longest)}), over CloudFormation's ${STACK_NAME_MAX}.`,
      fix: 'use a shorter construct id (or shorter shard names).',
    }];
  }
  return [];
}

/** A name made valid: separators to hyphens, a leading letter. */
function suggestion(name: string): string {
  const s = name.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return /^[A-Za-z]/.test(s) ? s : `s-${s}`.replace(/-+$/, '');
}

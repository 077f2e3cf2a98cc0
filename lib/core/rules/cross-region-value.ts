import { Severity } from '../model';
import { allFleets, DeploymentPlan, StackValueFact } from '../plan';
import { normalizeAwsRegion } from '../regions';
import { Rule, RuleHit } from './rule';

/**
 * A value from one region's stack (a CfnParameter, a resource attribute) is used only in that region: aws-cdk-lib turns a reference across regions
 * into export custom resources (`crossRegionReferences`) or fails, and the regional stacks would then depend on each other.
 */
export const CROSS_REGION_VALUE: Rule = {
  id: 'TEMPORAL_CROSS_REGION_VALUE',
  severity: Severity.ERROR,
  summary: 'A value that refers to a stack (a CfnParameter, a resource attribute) is used only in that stack\'s region: each region deploys without the others.',
  source: {
    doc: 'AWS CloudFormation: Fn::ImportValue (exports are regional)',
    url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-importvalue.html',
    quote: 'You can\'t create cross-stack references across Regions. You can use the intrinsic function Fn::ImportValue to import only values that have been exported within the same Region.',
  },
  check(plan) {
    const deployed = plan.regions.filter((r) => r.needsVpc || r.functions.length > 0).map((r) => r.awsRegion);
    return (plan.request.stackValues ?? []).flatMap((v): RuleHit[] => {
      const used = regionsUsing(v, deployed, plan).filter((r) => r !== v.region);
      if (used.length === 0) return [];
      return [{
        prop: v.prop,
        value: `(a value of stack ${v.stack} in ${v.region})`,
        message: `is used in ${used.join(' and ')}, but refers to stack ${v.stack} in ${v.region}: aws-cdk-lib would add cross-region export custom `
          + `resources (or fail), and ${used.join(' and ')} could then not be deployed or changed without ${v.region}, which is what failover must not need.`,
        fix: 'give a value known at synth (a literal, cdk.json context or an environment variable read at synth), or a value of each region\'s own stack '
          + 'where the prop is keyed by region.',
      }];
    });
  },
};

/**
 * The regions a value goes to: the region its prop path is keyed by (`certificateArns.us-east-1`, `regions.aws-us-west-2.vpc`), a shard's regions
 * for a shard's props, else every region the deployment deploys to.
 */
function regionsUsing(v: StackValueFact, deployed: string[], plan: DeploymentPlan): string[] {
  const keyed = v.prop.split('.').map((segment) => normalizeAwsRegion(segment.replace(/\[\d+\]$/, ''))).find((r) => deployed.includes(r));
  if (keyed) return [keyed];
  const shard = /^shards\[(\d+)\]/.exec(v.prop);
  const name = shard ? plan.request.shards?.[Number(shard[1])]?.name : undefined;
  return name === undefined ? deployed : unique(allFleets(plan).filter((f) => f.shard === name).map((f) => f.awsRegion));
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

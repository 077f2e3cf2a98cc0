/**
 * Cross-engine parity. For every AWS CDK example, the components derived from its CloudFormation
 * templates (every stack of every region: regional, links and per-shard stacks, references between
 * them followed) equal the components lib/core planned. And for every CDK for Terraform scenario,
 * the AWS CDK construct given the same description renders the same set as the Terraform JSON.
 */
import { App } from 'aws-cdk-lib';
import { cdkApp, CDK_SCENARIOS, templatesOf } from './cdk-scenarios';
import { CloudFormationStack, extractFromCloudFormation, extractFromPlan, extractFromTerraform } from './components';
import { SCENARIOS } from './scenarios';
import { build as buildActiveActive } from '../../examples/active-active/main';
import { build as buildCold } from '../../examples/active-cold/main';
import { build as buildCdkHot } from '../../examples/active-hot/main';
import { build as buildSharded } from '../../examples/regionally-sharded/main';
import { build as buildServerless } from '../../examples/serverless/main';
import { synthStack } from '../cdktf/support';

/** Builds an AWS CDK example with its cdk.json context; returns its plan and every stack's template by region. */
function cdkExample(name: string, build: (app: App) => { _plan: any }) {
  const app = cdkApp(name);
  const built = build(app);
  return { plan: built._plan, byRegion: templatesOf(app) };
}

const EXAMPLE_BUILDS: Array<[string, (app: App) => { _plan: any }]> = [
  ['active-hot', buildCdkHot],
  ['active-cold', buildCold],
  ['active-active', buildActiveActive],
  ['regionally-sharded', buildSharded],
  ['serverless', buildServerless],
];

describe.each(EXAMPLE_BUILDS)('AWS CDK examples/%s', (name, build) => {
  const { plan, byRegion } = cdkExample(name, build);

  test('the CloudFormation stacks hold every planned component, and nothing else', () => {
    expect(extractFromCloudFormation(byRegion)).toEqual(extractFromPlan(plan));
  });
});

/** The same description in both engines: each CDK for Terraform scenario and its AWS CDK counterpart. */
const SAME_DESCRIPTION = SCENARIOS.map((s, i) => [s.name, i] as const);

describe.each(SAME_DESCRIPTION)('%s: AWS CDK and CDK for Terraform render the same components', (_name, scenario) => {
  const tf = SCENARIOS[scenario].build();
  const tfJson = synthStack(tf.stack);
  const app = cdkApp();
  CDK_SCENARIOS[scenario](app);
  const templates = templatesOf(app);

  test('the CloudFormation and the Terraform JSON describe the same set, equal to the plan', () => {
    expect(extractFromCloudFormation(templates)).toEqual(extractFromTerraform(tfJson));
    expect(extractFromTerraform(tfJson)).toEqual(extractFromPlan(tf._plan));
  });
});

test('a broken CloudFormation rendering fails parity (a record dropped)', () => {
  const { plan, byRegion } = cdkExample('active-hot', buildCdkHot);
  const copy = JSON.parse(JSON.stringify(byRegion)) as Record<string, CloudFormationStack[]>;
  const east = copy['us-east-1'].find((s) => Object.values<any>(s.template.Resources).some((r) => r.Type === 'AWS::Route53::RecordSet'))!.template.Resources;
  delete east[Object.keys(east).find((id) => east[id].Type === 'AWS::Route53::RecordSet')!];
  expect(extractFromCloudFormation(copy).zoneRecords).not.toEqual(extractFromPlan(plan).zoneRecords);
});

/**
 * Cross-engine parity. For every AWS CDK example, the components derived from its CloudFormation
 * templates (every stack of every region: regional, links and per-shard stacks, references between
 * them followed) equal the components lib/core planned. And for every CDK for Terraform scenario,
 * the AWS CDK construct given the same description renders the same set as the Terraform JSON.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { CloudFormationStack, extractFromCloudFormation, extractFromPlan, extractFromTerraform } from './components';
import { CERT, SCENARIOS } from './scenarios';
import { build as buildActiveActive } from '../../examples/active-active/main';
import { build as buildCold } from '../../examples/active-cold/main';
import { build as buildCdkHot } from '../../examples/active-hot/main';
import { build as buildSharded } from '../../examples/regionally-sharded/main';
import { build as buildServerless } from '../../examples/serverless/main';
import * as cdk from '../../lib';
import { exampleContext, synthStack } from '../cdktf/support';

jest.mock('temporal-ha-constructs/cdktf', () => jest.requireActual('../../lib/cdktf'), { virtual: true });

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

/** Builds an AWS CDK example with its cdk.json context; returns its plan and every stack's template by region. */
function cdkExample(name: string, build: (app: App) => { _plan: any }) {
  const { context } = JSON.parse(fs.readFileSync(path.join(EXAMPLES, name, 'cdk.json'), 'utf8'));
  const app = new App({ context });
  const built = build(app);
  const byRegion: Record<string, CloudFormationStack[]> = {};
  for (const stack of app.node.findAll().filter((c): c is Stack => Stack.isStack(c))) {
    (byRegion[stack.region] ??= []).push({ stackName: stack.stackName, template: Template.fromStack(stack).toJSON() });
  }
  return { plan: built._plan, byRegion };
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

/** Every stack of an AWS CDK app, by region, with its name. */
function templatesOf(app: App): Record<string, CloudFormationStack[]> {
  const byRegion: Record<string, CloudFormationStack[]> = {};
  for (const stack of app.node.findAll().filter((c): c is Stack => Stack.isStack(c))) {
    (byRegion[stack.region] ??= []).push({ stackName: stack.stackName, template: Template.fromStack(stack).toJSON() });
  }
  return byRegion;
}

const image = (name: string) => ecs.ContainerImage.fromRegistry(name);

/**
 * The same description in both engines: each CDK for Terraform scenario (test/parity/scenarios.ts)
 * and the AWS CDK construct given the same props, in the AWS CDK's types.
 */
const SAME_DESCRIPTION: Array<[string, number, (app: App) => void]> = [
  ['Active/Passive (Hot)', 0, (app) => buildCdkHot(app)],
  ['Active/Passive (Cold)', 1, (app) => {
    const ctx = exampleContext('cdktf-active-cold') as Record<string, string>;
    new cdk.ActiveColdDeployment(app, 'PaymentsCold', {
      namespace: { name: ctx.temporalNamespace, accountId: ctx.temporalAccountId, primaryRegion: 'us-east-1', replicaRegion: 'us-west-2' },
      credentials: cdk.TemporalCredentials.mtlsFromSecretNames({
        certificateSecretName: ctx.clientCertSecretName, privateKeySecretName: ctx.clientKeySecretName,
      }),
      connectivity: cdk.Connectivity.privateLink({ crossRegionRoute: cdk.CrossRegionRoute.vpcPeering() }),
      workers: { image: image(ctx.workerImage), environment: { TASK_QUEUE: 'payments' } },
      codecServer: { image: image(ctx.codecServerImage), certificateArns: { 'us-east-1': ctx.codecCertificateArnUsEast1, 'us-west-2': ctx.codecCertificateArnUsWest2 } },
      componentRouting: cdk.ComponentRouting.FAILOVER_DNS,
    });
  }],
  ['Active/Active', 2, (app) => new cdk.ActiveActiveDeployment(app, 'Shipping', {
    namespace: { name: 'shipping', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2' },
    workerRegions: ['us-east-1', 'us-west-2', 'us-east-2'],
    credentials: cdk.TemporalCredentials.apiKeyFromSecretName('temporal/shipping/api-key', { field: 'apiKey' }),
    connectivity: cdk.Connectivity.privateLink(),
    workers: { image: image('ghcr.io/acme/shipping-worker:3.1.0') },
    proxy: { image: image('ghcr.io/acme/tcp-proxy:1.0.0') },
    codecServer: {
      image: image('ghcr.io/acme/shipping-codec:3.1.0'),
      certificateArns: { 'us-east-1': CERT('us-east-1', 5), 'us-west-2': CERT('us-west-2', 6), 'us-east-2': CERT('us-east-2', 7) },
    },
    componentRouting: cdk.ComponentRouting.FAILOVER_DNS,
  })],
  ['Regionally sharded', 3, (app) => new cdk.RegionallyShardedNamespaces(app, 'Billing', {
    connectivity: cdk.Connectivity.privateLink(),
    shards: [
      {
        name: 'east',
        pattern: cdk.DeploymentPattern.ACTIVE_HOT,
        namespace: { name: 'billing-east', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2', pollerForwarding: cdk.PollerForwarding.DISABLED },
        credentials: cdk.TemporalCredentials.apiKeyFromSecretName('temporal/billing-east/api-key'),
        workers: { image: image('ghcr.io/acme/billing-worker:5.0.0') },
      },
      {
        name: 'west',
        pattern: cdk.DeploymentPattern.ACTIVE_COLD,
        namespace: { name: 'billing-west', accountId: 'a1b2c', primaryRegion: 'us-west-2', replicaRegion: 'us-east-1' },
        credentials: cdk.TemporalCredentials.apiKeyFromSecretName('temporal/billing-west/api-key'),
        workers: { image: image('ghcr.io/acme/billing-worker:5.0.0'), minCapacity: 3 },
      },
    ],
  })],
  ['Serverless Workers', 4, (app) => new cdk.ServerlessWorkers(app, 'Notify', {
    namespace: { name: 'notify', accountId: 'a1b2c', primaryRegion: 'eu-west-1', replicaRegion: 'eu-central-1' },
    credentials: cdk.TemporalCredentials.apiKeyFromSecretName('temporal/notify/api-key'),
    connectivity: cdk.Connectivity.privateLink(),
    serverlessWorkers: {
      codePath: path.join(EXAMPLES, 'serverless', 'worker'),
      handler: 'index.handler',
      buildId: 'notify-2026.11.3',
      externalId: 'temporal-invoker-3f9a1c7d2e',
    },
  })],
];

describe.each(SAME_DESCRIPTION)('%s: AWS CDK and CDK for Terraform render the same components', (_name, scenario, buildCdk) => {
  const tf = SCENARIOS[scenario].build();
  const tfJson = synthStack(tf.stack);
  const app = new App({ context: JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'active-hot', 'cdk.json'), 'utf8')).context });
  buildCdk(app);
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

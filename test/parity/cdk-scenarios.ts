/**
 * The AWS CDK side of the parity scenarios: for each CDK for Terraform scenario (scenarios.ts, same
 * index), the AWS CDK construct given the same description in the AWS CDK's types; and how an AWS
 * CDK app is built and read (its example context, every stack's template by region).
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { CloudFormationStack } from './components';
import { CERT } from './scenarios';
import { build as buildCdkHot } from '../../examples/active-hot/main';
import * as cdk from '../../lib';
import { DeploymentPlan } from '../../lib/core';
import { exampleContext } from '../cdktf/support';

export const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const image = (name: string) => ecs.ContainerImage.fromRegistry(name);

/** An AWS CDK app with an example's cdk.json context (the scenarios use active-hot's). */
export function cdkApp(example = 'active-hot'): App {
  return new App({ context: JSON.parse(fs.readFileSync(path.join(EXAMPLES, example, 'cdk.json'), 'utf8')).context });
}

/** Every stack of an AWS CDK app, by region, with its name. */
export function templatesOf(app: App): Record<string, CloudFormationStack[]> {
  const byRegion: Record<string, CloudFormationStack[]> = {};
  for (const stack of app.node.findAll().filter((c): c is Stack => Stack.isStack(c))) {
    (byRegion[stack.region] ??= []).push({ stackName: stack.stackName, template: Template.fromStack(stack).toJSON() });
  }
  return byRegion;
}

/**
 * The AWS CDK construct given each CDK for Terraform scenario's description, by scenario index
 * (cloudformation.test.ts checks their topology, settings.test.ts their settings).
 */
export const CDK_SCENARIOS: Array<(app: App) => { readonly _plan: DeploymentPlan }> = [
  (app) => buildCdkHot(app),
  (app) => {
    const ctx = exampleContext('cdktf-active-cold') as Record<string, string>;
    return new cdk.ActiveColdDeployment(app, 'PaymentsCold', {
      namespace: { name: ctx.temporalNamespace, accountId: ctx.temporalAccountId, primaryRegion: 'us-east-1', replicaRegion: 'us-west-2' },
      credentials: cdk.TemporalCredentials.mtlsFromSecretNames({
        certificateSecretName: ctx.clientCertSecretName, privateKeySecretName: ctx.clientKeySecretName,
      }),
      connectivity: cdk.Connectivity.privateLink({ crossRegionRoute: cdk.CrossRegionRoute.vpcPeering() }),
      workers: { image: image(ctx.workerImage), environment: { TASK_QUEUE: 'payments' } },
      codecServer: { image: image(ctx.codecServerImage), certificateArns: { 'us-east-1': ctx.codecCertificateArnUsEast1, 'us-west-2': ctx.codecCertificateArnUsWest2 } },
      componentRouting: cdk.ComponentRouting.FAILOVER_DNS,
      acknowledgeWarnings: { TEMPORAL_CODEC_DOMAIN: 'Workers and operators reach these codec servers from inside the worker VPCs (the failover name); no browser calls them' },
    });
  },
  (app) => new cdk.ActiveActiveDeployment(app, 'Shipping', {
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
    acknowledgeWarnings: { TEMPORAL_CODEC_DOMAIN: 'Parity scenario: these codec servers are reached from inside the worker VPCs through the failover name only' },
  }),
  (app) => new cdk.RegionallyShardedNamespaces(app, 'Billing', {
    connectivity: cdk.Connectivity.privateLink(),
    egress: cdk.WorkerEgress.VPC_ENDPOINTS,
    shards: [
      {
        name: 'east',
        pattern: cdk.DeploymentPattern.ACTIVE_HOT,
        namespace: { name: 'billing-east', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2', pollerForwarding: cdk.PollerForwarding.DISABLED },
        credentials: cdk.TemporalCredentials.apiKeyFromSecretName('temporal/billing-east/api-key'),
        workers: { image: image('ghcr.io/acme/billing-worker:5.0.0'), standbyMinCapacity: 4, stopTimeoutSeconds: 90, healthCheck: { command: ['CMD', '/bin/healthcheck'], retries: 2 } },
      },
      {
        name: 'west',
        pattern: cdk.DeploymentPattern.ACTIVE_COLD,
        namespace: { name: 'billing-west', accountId: 'a1b2c', primaryRegion: 'us-west-2', replicaRegion: 'us-east-1' },
        credentials: cdk.TemporalCredentials.apiKeyFromSecretName('temporal/billing-west/api-key'),
        workers: { image: image('ghcr.io/acme/billing-worker:5.0.0'), minCapacity: 3 },
      },
    ],
  }),
  (app) => new cdk.ServerlessWorkers(app, 'Notify', {
    namespace: { name: 'notify', accountId: 'a1b2c', primaryRegion: 'eu-west-1', replicaRegion: 'eu-central-1' },
    credentials: cdk.TemporalCredentials.apiKeyFromSecretName('temporal/notify/api-key'),
    connectivity: cdk.Connectivity.privateLink(),
    serverlessWorkers: {
      codePath: path.join(EXAMPLES, 'serverless', 'worker'),
      handler: 'index.handler',
      buildId: 'notify-2026.11.3',
      externalId: 'temporal-invoker-3f9a1c7d2e',
    },
  }),
];

/**
 * The example scenarios every engine must render in full: one per pattern. Hot and Cold are the
 * runnable cdktf examples; the others are built here with the same conventions. Each returns the
 * pattern construct (its plan) and the stack it rendered into.
 */
import { App, TerraformStack, Testing } from 'cdktf';
import { build as buildCold } from '../../examples/cdktf-active-cold/main';
import { build as buildHot } from '../../examples/cdktf-active-hot/main';
import {
  ActiveActiveDeployment,
  ComponentRouting,
  Connectivity,
  PollerForwarding,
  RegionallyShardedNamespaces,
  ServerlessWorkerCode,
  ServerlessWorkers,
  ShardPattern,
  TemporalCredentials,
  TemporalDeploymentBase,
  WorkerEgress,
} from '../../lib/cdktf';
import { exampleContext } from '../cdktf/support';

export interface Scenario {
  readonly name: string;
  /** Builds the scenario in a fresh app; returns the pattern construct. */
  readonly build: () => TemporalDeploymentBase;
}

export const CERT = (region: string, n: number) => `arn:aws:acm:${region}:111111111111:certificate/00000000-0000-0000-0000-00000000000${n}`;

function app(context: Record<string, unknown> = {}): App {
  const a = Testing.app();
  for (const [k, v] of Object.entries(context)) a.node.setContext(k, v);
  return a;
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'Active/Passive (Hot): examples/cdktf-active-hot',
    build: () => buildHot(app(exampleContext('cdktf-active-hot'))),
  },
  {
    name: 'Active/Passive (Cold): examples/cdktf-active-cold',
    build: () => buildCold(app(exampleContext('cdktf-active-cold'))),
  },
  {
    name: 'Active/Active: three Worker regions, one outside the namespace, proxy and failover DNS',
    build: () => new ActiveActiveDeployment(new TerraformStack(app(), 'shipping'), 'Shipping', {
      namespace: { name: 'shipping', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2' },
      workerRegions: ['us-east-1', 'us-west-2', 'us-east-2'],
      credentials: TemporalCredentials.apiKeyFromSecretName('temporal/shipping/api-key', { field: 'apiKey' }),
      connectivity: Connectivity.privateLink(),
      workers: { image: 'ghcr.io/acme/shipping-worker:3.1.0' },
      proxy: { image: 'ghcr.io/acme/tcp-proxy:1.0.0' },
      codecServer: {
        image: 'ghcr.io/acme/shipping-codec:3.1.0',
        certificateArns: { 'us-east-1': CERT('us-east-1', 5), 'us-west-2': CERT('us-west-2', 6), 'us-east-2': CERT('us-east-2', 7) },
      },
      componentRouting: ComponentRouting.FAILOVER_DNS,
      acknowledgeWarnings: { TEMPORAL_CODEC_DOMAIN: 'Parity scenario: these codec servers are reached from inside the worker VPCs through the failover name only' },
    }),
  },
  {
    name: 'Regionally sharded: an Active/Hot shard homed in us-east-1 and an Active/Cold shard homed in us-west-2, without internet egress',
    build: () => new RegionallyShardedNamespaces(new TerraformStack(app(), 'billing'), 'Billing', {
      connectivity: Connectivity.privateLink(),
      egress: WorkerEgress.VPC_ENDPOINTS,
      shards: [
        {
          name: 'east',
          pattern: ShardPattern.ACTIVE_HOT,
          namespace: { name: 'billing-east', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2', pollerForwarding: PollerForwarding.DISABLED },
          credentials: TemporalCredentials.apiKeyFromSecretName('temporal/billing-east/api-key'),
          workers: { image: 'ghcr.io/acme/billing-worker:5.0.0', standbyMinCapacity: 4, stopTimeoutSeconds: 90, healthCheck: { command: ['CMD', '/bin/healthcheck'], retries: 2 } },
        },
        {
          name: 'west',
          pattern: ShardPattern.ACTIVE_COLD,
          namespace: { name: 'billing-west', accountId: 'a1b2c', primaryRegion: 'us-west-2', replicaRegion: 'us-east-1' },
          credentials: TemporalCredentials.apiKeyFromSecretName('temporal/billing-west/api-key'),
          workers: { image: 'ghcr.io/acme/billing-worker:5.0.0', minCapacity: 3 },
        },
      ],
    }),
  },
  {
    name: 'Serverless Workers: a function per namespace region under one Build ID, over PrivateLink',
    build: () => new ServerlessWorkers(new TerraformStack(app(), 'notify'), 'Notify', {
      namespace: { name: 'notify', accountId: 'a1b2c', primaryRegion: 'eu-west-1', replicaRegion: 'eu-central-1' },
      credentials: TemporalCredentials.apiKeyFromSecretName('temporal/notify/api-key'),
      connectivity: Connectivity.privateLink(),
      serverlessWorkers: {
        buildId: 'notify-2026.11.3',
        externalId: 'temporal-invoker-3f9a1c7d2e',
        code: {
          'eu-west-1': ServerlessWorkerCode.fromS3('acme-artifacts-eu-west-1', 'notify/notify-2026.11.3.zip'),
          'eu-central-1': ServerlessWorkerCode.fromS3('acme-artifacts-eu-central-1', 'notify/notify-2026.11.3.zip'),
        },
      },
    }),
  },
];

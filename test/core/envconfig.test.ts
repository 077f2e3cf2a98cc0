/**
 * The Worker container's environment exactly as each engine writes it, read by Temporal's own configuration loader (the real
 * `@temporalio/envconfig`, a devDependency): an unmodified SDK worker connects over TLS with it, for an API key and for mTLS, without
 * `TEMPORAL_TLS` (which @temporalio/envconfig before 1.24 reads as TLS off: https://github.com/temporalio/sdk-typescript/issues/2271).
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { loadClientConfigProfile, loadClientConnectConfig } from '@temporalio/envconfig';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as cdk from '../../lib/aws-cdk/blocks';
import * as tf from '../../lib/cdktf';
import { newStack, synthStack, workerContainers } from '../cdktf/support';

const FAKE_CERT = '-----BEGIN CERTIFICATE-----\nMIIBfakecertificate\n-----END CERTIFICATE-----\n';
const FAKE_KEY = '-----BEGIN PRIVATE KEY-----\nMIIBfakeprivatekey\n-----END PRIVATE KEY-----\n';
/** What Secrets Manager would hand each secret-backed variable. */
const FAKES: Record<string, string> = { TEMPORAL_API_KEY: 'fake-api-key', TEMPORAL_TLS_CLIENT_CERT_DATA: FAKE_CERT, TEMPORAL_TLS_CLIENT_KEY_DATA: FAKE_KEY };
const MTLS = { certificateSecretName: 'temporal/orders/mtls', privateKeySecretName: 'temporal/orders/mtls', certificateField: 'crt', privateKeyField: 'key' };

interface Case {
  readonly mtls: boolean;
  readonly address: string;
  readonly tlsServerName?: string;
}

/** Plain variables as written, secret-backed ones filled with fakes (a secret the SDK does not know fails the test). */
function processEnv(plain: Array<{ name: string; value: unknown }>, secrets: string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const { name, value } of plain) {
    expect(typeof value).toBe('string'); // no token left for the SDK to choke on
    env[name] = value as string;
  }
  for (const name of secrets) {
    expect(FAKES[name]).toBeDefined();
    env[name] = FAKES[name];
  }
  return env;
}

/** The AWS CDK block's container environment. */
function cdkEnv(c: Case): Record<string, string> {
  const stack = new Stack(new App(), 'Orders', { env: { account: '111111111111', region: 'us-east-1' } });
  const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', { vpcId: 'vpc-1', availabilityZones: ['us-east-1a'], privateSubnetIds: ['subnet-1'] });
  new cdk.TemporalWorkerService(stack, 'Workers', {
    cluster: ecs.Cluster.fromClusterAttributes(stack, 'Cluster', { clusterName: 'c', vpc }),
    image: ecs.ContainerImage.fromRegistry('example/orders-worker:1.0.0'),
    credentials: c.mtls ? cdk.TemporalCredentials.mtlsFromSecretNames(MTLS) : cdk.TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
    namespace: 'orders.a1b2c',
    address: c.address,
    tlsServerName: c.tlsServerName,
    codecEndpoint: 'https://codec.orders.example.com',
  });
  const [taskDef] = Object.values(Template.fromStack(stack).findResources('AWS::ECS::TaskDefinition'));
  const container = taskDef.Properties.ContainerDefinitions[0];
  return processEnv(container.Environment.map((e: any) => ({ name: e.Name, value: e.Value })), container.Secrets.map((s: any) => s.Name));
}

/** The CDK for Terraform block's container environment. */
function tfEnv(c: Case): Record<string, string> {
  const stack = newStack();
  const provider = new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  new tf.TemporalWorkerService(stack, 'Workers', {
    provider,
    clusterArn: 'arn:aws:ecs:us-east-1:111111111111:cluster/c',
    vpcId: 'vpc-1',
    subnetIds: ['subnet-1'],
    image: 'example/orders-worker:1.0.0',
    credentials: c.mtls ? tf.TemporalCredentials.mtlsFromSecretNames(MTLS) : tf.TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
    namespace: 'orders.a1b2c',
    address: c.address,
    tlsServerName: c.tlsServerName,
    codecEndpoint: 'https://codec.orders.example.com',
  });
  const [w] = workerContainers(synthStack(stack));
  return processEnv(w.container.environment, w.container.secrets.map((s: any) => s.name));
}

const ENGINES: Array<[string, (c: Case) => Record<string, string>]> = [['AWS CDK', cdkEnv], ['CDK for Terraform', tfEnv]];

describe.each(ENGINES)('%s: the Worker environment read by the real @temporalio/envconfig', (_engine, envOf) => {
  test('API key on the Namespace Endpoint: TLS on, no TEMPORAL_TLS, the codec URL under the library\'s own name', () => {
    // GIVEN
    const env = envOf({ mtls: false, address: 'orders.a1b2c.tmprl.cloud:7233' });
    // WHEN
    const profile = loadClientConfigProfile({ disableFile: true, overrideEnvVars: env });
    const connect = loadClientConnectConfig({ disableFile: true, overrideEnvVars: env });
    // THEN
    expect(env).not.toHaveProperty('TEMPORAL_TLS');
    expect(env).not.toHaveProperty('TEMPORAL_CODEC_ENDPOINT');
    expect(env.CODEC_SERVER_URL).toBe('https://codec.orders.example.com');
    expect(profile.tls?.disabled).not.toBe(true);
    expect(connect.namespace).toBe('orders.a1b2c');
    expect(connect.connectionOptions.address).toBe('orders.a1b2c.tmprl.cloud:7233');
    expect(connect.connectionOptions.apiKey).toBe('fake-api-key');
    // envconfig turns TLS on for an API key: `true` (default TLS) or an options object, never false or undefined.
    expect(connect.connectionOptions.tls).toBeTruthy();
    expect((connect.connectionOptions.tls as any).serverNameOverride).toBeUndefined();
  });

  test('API key on a Regional Endpoint with a server name: TLS on, server name set', () => {
    const env = envOf({ mtls: false, address: 'aws-us-east-1.region.tmprl.cloud:7233', tlsServerName: 'orders.a1b2c.tmprl.cloud' });
    const connect = loadClientConnectConfig({ disableFile: true, overrideEnvVars: env });
    expect(env).not.toHaveProperty('TEMPORAL_TLS');
    expect(connect.connectionOptions.apiKey).toBe('fake-api-key');
    expect(connect.connectionOptions.tls).toBeTruthy();
    expect((connect.connectionOptions.tls as any).serverNameOverride).toBe('orders.a1b2c.tmprl.cloud');
  });

  test('mTLS (certificate and key DATA variables) on a Regional Endpoint: TLS on with the client pair and the Namespace Endpoint as server name', () => {
    // GIVEN
    const env = envOf({ mtls: true, address: 'aws-us-east-1.region.tmprl.cloud:7233', tlsServerName: 'orders.a1b2c.tmprl.cloud' });
    // WHEN
    const profile = loadClientConfigProfile({ disableFile: true, overrideEnvVars: env });
    const connect = loadClientConnectConfig({ disableFile: true, overrideEnvVars: env });
    // THEN
    expect(env).not.toHaveProperty('TEMPORAL_TLS');
    expect(profile.tls?.disabled).not.toBe(true);
    expect(profile.apiKey).toBeUndefined();
    expect(connect.connectionOptions.address).toBe('aws-us-east-1.region.tmprl.cloud:7233');
    const tls = connect.connectionOptions.tls as any;
    expect(typeof tls).toBe('object');
    expect(tls.serverNameOverride).toBe('orders.a1b2c.tmprl.cloud');
    expect(Buffer.from(tls.clientCertPair.crt).toString()).toBe(FAKE_CERT);
    expect(Buffer.from(tls.clientCertPair.key).toString()).toBe(FAKE_KEY);
  });

  test('mTLS on the Namespace Endpoint: TLS on with the client pair, no server name override', () => {
    const env = envOf({ mtls: true, address: 'orders.a1b2c.tmprl.cloud:7233' });
    const tls = loadClientConnectConfig({ disableFile: true, overrideEnvVars: env }).connectionOptions.tls as any;
    expect(typeof tls).toBe('object');
    expect(tls.serverNameOverride).toBeUndefined();
    expect(Buffer.from(tls.clientCertPair.crt).toString()).toBe(FAKE_CERT);
  });
});

/**
 * The Worker container's environment, as synthesized, fed to Temporal's own configuration loader
 * (`@temporalio/envconfig`): proves that an unmodified SDK worker connects with what we deploy.
 */
import { type ConfigDataSource, loadClientConfigProfile, loadClientConnectConfig } from '@temporalio/envconfig';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { TemporalCredentials, TemporalWorkerService } from '../../../lib/aws-cdk/blocks';

const FAKE_CERT = '-----BEGIN CERTIFICATE-----\nMIIBfakecertificate\n-----END CERTIFICATE-----\n';
const FAKE_KEY = '-----BEGIN PRIVATE KEY-----\nMIIBfakeprivatekey\n-----END PRIVATE KEY-----\n';

/** What ECS would hand the process: plain variables, and secret variables filled with fake values. */
function containerEnv(credentials: TemporalCredentials, address: string, tlsServerName?: string): Record<string, string> {
  const stack = new Stack(new App(), 'Orders', { env: { account: '111111111111', region: 'us-east-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  new TemporalWorkerService(stack, 'Workers', {
    cluster: new ecs.Cluster(stack, 'Cluster', { vpc }),
    image: ecs.ContainerImage.fromRegistry('example/orders-worker:1.0.0'),
    namespace: 'orders.a1b2c',
    address,
    tlsServerName,
    credentials,
  });
  const [taskDef] = Object.values(Template.fromStack(stack).findResources('AWS::ECS::TaskDefinition'));
  const container = taskDef.Properties.ContainerDefinitions[0];
  const env: Record<string, string> = {};
  for (const { Name, Value } of container.Environment) {
    expect(typeof Value).toBe('string'); // no token left for the SDK to choke on
    env[Name] = Value;
  }
  const fakes: Record<string, string> = {
    TEMPORAL_API_KEY: 'fake-api-key',
    TEMPORAL_TLS_CLIENT_CERT_DATA: FAKE_CERT,
    TEMPORAL_TLS_CLIENT_KEY_DATA: FAKE_KEY,
  };
  for (const { Name } of container.Secrets) {
    expect(fakes[Name]).toBeDefined(); // every secret variable is one the SDK knows
    env[Name] = fakes[Name];
  }
  return env;
}

/** The inline data of a config source (envconfig gives it as bytes). */
function dataOf(source: ConfigDataSource | undefined): string | undefined {
  if (source === undefined || !('data' in source)) return undefined;
  return typeof source.data === 'string' ? source.data : Buffer.from(source.data).toString();
}

describe('Worker environment read by @temporalio/envconfig', () => {
  test('API key on the Namespace Endpoint', () => {
    // GIVEN
    const env = containerEnv(TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'), 'orders.a1b2c.tmprl.cloud:7233');
    // WHEN
    const profile = loadClientConfigProfile({ disableFile: true, overrideEnvVars: env });
    const connect = loadClientConnectConfig({ disableFile: true, overrideEnvVars: env });
    // THEN
    expect(profile.address).toBe('orders.a1b2c.tmprl.cloud:7233');
    expect(profile.namespace).toBe('orders.a1b2c');
    expect(profile.apiKey).toBe('fake-api-key');
    expect(profile.tls?.disabled).not.toBe(true);
    expect(profile.tls?.clientCert).toBeUndefined();
    expect(connect.namespace).toBe('orders.a1b2c');
    expect(connect.connectionOptions.address).toBe('orders.a1b2c.tmprl.cloud:7233');
    expect(connect.connectionOptions.apiKey).toBe('fake-api-key');
    expect(connect.connectionOptions.tls).toBeTruthy();
    expect((connect.connectionOptions.tls as any).serverNameOverride).toBeUndefined();
  });

  test('mTLS on a Regional Endpoint, server name = Namespace Endpoint host', () => {
    // GIVEN
    const env = containerEnv(
      TemporalCredentials.mtlsFromSecretNames({
        certificateSecretName: 'temporal/orders/mtls',
        privateKeySecretName: 'temporal/orders/mtls',
        certificateField: 'crt',
        privateKeyField: 'key',
      }),
      'aws-us-east-1.region.tmprl.cloud:7233',
      'orders.a1b2c.tmprl.cloud',
    );
    // WHEN
    const profile = loadClientConfigProfile({ disableFile: true, overrideEnvVars: env });
    const connect = loadClientConnectConfig({ disableFile: true, overrideEnvVars: env });
    // THEN
    expect(profile.address).toBe('aws-us-east-1.region.tmprl.cloud:7233');
    expect(profile.namespace).toBe('orders.a1b2c');
    expect(profile.apiKey).toBeUndefined();
    expect(profile.tls?.disabled).not.toBe(true);
    expect(profile.tls?.serverName).toBe('orders.a1b2c.tmprl.cloud');
    expect(dataOf(profile.tls?.clientCert)).toBe(FAKE_CERT);
    expect(dataOf(profile.tls?.clientKey)).toBe(FAKE_KEY);
    const tls = connect.connectionOptions.tls as any;
    expect(tls.serverNameOverride).toBe('orders.a1b2c.tmprl.cloud');
    expect(Buffer.from(tls.clientCertPair.crt).toString()).toBe(FAKE_CERT);
    expect(Buffer.from(tls.clientCertPair.key).toString()).toBe(FAKE_KEY);
    expect(connect.connectionOptions.apiKey).toBeUndefined();
  });
});

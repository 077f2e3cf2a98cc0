import * as fs from 'fs';
import * as path from 'path';
import { NAMESPACE } from './support';
import {
  AuthMethod,
  CredentialPart,
  EndpointKind,
  namespaceEndpointHost,
  qualifiedNamespace,
  requiredTlsServerName,
  temporalHost,
  TemporalEnv,
  withPort,
  workerEnvironment,
} from '../../lib/core';

const NS_HOST = 'orders.a1b2c.tmprl.cloud';
const EAST = 'aws-us-east-1.region.tmprl.cloud';

describe('namespace endpoint', () => {
  test('the qualified namespace is <name>.<account> and its endpoint host is under tmprl.cloud', () => {
    expect(qualifiedNamespace(NAMESPACE)).toBe('orders.a1b2c');
    expect(namespaceEndpointHost(NAMESPACE)).toBe(NS_HOST);
  });

  test('addresses carry the gRPC port 7233 unless told otherwise', () => {
    expect(withPort(NS_HOST)).toBe('orders.a1b2c.tmprl.cloud:7233');
    expect(withPort('proxy.internal', 8233)).toBe('proxy.internal:8233');
  });

  test('temporalHost picks the Namespace Endpoint or the Regional Endpoint of the given region', () => {
    expect(temporalHost(NAMESPACE, EndpointKind.NAMESPACE, 'us-west-2')).toBe(NS_HOST);
    expect(temporalHost(NAMESPACE, EndpointKind.REGIONAL, 'us-west-2')).toBe('aws-us-west-2.region.tmprl.cloud');
  });
});

describe('requiredTlsServerName', () => {
  test.each([
    // auth, dialed upstream host, via proxy, expected server name
    ['mTLS on a Regional Endpoint needs the namespace host', AuthMethod.MTLS, EAST, false, NS_HOST],
    ['mTLS on the Namespace Endpoint needs none', AuthMethod.MTLS, NS_HOST, false, undefined],
    ['API key on a Regional Endpoint needs none', AuthMethod.API_KEY, EAST, false, undefined],
    ['API key on the Namespace Endpoint needs none', AuthMethod.API_KEY, NS_HOST, false, undefined],
    ['mTLS through a proxy to a Regional Endpoint needs the namespace host', AuthMethod.MTLS, EAST, true, NS_HOST],
    ['mTLS through a proxy to the Namespace Endpoint needs the namespace host', AuthMethod.MTLS, NS_HOST, true, NS_HOST],
    ['API key through a proxy to a Regional Endpoint needs the upstream host', AuthMethod.API_KEY, EAST, true, EAST],
    ['API key through a proxy to the Namespace Endpoint needs the upstream host', AuthMethod.API_KEY, NS_HOST, true, NS_HOST],
  ])('%s', (_name, auth, upstreamHost, viaProxy, expected) => {
    // GIVEN how a fleet connects
    // WHEN deriving the server name it must present
    const name = requiredTlsServerName({ auth, namespaceHost: NS_HOST, upstreamHost, viaProxy });

    // THEN it is the host of the certificate the server presents, or none when the dialed host already is
    expect(name).toBe(expected);
  });
});

describe('workerEnvironment', () => {
  test('API key: address and namespace in the clear (no TEMPORAL_TLS: the key turns TLS on), the codec URL under the library\'s own name; the key from a secret', () => {
    // GIVEN an API-key fleet on a Regional Endpoint with a codec server
    // WHEN building its environment
    const env = workerEnvironment({
      address: 'aws-us-east-1.region.tmprl.cloud:7233',
      namespace: 'orders.a1b2c',
      auth: AuthMethod.API_KEY,
      codecEndpoint: 'https://codec.orders.internal',
    }, { LOG_LEVEL: 'info' });

    // THEN it uses Temporal's variable names, and the API key is never a plain variable
    expect(env.plain).toEqual({
      LOG_LEVEL: 'info',
      TEMPORAL_ADDRESS: 'aws-us-east-1.region.tmprl.cloud:7233',
      TEMPORAL_NAMESPACE: 'orders.a1b2c',
      CODEC_SERVER_URL: 'https://codec.orders.internal',
    });
    expect(env.secrets).toEqual({ TEMPORAL_API_KEY: CredentialPart.API_KEY });
  });

  test('mTLS: the server name is set, certificate and key come from secrets', () => {
    // GIVEN an mTLS fleet on a Regional Endpoint
    // WHEN building its environment
    const env = workerEnvironment({
      address: 'aws-us-west-2.region.tmprl.cloud:7233',
      namespace: 'orders.a1b2c',
      auth: AuthMethod.MTLS,
      tlsServerName: NS_HOST,
    });

    // THEN the namespace host is the server name and the credentials are secret-backed
    expect(env.plain).toEqual({
      TEMPORAL_ADDRESS: 'aws-us-west-2.region.tmprl.cloud:7233',
      TEMPORAL_NAMESPACE: 'orders.a1b2c',
      TEMPORAL_TLS_SERVER_NAME: NS_HOST,
    });
    expect(env.secrets).toEqual({
      TEMPORAL_TLS_CLIENT_CERT_DATA: CredentialPart.CLIENT_CERTIFICATE,
      TEMPORAL_TLS_CLIENT_KEY_DATA: CredentialPart.CLIENT_KEY,
    });
    expect(Object.keys(env.plain)).not.toContain('TEMPORAL_API_KEY');
  });

  test('the library\'s connection settings win over an extra variable of the same name', () => {
    const env = workerEnvironment(
      { address: 'orders.a1b2c.tmprl.cloud:7233', namespace: 'orders.a1b2c', auth: AuthMethod.API_KEY },
      { TEMPORAL_ADDRESS: 'localhost:7233' },
    );
    expect(env.plain.TEMPORAL_ADDRESS).toBe('orders.a1b2c.tmprl.cloud:7233');
  });

  test.each([
    [AuthMethod.API_KEY, 'TEMPORAL_API_KEY'],
    [AuthMethod.MTLS, 'TEMPORAL_TLS_CLIENT_CERT_DATA'],
    [AuthMethod.MTLS, 'TEMPORAL_TLS_CLIENT_KEY_DATA'],
    // A credential of the other auth method would be written in plain text just the same.
    [AuthMethod.MTLS, 'TEMPORAL_API_KEY'],
    [AuthMethod.API_KEY, 'TEMPORAL_TLS_CLIENT_KEY_DATA'],
  ])('with %s, refuses %s in the extra environment (credentials come from Secrets Manager)', (auth, variable) => {
    // GIVEN an extra environment that tries to set a secret-backed variable in the clear
    const conn = { address: 'orders.a1b2c.tmprl.cloud:7233', namespace: 'orders.a1b2c', auth };

    // WHEN / THEN building the environment fails, naming the variable and the fix
    expect(() => workerEnvironment(conn, { [variable]: 'plain-text-secret' }))
      .toThrow(new RegExp(`${variable} holds a credential.*never writes in plain text.*remove it from the extra environment`));
  });

  test('every variable name is one @temporalio/envconfig reads', () => {
    // GIVEN the source of the SDK's environment loader (read as text: no SDK import needed)
    const dir = path.dirname(require.resolve('@temporalio/envconfig/package.json'));
    const sources = fs.readdirSync(path.join(dir, 'lib')).filter((f) => f.endsWith('.js'))
      .map((f) => fs.readFileSync(path.join(dir, 'lib', f), 'utf8')).join('\n');

    // WHEN / THEN each name the library writes appears in it as a quoted variable name
    for (const name of Object.values(TemporalEnv)) {
      expect({ name, read: sources.includes(`'${name}'`) || sources.includes(`"${name}"`) }).toEqual({ name, read: true });
    }
  });
});

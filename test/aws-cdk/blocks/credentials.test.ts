import { App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { BoundTemporalCredentials, TemporalCredentials } from '../../../lib/aws-cdk/blocks';
import { TemporalHaValidationError } from '../../../lib/core/errors';
import { AuthMethod } from '../../../lib/core/model';
import { CredentialPart } from '../../../lib/core/worker-config';

function stackIn(app: App, region: string): Stack {
  return new Stack(app, `Workers-${region}`, { env: { account: '111111111111', region } });
}

describe('TemporalCredentials', () => {
  test('a secret name resolves in each stack\'s own region (Secrets Manager replicas keep their name)', () => {
    // GIVEN
    const app = new App();
    const east = stackIn(app, 'us-east-1');
    const west = stackIn(app, 'us-west-2');
    const credentials = TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key');
    // WHEN
    const inEast = credentials.bind(east);
    const inWest = credentials.bind(west);
    // THEN
    expect(credentials.method).toBe(AuthMethod.API_KEY);
    expect(east.resolve(inEast.secretFor(CredentialPart.API_KEY).arn)).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':secretsmanager:us-east-1:111111111111:secret:temporal/orders/api-key']],
    });
    expect(west.resolve(inWest.secretFor(CredentialPart.API_KEY).arn)).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':secretsmanager:us-west-2:111111111111:secret:temporal/orders/api-key']],
    });
  });

  test('binding twice in one scope reuses the import; one JSON secret for certificate and key is one secret', () => {
    // GIVEN
    const stack = stackIn(new App(), 'us-east-1');
    const credentials = TemporalCredentials.mtlsFromSecretNames({
      certificateSecretName: 'temporal/orders/mtls',
      privateKeySecretName: 'temporal/orders/mtls',
      certificateField: 'crt',
      privateKeyField: 'key',
    });
    // WHEN
    const first = credentials.bind(stack);
    const second = credentials.bind(stack);
    // THEN
    expect(first.secrets).toHaveLength(1);
    expect(second.secrets[0]).toBe(first.secrets[0]);
    expect(first.partFor(CredentialPart.CLIENT_KEY).field).toBe('key');
    expect(stack.resolve(first.secretFor(CredentialPart.CLIENT_CERTIFICATE).arn)['Fn::Join'][1].slice(-1)[0]).toMatch(/temporal\/orders\/mtls:crt::$/);
  });

  test('grantRead covers every secret', () => {
    // GIVEN
    const stack = stackIn(new App(), 'us-east-1');
    const certificate = new secretsmanager.Secret(stack, 'Cert');
    const privateKey = new secretsmanager.Secret(stack, 'Key');
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
    // WHEN
    const bound = TemporalCredentials.mtls({ certificate, privateKey }).bind(stack);
    bound.grantRead(role);
    // THEN
    expect(bound.secrets).toEqual([certificate, privateKey]);
    const statements = stack.resolve((role.node.findChild('DefaultPolicy') as iam.Policy).document).Statement;
    expect(statements.map((s: any) => s.Resource)).toEqual([{ Ref: expect.stringMatching(/^Cert/) }, { Ref: expect.stringMatching(/^Key/) }]);
  });

  const problem = (factory: string, prop: string, value: string, message: string, fix: string) =>
    `TemporalCredentials ${factory} has 1 configuration error that would break failover or deployment:\n`
    + `  1. [TEMPORAL_CREDENTIALS_SECRETS] ${factory}: ${prop} = ${value}: ${message} Fix: ${fix}`;

  test.each([
    [() => TemporalCredentials.apiKeyFromSecretName('arn:aws:secretsmanager:us-east-1:111111111111:secret:x'), problem('apiKeyFromSecretName()', 'secretName',
      "'arn:aws:secretsmanager:us-east-1:111111111111:secret:x'", 'is an ARN, not a name: secrets are looked up by name in each region.',
      "pass the secret's name (replicas keep it), or an imported secret.")],
    [() => TemporalCredentials.apiKeyFromSecretName(''), problem('apiKeyFromSecretName()', 'secretName', "''",
      'must be a non-empty Secrets Manager secret name without surrounding spaces.', "pass the secret's name, e.g. 'temporal/orders/api-key'.")],
    [() => TemporalCredentials.mtlsFromSecretNames({ certificateSecretName: 'a', privateKeySecretName: 'a' }), problem('mtlsFromSecretNames()', 'privateKeySecretName', "'a'",
      'reads the same secret as certificateSecretName, as a whole: the certificate and the private key cannot both be that value.',
      'use two secrets, or two JSON fields (certificateField and privateKeyField) of one secret.')],
    [() => TemporalCredentials.apiKeyFromSecretName('a', { field: ' ' }), problem('apiKeyFromSecretName()', 'field', "' '",
      "is an empty JSON field for the 'api-key'.", 'omit the field to use the whole secret, or name the JSON key.')],
  ])('rejects bad input with one TemporalHaValidationError (%#)', (make, message) => {
    expect(make).toThrow(TemporalHaValidationError);
    expect(make).toThrow(message);
  });

  test('the same secret object for certificate and key, read as a whole, is refused; two fields of it are not', () => {
    const stack = stackIn(new App(), 'us-east-1');
    const secret = new secretsmanager.Secret(stack, 'Mtls');
    expect(() => TemporalCredentials.mtls({ certificate: secret, privateKey: secret })).toThrow(problem('mtls()', 'privateKey', '(the certificate secret)',
      'reads the same secret as certificate, as a whole: the certificate and the private key cannot both be that value.',
      'use two secrets, or two JSON fields (certificateField and privateKeyField) of one secret.'));
    expect(TemporalCredentials.mtls({ certificate: secret, privateKey: secret, certificateField: 'crt', privateKeyField: 'key' }).bind(stack).secrets).toEqual([secret]);
  });

  test('bound credentials refuse a part they do not carry', () => {
    const stack = stackIn(new App(), 'us-east-1');
    const bound = TemporalCredentials.apiKey(new secretsmanager.Secret(stack, 'ApiKey')).bind(stack);
    expect(() => bound.secretFor(CredentialPart.CLIENT_KEY)).toThrow(
      "[TEMPORAL_CREDENTIALS_SECRETS] BoundTemporalCredentials.partFor: part = 'client-key': api-key credentials carry no 'client-key' (they carry 'api-key'). Fix: use credentials of the matching AuthMethod.");
    expect(() => new BoundTemporalCredentials({ method: AuthMethod.MTLS, parts: bound.parts })).toThrow(
      "[TEMPORAL_CREDENTIALS_SECRETS] props: parts = 'api-key': has no 'client-certificate' entry, which mtls credentials require. Fix: add a part for 'client-certificate'.");
  });
});

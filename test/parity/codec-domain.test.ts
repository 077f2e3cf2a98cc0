/**
 * Settings parity of a codec server on browser-facing names: one region with a given certificate (keyed `aws-us-east-1`), one with a
 * certificate requested for its name, both names with a record in the supplied zone. The plan, the Terraform JSON and the CloudFormation
 * say the same: the listener's certificate, the name's record, and Workers given `https://<name>`.
 */
import { Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { TerraformStack } from 'cdktf';
import { cdkApp, templatesOf } from './cdk-scenarios';
import { settingsFromCloudFormation, settingsFromPlan, settingsFromTerraform } from './settings';
import * as cdk from '../../lib';
import * as tf from '../../lib/cdktf';
import { newStack, synthStack } from '../cdktf/support';

const CERT_EAST = 'arn:aws:acm:us-east-1:111111111111:certificate/11111111-1111-1111-1111-111111111111';
const ZONE_ID = 'Z0123456789ABCDEFGHIJ';
const NAMESPACE = { name: 'orders', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2', pollerForwarding: cdk.PollerForwarding.DISABLED };
const CODEC = {
  certificateArns: { 'aws-us-east-1': CERT_EAST },
  domainNames: { 'us-east-1': 'codec-east.example.com', 'US-WEST-2': 'codec-west.example.com' },
};

const tfStack: TerraformStack = newStack();
const tfHot = new tf.ActiveHotDeployment(tfStack, 'Orders', {
  namespace: NAMESPACE,
  credentials: tf.TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
  workers: { image: 'ghcr.io/acme/orders-worker:1.0.0' },
  codecServer: { image: 'ghcr.io/acme/codec:1.0.0', hostedZoneId: ZONE_ID, ...CODEC },
});
const app = cdkApp();
const dns = new Stack(app, 'Dns', { env: { account: '111111111111', region: 'us-east-1' } });
const cdkHot = new cdk.ActiveHotDeployment(app, 'Orders', {
  namespace: NAMESPACE,
  credentials: cdk.TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
  workers: { image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/orders-worker:1.0.0') },
  codecServer: {
    image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/codec:1.0.0'),
    hostedZone: route53.HostedZone.fromHostedZoneAttributes(dns, 'Zone', { hostedZoneId: ZONE_ID, zoneName: 'example.com' }),
    ...CODEC,
  },
  account: '111111111111',
});

const planned = settingsFromPlan(tfHot._plan);
const fromTerraform = settingsFromTerraform(synthStack(tfStack));
const fromCloudFormation = settingsFromCloudFormation(templatesOf(app));

test('the plan says each codec server\'s certificate, name and record, and Workers get https://<name>', () => {
  expect(settingsFromPlan(cdkHot._plan)).toEqual(planned);
  const codec = planned.loadBalancers.filter((l) => / codec /.test(l));
  expect(codec).toEqual([
    expect.stringMatching(new RegExp(`^us-east-1 codec .* cert=${CERT_EAST} .*dns=codec-east.example.com A alias `)),
    expect.stringMatching(/^us-west-2 codec .* cert=\(requested for codec-west.example.com\) .*dns=codec-west.example.com A alias /),
  ]);
  expect(planned.environment.filter((l) => l.includes('=https://codec-'))).toEqual([
    expect.stringMatching(/^us-east-1 worker orders.a1b2c env \w+=https:\/\/codec-east.example.com$/),
    expect.stringMatching(/^us-west-2 worker orders.a1b2c env \w+=https:\/\/codec-west.example.com$/),
  ]);
});

test.each(['loadBalancers', 'environment', 'zoneRecords'] as const)('%s: the Terraform JSON and the CloudFormation write what the plan resolved', (kind) => {
  expect(fromTerraform[kind]).toEqual(planned[kind]);
  expect(fromCloudFormation[kind]).toEqual(planned[kind]);
});

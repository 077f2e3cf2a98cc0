import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { TemporalCredentials, TemporalHaNagFindings, TemporalWorkerService } from '../../../lib';

/** Synthesizes one Worker service under cdk-nag and returns the AwsSolutions report. */
function nagReport(acknowledge: boolean) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-'));
  const app = new App({ outdir });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  if (acknowledge) TemporalHaNagFindings.acknowledge(app);
  const stack = new Stack(app, 'S', { env: { account: '111111111111', region: 'us-east-1' } });
  const cluster = ecs.Cluster.fromClusterAttributes(stack, 'C', {
    clusterName: 'c', vpc: ec2.Vpc.fromVpcAttributes(stack, 'V', { vpcId: 'vpc-1', availabilityZones: ['us-east-1a'], privateSubnetIds: ['subnet-1'] }),
  });
  new TemporalWorkerService(stack, 'Workers', {
    cluster,
    image: ecs.ContainerImage.fromRegistry('w'),
    namespace: 'orders.a1b2c',
    address: 'orders.a1b2c.tmprl.cloud:7233',
    credentials: TemporalCredentials.apiKeyFromSecretName('k'),
  });
  const exitCode = process.exitCode;
  const stderr = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  app.synth();
  stderr.mockRestore();
  process.exitCode = exitCode;
  const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'));
  fs.rmSync(outdir, { recursive: true, force: true });
  return report.pluginReports.find((r: any) => r.pluginName === 'AwsSolutions');
}

test('the blocks acknowledge no rule on their own (an acknowledgement would apply to the user\'s resources too)', () => {
  const nag = nagReport(false);
  expect(nag.violations.map((v: any) => v.ruleName)).toContain('AwsSolutions-ECS2');
});

test('TemporalHaNagFindings.acknowledge records each inherent finding with its reason', () => {
  const nag = nagReport(true);
  expect(nag.violations.map((v: any) => v.ruleName)).not.toContain('AwsSolutions-ECS2');
  const ecs2 = nag.suppressedViolations.find((v: any) => v.ruleName === 'AwsSolutions-ECS2');
  expect(ecs2.reason).toBe(TemporalHaNagFindings.INHERENT['AwsSolutions-ECS2']);
});

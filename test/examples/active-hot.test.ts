import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadClientConnectConfig } from '@temporalio/envconfig';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { AwsSolutionsChecks } from 'cdk-nag';
import { build } from '../../examples/active-hot/main';
import { ActiveHotDeployment } from '../../lib';
import { workerContainers } from '../aws-cdk/support';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'active-hot');

/** The example app as `cdk synth` runs it: cdk.json context, cdk-nag's AwsSolutions pack, template validation on. */
function synthExample(tamper?: (hot: ActiveHotDeployment) => void) {
  const { context } = JSON.parse(fs.readFileSync(path.join(EXAMPLE, 'cdk.json'), 'utf8'));
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'active-hot-'));
  const app = new App({ context, outdir });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const hot = build(app);
  tamper?.(hot);
  const exitCode = process.exitCode;
  // CDK prints the validation report to stderr; the test reads the JSON report instead.
  const stderr = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const assembly = app.synth({ validateOnSynthesis: true });
  stderr.mockRestore();
  // A failed policy validation sets the process exit code (it does not throw): read it, then restore it.
  const failed = process.exitCode === 1 && exitCode !== 1;
  process.exitCode = exitCode;
  const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'));
  return { hot, assembly, report, failed, outdir };
}

describe('examples/active-hot', () => {
  const { hot, assembly, report, failed, outdir } = synthExample();
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));
  const nag = report.pluginReports.find((r: any) => r.pluginName === 'AwsSolutions');

  test('synthesizes two regional stacks with the VPC endpoint, private zone, ECS services and load balancers', () => {
    expect(assembly.stacks.map((s) => s.environment.region).sort()).toEqual(['us-east-1', 'us-west-2']);
    for (const stack of Object.values(hot.stacks)) {
      const t = Template.fromStack(stack);
      t.resourceCountIs('AWS::EC2::VPCEndpoint', 1);
      t.resourceCountIs('AWS::Route53::HostedZone', 1);
      t.resourceCountIs('AWS::Route53::RecordSet', 1);
      t.resourceCountIs('AWS::ECS::Service', 2); // Workers and codec server
      t.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 1);
    }
  });

  test('cdk-nag AwsSolutions: no unacknowledged finding; every acknowledgement has a reason', () => {
    expect(failed).toBe(false);
    expect(nag.conclusion).toBe('success');
    expect(nag.violations).toEqual([]);
    expect(nag.suppressedViolations.length).toBeGreaterThan(0);
    for (const v of nag.suppressedViolations) {
      for (const c of v.violatingConstructs) {
        expect({ at: c.constructPath, reason: v.reason }).toEqual({ at: c.constructPath, reason: expect.stringMatching(/.{40,}/) });
      }
    }
  });

  test('the cdk-nag gate is live: one open security group fails the same synthesis', () => {
    const bad = synthExample((h) => {
      const stack = h.stacks['us-east-1'];
      const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', { vpcId: 'vpc-1', availabilityZones: ['us-east-1a'] });
      new ec2.SecurityGroup(stack, 'Open', { vpc }).addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(22));
    });
    fs.rmSync(bad.outdir, { recursive: true, force: true });
    expect(bad.failed).toBe(true);
    const violations = bad.report.pluginReports[0].violations.map((v: any) => v.ruleName);
    expect(violations).toContain('AwsSolutions-EC23');
  });

  test.each([
    ['us-east-1', 'aws-us-east-1.region.tmprl.cloud:7233'],
    ['us-west-2', 'aws-us-west-2.region.tmprl.cloud:7233'],
  ])('the %s Worker environment, loaded by @temporalio/envconfig, connects to %s', (region, address) => {
    // GIVEN the container environment the construct wrote, with the secret filled in as ECS would
    const worker = workerContainers(hot.stacks[region])[0];
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(worker.env)) if (typeof v === 'string') env[k] = v;
    for (const name of worker.secrets) env[name] = 'fake-api-key';
    // WHEN an unmodified SDK loads its connection from the environment
    const config = loadClientConnectConfig({ disableFile: true, overrideEnvVars: env });
    // THEN
    expect(config.connectionOptions.address).toBe(address);
    expect(config.namespace).toBe('orders.a1b2c');
    expect(config.connectionOptions.apiKey).toBe('fake-api-key');
    expect(config.connectionOptions.tls).toBeTruthy();
  });

  test.each(['us-east-1', 'us-west-2'])('%s template matches the snapshot', (region) => {
    expect(Template.fromStack(hot.stacks[region]).toJSON()).toMatchSnapshot();
  });
});

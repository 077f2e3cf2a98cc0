/**
 * The documents of a CDK for Terraform deployment, written when the app synthesizes: `<outdir>/temporal-ha/<deployment path>/topology.mmd` and
 * `runbook.md`, beside the stacks' Terraform.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { ActiveColdDeployment, ActiveHotDeployment, PollerForwarding, TemporalCredentials } from '../../lib/cdktf';
import { writeDocumentsAtSynth } from '../../lib/cdktf/render/documents';
import { DeploymentPlan } from '../../lib/core';
import { renderRunbook, renderTopology } from '../../lib/core/documents';

const NAMESPACE = { name: 'orders', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2' };

function tmpdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'temporal-ha-cdktf-documents-'));
}

/** An app synthesizing into a fresh temporary output directory. */
function appIn(outdir = tmpdir(), config: { skipValidation?: boolean } = {}): { app: App; outdir: string } {
  return { app: new App({ outdir, ...config }), outdir };
}

function cold(scope: Construct, id: string, name = 'orders'): ActiveColdDeployment {
  return new ActiveColdDeployment(scope, id, {
    namespace: { ...NAMESPACE, name },
    credentials: TemporalCredentials.apiKeyFromSecretName(`temporal/${name}/api-key`),
    workers: { image: `ghcr.io/acme/${name}-worker:1.0.0` },
  });
}

function hot(scope: Construct, id: string): ActiveHotDeployment {
  return new ActiveHotDeployment(scope, id, {
    namespace: { ...NAMESPACE, name: 'payments', pollerForwarding: PollerForwarding.DISABLED },
    credentials: TemporalCredentials.apiKeyFromSecretName('temporal/payments/api-key'),
    workers: { image: 'ghcr.io/acme/payments-worker:1.0.0' },
  });
}

const read = (file: string) => fs.readFileSync(file, 'utf8');
const documentsOf = (plan: DeploymentPlan) => ({ topology: renderTopology(plan), runbook: renderRunbook(plan) });

describe('the documents written at synth (cdktf)', () => {
  test('app.synth() writes the topology diagram and the runbook under <outdir>/temporal-ha/<deployment path>, beside the stacks', () => {
    // GIVEN an Active/Cold deployment in a stack of an app with an output directory
    const { app, outdir } = appIn();
    const d = cold(new TerraformStack(app, 'orders'), 'Orders');

    // WHEN the app synthesizes
    app.synth();

    // THEN the stack's Terraform is there, and the deployment's documents are the plan's
    expect(fs.existsSync(path.join(outdir, 'stacks', 'orders', 'cdk.tf.json'))).toBe(true);
    const dir = path.join(outdir, 'temporal-ha', 'orders-Orders');
    const { topology, runbook } = documentsOf(d._plan);
    expect(read(path.join(dir, 'topology.mmd'))).toBe(topology);
    expect(read(path.join(dir, 'runbook.md'))).toBe(runbook);
    expect(topology).toMatch(/^architecture-beta/m);
    // The runbook is this deployment's: its namespace and its runbook documents in both regions
    expect(runbook).toContain('orders.a1b2c');
    for (const rb of d._plan.failover.units.flatMap((u) => u.runbooks)) expect(runbook).toContain(rb.activateDocumentName);
  });

  test('`cdktf synth` (the app run with CDKTF_OUTDIR) writes them into its output directory', () => {
    // GIVEN the environment `cdktf synth` gives the app (it removes only orphaned folders under <outdir>/stacks afterwards)
    const outdir = tmpdir();
    const before = process.env.CDKTF_OUTDIR;
    process.env.CDKTF_OUTDIR = outdir;
    try {
      // WHEN the app, built without an outdir, synthesizes
      const app = new App();
      const d = cold(new TerraformStack(app, 'orders'), 'Orders');
      app.synth();

      // THEN the documents are in that directory
      expect(read(path.join(outdir, 'temporal-ha', 'orders-Orders', 'runbook.md'))).toBe(renderRunbook(d._plan));
    } finally {
      if (before === undefined) delete process.env.CDKTF_OUTDIR;
      else process.env.CDKTF_OUTDIR = before;
    }
  });

  test('a second synth writes them again', () => {
    // GIVEN a synthesized app whose documents were removed or edited since
    const { app, outdir } = appIn();
    const d = cold(new TerraformStack(app, 'orders'), 'Orders');
    app.synth();
    const dir = path.join(outdir, 'temporal-ha', 'orders-Orders');
    fs.rmSync(path.join(dir, 'topology.mmd'));
    fs.writeFileSync(path.join(dir, 'runbook.md'), 'edited');

    // WHEN it synthesizes again
    app.synth();

    // THEN both files are back as the plan says
    expect(read(path.join(dir, 'topology.mmd'))).toBe(renderTopology(d._plan));
    expect(read(path.join(dir, 'runbook.md'))).toBe(renderRunbook(d._plan));
  });

  test('two deployments get two folders, each with its own plan\'s documents, in one stack or two', () => {
    // GIVEN two deployments in one stack and one in another stack
    const { app, outdir } = appIn();
    const stack = new TerraformStack(app, 'platform');
    const orders = cold(stack, 'Orders');
    const payments = hot(stack, 'Payments');
    const billing = cold(new Construct(new TerraformStack(app, 'billing'), 'Team'), 'Billing', 'billing');

    // WHEN the app synthesizes
    app.synth();

    // THEN each deployment has its folder, named by its path
    const folder = path.join(outdir, 'temporal-ha');
    expect(fs.readdirSync(folder).sort()).toEqual(['billing-Team-Billing', 'platform-Orders', 'platform-Payments']);
    for (const [name, d] of [['platform-Orders', orders], ['platform-Payments', payments], ['billing-Team-Billing', billing]] as const) {
      expect(read(path.join(folder, name, 'topology.mmd'))).toBe(renderTopology(d._plan));
      expect(read(path.join(folder, name, 'runbook.md'))).toBe(renderRunbook(d._plan));
    }
    expect(read(path.join(folder, 'platform-Payments', 'runbook.md'))).toContain('payments.a1b2c');
    expect(read(path.join(folder, 'platform-Orders', 'runbook.md'))).not.toContain('payments.a1b2c');
  });

  test('a folder that cannot be written is a warning, not a failed synth', () => {
    // GIVEN an output directory where the documents' folder is a file
    const { app, outdir } = appIn();
    const d = cold(new TerraformStack(app, 'orders'), 'Orders');
    fs.writeFileSync(path.join(outdir, 'temporal-ha'), 'not a folder');

    // WHEN the app synthesizes THEN the Terraform is written and the deployment carries a warning
    app.synth();
    expect(fs.existsSync(path.join(outdir, 'stacks', 'orders', 'cdk.tf.json'))).toBe(true);
    const warnings = d.node.metadata.filter((m) => m.type.endsWith('/warn')).map((m) => String(m.data));
    expect(warnings.join('\n')).toMatch(/could not write the topology diagram and runbook/);
  });

  test('an app that skips validations writes no documents (they stay available from the core\'s renderers)', () => {
    const { app, outdir } = appIn(tmpdir(), { skipValidation: true });
    cold(new TerraformStack(app, 'orders'), 'Orders');
    app.synth();
    expect(fs.existsSync(path.join(outdir, 'stacks', 'orders', 'cdk.tf.json'))).toBe(true);
    expect(fs.existsSync(path.join(outdir, 'temporal-ha'))).toBe(false);
  });

  test('writeDocumentsAtSynth on any construct of a stack writes that plan\'s documents under that construct\'s path', () => {
    // GIVEN a plan (here a deployment's) registered on another construct
    const { app, outdir } = appIn();
    const stack = new TerraformStack(app, 'orders');
    const plan = cold(stack, 'Orders')._plan;
    writeDocumentsAtSynth(new Construct(stack, 'Copy'), plan);

    // WHEN the app synthesizes THEN both folders hold the same documents
    app.synth();
    for (const name of ['orders-Orders', 'orders-Copy']) {
      expect(read(path.join(outdir, 'temporal-ha', name, 'runbook.md'))).toBe(renderRunbook(plan));
    }
  });

  test('Testing.synth with validations writes into the test app\'s own temporary directory', () => {
    const app = Testing.app();
    const d = cold(new TerraformStack(app, 'orders'), 'Orders');
    Testing.synth(d.stack, true);
    expect(read(path.join(app.outdir, 'temporal-ha', 'orders-Orders', 'topology.mmd'))).toBe(renderTopology(d._plan));
    expect(app.outdir.startsWith(os.tmpdir())).toBe(true);
  });
});

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, CfnWaitConditionHandle, Stack, Stage } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { ActiveColdDeployment, Connectivity, TemporalCredentials } from '../../lib';
import { deploymentDocuments, writeDocumentsAtSynth } from '../../lib/aws-cdk/render/documents';
import { DeploymentPlan, planDeployment } from '../../lib/core';
import { coldRequest, hotRequest } from '../core/support';

/** An app synthesizing into a fresh temporary cloud assembly directory. */
function appIn(): { app: App; outdir: string } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'temporal-ha-documents-'));
  return { app: new App({ outdir }), outdir };
}

/** A deployment construct (as the patterns make it: a construct holding its region stacks) whose documents are written at synth. */
function deployment(scope: Construct, id: string, plan: DeploymentPlan): Construct {
  const d = new Construct(scope, id);
  new CfnWaitConditionHandle(new Stack(d, 'us-east-1', { env: { region: 'us-east-1', account: '111111111111' } }), 'Placeholder');
  writeDocumentsAtSynth(d, plan);
  return d;
}

const read = (file: string) => fs.readFileSync(file, 'utf8');

describe('the documents written at synth', () => {
  const hot = planDeployment(hotRequest());
  const cold = planDeployment(coldRequest({ namespace: { name: 'payments' } }));

  test('app.synth() writes the topology diagram and the runbook of the deployment under <cdk.out>/temporal-ha/<deployment path>', () => {
    // GIVEN a deployment in an app with an output directory
    const { app, outdir } = appIn();
    deployment(app, 'Orders', hot);

    // WHEN the app synthesizes
    const assembly = app.synth();

    // THEN the files sit beside the cloud assembly (which is complete), with the plan's documents
    const dir = path.join(outdir, 'temporal-ha', 'Orders');
    expect(assembly.directory).toBe(outdir);
    expect(fs.existsSync(path.join(outdir, 'manifest.json'))).toBe(true);
    const { topology, runbook } = deploymentDocuments(hot);
    expect(read(path.join(dir, 'topology.mmd'))).toBe(topology);
    expect(read(path.join(dir, 'runbook.md'))).toBe(runbook);
    expect(topology).toMatch(/^architecture-beta/m);
    expect(runbook).toContain('orders.a1b2c');
  });

  test('a second synth writes them again', () => {
    // GIVEN a synthesized app whose documents were removed or edited since
    const { app, outdir } = appIn();
    deployment(app, 'Orders', hot);
    app.synth();
    const dir = path.join(outdir, 'temporal-ha', 'Orders');
    fs.rmSync(path.join(dir, 'topology.mmd'));
    fs.writeFileSync(path.join(dir, 'runbook.md'), 'edited');

    // WHEN it synthesizes again
    app.synth({ force: true });

    // THEN both files are back as the plan says
    expect(read(path.join(dir, 'topology.mmd'))).toBe(deploymentDocuments(hot).topology);
    expect(read(path.join(dir, 'runbook.md'))).toBe(deploymentDocuments(hot).runbook);
  });

  test('two deployments get two folders; a deployment in a stage is named by its path, in the app’s cloud assembly directory', () => {
    // GIVEN two deployments in the app and one in a nested stage
    const { app, outdir } = appIn();
    deployment(app, 'Orders', hot);
    deployment(app, 'Payments', cold);
    deployment(new Stage(app, 'Prod'), 'Orders', cold);

    // WHEN the app synthesizes
    app.synth();

    // THEN each has its own folder with its own plan's documents
    const folder = path.join(outdir, 'temporal-ha');
    expect(fs.readdirSync(folder).sort()).toEqual(['Orders', 'Payments', 'Prod-Orders']);
    expect(read(path.join(folder, 'Orders', 'runbook.md'))).toBe(deploymentDocuments(hot).runbook);
    expect(read(path.join(folder, 'Payments', 'runbook.md'))).toBe(deploymentDocuments(cold).runbook);
    expect(read(path.join(folder, 'Prod-Orders', 'topology.mmd'))).toBe(deploymentDocuments(cold).topology);
    expect(deploymentDocuments(cold).runbook).toContain('payments.a1b2c');
    expect(deploymentDocuments(cold).runbook).not.toBe(deploymentDocuments(hot).runbook);
  });

  test('a folder that cannot be written is a warning, not a failed synth', () => {
    // GIVEN an output directory where the documents' folder is a file
    const { app, outdir } = appIn();
    const d = deployment(app, 'Orders', hot);
    fs.writeFileSync(path.join(outdir, 'temporal-ha'), 'not a folder');

    // WHEN the app synthesizes THEN the templates are written and the deployment carries a warning
    const assembly = app.synth();
    expect(assembly.stacks).toHaveLength(1);
    const warnings = d.node.metadata.filter((m) => m.type === 'aws:cdk:warning').map((m) => String(m.data));
    expect(warnings.join('\n')).toMatch(/could not write the topology diagram and runbook/);
  });
});

describe('a pattern construct', () => {
  test('writes its documents when the app synthesizes', () => {
    // GIVEN an Active/Cold deployment in an app with an output directory
    const { app, outdir } = appIn();
    const cold = new ActiveColdDeployment(app, 'Orders', {
      namespace: { name: 'orders', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2' },
      credentials: TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
      connectivity: Connectivity.privateLink(),
      workers: { image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/orders-worker:2.0.0'), minCapacity: 3 },
      account: '111111111111',
    });

    // WHEN the app synthesizes
    app.synth();

    // THEN its folder holds the documents of its plan
    const dir = path.join(outdir, 'temporal-ha', 'Orders');
    expect(read(path.join(dir, 'topology.mmd'))).toBe(deploymentDocuments(cold._plan).topology);
    expect(read(path.join(dir, 'runbook.md'))).toBe(deploymentDocuments(cold._plan).runbook);
  });
});

/**
 * The deployment's documents, written next to the cloud assembly it synthesizes: `<cdk.out>/temporal-ha/<deployment path, '/' -> '-'>/topology.mmd`
 * and `runbook.md` (their content is the core's: lib/core/documents).
 *
 * The hook is a validation on the deployment construct: `app.synth()` (which `cdk synth` and `cdk deploy` run with `CDK_OUTDIR` as the app's
 * outdir, and which `Template.fromStack` runs too) validates every construct of the app before it writes the templates, and the validation writes
 * the files and reports nothing. The files go to the outermost App or Stage's outdir (the `cdk.out` folder, also for a deployment inside a nested
 * Stage, whose own assembly is a subfolder of it). The cloud assembly builder creates the outdir if needed and writes only its own files into it,
 * so the folder stays; a synth that runs again (`app.synth({ force: true })`, another `cdk synth`) writes the same files again. A synth with
 * `skipValidation: true` writes no documents (they stay available from `deploymentDocuments`).
 */
import { Annotations, Stage } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { DeploymentPlan } from '../../core';
import { DeploymentDocuments, deploymentDocuments, documentsDirectory, writeDocuments } from '../../core/documents';

export { deploymentDocuments };

/** Writes `topology.mmd` and `runbook.md` of the deployment into the cloud assembly directory each time the app synthesizes. */
export function writeDocumentsAtSynth(deployment: Construct, plan: DeploymentPlan): void {
  // Rendered at the first synth (the plan does not change after construction); written at every synth.
  let documents: DeploymentDocuments | undefined;
  deployment.node.addValidation({
    validate: () => {
      const outdir = assemblyOutdir(deployment);
      if (outdir === undefined) return [];
      documents ??= deploymentDocuments(plan);
      try {
        writeDocuments(outdir, deployment.node.path, documents);
      } catch (e) {
        // The documents are a by-product: a folder that cannot be written does not stop the templates.
        Annotations.of(deployment).addWarningV2('temporal-ha:documents',
          `could not write the topology diagram and runbook to ${documentsDirectory(outdir, deployment.node.path)}: ${(e as Error).message}`);
      }
      return [];
    },
  });
}

/** The cloud assembly directory of the app: the outermost App's or Stage's outdir (undefined outside a Stage, which never synthesizes to disk). */
function assemblyOutdir(c: Construct): string | undefined {
  const root = c.node.root;
  return Stage.isStage(root) ? root.outdir : Stage.of(c)?.outdir;
}

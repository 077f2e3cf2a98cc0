/**
 * The deployment's documents, written next to the Terraform it synthesizes: `<app outdir>/temporal-ha/<deployment path, '/' -> '-'>/topology.mmd`
 * and `runbook.md` (their content is the core's: lib/core/documents).
 *
 * The hook is a validation on the deployment construct: cdktf runs the validations of every construct in a stack when it synthesizes the stack
 * (`app.synth()`, which `cdktf synth` runs with `CDKTF_OUTDIR` as the app's outdir), before it writes the stack's Terraform JSON; the validation
 * writes the files and finds nothing. `cdktf synth` (and `cdktn synth`) removes only the folders under `<outdir>/stacks` whose stack is gone
 * (https://github.com/hashicorp/terraform-cdk/blob/main/packages/%40cdktf/cli-core/src/lib/synth-stack.ts,
 * https://github.com/open-constructs/cdk-terrain/blob/main/packages/%40cdktn/cli-core/src/lib/synth-stack.ts), so `<outdir>/temporal-ha` stays.
 * An app built with `skipValidation: true` skips every validation, and so writes no documents (they stay available from the core's functions).
 */
import { Construct } from 'constructs';
import { DeploymentPlan } from '../../core';
import { DeploymentDocuments, deploymentDocuments, documentsDirectory, writeDocuments } from '../../core/documents';
import { Annotations, App } from '../engine';

/** Writes the deployment's topology diagram and runbook into the app's output directory each time the app synthesizes. */
export function writeDocumentsAtSynth(deployment: Construct, plan: DeploymentPlan): void {
  // Rendered once, at the first synth (a plan does not change after construction); written at every synth.
  let documents: DeploymentDocuments | undefined;
  deployment.node.addValidation({
    validate: () => {
      const outdir = appOutdir(deployment);
      if (outdir === undefined) return [];
      documents ??= deploymentDocuments(plan);
      try {
        writeDocuments(outdir, deployment.node.path, documents);
      } catch (e) {
        // The documents are a by-product: a folder that cannot be written does not stop the Terraform.
        Annotations.of(deployment).addWarning(
          `temporal-ha: could not write the topology diagram and runbook to ${documentsDirectory(outdir, deployment.node.path)}: ${(e as Error).message}`);
      }
      return [];
    },
  });
}

/** The output directory of the app the construct is in (undefined: a construct tree without an App, which never synthesizes to disk). */
function appOutdir(c: Construct): string | undefined {
  const root = c.node.root;
  return App.isApp(root) ? (root as App).outdir : undefined;
}

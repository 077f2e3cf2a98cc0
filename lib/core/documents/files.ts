/**
 * Where a deployment's documents go and what they are called, for both engines: `<synth output>/temporal-ha/<deployment path, '/' -> '-'>/`
 * holding `topology.mmd` (Mermaid) and `runbook.md` (Markdown).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { DeploymentPlan } from '../plan';
import { renderRunbook } from './runbook';
import { renderTopology } from './topology';

/** The folder of every deployment's documents under the synth output directory (`cdk.out`, `cdktf.out`). */
export const DOCUMENTS_FOLDER = 'temporal-ha';

/** A deployment's documents, by file name. */
export interface DeploymentDocuments {
  /** `topology.mmd`: the Mermaid `architecture-beta` diagram. */
  readonly topology: string;
  /** `runbook.md`: the failover runbook. */
  readonly runbook: string;
}

/** The file name of each document. */
export const DOCUMENT_FILES: Record<keyof DeploymentDocuments, string> = { topology: 'topology.mmd', runbook: 'runbook.md' };

/** The deployment's topology diagram and failover runbook. */
export function deploymentDocuments(plan: DeploymentPlan): DeploymentDocuments {
  return { topology: renderTopology(plan), runbook: renderRunbook(plan) };
}

/** The folder of one deployment's documents under the synth output directory. */
export function documentsDirectory(outdir: string, constructPath: string): string {
  return path.join(outdir, DOCUMENTS_FOLDER, constructPath.split('/').join('-'));
}

/** Writes the documents into their folder; returns the folder. Throws the file system's error (the engines turn it into a warning). */
export function writeDocuments(outdir: string, constructPath: string, documents: DeploymentDocuments): string {
  const dir = documentsDirectory(outdir, constructPath);
  fs.mkdirSync(dir, { recursive: true });
  for (const [key, file] of Object.entries(DOCUMENT_FILES)) fs.writeFileSync(path.join(dir, file), documents[key as keyof DeploymentDocuments]);
  return dir;
}

/**
 * The failover runbooks in Terraform: per failover unit and region, the SSM Automation documents that make the region active and that
 * scale it down to standby, and the role both run as. Everything in them is the core's (lib/core/components/failover-runbook.ts): the
 * documents' content and the role's statements are data, with this engine's references (partition, account, cluster and service names)
 * passed in through `RunbookRefs`; this file only emits them.
 */
import { Construct } from 'constructs';
import type { DeploymentPlan, PlannedFailoverUnit, PlannedRunbook, ServiceRef } from '../../core';
import {
  failoverRunbookDocuments, failoverRunbookPolicy, failoverRunbookTrust, PolicyStatementSpec, RunbookRefs,
} from '../../core/components/failover-runbook';
import { pascal } from '../../core/deployment-props';
import { AwsProvider, DataAwsCallerIdentity, DataAwsPartition, IamRole, IamRolePolicy, SsmDocument, TerraformOutput } from '../engine';
import { policyDocument, PolicyStatement } from '../util';

/** Where a region's runbooks go, and the names of its ECS services. */
export interface RunbookRegion {
  readonly provider: AwsProvider;
  readonly scope: Construct;
  /** The cluster and service names of a service of the region (undefined: not rendered). */
  readonly lookup: (s: ServiceRef) => { readonly clusterName: string; readonly serviceName: string } | undefined;
}

/** What the runbooks of one unit in one region are. */
export interface RenderedRunbook {
  readonly activate: SsmDocument;
  readonly standby: SsmDocument;
  readonly role: IamRole;
}

/** Emits the runbooks and roles of every failover unit in each of its regions. */
export function emitFailoverRunbooks(
  plan: DeploymentPlan, regionOf: (awsRegion: string) => RunbookRegion | undefined, tags: Record<string, string>,
): RenderedRunbook[] {
  const account = new Map<string, RunbookRefs>();
  const rendered: RenderedRunbook[] = [];
  for (const unit of plan.failover.units) {
    for (const runbook of unit.runbooks) {
      const region = regionOf(runbook.awsRegion);
      if (!region) continue;
      if (!account.has(runbook.awsRegion)) account.set(runbook.awsRegion, refsOf(region));
      rendered.push(emitRunbook(plan, unit, runbook, region, account.get(runbook.awsRegion)!, tags));
    }
  }
  return rendered;
}

/** The engine references of a region: its partition and account (data sources), its services' names. */
function refsOf(region: RunbookRegion): RunbookRefs {
  const { provider, scope } = region;
  const partition = new DataAwsPartition(scope, 'FailoverPartition', { provider }).partition;
  const account = new DataAwsCallerIdentity(scope, 'FailoverAccount', { provider }).accountId;
  // A service the plan names is always rendered; an empty name would fail the document's step, never silently pass.
  return {
    partition,
    account,
    clusterName: (s) => region.lookup(s)?.clusterName ?? '',
    serviceName: (s) => region.lookup(s)?.serviceName ?? '',
  };
}

/** One unit's documents and role in one region, and outputs naming them. */
function emitRunbook(
  plan: DeploymentPlan, unit: PlannedFailoverUnit, runbook: PlannedRunbook, region: RunbookRegion, refs: RunbookRefs, tags: Record<string, string>,
): RenderedRunbook {
  const { provider } = region;
  const id = `Failover${pascal(unit.id)}`;
  const scope = new Construct(region.scope, id);
  const trust = failoverRunbookTrust(refs);
  const role = new IamRole(scope, 'Role', {
    provider,
    name: runbook.roleName,
    description: `Runs ${runbook.activateDocumentName} and ${runbook.standbyDocumentName} (failover of ${unit.namespace})`,
    assumeRolePolicy: policyDocument([{
      Effect: 'Allow', Principal: { Service: trust.service }, Action: 'sts:AssumeRole', Condition: trust.conditions,
    }]),
    tags,
  });
  new IamRolePolicy(scope, 'Policy', {
    provider, name: 'failover', role: role.id, policy: policyDocument(failoverRunbookPolicy(plan, unit, runbook.awsRegion, refs).map(statement)),
  });
  const documents = failoverRunbookDocuments(plan, unit, runbook.awsRegion, refs);
  const document = (docId: string, name: string, content: Record<string, unknown>) => new SsmDocument(scope, docId, {
    provider,
    name,
    documentType: 'Automation',
    documentFormat: 'JSON',
    content: terraformLiteral(JSON.stringify(content)),
    tags,
    // The documents assume the role: it (and its policy) must exist before a run.
    dependsOn: [role],
  });
  const activate = document('Activate', runbook.activateDocumentName, documents.activate);
  const standby = document('Standby', runbook.standbyDocumentName, documents.standby);
  new TerraformOutput(region.scope, `${id}ActivateRunbook`, {
    value: activate.name,
    description: `SSM Automation runbook that makes ${runbook.awsRegion} the active region of ${unit.namespace} (aws ssm start-automation-execution --region ${runbook.awsRegion} --document-name ${runbook.activateDocumentName})`,
  });
  new TerraformOutput(region.scope, `${id}StateParameter`, {
    value: unit.parameterName,
    description: `SSM parameter in ${runbook.awsRegion} holding the active region of ${unit.namespace} (read at every plan, written by the runbooks)`,
  });
  return { activate, standby, role };
}

/** A core statement as IAM JSON. */
function statement(s: PolicyStatementSpec): PolicyStatement {
  return { Sid: s.sid, Effect: 'Allow', Action: s.actions, Resource: s.resources, Condition: s.conditions };
}

/**
 * Text Terraform must take literally: `${` and `%{` open an interpolation or a directive in every Terraform string, also in JSON
 * (https://developer.hashicorp.com/terraform/language/expressions/strings#escape-sequences), so they are doubled; the engine's own
 * tokens (references resolved at synth) are left as they are.
 */
export function terraformLiteral(text: string): string {
  return text.replace(/\$\{(?!TfToken\[)/g, '$$${').replace(/%\{/g, '%%{');
}

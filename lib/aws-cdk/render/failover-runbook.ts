/**
 * The failover runbooks in CloudFormation: per failover unit and region, the SSM Automation documents that make the region active and that scale
 * it down to standby, the role both run as, and the region's capacity alarms. Everything in them is the core's
 * (lib/core/components/failover-runbook.ts): the documents' content and the role's statements are data, with this engine's references
 * (partition, account, cluster and service names) passed in through `RunbookRefs`; this file only emits them, in a stack deployed after every
 * service of the region (the documents name the services).
 */
import { Aws, CfnOutput } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { emitCapacityAlarms } from './capacity-alarms';
import { FailoverState } from './failover-state';
import type { DeploymentPlan, PlannedFailoverUnit, PlannedRunbook, ServiceRef } from '../../core';
import { failoverRunbookDocuments, failoverRunbookPolicy, failoverRunbookTrust, PolicyStatementSpec, RunbookRefs } from '../../core/components/failover-runbook';
import { pascal } from '../../core/deployment-props';
import { acknowledgeFindingByDesign } from '../blocks/policy';

/** The names of an ECS service of the region. */
export interface ServiceNames {
  readonly clusterName: string;
  readonly serviceName: string;
}

/** Where a region's failover resources go, and the names of its ECS services. */
export interface FailoverRegion {
  /** A scope in a stack deployed after every ECS service of the region. */
  readonly scope: Construct;
  /** The cluster and service names of a service of the region (undefined: not rendered). */
  readonly lookup: (s: ServiceRef) => ServiceNames | undefined;
}

/** Emits each region's capacity alarms, and the runbooks and role of every failover unit in each of its regions. */
export function renderFailover(plan: DeploymentPlan, state: FailoverState, regionOf: (awsRegion: string) => FailoverRegion | undefined): void {
  for (const region of plan.regions) {
    const where = regionOf(region.awsRegion);
    if (!where || region.capacityAlarms.length === 0) continue;
    emitCapacityAlarms(where.scope, region, where.lookup,
      (unit, whenActive, whenStandby) => state.value(where.scope, unit, region.awsRegion, whenActive, whenStandby));
  }
  for (const unit of plan.failover.units) {
    for (const runbook of unit.runbooks) {
      const where = regionOf(runbook.awsRegion);
      if (where) emitRunbook(plan, unit, runbook, where);
    }
  }
}

/** One unit's documents and role in one region, and outputs naming them. */
function emitRunbook(plan: DeploymentPlan, unit: PlannedFailoverUnit, runbook: PlannedRunbook, where: FailoverRegion): void {
  const id = `Failover${pascal(unit.id)}`;
  const scope = new Construct(where.scope, id);
  // A service the plan names is always rendered; an empty name would fail the document's step, never pass silently.
  const refs: RunbookRefs = {
    partition: Aws.PARTITION,
    account: Aws.ACCOUNT_ID,
    clusterName: (s) => where.lookup(s)?.clusterName ?? '',
    serviceName: (s) => where.lookup(s)?.serviceName ?? '',
  };
  const trust = failoverRunbookTrust(refs);
  // An L1 role: exactly the core's statements, which neither a grant nor the `@aws-cdk/aws-iam:minimizePolicies` feature flag can change.
  const role = new iam.CfnRole(scope, 'Role', {
    roleName: runbook.roleName,
    description: `Runs ${runbook.activateDocumentName} and ${runbook.standbyDocumentName} (failover of ${unit.namespace})`,
    assumeRolePolicyDocument: policyDocument([{ Effect: 'Allow', Principal: { Service: trust.service }, Action: 'sts:AssumeRole', Condition: trust.conditions }]),
    policies: [{ policyName: 'failover', policyDocument: policyDocument(failoverRunbookPolicy(plan, unit, runbook.awsRegion, refs).map(statement)) }],
  });
  acknowledgeWildcards(role, plan, unit, runbook.awsRegion);
  const documents = failoverRunbookDocuments(plan, unit, runbook.awsRegion, refs);
  // NewVersion: a changed document gets a new version under the same name (Replace would need a new name).
  const document = (docId: string, name: string, content: Record<string, unknown>) => new ssm.CfnDocument(scope, docId, {
    name, documentType: 'Automation', documentFormat: 'JSON', content, updateMethod: 'NewVersion',
  });
  const activate = document('Activate', runbook.activateDocumentName, documents.activate);
  const standby = document('Standby', runbook.standbyDocumentName, documents.standby);
  for (const d of [activate, standby]) d.addDependency(role);
  const region = runbook.awsRegion;
  new CfnOutput(scope, 'StateParameter', {
    value: unit.parameterName, description: `SSM parameter holding the active region of ${unit.namespace} (read by every deploy, written by the runbooks)`,
  });
  new CfnOutput(scope, 'ActivateRunbook', {
    value: activate.ref, description: `Makes ${region} active: aws ssm start-automation-execution --region ${region} --document-name ${runbook.activateDocumentName}`,
  });
  new CfnOutput(scope, 'StandbyRunbook', { value: standby.ref, description: `Scales ${region} down to standby (started by the other regions' activate runbooks)` });
}

/**
 * Acknowledges cdk-nag's AwsSolutions-IAM5 finding of each wildcard resource of the role, with the core's reason. The finding names the resource
 * as cdk-nag prints it (`<AWS::Partition>`, `<AWS::AccountId>`), so the statements are rendered once more with those placeholders.
 */
function acknowledgeWildcards(role: iam.CfnRole, plan: DeploymentPlan, unit: PlannedFailoverUnit, awsRegion: string): void {
  const printed: RunbookRefs = { partition: '<AWS::Partition>', account: '<AWS::AccountId>', clusterName: () => '', serviceName: () => '' };
  for (const s of failoverRunbookPolicy(plan, unit, awsRegion, printed)) {
    if (!s.wildcardReason) continue;
    for (const r of s.resources.filter((x) => x.includes('*'))) acknowledgeFindingByDesign(role, `AwsSolutions-IAM5[Resource::${r}]`, s.wildcardReason);
  }
}

/** An IAM statement as IAM reads it. */
function statement(s: PolicyStatementSpec): Record<string, unknown> {
  return { Sid: s.sid, Effect: 'Allow', Action: s.actions, Resource: s.resources, ...(s.conditions ? { Condition: s.conditions } : {}) };
}

function policyDocument(statements: Array<Record<string, unknown>>): Record<string, unknown> {
  return { Version: '2012-10-17', Statement: statements };
}

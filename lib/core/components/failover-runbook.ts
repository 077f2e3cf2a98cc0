/**
 * The failover runbooks of one failover unit in one region, as data: two SSM Automation documents (`<name>-activate-<region>` makes the region active,
 * `<name>-standby-<region>` scales it down) and the statements of the role both run as. Everything is decided here; the engines emit the documents
 * (`AWS::SSM::Document` / `aws_ssm_document`, type Automation, JSON) and the role with these statements, passing their own tokens in `RunbookRefs`.
 * Automation documents: https://docs.aws.amazon.com/systems-manager/latest/userguide/documents-syntax-data-elements-parameters.html
 * Actions: https://docs.aws.amazon.com/systems-manager/latest/userguide/automation-actions.html
 */
import type { CapacityCounts, DeploymentPlan, FailoverCapacity, PlannedFailoverUnit, PlannedRunbook, ServiceRef } from '../plan';
import {
  FailoverScript, MOVE_FAILOVER_NAMES_SCRIPT, NAMESPACE_FAILOVER_SCRIPT, RECORD_STATE_ELSEWHERE_SCRIPT, START_STANDBY_SCRIPT,
  WAIT_FOR_SERVICES_SCRIPT,
} from './failover-scripts';
import { FAILOVER_GATE_CLOSED, FAILOVER_GATE_OPEN, FAILOVER_GATE_TAG } from './failover-state';

/** Defaults of the runbooks, written once. */
export const FAILOVER_RUNBOOK_DEFAULTS = {
  schemaVersion: '0.3',
  /** `aws:executeScript` runtime and handler. */
  scriptRuntime: 'python3.11',
  scriptHandler: 'handler',
  /** `aws:executeScript` runs for at most 600 s (its `timeoutSeconds` maximum). */
  scriptTimeoutSeconds: 600,
  /** How long the activate runbook waits for the services it scaled to run their minimum (below the script's 600 s). */
  waitForServicesSeconds: 540,
  /** Seconds between two looks at the services. */
  pollSeconds: 15,
  /** How long a triggered namespace failover may take before the step fails (below the script's 600 s). */
  namespaceFailoverSeconds: 480,
  /** The runbook parameter choosing the Cloud Ops API step: its values and default. */
  namespaceFailoverModes: ['verify', 'trigger', 'skip'],
  namespaceFailover: 'verify',
} as const;

/** The engine's values a runbook refers to: tokens are fine (the engines resolve them in the document and the policy). */
export interface RunbookRefs {
  /** The AWS partition (`aws`), or the engine's token for it. */
  readonly partition: string;
  /** The account id, or the engine's token for it. */
  readonly account: string;
  /** The name of the ECS cluster of a service in this region. */
  clusterName(service: ServiceRef): string;
  /** The ECS service's name. */
  serviceName(service: ServiceRef): string;
}

/** The two Automation documents of a unit in a region (document content, as JSON). */
export interface FailoverRunbookDocuments {
  readonly activate: Record<string, unknown>;
  readonly standby: Record<string, unknown>;
}

/** One statement of the runbook role's policy (effect Allow). */
export interface PolicyStatementSpec {
  readonly sid: string;
  readonly actions: string[];
  readonly resources: string[];
  readonly conditions?: Record<string, Record<string, string | string[]>>;
  /** Why a resource of the statement ends in a wildcard (cdk-nag's AwsSolutions-IAM5 reports it; the AWS CDK flavour acknowledges it with this). */
  readonly wildcardReason?: string;
}

/** Who may assume the runbook role: Systems Manager Automation, for this account only. */
export interface RunbookTrust {
  readonly service: string;
  readonly conditions: Record<string, Record<string, string>>;
}

/** An ECS service the runbook scales, with the engine's names for it. */
interface ScaledService {
  readonly ref: ServiceRef;
  readonly capacity: FailoverCapacity;
  /** Workers and starters have a scalable target (Application Auto Scaling); codec servers and proxies have a fixed size. */
  readonly autoscaled: boolean;
  readonly cluster: string;
  readonly service: string;
  /** Letters, digits and `_`: part of the step names. */
  readonly stepKey: string;
}

type Step = Record<string, unknown>;

/** A service as the documents' descriptions name it: `fleet 'workers'`, `codec server 'codec'`, `proxy 'proxy'`. */
function label(ref: ServiceRef): string {
  return `${ref.kind === 'codec-server' ? 'codec server' : ref.kind} '${ref.id}'`;
}

/** The runbook of `unit` in `awsRegion` (undefined when the unit has none there). */
export function unitRunbook(unit: PlannedFailoverUnit, awsRegion: string): PlannedRunbook | undefined {
  return unit.runbooks.find((r) => r.awsRegion === awsRegion);
}

/** The ARN of the role a runbook runs as (IAM is global). */
export function runbookRoleArn(refs: RunbookRefs, runbook: PlannedRunbook): string {
  return `arn:${refs.partition}:iam::${refs.account}:role/${runbook.roleName}`;
}

/** The ARN of the unit's state parameter in a region (the name starts with `/`). */
function parameterArn(refs: RunbookRefs, unit: PlannedFailoverUnit, awsRegion: string): string {
  return `arn:${refs.partition}:ssm:${awsRegion}:${refs.account}:parameter${unit.parameterName}`;
}

/** The services of `awsRegion` whose capacity follows this unit's state, resolved in the region's plan (without the engine's names). */
function stateFollowers(plan: DeploymentPlan, unit: PlannedFailoverUnit, awsRegion: string): Omit<ScaledService, 'cluster' | 'service'>[] {
  const region = plan.regions.find((r) => r.awsRegion === awsRegion);
  const runbook = unitRunbook(unit, awsRegion);
  if (!region || !runbook) return [];
  const used = new Set<string>();
  return runbook.services.flatMap((ref) => {
    const fleet = ref.kind === 'fleet' ? region.fleets.find((f) => f.id === ref.id) : undefined;
    const component = ref.kind === 'codec-server' ? region.codecServers.find((c) => c.id === ref.id)
      : ref.kind === 'proxy' ? region.proxies.find((p) => p.id === ref.id) : undefined;
    const capacity = (fleet ?? component)?.failoverCapacity;
    if (!capacity || capacity.unit !== unit.id) return [];
    let stepKey = `${ref.kind}_${ref.id}`.replace(/[^A-Za-z0-9]+/g, '_');
    while (used.has(stepKey)) stepKey += '_';
    used.add(stepKey);
    return [{ ref, capacity, autoscaled: fleet?.service?.scaling !== undefined, stepKey }];
  });
}

/** The services of `awsRegion` whose capacity follows this unit's state, with the engine's names. */
function scaledServices(plan: DeploymentPlan, unit: PlannedFailoverUnit, awsRegion: string, refs: RunbookRefs): ScaledService[] {
  return stateFollowers(plan, unit, awsRegion).map((s) => ({ ...s, cluster: refs.clusterName(s.ref), service: refs.serviceName(s.ref) }));
}

/** The unit's other regions that have services to scale down: the activate runbook starts their standby runbooks. */
function regionsToScaleDown(plan: DeploymentPlan, unit: PlannedFailoverUnit, awsRegion: string): PlannedRunbook[] {
  return unit.runbooks.filter((r) => r.awsRegion !== awsRegion && stateFollowers(plan, unit, r.awsRegion).length > 0);
}

/** The steps that give every scaled service the counts of one state: its scalable target's range (fleets), then its desired count. */
function scaleSteps(services: ScaledService[], state: 'active' | 'standby'): Step[] {
  const counts = (s: ScaledService): CapacityCounts => (state === 'active' ? s.capacity.whenActive : s.capacity.whenStandby);
  return services.flatMap((s) => {
    const c = counts(s);
    const what = label(s.ref);
    const steps: Step[] = [];
    if (s.autoscaled) {
      steps.push({
        name: `SetScalingRange_${s.stepKey}`,
        action: 'aws:executeAwsApi',
        description: `Sets the autoscaling range of the ${what} to ${c.minCapacity}..${c.maxCapacity} tasks (registering a scalable target again updates it and `
          + 'moves the current count into the range).',
        inputs: {
          Service: 'application-autoscaling',
          Api: 'RegisterScalableTarget',
          ServiceNamespace: 'ecs',
          ResourceId: `service/${s.cluster}/${s.service}`,
          ScalableDimension: 'ecs:service:DesiredCount',
          MinCapacity: c.minCapacity,
          MaxCapacity: c.maxCapacity,
        },
      });
    }
    steps.push({
      name: `SetDesiredCount_${s.stepKey}`,
      action: 'aws:executeAwsApi',
      description: `Sets the desired task count of the ${what} to ${c.desiredCount}.`,
      inputs: { Service: 'ecs', Api: 'UpdateService', cluster: s.cluster, service: s.service, desiredCount: c.desiredCount },
    });
    return steps;
  });
}

/** An `aws:executeScript` step; best-effort steps go on when they fail and leave the run's status alone. */
function scriptStep(
  name: string, script: FailoverScript, payload: Record<string, unknown>, opts: { bestEffort?: boolean; detail?: string } = {},
): Step {
  return {
    name,
    action: 'aws:executeScript',
    description: `${script.description}${opts.detail ? ` ${opts.detail}` : '.'}`,
    timeoutSeconds: FAILOVER_RUNBOOK_DEFAULTS.scriptTimeoutSeconds,
    ...(opts.bestEffort ? { onFailure: 'Continue', isCritical: false } : {}),
    inputs: {
      Runtime: FAILOVER_RUNBOOK_DEFAULTS.scriptRuntime,
      Handler: FAILOVER_RUNBOOK_DEFAULTS.scriptHandler,
      Script: script.source,
      InputPayload: payload,
    },
  };
}

/** The `AutomationAssumeRole` parameter: the role, by default. */
function assumeRoleParameter(refs: RunbookRefs, runbook: PlannedRunbook): Record<string, unknown> {
  return {
    type: 'String',
    description: 'The IAM role the runbook runs as (created with the deployment, allowed exactly what this runbook does).',
    default: runbookRoleArn(refs, runbook),
  };
}

/** The activate runbook's steps after the state is recorded: wait, namespace, names, other regions. */
function activateTailSteps(plan: DeploymentPlan, unit: PlannedFailoverUnit, awsRegion: string, refs: RunbookRefs, services: ScaledService[]): Step[] {
  const d = FAILOVER_RUNBOOK_DEFAULTS;
  const steps: Step[] = [];
  if (services.length > 0) {
    steps.push(scriptStep('WaitForServices', WAIT_FOR_SERVICES_SCRIPT, {
      region: awsRegion,
      services: services.map((s) => ({ cluster: s.cluster, service: s.service, minimum: s.capacity.whenActive.minCapacity })),
      timeout_seconds: d.waitForServicesSeconds,
      poll_seconds: d.pollSeconds,
    }, { detail: `(at most ${d.waitForServicesSeconds} s; the runbook stops here if they do not, and can be run again).` }));
  }
  const cloudOps = plan.failover.cloudOpsApi;
  const regionId = unit.temporalRegionIds[awsRegion];
  if (cloudOps && regionId) {
    steps.push(scriptStep('NamespaceFailover', NAMESPACE_FAILOVER_SCRIPT, {
      mode: '{{ NamespaceFailover }}',
      region: awsRegion,
      secret_name: cloudOps.apiKeySecretName,
      base_url: cloudOps.baseUrl,
      api_version: cloudOps.apiVersion,
      namespace: unit.namespace,
      region_id: regionId,
      operation_id: '{{ automation:EXECUTION_ID }}',
      timeout_seconds: d.namespaceFailoverSeconds,
    }, { detail: `(${unit.namespace} to ${regionId}; parameter NamespaceFailover). The runbook stops here while the namespace is active elsewhere.` }));
  }
  const gates = plan.failoverRecords.filter((r) => r.gate?.unit === unit.id);
  if (gates.length > 0) {
    steps.push(scriptStep('MoveFailoverNames', MOVE_FAILOVER_NAMES_SCRIPT, {
      tag_key: FAILOVER_GATE_TAG,
      gates: gates.map((r) => ({ tag: r.gate!.tag, health_threshold: r.primaryRegion === awsRegion ? FAILOVER_GATE_OPEN : FAILOVER_GATE_CLOSED })),
    }, {
      bestEffort: true,
      detail: `(${gates.map((r) => r.recordName).join(', ')}): ${FAILOVER_GATE_OPEN} where ${awsRegion} is the record's primary `
      + `region, ${FAILOVER_GATE_CLOSED} (always unhealthy: Route 53 answers with the secondary) elsewhere.`,
    }));
  }
  const others = regionsToScaleDown(plan, unit, awsRegion);
  if (others.length > 0) {
    steps.push(scriptStep('StandbyOtherRegions', START_STANDBY_SCRIPT, {
      enabled: '{{ ScaleDownOtherRegions }}',
      executions: others.map((r) => ({ region: r.awsRegion, document_name: r.standbyDocumentName, role_arn: runbookRoleArn(refs, r) })),
    }, { bestEffort: true, detail: `(${others.map((r) => r.standbyDocumentName).join(', ')}; parameter ScaleDownOtherRegions).` }));
  }
  return steps;
}

/** What the activate runbook does, in the order it does it. */
function activateSummary(
  plan: DeploymentPlan, unit: PlannedFailoverUnit, awsRegion: string, services: ScaledService[], scaleDown: PlannedRunbook[],
): string {
  const parts = ['records the new state in every region'];
  if (services.length > 0) parts.push(`scales ${services.map((s) => label(s.ref)).join(', ')} up and waits for them`);
  if (plan.failover.cloudOpsApi && unit.temporalRegionIds[awsRegion]) parts.push('verifies (or triggers) the namespace failover');
  if (plan.failoverRecords.some((r) => r.gate?.unit === unit.id)) parts.push('moves the failover names');
  if (scaleDown.length > 0) parts.push(`scales ${scaleDown.map((r) => r.awsRegion).join(', ')} down`);
  return parts.join(', ');
}

/** The activate document: makes `awsRegion` the unit's active region. */
function activateDocument(plan: DeploymentPlan, unit: PlannedFailoverUnit, runbook: PlannedRunbook, refs: RunbookRefs): Record<string, unknown> {
  const d = FAILOVER_RUNBOOK_DEFAULTS;
  const awsRegion = runbook.awsRegion;
  const services = scaledServices(plan, unit, awsRegion, refs);
  const others = unit.regions.filter((r) => r !== awsRegion);
  const cloudOps = plan.failover.cloudOpsApi !== undefined && unit.temporalRegionIds[awsRegion] !== undefined;
  const parameters: Record<string, unknown> = { AutomationAssumeRole: assumeRoleParameter(refs, runbook) };
  if (cloudOps) {
    parameters.NamespaceFailover = {
      type: 'String',
      allowedValues: [...d.namespaceFailoverModes],
      default: d.namespaceFailover,
      description: `verify: stop unless ${unit.namespace} is already active in ${unit.temporalRegionIds[awsRegion]}; trigger: ask Temporal Cloud to fail it over `
        + 'there (also when it already is: that keeps it there, see https://docs.temporal.io/cloud/high-availability/failovers/manage), wait, then '
        + 'verify; skip: do not look at the namespace.',
    };
  }
  const scaleDown = regionsToScaleDown(plan, unit, awsRegion);
  if (scaleDown.length > 0) {
    parameters.ScaleDownOtherRegions = {
      type: 'Boolean',
      default: true,
      description: `Start the standby runbook in ${scaleDown.map((r) => r.awsRegion).join(', ')} at the end (best effort), which scales their services down.`,
    };
  }
  const mainSteps: Step[] = [
    {
      name: 'RecordActiveRegion',
      action: 'aws:executeAwsApi',
      description: `Records ${awsRegion} as the active region in this region's state parameter, which every later deploy reads.`,
      inputs: { Service: 'ssm', Api: 'PutParameter', Name: unit.parameterName, Value: awsRegion, Type: 'String', Overwrite: true },
    },
    scriptStep('RecordActiveRegionElsewhere', RECORD_STATE_ELSEWHERE_SCRIPT, { parameter_name: unit.parameterName, active_region: awsRegion, regions: others },
      { bestEffort: true, detail: `(${others.join(', ')}; a region that is down is reported and skipped).` }),
    ...scaleSteps(services, 'active'),
    ...activateTailSteps(plan, unit, awsRegion, refs, services),
  ];
  return {
    schemaVersion: d.schemaVersion,
    description: `Makes ${awsRegion} the active region of ${unit.namespace}'s Workers (${plan.failover.name}, failover unit ${unit.id}): `
      + `${activateSummary(plan, unit, awsRegion, services, scaleDown)}. Safe to run again.`,
    assumeRole: '{{ AutomationAssumeRole }}',
    parameters,
    mainSteps,
  };
}

/** The standby document: scales `awsRegion`'s services down, after checking that another region is active. */
function standbyDocument(plan: DeploymentPlan, unit: PlannedFailoverUnit, runbook: PlannedRunbook, refs: RunbookRefs): Record<string, unknown> {
  const awsRegion = runbook.awsRegion;
  const services = scaledServices(plan, unit, awsRegion, refs);
  const others = unit.regions.filter((r) => r !== awsRegion);
  return {
    schemaVersion: FAILOVER_RUNBOOK_DEFAULTS.schemaVersion,
    description: `Scales ${awsRegion} down to standby for ${unit.namespace}'s Workers (${plan.failover.name}, failover unit ${unit.id}), once another region `
      + 'is active. Started by the other regions\' activate runbooks; can be run on its own.',
    assumeRole: '{{ AutomationAssumeRole }}',
    parameters: { AutomationAssumeRole: assumeRoleParameter(refs, runbook) },
    mainSteps: [
      {
        name: 'CheckAnotherRegionIsActive',
        action: 'aws:assertAwsResourceProperty',
        description: `Stops unless this region's state parameter names another region (${others.join(', ')}) as active: a standby runbook never scales `
          + 'the active region down.',
        inputs: {
          Service: 'ssm', Api: 'GetParameter', Name: unit.parameterName, PropertySelector: '$.Parameter.Value', DesiredValues: others,
        },
      },
      ...scaleSteps(services, 'standby'),
    ],
  };
}

/** The activate and standby documents of `unit` in `awsRegion` (both empty objects when the unit has no runbook there). */
export function failoverRunbookDocuments(
  plan: DeploymentPlan, unit: PlannedFailoverUnit, awsRegion: string, refs: RunbookRefs,
): FailoverRunbookDocuments {
  const runbook = unitRunbook(unit, awsRegion);
  if (!runbook) return { activate: {}, standby: {} };
  return { activate: activateDocument(plan, unit, runbook, refs), standby: standbyDocument(plan, unit, runbook, refs) };
}

/** The statements that touch the unit's state and this region's services. */
function stateAndServiceStatements(plan: DeploymentPlan, unit: PlannedFailoverUnit, awsRegion: string, refs: RunbookRefs): PolicyStatementSpec[] {
  const services = scaledServices(plan, unit, awsRegion, refs);
  const statements: PolicyStatementSpec[] = [{
    sid: 'FailoverState',
    actions: ['ssm:GetParameter', 'ssm:PutParameter'],
    resources: unit.regions.map((r) => parameterArn(refs, unit, r)),
  }];
  if (services.length > 0) {
    statements.push({
      sid: 'ScaleServices',
      actions: ['ecs:DescribeServices', 'ecs:UpdateService'],
      resources: services.map((s) => `arn:${refs.partition}:ecs:${awsRegion}:${refs.account}:service/${s.cluster}/${s.service}`),
    });
  }
  if (services.some((s) => s.autoscaled)) {
    // CloudFormation returns no scalable target ARN, so the statement names this region's and account's targets, narrowed by the condition keys to
    // ECS services' desired counts: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsapplicationautoscaling.html
    statements.push({
      sid: 'ScalingRange',
      actions: ['application-autoscaling:RegisterScalableTarget'],
      resources: [`arn:${refs.partition}:application-autoscaling:${awsRegion}:${refs.account}:scalable-target/*`],
      wildcardReason: 'CloudFormation returns no scalable target ARN (its id is assigned at registration); the statement is limited to this region '
        + 'and account, and by condition keys to ECS services\' desired counts. The runbook registers only the services the plan names.',
      conditions: {
        StringEquals: {
          'application-autoscaling:service-namespace': 'ecs',
          'application-autoscaling:scalable-dimension': 'ecs:service:DesiredCount',
        },
      },
    });
  }
  return statements;
}

/** The least-privilege statements of the role the unit's runbooks in `awsRegion` run as: exactly what their steps call, on exactly these resources. */
export function failoverRunbookPolicy(plan: DeploymentPlan, unit: PlannedFailoverUnit, awsRegion: string, refs: RunbookRefs): PolicyStatementSpec[] {
  if (!unitRunbook(unit, awsRegion)) return [];
  const statements = stateAndServiceStatements(plan, unit, awsRegion, refs);
  if (plan.failoverRecords.some((r) => r.gate?.unit === unit.id)) {
    // ListHealthChecks has no resource-level permission (its Resource must be "*"):
    // https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonroute53.html
    statements.push({
      sid: 'FindFailoverGates',
      actions: ['route53:ListHealthChecks'],
      resources: ['*'],
      wildcardReason: 'route53:ListHealthChecks has no resource-level permission: its resource must be "*".',
    });
    statements.push({
      sid: 'MoveFailoverGates',
      actions: ['route53:ListTagsForResources', 'route53:UpdateHealthCheck'],
      resources: [`arn:${refs.partition}:route53:::healthcheck/*`],
      wildcardReason: 'Route 53 assigns health check ids, and the gates live in other regions\' stacks (a cross-region reference is impossible): '
        + 'the runbook finds them at run time by their temporal-ha:failover-gate tag and updates only those.',
    });
  }
  const others = regionsToScaleDown(plan, unit, awsRegion);
  if (others.length > 0) {
    // Starting a runbook is authorized on the document and on its automation definition:
    // https://docs.aws.amazon.com/systems-manager/latest/userguide/automation-setup-identity-based-policies.html
    statements.push({
      sid: 'StartStandbyElsewhere',
      actions: ['ssm:StartAutomationExecution'],
      resources: others.flatMap((r) => [
        `arn:${refs.partition}:ssm:${r.awsRegion}:${refs.account}:document/${r.standbyDocumentName}`,
        `arn:${refs.partition}:ssm:${r.awsRegion}:${refs.account}:automation-definition/${r.standbyDocumentName}:*`,
      ]),
      wildcardReason: 'An automation definition ARN ends in the document version (`:<version>`); the statement names the one standby document.',
    });
    statements.push({
      sid: 'PassStandbyRoles',
      actions: ['iam:PassRole'],
      resources: others.map((r) => runbookRoleArn(refs, r)),
      conditions: { StringEquals: { 'iam:PassedToService': 'ssm.amazonaws.com' } },
    });
  }
  const cloudOps = plan.failover.cloudOpsApi;
  if (cloudOps && unit.temporalRegionIds[awsRegion]) {
    // A secret's ARN ends in '-' and six random characters: https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_examples.html
    statements.push({
      sid: 'ReadCloudOpsApiKey',
      actions: ['secretsmanager:GetSecretValue'],
      resources: [`arn:${refs.partition}:secretsmanager:${awsRegion}:${refs.account}:secret:${cloudOps.apiKeySecretName}-??????`],
    });
  }
  return statements;
}

/** Who may assume the runbook role: the Systems Manager service, for automations of this account (confused-deputy protection). */
export function failoverRunbookTrust(refs: RunbookRefs): RunbookTrust {
  // https://docs.aws.amazon.com/systems-manager/latest/userguide/automation-setup-iam.html
  return { service: 'ssm.amazonaws.com', conditions: { StringEquals: { 'aws:SourceAccount': refs.account } } };
}

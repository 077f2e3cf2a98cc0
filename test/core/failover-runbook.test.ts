/**
 * The failover runbooks (SSM Automation documents) and their role, as core returns them: every AWS API call they make, in a document step or in a
 * script, is checked against AWS's own API model (the JSON models the `aws-sdk` v2 package ships: service, operation, parameter names, required
 * parameters), each region's documents name exactly that region's services that follow the state, and the role allows exactly what they call.
 */
import * as fs from 'fs';
import * as path from 'path';
import { coldRequest, hotRequest, shard, shardedRequest } from './support';
import {
  ComponentRouting, DeploymentPattern, DeploymentPlan, DeploymentRequest, FAILOVER_SCRIPTS, failoverRunbookDocuments, failoverRunbookPolicy,
  failoverRunbookTrust, FailoverScript, planAndCheck, PlannedFailoverUnit, PolicyStatementSpec, RunbookRefs, ServiceRef,
} from '../../lib/core';

// ---------------------------------------------------------------------------------------------------------------------------------------------------
// The checker: AWS API models from the aws-sdk package.

interface Shape {
  readonly type?: string;
  readonly shape?: string;
  readonly members?: Record<string, Shape>;
  readonly required?: string[];
}
interface ApiModel {
  readonly file: string;
  readonly prefix: string;
  readonly metadata: { readonly endpointPrefix?: string; readonly signingName?: string };
  readonly operations: Record<string, { readonly input?: Shape }>;
  readonly shapes: Record<string, Shape>;
}

const APIS = path.join(path.dirname(require.resolve('aws-sdk/package.json')), 'apis');
let models: ApiModel[] | undefined;

/** Every service's newest model: file names from `apis/metadata.json` (`<prefix or key>-<version>.min.json`). */
function allModels(): ApiModel[] {
  if (models) return models;
  const metadata = JSON.parse(fs.readFileSync(path.join(APIS, 'metadata.json'), 'utf8')) as Record<string, { prefix?: string }>;
  const files = fs.readdirSync(APIS).filter((f) => f.endsWith('.min.json'));
  models = Object.entries(metadata).flatMap(([key, m]) => {
    const prefix = m.prefix ?? key;
    const versions = files.filter((f) => new RegExp(`^${prefix.replace(/[.]/g, '\\.')}-\\d{4}-\\d{2}-\\d{2}\\.min\\.json$`).test(f)).sort();
    const file = versions[versions.length - 1];
    if (!file) return [];
    const json = JSON.parse(fs.readFileSync(path.join(APIS, file), 'utf8'));
    return [{ file, prefix, metadata: json.metadata ?? {}, operations: json.operations ?? {}, shapes: json.shapes ?? {} }];
  });
  return models;
}

/** The model of a boto3 service name (which is the endpoint prefix, the signing name or the SDK's file prefix). */
function modelFor(service: string): ApiModel | undefined {
  const all = allModels();
  return all.find((m) => m.prefix === service && (m.metadata.endpointPrefix === service || m.metadata.signingName === service))
    ?? all.find((m) => m.metadata.endpointPrefix === service)
    ?? all.find((m) => m.metadata.signingName === service);
}

function resolve(model: ApiModel, s: Shape | undefined): Shape {
  if (!s) return {};
  return s.shape ? { ...model.shapes[s.shape], ...s, shape: undefined } : s;
}

const JS_TYPES: Record<string, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  integer: (v) => Number.isInteger(v),
  long: (v) => Number.isInteger(v),
  double: (v) => typeof v === 'number',
  float: (v) => typeof v === 'number',
  boolean: (v) => typeof v === 'boolean',
  list: (v) => Array.isArray(v),
  map: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  structure: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
};

/**
 * The problems of one call: the service has a model, the operation is one of its operations, every parameter is a member of the operation's input
 * (case-sensitive), every required member is given and, when values are given, each has the member's type.
 */
function checkCall(where: string, service: string, operation: string, params: Record<string, unknown> | string[]): string[] {
  const model = modelFor(service);
  if (!model) return [`${where}: no AWS API model for service '${service}'`];
  if (!model.operations[operation]) return [`${where}: ${service} (${model.file}) has no operation '${operation}'`];
  const input = resolve(model, model.operations[operation].input);
  const members = input.members ?? {};
  const names = Array.isArray(params) ? params : Object.keys(params);
  const problems = names.filter((n) => !(n in members)).map((n) => `${where}: '${n}' is not a parameter of ${service} ${operation}`);
  problems.push(...(input.required ?? []).filter((r) => !names.includes(r)).map((r) => `${where}: ${service} ${operation} needs '${r}'`));
  if (!Array.isArray(params)) {
    for (const [n, v] of Object.entries(params)) {
      const type = resolve(model, members[n]).type ?? 'string';
      if (n in members && JS_TYPES[type] && !JS_TYPES[type](v)) problems.push(`${where}: ${service} ${operation} ${n} is a ${type}, not ${JSON.stringify(v)}`);
    }
  }
  return problems;
}

/** Keys of an `aws:executeAwsApi` / `aws:waitForAwsResourceProperty` / `aws:assertAwsResourceProperty` step that are not API parameters. */
const STEP_KEYS = ['Service', 'Api', 'PropertySelector', 'DesiredValues'];
const API_ACTIONS = ['aws:executeAwsApi', 'aws:waitForAwsResourceProperty', 'aws:assertAwsResourceProperty'];

type Step = { name: string; action: string; inputs: Record<string, any>; onFailure?: string; isCritical?: boolean; timeoutSeconds?: number };
const steps = (doc: Record<string, unknown>): Step[] => doc.mainSteps as Step[];

function checkDocumentSteps(doc: Record<string, unknown>, docName: string): string[] {
  return steps(doc).filter((s) => API_ACTIONS.includes(s.action)).flatMap((s) => {
    const params = Object.fromEntries(Object.entries(s.inputs).filter(([k]) => !STEP_KEYS.includes(k)));
    return checkCall(`${docName} step ${s.name}`, s.inputs.Service, s.inputs.Api, params);
  });
}

/** A boto3 call in a script: `<client>.<snake_op>(Key=..., ...)`, the client from `<client> = boto3.client('<service>', ...)`. */
interface Boto3Call {
  readonly service: string;
  readonly snakeOperation: string;
  readonly keywords: string[];
  readonly positional: string[];
}

/** The text between the parenthesis at `open` and its match, at depth 0 split on commas (strings skipped). */
function callArguments(source: string, open: number): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = open + 1; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\'' || ch === '"') {
      const end = source.indexOf(ch, i + 1);
      current += source.slice(i, end + 1);
      i = end;
      continue;
    }
    if ('([{'.includes(ch)) depth++;
    if (')]}'.includes(ch)) {
      if (depth === 0) {
        parts.push(current);
        return parts.map((p) => p.trim()).filter((p) => p.length > 0);
      }
      depth--;
    }
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  throw new Error(`unbalanced call at ${open}`);
}

function boto3Calls(source: string): Boto3Call[] {
  const clients = new Map<string, string>();
  for (const m of source.matchAll(/(\w+)\s*=\s*boto3\.client\(\s*'([^']+)'/g)) clients.set(m[1], m[2]);
  const calls: Boto3Call[] = [];
  for (const [variable, service] of clients) {
    for (const m of source.matchAll(new RegExp(`\\b${variable}\\.(\\w+)\\(`, 'g'))) {
      const args = callArguments(source, m.index! + m[0].length - 1);
      const keywords = args.flatMap((a) => /^([A-Za-z_]\w*)\s*=(?!=)/.exec(a)?.[1] ?? []);
      calls.push({ service, snakeOperation: m[1], keywords, positional: args.filter((a) => !/^([A-Za-z_]\w*)\s*=(?!=)/.test(a)) });
    }
  }
  return calls;
}

/** The model's operation a boto3 method names (`list_health_checks` -> `ListHealthChecks`), or undefined. */
function operationOf(service: string, snake: string): string | undefined {
  const model = modelFor(service);
  const pascal = snake.split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  if (!model) return undefined;
  if (model.operations[pascal]) return pascal;
  return Object.keys(model.operations).find((op) => op.toLowerCase() === snake.replace(/_/g, '').toLowerCase());
}

function checkScript(source: string, name: string): string[] {
  const calls = boto3Calls(source);
  const problems: string[] = [];
  if ((source.match(/boto3\.\w+/g) ?? []).some((u) => u !== 'boto3.client')) problems.push(`${name}: uses boto3 other than boto3.client(...)`);
  for (const c of calls) {
    const where = `${name} ${c.service}.${c.snakeOperation}`;
    if (c.positional.length > 0) problems.push(`${where}: positional or ** arguments (${c.positional.join(', ')}) cannot be checked`);
    const op = operationOf(c.service, c.snakeOperation);
    problems.push(...(op ? checkCall(where, c.service, op, c.keywords) : [`${where}: no such operation in ${modelFor(c.service)?.file ?? c.service}`]));
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------------------------------------------
// Plans and fake engine references.

const ACCOUNT = '111122223333';

/** Engine references as strings that say what they stand for, so that the tests can find them in documents and policies. */
function fakeRefs(awsRegion: string): RunbookRefs {
  return {
    partition: 'aws',
    account: ACCOUNT,
    clusterName: (s: ServiceRef) => `CLUSTER[${awsRegion}/${s.kind}/${s.id}]`,
    serviceName: (s: ServiceRef) => `SERVICE[${awsRegion}/${s.kind}/${s.id}]`,
  };
}

const SCENARIOS: Record<string, DeploymentRequest> = {
  'Active/Cold, failover names, codec server, proxy, starters, Cloud Ops API': coldRequest({
    starters: true,
    components: { routing: ComponentRouting.FAILOVER_DNS, proxy: true },
    failover: { cloudOpsApi: { apiKeySecretName: 'temporal/cloud-ops-key' } },
  }),
  'Active/Cold, per-region components': coldRequest(),
  'Active/Hot, failover names': hotRequest({ components: { routing: ComponentRouting.FAILOVER_DNS } }),
  'sharded, an Active/Cold and an Active/Hot shard': shardedRequest([
    shard('east', 'us-east-1', 'us-west-2', { pattern: DeploymentPattern.ACTIVE_COLD }),
    shard('west', 'us-west-2', 'us-east-1'),
  ], { failover: { cloudOpsApi: { apiKeySecretName: 'ops' } } }),
};

const plans = new Map<string, DeploymentPlan>();
function planOf(scenario: string): DeploymentPlan {
  if (!plans.has(scenario)) plans.set(scenario, planAndCheck(SCENARIOS[scenario]).plan);
  return plans.get(scenario)!;
}

/** Each scenario's (unit, region) pairs. */
function cases(): Array<[string, string, string]> {
  return Object.keys(SCENARIOS).flatMap((s) => planOf(s).failover.units.flatMap((u) => u.regions.map((r): [string, string, string] => [s, u.id, r])));
}

function unitOf(plan: DeploymentPlan, id: string): PlannedFailoverUnit {
  const unit = plan.failover.units.find((u) => u.id === id);
  if (!unit) throw new Error(`no failover unit ${id}`);
  return unit;
}

/** Independently of the runbook's service list: the fleets and components of the region whose capacity follows this unit's state. */
function followers(plan: DeploymentPlan, unit: PlannedFailoverUnit, awsRegion: string) {
  const r = plan.regions.find((x) => x.awsRegion === awsRegion)!;
  return [
    ...r.fleets.map((f) => ({ ref: { kind: 'fleet' as const, id: f.id }, capacity: f.failoverCapacity, autoscaled: true })),
    ...r.codecServers.map((c) => ({ ref: { kind: 'codec-server' as const, id: c.id }, capacity: c.failoverCapacity, autoscaled: false })),
    ...r.proxies.map((p) => ({ ref: { kind: 'proxy' as const, id: p.id }, capacity: p.failoverCapacity, autoscaled: false })),
  ].filter((s) => s.capacity?.unit === unit.id);
}

/** Every string in a JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

const tokens = (value: unknown, kind: 'CLUSTER' | 'SERVICE'): string[] =>
  [...new Set(strings(value).flatMap((s) => s.match(new RegExp(`${kind}\\[[^\\]]*\\]`, 'g')) ?? []))].sort();

function scriptOf(step: Step): FailoverScript {
  const script = Object.values(FAILOVER_SCRIPTS).find((s) => s.source === step.inputs.Script);
  if (!script) throw new Error(`step ${step.name} runs a script that is not one of FAILOVER_SCRIPTS`);
  return script;
}

// ---------------------------------------------------------------------------------------------------------------------------------------------------

describe('the runbooks call AWS APIs as AWS models them', () => {
  test('the scenarios plan failover units with services that follow the state (else these tests would check nothing)', () => {
    expect(cases().length).toBeGreaterThanOrEqual(8);
    const cold = planOf('Active/Cold, failover names, codec server, proxy, starters, Cloud Ops API');
    expect(followers(cold, unitOf(cold, 'main'), 'us-west-2').map((s) => s.ref.kind).sort()).toEqual(['codec-server', 'fleet', 'fleet', 'proxy']);
  });

  test.each(cases())('%s, unit %s, %s: every API step names a modeled service, operation and parameters', (scenario, unitId, awsRegion) => {
    const plan = planOf(scenario);
    const docs = failoverRunbookDocuments(plan, unitOf(plan, unitId), awsRegion, fakeRefs(awsRegion));
    expect([...checkDocumentSteps(docs.activate, 'activate'), ...checkDocumentSteps(docs.standby, 'standby')]).toEqual([]);
    expect(steps(docs.activate).filter((s) => API_ACTIONS.includes(s.action)).length).toBeGreaterThan(0);
  });

  test.each(Object.entries(FAILOVER_SCRIPTS))('script %s: every boto3 call is a modeled operation with modeled keyword names', (name, script) => {
    expect(boto3Calls(script.source).length).toBeGreaterThan(0);
    expect(checkScript(script.source, name)).toEqual([]);
  });

  test('the boto3 calls the checker found in the scripts', () => {
    const found = Object.values(FAILOVER_SCRIPTS).flatMap((s) => boto3Calls(s.source).map((c) => `${c.service}:${operationOf(c.service, c.snakeOperation)}`));
    expect([...new Set(found)].sort()).toEqual([
      'ecs:DescribeServices', 'route53:ListHealthChecks', 'route53:ListTagsForResources', 'route53:UpdateHealthCheck',
      'secretsmanager:GetSecretValue', 'ssm:PutParameter', 'ssm:StartAutomationExecution',
    ]);
  });

  describe('a misspelled call fails the checker', () => {
    test.each<[string, Record<string, unknown>, RegExp]>([
      ['an unknown operation', { Service: 'ssm', Api: 'PutParamter', Name: 'n', Value: 'v' }, /has no operation 'PutParamter'/],
      ['a parameter in the wrong case', { Service: 'ecs', Api: 'UpdateService', Cluster: 'c', service: 's' }, /'Cluster' is not a parameter of ecs UpdateService/],
      ['a required parameter left out', { Service: 'ecs', Api: 'UpdateService', cluster: 'c' }, /ecs UpdateService needs 'service'/],
      ['an unknown service', { Service: 'application-autoscalling', Api: 'RegisterScalableTarget' }, /no AWS API model for service 'application-autoscalling'/],
      ['a value of the wrong type', {
        Service: 'application-autoscaling',
        Api: 'RegisterScalableTarget',
        ServiceNamespace: 'ecs',
        ResourceId: 'service/c/s',
        ScalableDimension: 'ecs:service:DesiredCount',
        MinCapacity: '2',
      }, /MinCapacity is a integer, not "2"/],
    ])('document step: %s', (_what, inputs, message) => {
      const doc = { mainSteps: [{ name: 'Bad', action: 'aws:executeAwsApi', inputs }] };
      expect(checkDocumentSteps(doc, 'doc').join('\n')).toMatch(message);
    });

    test.each<[string, string, RegExp]>([
      ['an unknown operation', "ecs.describe_service(cluster='c', services=['s'])", /no such operation/],
      ['a keyword in the wrong case', "ecs.describe_services(Cluster='c', services=['s'])", /'Cluster' is not a parameter of ecs DescribeServices/],
      ['a required keyword left out', "ecs.update_service(cluster='c')", /ecs UpdateService needs 'service'/],
      ['keywords the checker cannot see', 'ecs.update_service(**arguments)', /positional or \*\* arguments/],
    ])('script: %s', (_what, call, message) => {
      expect(checkScript(`import boto3\necs = boto3.client('ecs')\n${call}\n`, 'bad').join('\n')).toMatch(message);
    });
  });
});

describe('each region\'s runbooks act on exactly that region\'s services that follow the state', () => {
  test.each(cases())('%s, unit %s, %s', (scenario, unitId, awsRegion) => {
    const plan = planOf(scenario);
    const unit = unitOf(plan, unitId);
    const expected = followers(plan, unit, awsRegion);
    const refs = fakeRefs(awsRegion);
    const docs = failoverRunbookDocuments(plan, unit, awsRegion, refs);
    for (const doc of [docs.activate, docs.standby]) {
      expect(tokens(doc, 'SERVICE')).toEqual(expected.map((s) => refs.serviceName(s.ref)).sort());
      expect(tokens(doc, 'CLUSTER')).toEqual(expected.map((s) => refs.clusterName(s.ref)).sort());
    }
    for (const [doc, state] of [[docs.activate, 'whenActive'], [docs.standby, 'whenStandby']] as const) {
      for (const s of expected) {
        const counts = s.capacity![state];
        const resourceId = `service/${refs.clusterName(s.ref)}/${refs.serviceName(s.ref)}`;
        const ranges = steps(doc).filter((x) => x.inputs.Api === 'RegisterScalableTarget' && x.inputs.ResourceId === resourceId);
        const range = s.autoscaled ? [[counts.minCapacity, counts.maxCapacity]] : [];
        expect(ranges.map((x) => [x.inputs.MinCapacity, x.inputs.MaxCapacity])).toEqual(range);
        const desired = steps(doc).filter((x) => x.inputs.Api === 'UpdateService' && x.inputs.service === refs.serviceName(s.ref));
        expect(desired.map((x) => [x.inputs.cluster, x.inputs.desiredCount])).toEqual([[refs.clusterName(s.ref), counts.desiredCount]]);
      }
    }
    const wait = steps(docs.activate).find((x) => x.name === 'WaitForServices');
    expect(wait?.inputs.InputPayload.services ?? []).toEqual(expected.map((s) => ({
      cluster: refs.clusterName(s.ref), service: refs.serviceName(s.ref), minimum: s.capacity!.whenActive.minCapacity,
    })));
  });

  test('the activate runbook records the state first, here and (best effort) in the other regions; the standby runbook checks it first', () => {
    const plan = planOf('Active/Cold, per-region components');
    const unit = unitOf(plan, 'main');
    const docs = failoverRunbookDocuments(plan, unit, 'us-west-2', fakeRefs('us-west-2'));
    const [record, elsewhere] = steps(docs.activate);
    expect(record.inputs).toEqual({
      Service: 'ssm', Api: 'PutParameter', Name: '/temporal-ha/orders/main/active-region', Value: 'us-west-2', Type: 'String', Overwrite: true,
    });
    expect(elsewhere).toMatchObject({ onFailure: 'Continue', isCritical: false, inputs: { InputPayload: { active_region: 'us-west-2', regions: ['us-east-1'] } } });
    expect(steps(docs.standby)[0]).toMatchObject({
      action: 'aws:assertAwsResourceProperty',
      inputs: { Api: 'GetParameter', Name: '/temporal-ha/orders/main/active-region', PropertySelector: '$.Parameter.Value', DesiredValues: ['us-east-1'] },
    });
  });

  test('documents: schema 0.3, run as the role (a parameter whose default is its ARN), named steps, parameters as the design says', () => {
    const plan = planOf('Active/Cold, failover names, codec server, proxy, starters, Cloud Ops API');
    const docs = failoverRunbookDocuments(plan, unitOf(plan, 'main'), 'us-east-1', fakeRefs('us-east-1'));
    for (const doc of [docs.activate, docs.standby]) {
      expect(doc).toMatchObject({
        schemaVersion: '0.3',
        assumeRole: '{{ AutomationAssumeRole }}',
        parameters: { AutomationAssumeRole: { type: 'String', default: `arn:aws:iam::${ACCOUNT}:role/orders-failover-us-east-1` } },
      });
      const names = steps(doc).map((s) => s.name);
      expect(new Set(names).size).toBe(names.length);
      for (const s of steps(doc)) {
        expect(s.name).toMatch(/^[A-Za-z0-9_]{1,128}$/);
        expect(typeof (s as any).description).toBe('string');
      }
    }
    expect(docs.activate.parameters).toMatchObject({
      NamespaceFailover: { type: 'String', allowedValues: ['verify', 'trigger', 'skip'], default: 'verify' },
      ScaleDownOtherRegions: { type: 'Boolean', default: true },
    });
    expect(steps(docs.activate).map((s) => s.name)).toEqual([
      'RecordActiveRegion', 'RecordActiveRegionElsewhere',
      ...steps(docs.activate).filter((s) => s.name.startsWith('Set')).map((s) => s.name),
      'WaitForServices', 'NamespaceFailover', 'MoveFailoverNames', 'StandbyOtherRegions',
    ]);
    const best = steps(docs.activate).filter((s) => s.onFailure === 'Continue').map((s) => s.name);
    expect(best).toEqual(['RecordActiveRegionElsewhere', 'MoveFailoverNames', 'StandbyOtherRegions']);
    for (const s of steps(docs.activate).filter((x) => best.includes(x.name))) expect(s.isCritical).toBe(false);
  });

  test('the gates move to 1 where the region is the record\'s primary region, 2 elsewhere; the standby runbooks started are the other regions\'', () => {
    const plan = planOf('Active/Cold, failover names, codec server, proxy, starters, Cloud Ops API');
    const unit = unitOf(plan, 'main');
    const payload = (region: string, name: string) =>
      steps(failoverRunbookDocuments(plan, unit, region, fakeRefs(region)).activate).find((s) => s.name === name)!.inputs.InputPayload;
    expect(payload('us-east-1', 'MoveFailoverNames')).toEqual({
      tag_key: 'temporal-ha:failover-gate',
      gates: [{ tag: 'orders/codec', health_threshold: 1 }, { tag: 'orders/proxy', health_threshold: 1 }],
    });
    expect(payload('us-west-2', 'MoveFailoverNames').gates.map((g: any) => g.health_threshold)).toEqual([2, 2]);
    expect(payload('us-west-2', 'StandbyOtherRegions')).toEqual({
      enabled: '{{ ScaleDownOtherRegions }}',
      executions: [{ region: 'us-east-1', document_name: 'orders-standby-us-east-1', role_arn: `arn:aws:iam::${ACCOUNT}:role/orders-failover-us-east-1` }],
    });
    expect(payload('us-west-2', 'NamespaceFailover')).toMatchObject({
      mode: '{{ NamespaceFailover }}', namespace: 'orders.a1b2c', region_id: 'aws-us-west-2', secret_name: 'temporal/cloud-ops-key', region: 'us-west-2',
    });
  });

  test('without the Cloud Ops API option there is no namespace step, no NamespaceFailover parameter and no secret', () => {
    const plan = planOf('Active/Cold, per-region components');
    const unit = unitOf(plan, 'main');
    const docs = failoverRunbookDocuments(plan, unit, 'us-west-2', fakeRefs('us-west-2'));
    expect(Object.keys(docs.activate.parameters as object)).toEqual(['AutomationAssumeRole', 'ScaleDownOtherRegions']);
    expect(steps(docs.activate).map((s) => s.name)).not.toContain('NamespaceFailover');
    expect(steps(docs.activate).map((s) => s.name)).not.toContain('MoveFailoverNames');
  });

  test('a script step passes exactly the inputs its script reads, runs python3.11 with handler `handler`, and no script contains `{{`', () => {
    for (const scenario of Object.keys(SCENARIOS)) {
      const plan = planOf(scenario);
      for (const unit of plan.failover.units) {
        for (const region of unit.regions) {
          const docs = failoverRunbookDocuments(plan, unit, region, fakeRefs(region));
          for (const s of [...steps(docs.activate), ...steps(docs.standby)].filter((x) => x.action === 'aws:executeScript')) {
            const script = scriptOf(s);
            expect({ step: s.name, runtime: s.inputs.Runtime, handler: s.inputs.Handler }).toEqual({ step: s.name, runtime: 'python3.11', handler: 'handler' });
            expect(Object.keys(s.inputs.InputPayload).sort()).toEqual([...script.inputs].sort());
            expect(s.timeoutSeconds).toBeLessThanOrEqual(600);
          }
        }
      }
    }
    for (const [name, script] of Object.entries(FAILOVER_SCRIPTS)) {
      expect({ name, braces: script.source.includes('{{') }).toEqual({ name, braces: false });
      const read = [...new Set([...script.source.matchAll(/events\['(\w+)'\]/g)].map((m) => m[1]))].sort();
      expect({ name, read }).toEqual({ name, read: [...script.inputs].sort() });
      expect(script.source).toMatch(/^def handler\(events, context\):$/m);
    }
  });

  test('the only `{{ }}` references in the documents are their own parameters and the execution id', () => {
    for (const c of cases()) {
      const plan = planOf(c[0]);
      const docs = failoverRunbookDocuments(plan, unitOf(plan, c[1]), c[2], fakeRefs(c[2]));
      for (const doc of [docs.activate, docs.standby]) {
        const refs = strings(doc).flatMap((s) => [...s.matchAll(/\{\{\s*([\w:]+)\s*\}\}/g)].map((m) => m[1]));
        const allowed = [...Object.keys(doc.parameters as object), 'automation:EXECUTION_ID'];
        expect(refs.filter((r) => !allowed.includes(r))).toEqual([]);
      }
    }
  });
});

describe('the runbook role allows exactly what the runbooks call, on exactly this deployment\'s resources', () => {
  /** The IAM actions the documents' steps and scripts call (a boto3 or API service name is its IAM prefix for these services). */
  function calledActions(docs: { activate: Record<string, unknown>; standby: Record<string, unknown> }): string[] {
    const all = [...steps(docs.activate), ...steps(docs.standby)];
    const api = all.filter((s) => API_ACTIONS.includes(s.action)).map((s) => `${s.inputs.Service}:${s.inputs.Api}`);
    const scripts = all.filter((s) => s.action === 'aws:executeScript')
      .flatMap((s) => boto3Calls(scriptOf(s).source).map((c) => `${c.service}:${operationOf(c.service, c.snakeOperation)}`));
    return [...new Set([...api, ...scripts])].sort();
  }

  test.each(cases())('%s, unit %s, %s', (scenario, unitId, awsRegion) => {
    const plan = planOf(scenario);
    const unit = unitOf(plan, unitId);
    const refs = fakeRefs(awsRegion);
    const statements: PolicyStatementSpec[] = failoverRunbookPolicy(plan, unit, awsRegion, refs);
    const docs = failoverRunbookDocuments(plan, unit, awsRegion, refs);
    const actions = [...new Set(statements.flatMap((s) => s.actions))].sort();
    const called = calledActions(docs);
    // Starting another region's runbook passes its role: iam:PassRole comes with ssm:StartAutomationExecution.
    expect(actions).toEqual([...called, ...(called.includes('ssm:StartAutomationExecution') ? ['iam:PassRole'] : [])].sort());
    for (const s of statements) {
      expect(s.sid).toMatch(/^[A-Za-z0-9]+$/);
      for (const a of s.actions) expect(a).not.toContain('*');
      if (s.resources.includes('*')) expect(s.actions).toEqual(['route53:ListHealthChecks']);
    }

    // The standby runbooks started: those of the other regions that have services to scale down.
    const others = unit.runbooks.filter((r) => r.awsRegion !== awsRegion && followers(plan, unit, r.awsRegion).length > 0);
    const services = followers(plan, unit, awsRegion);
    const gates = plan.failoverRecords.some((r) => r.gate?.unit === unit.id);
    const cloudOps = plan.failover.cloudOpsApi;
    const expected = [
      ...unit.regions.map((r) => `arn:aws:ssm:${r}:${ACCOUNT}:parameter/temporal-ha/${plan.failover.name}/${unit.id}/active-region`),
      ...services.map((s) => `arn:aws:ecs:${awsRegion}:${ACCOUNT}:service/${refs.clusterName(s.ref)}/${refs.serviceName(s.ref)}`),
      ...(services.some((s) => s.autoscaled) ? [`arn:aws:application-autoscaling:${awsRegion}:${ACCOUNT}:scalable-target/*`] : []),
      ...others.flatMap((r) => [
        `arn:aws:ssm:${r.awsRegion}:${ACCOUNT}:document/${r.standbyDocumentName}`,
        `arn:aws:ssm:${r.awsRegion}:${ACCOUNT}:automation-definition/${r.standbyDocumentName}:*`,
        `arn:aws:iam::${ACCOUNT}:role/${r.roleName}`,
      ]),
      ...(cloudOps ? [`arn:aws:secretsmanager:${awsRegion}:${ACCOUNT}:secret:${cloudOps.apiKeySecretName}-??????`] : []),
      ...(gates ? ['*', 'arn:aws:route53:::healthcheck/*'] : []),
    ];
    expect([...new Set(statements.flatMap((s) => s.resources))].sort()).toEqual([...new Set(expected)].sort());
    const scaling = statements.find((s) => s.actions.includes('application-autoscaling:RegisterScalableTarget'));
    if (scaling) {
      expect(scaling.conditions).toEqual({
        StringEquals: { 'application-autoscaling:service-namespace': 'ecs', 'application-autoscaling:scalable-dimension': 'ecs:service:DesiredCount' },
      });
    }
  });

  test('an Active/Hot unit scales nothing: it records the state and moves the names; its standby runbook only checks the state', () => {
    const plan = planOf('Active/Hot, failover names');
    const unit = unitOf(plan, 'main');
    const actions = failoverRunbookPolicy(plan, unit, 'us-east-1', fakeRefs('us-east-1')).flatMap((s) => s.actions);
    expect(actions.filter((a) => /^(ecs|application-autoscaling|iam):|StartAutomationExecution/.test(a))).toEqual([]);
    const docs = failoverRunbookDocuments(plan, unit, 'us-east-1', fakeRefs('us-east-1'));
    expect(steps(docs.activate).map((s) => s.name)).toEqual(['RecordActiveRegion', 'RecordActiveRegionElsewhere', 'MoveFailoverNames']);
    expect(Object.keys(docs.activate.parameters as object)).toEqual(['AutomationAssumeRole']);
    expect(steps(docs.standby).map((s) => s.name)).toEqual(['CheckAnotherRegionIsActive']);
  });

  test('trust: Systems Manager, for this account only', () => {
    expect(failoverRunbookTrust(fakeRefs('us-east-1'))).toEqual({ service: 'ssm.amazonaws.com', conditions: { StringEquals: { 'aws:SourceAccount': ACCOUNT } } });
  });

  test('a region the unit has no runbook in gets no documents and no statements', () => {
    const plan = planOf('Active/Cold, per-region components');
    const unit = unitOf(plan, 'main');
    expect(failoverRunbookDocuments(plan, unit, 'eu-west-1', fakeRefs('eu-west-1'))).toEqual({ activate: {}, standby: {} });
    expect(failoverRunbookPolicy(plan, unit, 'eu-west-1', fakeRefs('eu-west-1'))).toEqual([]);
  });
});

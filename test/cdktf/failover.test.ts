/**
 * The failover state in Terraform: per unit and region an `aws_ssm_parameter` written only when the declared active region changes, a data
 * source reading it back (with a postcondition), capacities and gates as Terraform conditionals on the LIVE value, and the runbooks with their
 * role. A small evaluator resolves the conditionals for a given live value, as Terraform would at plan time; the outcomes are the AWS CDK
 * flavour's (test/aws-cdk/failover.test.ts).
 */
import { App, DefaultTokenResolver, StringConcat, TerraformStack, Tokenization } from 'cdktf';
import { Construct } from 'constructs';
import { errorOf, newStack, resourcesOf, synthStack, TfJson, TfResource } from './support';
import {
  ActiveActiveDeployment,
  ActiveColdDeployment,
  ActiveColdDeploymentProps,
  ActiveHotDeployment,
  ComponentRouting,
  PollerForwarding,
  RegionallyShardedNamespaces,
  ShardPattern,
  TemporalCredentials,
  TemporalHaValidationError,
} from '../../lib/cdktf';
import { TemporalFailoverRecord } from '../../lib/cdktf/blocks/failover-record';
import { AwsProvider, Lb, LbTargetGroup } from '../../lib/cdktf/engine';
import { terraformLiteral } from '../../lib/cdktf/render/failover-runbook';
import { failoverRunbookDocuments, failoverRunbookPolicy, RunbookRefs } from '../../lib/core/components/failover-runbook';
import { FAILOVER_DEFAULTS } from '../../lib/core/components/failover-state';
import type { DeploymentPlan, PlannedFailoverUnit, ServiceRef } from '../../lib/core/plan';

const EAST = 'us-east-1';
const WEST = 'us-west-2';
const CERTS = { [EAST]: 'arn:aws:acm:us-east-1:111111111111:certificate/a', [WEST]: 'arn:aws:acm:us-west-2:111111111111:certificate/b' };
const GATE_TAG = FAILOVER_DEFAULTS.gate.tagKey;

function coldProps(overrides: Partial<ActiveColdDeploymentProps> = {}): ActiveColdDeploymentProps {
  return {
    namespace: { name: 'orders', accountId: 'a1b2c', primaryRegion: EAST, replicaRegion: WEST },
    credentials: TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
    workers: { image: 'ghcr.io/acme/orders-worker:1', minCapacity: 3, maxCapacity: 8 },
    starters: { image: 'ghcr.io/acme/orders-starter:1' },
    componentRouting: ComponentRouting.FAILOVER_DNS,
    failoverDomainName: 'orders.temporal.internal',
    codecServer: { image: 'ghcr.io/acme/codec:1', certificateArns: CERTS, desiredCount: 3 },
    proxy: { image: 'ghcr.io/acme/proxy:1' },
    ...overrides,
  };
}

type Deployment = ActiveColdDeployment | ActiveHotDeployment | ActiveActiveDeployment | RegionallyShardedNamespaces;

interface Deployed {
  readonly json: TfJson;
  readonly plan: DeploymentPlan;
  readonly deployment: Deployment;
}

function deploy(make: (scope: Construct) => Deployment): Deployed {
  const stack = newStack();
  const deployment = make(stack);
  return { json: synthStack(stack), plan: deployment._plan, deployment };
}

/** `${(data.aws_ssm_parameter.<reader>.insecure_value == "<region>") ? <a> : <b>}`, the only shape the renderer writes for a state value. */
const CONDITIONAL = /^\$\{\(data\.aws_ssm_parameter\.([\w-]+)\.insecure_value == "([a-z0-9-]+)"\) \? (.+) : (.+)\}$/;

/**
 * A resource's body as Terraform would plan it when every state parameter holds `live`: each state conditional replaced by the value it picks.
 * The reader a conditional reads must be a state reader in the resource's own region (the state of the region itself); any other mention of a
 * state reader is an error (the evaluator would not know it).
 */
function evaluate(json: TfJson, resource: TfResource, live: string): any {
  const readers = new Map(resourcesOf(json, 'aws_ssm_parameter', 'data').map((r) => [r.name, r]));
  const literal = (s: string) => (s.startsWith('"') ? JSON.parse(s) : Number(s));
  const walk = (x: any): any => {
    if (Array.isArray(x)) return x.map(walk);
    if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, walk(v)]));
    if (typeof x !== 'string' || !x.includes('data.aws_ssm_parameter.')) return x;
    const m = CONDITIONAL.exec(x);
    if (!m) throw new Error(`cannot evaluate ${x}`);
    const reader = readers.get(m[1]);
    if (!reader || reader.region !== resource.region) throw new Error(`${resource.name} (${resource.region}) reads the state of ${reader?.region}`);
    return live === m[2] ? literal(m[3]) : literal(m[4]);
  };
  return walk(resource.body);
}

/** The ECS services of a region as planned with `live`: desired count, lifecycle, and the scalable target's range when it has one. */
function servicesIn(json: TfJson, awsRegion: string, live: string) {
  const targets = resourcesOf(json, 'aws_appautoscaling_target').filter((t) => t.region === awsRegion);
  return resourcesOf(json, 'aws_ecs_service').filter((s) => s.region === awsRegion).map((s) => {
    const target = targets.find((t) => String(t.body.resource_id).includes(`aws_ecs_service.${s.name}.`));
    const t = target && evaluate(json, target, live);
    const body = evaluate(json, s, live);
    return { name: s.name, desiredCount: body.desired_count, ignored: body.lifecycle?.ignore_changes, range: t && [t.min_capacity, t.max_capacity] };
  });
}

function unitOf(dep: Deployed): PlannedFailoverUnit {
  expect(dep.plan.failover.units).toHaveLength(1);
  return dep.plan.failover.units[0];
}

/** The resources a Terraform string refers to (`<type>.<name>`, data sources as `data.<type>.<name>`). */
function references(text: string): Set<string> {
  return new Set([...text.matchAll(/(?<!\$)\$\{((?:data\.)?[a-z0-9_]+\.[\w-]+)\./g)].map((m) => m[1]));
}

/**
 * The runbook references of a region as the deployment rendered them (the plan's ids looked up in the rendered region), so that the core's
 * documents and statements can be resolved in the stack and compared with what was synthesized.
 */
function refsOf(d: Deployment, awsRegion: string): RunbookRefs {
  const rendered = (d as any)._rendered.get(awsRegion);
  const service = (s: ServiceRef) => (s.kind === 'fleet' ? rendered.fleetServices.get(s.id)
    : s.kind === 'codec-server' ? rendered.codecServers.get(s.id) : rendered.proxies.get(s.id)).service;
  return {
    partition: (rendered.scope.node.findChild('FailoverPartition') as any).partition,
    account: (rendered.scope.node.findChild('FailoverAccount') as any).accountId,
    clusterName: () => rendered.clusterName,
    serviceName: (s) => service(s).name,
  };
}

/** Tokens resolved as the stack's synthesis resolves them (references as `${<type>.<name>.<attribute>}`). */
function resolveIn(stack: TerraformStack, value: unknown): any {
  return Tokenization.resolve(value, { scope: stack, resolver: new DefaultTokenResolver(new StringConcat()), preparing: false });
}

/** A document's content as Terraform hands it to AWS: the escapes `$${` and `%%{` read as `${` and `%{`, references left as written. */
const unescaped = (content: string) => content.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');

describe.each([
  ['the primary declared active (default)', {}, EAST],
  ['the replica declared active (failover.activeRegion)', { failover: { activeRegion: WEST } }, WEST],
])('ActiveColdDeployment with a codec server, a proxy and starters, %s', (_name, overrides, declared) => {
  const dep = deploy((scope) => new ActiveColdDeployment(scope, 'Orders', coldProps(overrides)));
  const { json } = dep;
  const unit = unitOf(dep);

  test.each([EAST, WEST])('with the live state %s, that region\'s fleets and components run at full size and the other region\'s at zero', (live) => {
    for (const region of [EAST, WEST]) {
      const active = region === live;
      const services = servicesIn(json, region, live);
      const fleets = services.filter((s) => s.range);
      const components = services.filter((s) => !s.range);
      expect(fleets).toHaveLength(2);
      expect(components).toHaveLength(2);
      // Full size: the sizes the user gave (workers 3..8, starters at the default 2..10).
      expect(fleets.map((f) => f.range).sort()).toEqual(active ? [[2, 10], [3, 8]] : [[0, 0], [0, 0]]);
      // Autoscaled fleets: created with the state's count, then autoscaling owns it (a routine apply never resets it).
      expect(fleets.map((f) => f.desiredCount).sort()).toEqual(active ? [2, 3] : [0, 0]);
      for (const f of fleets) expect(f.ignored).toEqual(['desired_count']);
      // Components (fixed size): the count the state says, at every apply.
      expect(components.map((c) => c.desiredCount).sort()).toEqual(active ? [2, 3] : [0, 0]);
      for (const c of components) expect(c.ignored).toBeUndefined();
    }
  });

  test('the configuration reads the state: every count that follows it is a conditional on the region\'s own state reader', () => {
    for (const s of [...resourcesOf(json, 'aws_ecs_service'), ...resourcesOf(json, 'aws_appautoscaling_target')]) {
      for (const key of ['desired_count', 'min_capacity', 'max_capacity'].filter((k) => k in s.body)) {
        expect(s.body[key]).toMatch(CONDITIONAL);
        expect(CONDITIONAL.exec(s.body[key])![2]).toBe(s.region);
      }
    }
    // The tag says the state during normal operation: the declared one.
    const workers = resourcesOf(json, 'aws_ecs_service').filter((s) => s.body.tags.TemporalFleet === 'workers');
    expect(workers.map((s) => [s.region, s.body.tags.TemporalFleetState]).sort())
      .toEqual([[EAST, declared === EAST ? 'active' : 'cold-standby'], [WEST, declared === WEST ? 'active' : 'cold-standby']]);
  });

  test('each region\'s state parameter is created with the declared value, ignores later writes, and is replaced when the declaration changes', () => {
    expect(unit.declaredActiveRegion).toBe(declared);
    const parameters = resourcesOf(json, 'aws_ssm_parameter');
    const [trigger] = resourcesOf(json, 'terraform_data');
    expect(resourcesOf(json, 'terraform_data')).toHaveLength(1);
    expect(trigger.body.input).toEqual({ activeRegion: declared });
    expect(parameters.map((p) => p.region).sort()).toEqual([EAST, WEST]);
    for (const p of parameters) {
      expect(p.body).toMatchObject({ name: unit.parameterName, type: 'String', value: declared });
      expect(p.body.lifecycle).toEqual({ ignore_changes: ['value'], replace_triggered_by: [`terraform_data.${trigger.name}`] });
    }
  });

  test('each region reads its own parameter after creating it; a value that is not one of the unit\'s regions stops the plan with a clear message', () => {
    const parameters = resourcesOf(json, 'aws_ssm_parameter');
    const readers = resourcesOf(json, 'aws_ssm_parameter', 'data');
    expect(readers.map((r) => r.region).sort()).toEqual([EAST, WEST]);
    for (const r of readers) {
      const own = parameters.find((p) => p.region === r.region)!;
      expect(r.body.depends_on).toEqual([`aws_ssm_parameter.${own.name}`]);
      expect(r.body.name).toBe(`\${aws_ssm_parameter.${own.name}.name}`);
      const [check] = r.body.lifecycle.postcondition;
      expect(check.condition).toBe('${contains(["us-east-1", "us-west-2"], self.insecure_value)}');
      expect(check.error_message).toContain(`The failover state parameter ${unit.parameterName} in ${r.region} holds "\${self.insecure_value}"`);
      expect(check.error_message).toContain('(us-east-1, us-west-2)');
      expect(check.error_message).toContain(`aws ssm put-parameter --overwrite --name ${unit.parameterName} --value <region>`);
    }
  });

  test('the PRIMARY failover records are gated by the state: threshold 1 while the primary is active, 2 (always unhealthy) otherwise', () => {
    const checks = resourcesOf(json, 'aws_route53_health_check');
    const gates = checks.filter((h) => h.body.type === 'CALCULATED');
    expect(gates.map((g) => g.body.tags[GATE_TAG]).sort()).toEqual(['orders/codec', 'orders/proxy']);
    for (const gate of gates) {
      for (const live of [EAST, WEST]) {
        // The gate is global (Route 53); it reads the state of its record's primary region.
        const readers = resourcesOf(json, 'aws_ssm_parameter', 'data');
        const reader = readers.find((r) => r.name === CONDITIONAL.exec(gate.body.child_health_threshold)![1])!;
        expect(reader.region).toBe(EAST);
        expect(evaluate(json, { ...gate, region: EAST }, live).child_health_threshold).toBe(live === EAST ? 1 : 2);
      }
      const [child] = gate.body.child_healthchecks;
      const primary = checks.find((h) => child === `\${aws_route53_health_check.${h.name}.id}`)!;
      expect(primary.body).toMatchObject({ type: 'CLOUDWATCH_METRIC', cloudwatch_alarm_region: EAST });
      const records = resourcesOf(json, 'aws_route53_record').filter((r) => r.body.health_check_id === `\${aws_route53_health_check.${gate.name}.id}`);
      expect(records.map((r) => r.body.failover_routing_policy.type)).toEqual(['PRIMARY']);
    }
  });

  test.each([EAST, WEST])('the runbooks of %s name exactly that region\'s cluster and services; the role has exactly the core\'s statements', (region) => {
    const runbook = unit.runbooks.find((r) => r.awsRegion === region)!;
    const documents = resourcesOf(json, 'aws_ssm_document').filter((x) => x.region === region);
    expect(documents.map((x) => [x.body.name, x.body.document_type, x.body.document_format]).sort()).toEqual([
      [runbook.activateDocumentName, 'Automation', 'JSON'], [runbook.standbyDocumentName, 'Automation', 'JSON'],
    ]);
    // Every ECS service of the region follows the state here; the documents refer to those, the region's cluster, partition and account.
    const own = (type: string, kind: 'resource' | 'data' = 'resource') =>
      resourcesOf(json, type, kind).filter((x) => x.region === region).map((x) => `${kind === 'data' ? 'data.' : ''}${type}.${x.name}`);
    const services = own('aws_ecs_service');
    expect(services).toHaveLength(4);
    for (const doc of documents) {
      const referenced = references(doc.body.content);
      expect([...referenced].filter((r) => r.startsWith('aws_ecs_service.')).sort()).toEqual(services.sort());
      expect([...referenced].filter((r) => !r.startsWith('aws_ecs_service.')).every((r) =>
        own('aws_ecs_cluster').includes(r) || own('aws_partition', 'data').includes(r) || own('aws_caller_identity', 'data').includes(r))).toBe(true);
    }
    // The documents and the policy are the core's, with this region's references as the deployment rendered them.
    const stack = dep.deployment.stack;
    const refs = refsOf(dep.deployment, region);
    const core = failoverRunbookDocuments(dep.plan, unit, region, refs);
    const content = (name: string) => JSON.parse(unescaped(documents.find((x) => x.body.name === name)!.body.content));
    expect(content(runbook.activateDocumentName)).toEqual(resolveIn(stack, core.activate));
    expect(content(runbook.standbyDocumentName)).toEqual(resolveIn(stack, core.standby));
    const [role] = resourcesOf(json, 'aws_iam_role').filter((r) => r.body.name === runbook.roleName);
    expect(role.region).toBe(region);
    expect(JSON.parse(role.body.assume_role_policy).Statement).toEqual([{
      Effect: 'Allow',
      Principal: { Service: 'ssm.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:SourceAccount': resolveIn(stack, refs.account) } },
    }]);
    const policies = resourcesOf(json, 'aws_iam_role_policy').filter((p) => p.body.role === `\${aws_iam_role.${role.name}.id}`);
    expect(policies).toHaveLength(1);
    expect(resourcesOf(json, 'aws_iam_role_policy_attachment').filter((p) => p.body.role.includes(role.name))).toEqual([]);
    const statements = JSON.parse(policies[0].body.policy).Statement;
    expect(statements).toEqual(resolveIn(stack, failoverRunbookPolicy(dep.plan, unit, region, refs).map((x) => ({
      Sid: x.sid, Effect: 'Allow', Action: x.actions, Resource: x.resources, ...(x.conditions ? { Condition: x.conditions } : {}),
    }))));
    expect(statements.every((x: any) => x.Effect === 'Allow' && !x.Action.includes('*'))).toBe(true);
  });

  test('outputs name the state parameter and the activate runbook in each region (no baked-in failover count)', () => {
    const outputs = Object.entries(json.output ?? {});
    expect(outputs.filter(([k]) => /FailoverDesiredCount|WorkersDesiredCount|StartersDesiredCount/.test(k))).toEqual([]);
    for (const region of [EAST, WEST]) {
      const mine = outputs.filter(([k]) => k.includes(`_${region}_`));
      expect(mine.find(([k]) => k.includes('StateParameter'))![1].value).toBe(unit.parameterName);
      expect(mine.find(([k]) => k.includes('ActivateRunbook'))![1].description)
        .toContain(`--document-name ${unit.runbooks.find((r) => r.awsRegion === region)!.activateDocumentName}`);
    }
  });
});

test('the declared active region changes nothing but the state parameters\' value, the trigger\'s input and the state tags: an apply keeps a runbook\'s state', () => {
  const synth = (overrides: Partial<ActiveColdDeploymentProps>) => deploy((scope) => new ActiveColdDeployment(scope, 'Orders', coldProps(overrides))).json;
  // The tags that say a service's state during normal operation (the declared one), taken out to compare the rest.
  const stateTags = (json: TfJson) => {
    const copy: any = JSON.parse(JSON.stringify(json));
    const tags: string[] = [];
    for (const [type, resources] of Object.entries<any>(copy.resource)) {
      for (const [name, body] of Object.entries<any>(resources)) {
        for (const key of ['TemporalFleetState', 'TemporalComponentState'].filter((k) => body.tags?.[k] !== undefined)) {
          tags.push(`${type}.${name} ${key}=${body.tags[key]}`);
          delete body.tags[key];
        }
      }
    }
    return { rest: copy, tags: tags.sort() };
  };
  const primary = synth({});
  // Declaring the default explicitly: the same configuration, so Terraform changes nothing (the parameter keeps a runbook's value).
  expect(synth({ failover: { activeRegion: EAST } })).toEqual(primary);
  // Declaring the replica: the trigger's input changes (which replaces the parameters, written with the new value), and the state tags.
  const replica = stateTags(synth({ failover: { activeRegion: WEST } }));
  const expected = stateTags(primary);
  for (const p of Object.values<any>(expected.rest.resource.aws_ssm_parameter)) p.value = WEST;
  for (const t of Object.values<any>(expected.rest.resource.terraform_data)) t.input = { activeRegion: WEST };
  expect(replica.rest).toEqual(expected.rest);
  const swapped = expected.tags.map((t) => t.replace(/=active$/, '=<was active>').replace(/=cold-standby$/, '=active').replace(/=<was active>$/, '=cold-standby'));
  expect(replica.tags).toEqual(swapped);
  expect(replica.tags.length).toBeGreaterThan(0);
});

describe.each([
  ['ActiveHotDeployment', (scope: Construct) => new ActiveHotDeployment(scope, 'Orders', {
    ...coldProps(), starters: undefined, namespace: { ...coldProps().namespace, pollerForwarding: PollerForwarding.DISABLED },
  })],
  ['ActiveActiveDeployment', (scope: Construct) => new ActiveActiveDeployment(scope, 'Orders', { ...coldProps(), starters: undefined })],
])('%s: state, gates and runbooks, but no capacity switching', (_name, make) => {
  const dep = deploy(make);
  const { json } = dep;
  const unit = unitOf(dep);

  test('the state parameters, their readers and the runbooks exist in both regions', () => {
    expect(resourcesOf(json, 'aws_ssm_parameter').map((p) => [p.region, p.body.name, p.body.value]).sort())
      .toEqual([[EAST, unit.parameterName, EAST], [WEST, unit.parameterName, EAST]]);
    expect(resourcesOf(json, 'aws_ssm_parameter', 'data').map((r) => r.region).sort()).toEqual([EAST, WEST]);
    for (const region of [EAST, WEST]) {
      expect(resourcesOf(json, 'aws_ssm_document').filter((x) => x.region === region)).toHaveLength(2);
      expect(resourcesOf(json, 'aws_iam_role').filter((r) => r.body.name === unit.runbooks.find((x) => x.awsRegion === region)!.roleName))
        .toHaveLength(1);
    }
  });

  test('every service keeps its own counts whatever the state (no conditional on counts)', () => {
    for (const s of [...resourcesOf(json, 'aws_ecs_service'), ...resourcesOf(json, 'aws_appautoscaling_target')]) {
      for (const key of ['desired_count', 'min_capacity', 'max_capacity'].filter((k) => k in s.body)) expect(typeof s.body[key]).toBe('number');
    }
    for (const region of [EAST, WEST]) expect(servicesIn(json, region, EAST)).toEqual(servicesIn(json, region, WEST));
  });

  test('the PRIMARY failover records are gated by the state', () => {
    const gates = resourcesOf(json, 'aws_route53_health_check').filter((h) => h.body.type === 'CALCULATED');
    expect(gates.length).toBe(2);
    for (const g of gates) {
      for (const live of [EAST, WEST]) expect(evaluate(json, { ...g, region: EAST }, live).child_health_threshold).toBe(live === EAST ? 1 : 2);
    }
  });
});

test('regionally sharded namespaces: one state, reader set and runbook set per shard that spans two AWS regions', () => {
  const shard = (name: string, primaryRegion: string, replicaRegion: string, activeRegion?: string) => ({
    name,
    namespace: { name, accountId: 'a1b2c', primaryRegion, replicaRegion },
    pattern: ShardPattern.ACTIVE_COLD,
    credentials: TemporalCredentials.apiKeyFromSecretName(`temporal/${name}/api-key`),
    workers: { image: 'ghcr.io/acme/orders-worker:1' },
    activeRegion,
  });
  const dep = deploy((scope) => new RegionallyShardedNamespaces(scope, 'Orders', {
    shards: [shard('orders-a', EAST, WEST), shard('orders-b', WEST, 'us-east-2', 'us-east-2')],
  }));
  const { json, plan } = dep;
  expect(plan.failover.units.map((u) => [u.id, u.regions, u.declaredActiveRegion])).toEqual([
    ['orders-a', [EAST, WEST], EAST], ['orders-b', [WEST, 'us-east-2'], 'us-east-2'],
  ]);
  for (const unit of plan.failover.units) {
    const parameters = resourcesOf(json, 'aws_ssm_parameter').filter((p) => p.body.name === unit.parameterName);
    expect(parameters.map((p) => [p.region, p.body.value]).sort()).toEqual(unit.regions.map((r) => [r, unit.declaredActiveRegion]).sort());
    for (const region of unit.regions) {
      // Each shard's Workers follow their own shard's state, read in their region.
      const workers = resourcesOf(json, 'aws_ecs_service').find((s) => s.region === region && s.body.tags.TemporalNamespace === unit.namespace)!;
      expect(evaluate(json, workers, region).desired_count).toBeGreaterThan(0);
      expect(evaluate(json, workers, unit.regions.find((r) => r !== region)!).desired_count).toBe(0);
      const reader = resourcesOf(json, 'aws_ssm_parameter', 'data').find((r) => r.name === CONDITIONAL.exec(workers.body.desired_count)![1])!;
      expect(reader.body.name).toBe(`\${aws_ssm_parameter.${parameters.find((p) => p.region === region)!.name}.name}`);
      expect(resourcesOf(json, 'aws_ssm_document').filter((x) => x.region === region).map((x) => x.body.name))
        .toEqual(expect.arrayContaining([unit.runbooks.find((r) => r.awsRegion === region)!.activateDocumentName]));
    }
  }
});

describe('TemporalFailoverRecord used on its own with a primaryGate', () => {
  function gated(primaryGate: { tag: string; healthThreshold?: number }) {
    const stack = newStack();
    const target = (awsRegion: string) => {
      const provider = new AwsProvider(stack, `aws-${awsRegion}`, { region: awsRegion, alias: awsRegion });
      const loadBalancer = new Lb(stack, `Lb-${awsRegion}`, { provider, name: `codec-${awsRegion}`, internal: true, loadBalancerType: 'application' });
      const targetGroup = new LbTargetGroup(stack, `Tg-${awsRegion}`, { provider, name: `codec-${awsRegion}`, port: 8080, protocol: 'HTTP', targetType: 'ip' });
      return { awsRegion, provider, loadBalancer, targetGroup, loadBalancerType: 'application' };
    };
    const primary = target(EAST);
    const record = new TemporalFailoverRecord(stack, 'CodecFailover', {
      provider: primary.provider, zoneId: 'Z0123456789', recordName: 'codec.orders.temporal.internal', primary, secondary: target(WEST), primaryGate,
    });
    return { json: synthStack(stack), record };
  }

  test('the PRIMARY record answers through a CALCULATED check over its own, open by default, tagged for the runbooks; the SECONDARY is not gated', () => {
    const { json, record } = gated({ tag: 'orders/codec' });
    const checks = resourcesOf(json, 'aws_route53_health_check');
    const gate = checks.find((c) => c.body.type === 'CALCULATED')!;
    expect(record.primaryGateHealthCheck).toBeDefined();
    expect(gate.body).toMatchObject({ child_health_threshold: 1, tags: { [GATE_TAG]: 'orders/codec' } });
    expect(gate.body.child_healthchecks).toEqual([`\${aws_route53_health_check.${checks.find((c) => c.body.cloudwatch_alarm_region === EAST)!.name}.id}`]);
    const records = resourcesOf(json, 'aws_route53_record');
    expect(records.map((r) => [r.body.failover_routing_policy.type, r.body.health_check_id.includes(gate.name)])).toEqual([['PRIMARY', true], ['SECONDARY', false]]);
  });

  test('a closed gate (threshold 2, more than its one child) sends Route 53 to the SECONDARY', () => {
    const { json } = gated({ tag: 'orders/codec', healthThreshold: 2 });
    expect(resourcesOf(json, 'aws_route53_health_check').filter((c) => c.body.type === 'CALCULATED').map((c) => c.body.child_health_threshold)).toEqual([2]);
  });
});

describe('recoveryTimeObjectiveSeconds: the estimate is checked against it before any resource is created', () => {
  // Default settings: a namespace, credentials and a Worker image.
  const defaults = { namespace: coldProps().namespace, credentials: coldProps().credentials, workers: { image: 'ghcr.io/acme/orders-worker:1' } };

  test('Active/Cold with default sizes cannot meet 60 s: one error naming the largest part and the pattern that would', () => {
    const stack = newStack();
    const err = errorOf(() => new ActiveColdDeployment(stack, 'Orders', { ...defaults, recoveryTimeObjectiveSeconds: 60 }));
    expect(err).toBeInstanceOf(TemporalHaValidationError);
    expect(err.message).toContain('[TEMPORAL_RECOVERY_TIME_OBJECTIVE] stack/Orders: recoveryTimeObjective = 60 s');
    expect(err.message).toContain('over the objective of 60 s');
    expect(err.message).toContain('use Active/Hot (ActiveHotDeployment)');
    expect(resourcesOf(synthStack(stack), 'aws_ecs_service')).toEqual([]);
  });

  test('Active/Hot with default settings meets 60 s', () => {
    const dep = deploy((scope) => new ActiveHotDeployment(scope, 'Orders', {
      ...defaults, namespace: { ...defaults.namespace, pollerForwarding: PollerForwarding.DISABLED }, recoveryTimeObjectiveSeconds: 60,
    }));
    expect(dep.plan.failover.recoveryTimeObjectiveSeconds).toBe(60);
    expect(resourcesOf(dep.json, 'aws_ecs_service').length).toBeGreaterThan(0);
  });
});

test('two deployments with one failover name in one app: the second is refused (their resources would collide)', () => {
  const app = new App();
  new ActiveColdDeployment(new TerraformStack(app, 'team-a'), 'Orders', coldProps());
  const err = errorOf(() => new ActiveColdDeployment(new TerraformStack(app, 'team-b'), 'Orders', coldProps()));
  expect(err.message).toContain("[TEMPORAL_FAILOVER_SETTINGS] team-b/Orders: failover.name = (not set): defaults to 'orders' (from the construct id), "
    + 'which is already the failover name of team-a/Orders in this app');
  expect(() => new ActiveColdDeployment(new TerraformStack(app, 'team-c'), 'Orders', coldProps({ failover: { name: 'orders-c' } }))).not.toThrow();
});

describe('the test\'s own tools can fail', () => {
  const json: TfJson = {
    data: { aws_ssm_parameter: { east: { provider: 'aws.us-east-1' }, west: { provider: 'aws.us-west-2' } } },
    provider: { aws: [{ alias: 'us-east-1', region: EAST }, { alias: 'us-west-2', region: WEST }] },
    resource: {
      aws_ecs_service: {
        baked: { provider: 'aws.us-east-1', desired_count: 2 },
        other: { provider: 'aws.us-east-1', desired_count: '${(data.aws_ssm_parameter.west.insecure_value == "us-west-2") ? 2 : 0}' },
        unknown: { provider: 'aws.us-east-1', desired_count: '${data.aws_ssm_parameter.east.insecure_value == "us-east-1" ? 2 : 0}' },
      },
    },
  };
  const service = (name: string) => resourcesOf(json, 'aws_ecs_service').find((s) => s.name === name)!;

  test('a configuration that bakes the state in reads the same for every live value', () => {
    expect(evaluate(json, service('baked'), EAST)).toEqual(evaluate(json, service('baked'), WEST));
  });

  test('a conditional on another region\'s state, or of another shape, is refused', () => {
    expect(() => evaluate(json, service('other'), EAST)).toThrow('reads the state of us-west-2');
    expect(() => evaluate(json, service('unknown'), EAST)).toThrow('cannot evaluate');
  });

  test('Terraform\'s template sequences in a runbook are escaped; the engine\'s references are not', () => {
    expect(terraformLiteral('echo ${HOME} %{if x} ${TfToken[TOKEN.1]}')).toBe('echo $${HOME} %%{if x} ${TfToken[TOKEN.1]}');
    expect(unescaped(terraformLiteral('a ${b} %{c}'))).toBe('a ${b} %{c}');
  });
});

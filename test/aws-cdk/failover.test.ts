/**
 * The failover state in CloudFormation: per-region state stacks, templates that read the live state (an `AWS::SSM::Parameter::Value<String>`
 * parameter, conditions, a rule), capacities and gates by the state, and the runbooks with their role. A small evaluator resolves a template's
 * conditions for a given live value, as CloudFormation would at deploy time.
 */
import { App, Aws, CfnParameter, Duration, Stack, Stage } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { evaluateState, STATE_PARAMETER_TYPE } from './state';
import { errorOf } from './support';
import {
  ActiveActiveDeployment,
  ActiveColdDeployment,
  ActiveColdDeploymentProps,
  ActiveHotDeployment,
  ComponentRouting,
  Connectivity,
  DeploymentPattern,
  PollerForwarding,
  RegionallyShardedNamespaces,
  TemporalCredentials,
} from '../../lib';
import { failoverRunbookDocuments, failoverRunbookPolicy, RunbookRefs } from '../../lib/core/components/failover-runbook';
import { pascal } from '../../lib/core/deployment-props';
import type { DeploymentPlan, PlannedFailoverUnit, ServiceRef } from '../../lib/core/plan';

const SSM_TYPE = STATE_PARAMETER_TYPE;
const CERTS = { 'us-east-1': 'arn:aws:acm:us-east-1:111111111111:certificate/a', 'us-west-2': 'arn:aws:acm:us-west-2:111111111111:certificate/b' };
const EAST = 'us-east-1';
const WEST = 'us-west-2';

function coldProps(overrides: Partial<ActiveColdDeploymentProps> = {}): ActiveColdDeploymentProps {
  return {
    namespace: { name: 'orders', accountId: 'a1b2c', primaryRegion: EAST, replicaRegion: WEST },
    credentials: TemporalCredentials.apiKeyFromSecretName('temporal/orders/api-key'),
    connectivity: Connectivity.privateLink(),
    workers: { image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/orders-worker:1'), minCapacity: 3, maxCapacity: 8 },
    starters: { image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/orders-starter:1') },
    componentRouting: ComponentRouting.FAILOVER_DNS,
    failoverDomainName: 'orders.temporal.internal',
    codecServer: { image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/codec:1'), certificateArns: CERTS, desiredCount: 3 },
    proxy: { image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/proxy:1') },
    account: '111111111111',
    ...overrides,
  };
}

type TemporalDeployment = ActiveColdDeployment | ActiveHotDeployment | ActiveActiveDeployment | RegionallyShardedNamespaces;

interface Deployed {
  readonly app: App;
  readonly plan: DeploymentPlan;
  /** Every stack of the deployment, synthesized, by stack name. */
  readonly templates: Map<string, any>;
  /** The stacks of the deployment in a region (regional, links, shards), not the state stack. */
  readonly stacksIn: (awsRegion: string) => Stack[];
  readonly stateStack: (awsRegion: string) => Stack;
}

function deployed(d: TemporalDeployment, app: App): Deployed {
  const assembly = app.synth();
  const templates = new Map(assembly.stacks.map((s) => [s.stackName, s.template]));
  const all = app.node.findAll().filter((c): c is Stack => Stack.isStack(c));
  return {
    app,
    plan: (d as any)._plan,
    templates,
    stacksIn: (r) => all.filter((s) => s.region === r && !s.stackName.endsWith('-state')),
    stateStack: (r) => all.find((s) => s.stackName === `${d.node.id}-${r}-state`)!,
  };
}

function evaluate(template: any, live: string): any {
  return evaluateState(template, () => live);
}

/** The ECS services of a region's stacks, as deployed with `live`: logical id, desired count, and the scalable target's range when it has one. */
function servicesIn(dep: Deployed, awsRegion: string, live: string) {
  return dep.stacksIn(awsRegion).flatMap((stack) => {
    const t = evaluate(dep.templates.get(stack.stackName), live);
    const entries = Object.entries<any>(t.Resources);
    const targets = entries.filter(([, r]) => r.Type === 'AWS::ApplicationAutoScaling::ScalableTarget').map(([, r]) => r.Properties);
    return entries.filter(([, r]) => r.Type === 'AWS::ECS::Service').map(([id, r]) => {
      const target = targets.find((p) => JSON.stringify(p.ResourceId).includes(`"${id}"`));
      return {
        id: `${stack.stackName}/${id}`,
        desiredCount: r.Properties.DesiredCount as number | undefined,
        hasDesiredCount: 'DesiredCount' in r.Properties,
        range: target && [target.MinCapacity, target.MaxCapacity],
      };
    });
  });
}

/** The resources of a template of a type, as [logical id, properties]. */
function resourcesOf(template: any, type: string): Array<[string, any]> {
  return Object.entries<any>(template.Resources).filter(([, r]) => r.Type === type).map(([id, r]) => [id, r.Properties]);
}

/**
 * The resources (`<stack name>/<logical id>`) a value refers to: `Ref`/`Fn::GetAtt` in its own stack, and `Fn::GetStackOutput` followed to the
 * producing stack's output.
 */
function referencedResources(dep: Deployed, stackName: string, value: any, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    value.forEach((v) => referencedResources(dep, stackName, v, out));
  } else if (value && typeof value === 'object') {
    if (typeof value.Ref === 'string' && !value.Ref.startsWith('AWS::')) {
      out.add(`${stackName}/${value.Ref}`);
    } else if (value['Fn::GetAtt']) {
      out.add(`${stackName}/${value['Fn::GetAtt'][0]}`);
    } else if (value['Fn::GetStackOutput']) {
      const { StackName, OutputName } = value['Fn::GetStackOutput'];
      referencedResources(dep, StackName, dep.templates.get(StackName).Outputs[OutputName].Value, out);
    } else {
      Object.values(value).forEach((v) => referencedResources(dep, stackName, v, out));
    }
  }
  return out;
}

function unitOf(dep: Deployed, id = 'main'): PlannedFailoverUnit {
  const unit = dep.plan.failover.units.find((u) => u.id === id)!;
  expect(unit).toBeDefined();
  return unit;
}

/**
 * The runbooks of a unit in a region: two Automation documents named by the plan that refer to exactly the region's ECS cluster and the services
 * that follow the state (`services` of them) and nothing else, equal to the core's documents with the deployment's names; a role with exactly the
 * core's statements and no other policy. Returns the stack they are in.
 */
function expectRunbooks(d: TemporalDeployment, dep: Deployed, unit: PlannedFailoverUnit, region: string, services: number): string {
  const runbook = unit.runbooks.find((r) => r.awsRegion === region)!;
  const owners = dep.stacksIn(region).filter((s) => resourcesOf(dep.templates.get(s.stackName), 'AWS::SSM::Document')
    .some(([, p]) => p.Name === runbook.activateDocumentName));
  expect(owners).toHaveLength(1);
  const stack = owners[0];
  const t = dep.templates.get(stack.stackName);
  const documents = resourcesOf(t, 'AWS::SSM::Document').filter(([, p]) => [runbook.activateDocumentName, runbook.standbyDocumentName].includes(p.Name));
  expect(documents.map(([, p]) => [p.Name, p.DocumentType, p.UpdateMethod]).sort()).toEqual([
    [runbook.activateDocumentName, 'Automation', 'NewVersion'], [runbook.standbyDocumentName, 'Automation', 'NewVersion'],
  ]);
  // The region's ECS services whose counts follow the state, and its cluster: the documents refer to those, nothing else.
  const condition = `TemporalHaActive${pascal(`${dep.plan.failover.name}-${unit.id}`)}`;
  const follows = (r: any) => r.Type === 'AWS::ECS::Service' && String(r.Properties.DesiredCount?.['Fn::If']?.[0]).startsWith(condition);
  const ofRegion = (test: (r: any) => boolean) => dep.stacksIn(region).flatMap((s) => Object.entries<any>(dep.templates.get(s.stackName).Resources)
    .filter(([, r]) => test(r)).map(([id]) => `${s.stackName}/${id}`));
  const scaled = ofRegion(follows);
  expect(scaled).toHaveLength(services);
  const expected = new Set(services > 0 ? [...scaled, ...ofRegion((r) => r.Type === 'AWS::ECS::Cluster')] : []);
  for (const [, doc] of documents) expect(referencedResources(dep, stack.stackName, doc.Content)).toEqual(expected);
  // The documents and the policy are the core's, with this region's names as the deployment's stacks give them (resolved in this stack).
  const refs = refsOf(d, region);
  const core = failoverRunbookDocuments(dep.plan, unit, region, refs);
  expect(documents.find(([, p]) => p.Name === runbook.activateDocumentName)![1].Content).toEqual(stack.resolve(core.activate));
  expect(documents.find(([, p]) => p.Name === runbook.standbyDocumentName)![1].Content).toEqual(stack.resolve(core.standby));
  const roles = resourcesOf(t, 'AWS::IAM::Role').filter(([, r]) => r.RoleName === runbook.roleName);
  expect(roles).toHaveLength(1);
  const [[roleId, role]] = roles;
  expect(role.AssumeRolePolicyDocument.Statement).toEqual([expect.objectContaining({
    Effect: 'Allow', Principal: { Service: 'ssm.amazonaws.com' }, Action: 'sts:AssumeRole',
  })]);
  expect(role.Policies).toHaveLength(1);
  const statements = role.Policies[0].PolicyDocument.Statement;
  expect(statements).toEqual(stack.resolve(failoverRunbookPolicy(dep.plan, unit, region, refs).map((x) => ({
    Sid: x.sid, Effect: 'Allow', Action: x.actions, Resource: x.resources, ...(x.conditions ? { Condition: x.conditions } : {}),
  }))));
  expect(statements.every((x: any) => x.Effect === 'Allow' && !x.Action.includes('*'))).toBe(true);
  // No other policy is attached to the role by the CDK.
  for (const s of dep.stacksIn(region)) {
    const policies = [...resourcesOf(dep.templates.get(s.stackName), 'AWS::IAM::Policy'), ...resourcesOf(dep.templates.get(s.stackName), 'AWS::IAM::ManagedPolicy')];
    expect(policies.filter(([, p]) => JSON.stringify(p).includes(roleId))).toEqual([]);
  }
  return stack.stackName;
}

describe.each([
  ['the primary declared active (default)', {}, EAST],
  ['the replica declared active (failover.activeRegion)', { failover: { activeRegion: WEST } }, WEST],
])('ActiveColdDeployment with a codec server, a proxy and starters, %s', (_name, overrides, declared) => {
  const app = new App();
  const d = new ActiveColdDeployment(app, 'Orders', coldProps(overrides));
  const dep = deployed(d, app);
  const unit = unitOf(dep);
  const counts = (awsRegion: string) => {
    const fleets = dep.plan.regions.find((r) => r.awsRegion === awsRegion)!.fleets;
    return { workers: fleets.find((f) => f.role === 'worker')!, starters: fleets.find((f) => f.role === 'starter')! };
  };

  test.each([EAST, WEST])('with the live state %s, that region\'s fleets and components run at full size and the other region\'s at zero', (live) => {
    for (const region of [EAST, WEST]) {
      const active = region === live;
      const services = servicesIn(dep, region, live);
      const fleets = services.filter((s) => s.range);
      const components = services.filter((s) => !s.range);
      expect(fleets).toHaveLength(2);
      expect(components).toHaveLength(2);
      // Full size: the sizes the user gave (workers 3..8, starters at the default 2..10).
      const { workers, starters } = counts(region);
      expect(workers.failoverCapacity!.whenActive).toMatchObject({ minCapacity: 3, maxCapacity: 8 });
      expect(fleets.map((f) => f.range).sort()).toEqual(active
        ? [[2, 10], [3, 8]]
        : [[0, 0], [0, 0]]);
      expect([workers, starters].map((f) => [f.failoverCapacity!.whenActive.minCapacity, f.failoverCapacity!.whenActive.maxCapacity]).sort())
        .toEqual([[2, 10], [3, 8]]);
      // Autoscaled fleets: no desired count while active (autoscaling owns it), 0 on standby.
      for (const f of fleets) expect(active ? f.hasDesiredCount : f.desiredCount).toBe(active ? false : 0);
      expect(components.map((c) => c.desiredCount)).toEqual(active ? [3, 2] : [0, 0]);
    }
  });

  test('the templates read the state: an SSM-typed parameter whose default is the state parameter\'s name, never a literal state', () => {
    for (const region of [EAST, WEST]) {
      for (const stack of dep.stacksIn(region)) {
        const t = dep.templates.get(stack.stackName);
        const services = resourcesOf(t, 'AWS::ECS::Service');
        if (services.length === 0) continue;
        const state = Object.entries<any>(t.Parameters).filter(([, p]) => p.Type === SSM_TYPE && p.Default === unit.parameterName);
        expect(state).toHaveLength(1);
        for (const [, s] of services) expect(s.DesiredCount).toHaveProperty('Fn::If');
        for (const [, target] of resourcesOf(t, 'AWS::ApplicationAutoScaling::ScalableTarget')) {
          expect(target.MinCapacity).toHaveProperty('Fn::If');
          expect(target.MaxCapacity).toHaveProperty('Fn::If');
        }
        expect(Object.values<any>(t.Conditions)).toContainEqual({ 'Fn::Equals': [{ Ref: state[0][0] }, region] });
      }
    }
  });

  test('a rule fails the deploy, with a clear message, when the state holds a value that is not one of the unit\'s regions', () => {
    for (const stack of dep.stacksIn(WEST)) {
      const t = dep.templates.get(stack.stackName);
      const [name] = Object.entries<any>(t.Parameters ?? {}).find(([, p]) => p.Default === unit.parameterName) ?? [];
      if (!name) continue;
      const rules = Object.values<any>(t.Rules).flatMap((r) => r.Assertions);
      const rule = rules.find((a) => JSON.stringify(a.Assert).includes(`"${name}"`));
      expect(rule.Assert).toEqual({ 'Fn::Contains': [[EAST, WEST], { Ref: name }] });
      expect(rule.AssertDescription).toContain(`${unit.parameterName} (the active region of orders.a1b2c) must be one of us-east-1, us-west-2`);
      expect(rule.AssertDescription).toContain('aws ssm put-parameter');
    }
  });

  test('each region\'s state stack creates the parameter with the declared value; the stacks that read it deploy after it', () => {
    expect(unit.declaredActiveRegion).toBe(declared);
    for (const region of [EAST, WEST]) {
      const state = dep.stateStack(region);
      expect(state.region).toBe(region);
      const params = resourcesOf(dep.templates.get(state.stackName), 'AWS::SSM::Parameter');
      expect(params).toEqual([[expect.any(String), expect.objectContaining({ Name: unit.parameterName, Type: 'String', Value: declared })]]);
      const reads = (s: Stack) => JSON.stringify(dep.templates.get(s.stackName).Parameters ?? {}).includes(unit.parameterName);
      const readers = dep.stacksIn(region).filter(reads);
      expect(readers.length).toBeGreaterThan(0);
      for (const reader of readers) expect(reader.dependencies).toContain(state);
    }
  });

  test('the PRIMARY failover records are gated by the state: threshold 1 while the primary is active, 2 (always unhealthy) otherwise', () => {
    for (const region of [EAST, WEST]) {
      const links = d.linksStacks[region];
      for (const live of [EAST, WEST]) {
        const t = evaluate(dep.templates.get(links.stackName), live);
        const checks = resourcesOf(t, 'AWS::Route53::HealthCheck');
        const gates = checks.filter(([, h]) => h.HealthCheckConfig.Type === 'CALCULATED');
        expect(gates.map(([, g]) => g.HealthCheckTags.find((x: any) => x.Key === 'temporal-ha:failover-gate').Value).sort())
          .toEqual(['orders/codec', 'orders/proxy']);
        for (const [gateId, gate] of gates) {
          expect(gate.HealthCheckConfig.HealthThreshold).toBe(live === EAST ? 1 : 2);
          const [{ Ref: child }] = gate.HealthCheckConfig.ChildHealthChecks;
          expect(checks.find(([id]) => id === child)![1].HealthCheckConfig.AlarmIdentifier.Region).toBe(EAST);
          const primary = resourcesOf(t, 'AWS::Route53::RecordSet').filter(([, r]) => r.Failover === 'PRIMARY' && r.HealthCheckId.Ref === gateId);
          expect(primary).toHaveLength(1);
        }
      }
    }
  });

  test.each([EAST, WEST])('the runbooks of %s name exactly that region\'s cluster and services; the role has exactly the core\'s statements', (region) => {
    expectRunbooks(d, dep, unit, region, 4);
  });

  test('outputs name the state parameter and the activate runbook in each region (no baked-in failover count)', () => {
    for (const region of [EAST, WEST]) {
      const outputs = dep.stacksIn(region).flatMap((s) => Object.entries<any>(dep.templates.get(s.stackName).Outputs ?? {}));
      expect(outputs.filter(([k]) => /FailoverDesiredCount|WorkersDesiredCount|StartersDesiredCount/.test(k))).toEqual([]);
      expect(outputs.find(([k]) => k.includes('StateParameter'))![1].Value).toBe(unit.parameterName);
      expect(outputs.find(([k]) => k.includes('ActivateRunbook'))![1].Description)
        .toContain(`--document-name ${unit.runbooks.find((r) => r.awsRegion === region)!.activateDocumentName}`);
    }
  });
});

test('the declared active region changes nothing but the state parameter\'s value: a routine deploy keeps a runbook\'s state', () => {
  const synth = (overrides: Partial<ActiveColdDeploymentProps>) => {
    const app = new App();
    return deployed(new ActiveColdDeployment(app, 'Orders', coldProps(overrides)), app).templates;
  };
  const primary = synth({});
  const again = synth({ failover: { activeRegion: EAST } });
  const replica = synth({ failover: { activeRegion: WEST } });
  for (const [name, template] of primary) {
    // Declaring the default explicitly: the same templates, so CloudFormation updates nothing (the parameter keeps a runbook's value).
    expect(again.get(name)).toEqual(template);
    const other = replica.get(name);
    if (!name.endsWith('-state')) {
      expect(other).toEqual(template);
      continue;
    }
    // Only the value changes: CloudFormation writes the parameter again because the declared value changed.
    const [[id, p]] = resourcesOf(template, 'AWS::SSM::Parameter');
    expect(other.Resources[id].Properties).toEqual({ ...p, Value: WEST });
    expect({ ...other, Resources: {} }).toEqual({ ...template, Resources: {} });
  }
});

test('two deployments with one failover name in one app: the second is refused before it creates anything (their resources would collide)', () => {
  const app = new App();
  new ActiveColdDeployment(new Stage(app, 'TeamA'), 'Orders', coldProps());
  const teamB = new Stage(app, 'TeamB');
  const err = errorOf(() => new ActiveColdDeployment(teamB, 'Orders', coldProps()));
  expect(err.message).toContain("[TEMPORAL_FAILOVER_SETTINGS] TeamB/Orders: failover.name = (not set): defaults to 'orders' (from the construct id), "
    + 'which is already the failover name of TeamA/Orders in this app');
  expect(teamB.node.findAll().filter((c) => Stack.isStack(c))).toHaveLength(0);
  // Another name resolves it.
  expect(() => new ActiveColdDeployment(teamB, 'Orders2', coldProps({ failover: { name: 'orders-b' } }))).not.toThrow();
});

test('the state stack is a sibling of a supplied regional stack, which deploys after it', () => {
  const app = new App();
  const east = new Stack(app, 'PlatformEast', { env: { account: '111111111111', region: EAST } });
  const west = new Stack(app, 'PlatformWest', { env: { account: '111111111111', region: WEST } });
  const d = new ActiveColdDeployment(east, 'Orders', coldProps({
    regions: { [EAST]: { stack: east }, [WEST]: { stack: west } }, componentRouting: undefined, failoverDomainName: undefined, proxy: undefined,
  }));
  const dep = deployed(d, app);
  for (const [region, stack] of [[EAST, east], [WEST, west]] as const) {
    const state = dep.stateStack(region);
    expect(state.node.scope).toBe(app);
    expect(state.stackName).toBe(`Orders-${region}-state`);
    expect(stack.dependencies).toContain(state);
    expect(JSON.stringify(dep.templates.get(stack.stackName).Parameters)).toContain(unitOf(dep).parameterName);
    // Fleets that resolve the other region's record deploy in the links stack: the runbooks are there too, after every service.
    expect(expectRunbooks(d, dep, unitOf(dep), region, 3)).toBe(`Orders-${region}-links`);
  }
});

test('on the public internet (no links stack), the runbooks and capacity alarms are in the regional stack', () => {
  const app = new App();
  const d = new ActiveColdDeployment(app, 'Orders', coldProps({
    connectivity: Connectivity.public(), componentRouting: undefined, failoverDomainName: undefined, proxy: undefined,
  }));
  const dep = deployed(d, app);
  expect(d.linksStacks).toEqual({});
  for (const region of [EAST, WEST]) {
    expect(expectRunbooks(d, dep, unitOf(dep), region, 3)).toBe(`Orders-${region}`);
    const alarms = resourcesOf(dep.templates.get(`Orders-${region}`), 'AWS::CloudWatch::Alarm').filter(([, a]) => a.MetricName === 'RunningTaskCount');
    expect(alarms).toHaveLength(3);
    for (const live of [EAST, WEST]) {
      const evaluated = resourcesOf(evaluate(dep.templates.get(`Orders-${region}`), live), 'AWS::CloudWatch::Alarm').filter(([, a]) => a.MetricName === 'RunningTaskCount');
      expect(evaluated.every(([, a]) => (live === region ? a.Threshold > 0 : a.Threshold === 0))).toBe(true);
    }
  }
});

describe('RegionallyShardedNamespaces: an Active/Cold shard beside an Active/Hot one', () => {
  const shard = (name: string, primaryRegion: string, replicaRegion: string, pattern: DeploymentPattern) => ({
    name,
    namespace: { name: `orders-${name}`, accountId: 'a1b2c', primaryRegion, replicaRegion, pollerForwarding: PollerForwarding.DISABLED },
    pattern,
    credentials: TemporalCredentials.apiKeyFromSecretName(`temporal/orders-${name}/api-key`),
    workers: { image: ecs.ContainerImage.fromRegistry(`ghcr.io/acme/orders-worker:${name}`) },
  });
  const app = new App();
  const d = new RegionallyShardedNamespaces(app, 'Orders', {
    connectivity: Connectivity.privateLink(),
    shards: [shard('east', EAST, WEST, DeploymentPattern.ACTIVE_HOT), shard('west', WEST, EAST, DeploymentPattern.ACTIVE_COLD)],
    account: '111111111111',
  });
  const dep = deployed(d, app);

  test('each shard is a unit with its own state parameter; the cold shard\'s fleets follow it, the hot shard\'s do not', () => {
    expect(dep.plan.failover.units.map((u) => [u.id, u.declaredActiveRegion])).toEqual([['east', EAST], ['west', WEST]]);
    for (const region of [EAST, WEST]) {
      const params = resourcesOf(dep.templates.get(dep.stateStack(region).stackName), 'AWS::SSM::Parameter').map(([, p]) => [p.Name, p.Value]).sort();
      expect(params).toEqual([['/temporal-ha/orders/east/active-region', EAST], ['/temporal-ha/orders/west/active-region', WEST]]);
      for (const live of [EAST, WEST]) {
        const west = servicesIn(dep, region, live).filter((s) => s.id.startsWith(`Orders-${region}-west/`));
        expect(west.map((s) => s.range)).toEqual([live === region ? [2, 10] : [0, 0]]);
      }
    }
  });

  test('the runbooks of each region deploy after the shards\' stacks, in a failover stack of the region\'s (the shards wait for the links)', () => {
    for (const region of [EAST, WEST]) {
      expect(expectRunbooks(d, dep, unitOf(dep, 'west'), region, 1)).toBe(`Orders-${region}-failover`);
      expect(expectRunbooks(d, dep, unitOf(dep, 'east'), region, 0)).toBe(`Orders-${region}-failover`);
    }
  });
});

describe.each([
  ['ActiveHotDeployment', () => {
    const app = new App();
    const namespace = { ...coldProps().namespace, pollerForwarding: PollerForwarding.DISABLED };
    return { app, d: new ActiveHotDeployment(app, 'Orders', { ...coldProps(), starters: undefined, namespace }) };
  }],
  ['ActiveActiveDeployment', () => {
    const app = new App();
    return { app, d: new ActiveActiveDeployment(app, 'Orders', { ...coldProps(), starters: undefined }) };
  }],
])('%s: state, gates and runbooks, but no capacity switching', (_name, make) => {
  const { app, d } = make();
  const dep = deployed(d, app);
  const unit = unitOf(dep);

  test('the state stacks and runbooks exist in both regions (the runbooks scale nothing)', () => {
    for (const region of [EAST, WEST]) {
      const params = resourcesOf(dep.templates.get(dep.stateStack(region).stackName), 'AWS::SSM::Parameter');
      expect(params.map(([, p]) => [p.Name, p.Value])).toEqual([[unit.parameterName, EAST]]);
      expectRunbooks(d, dep, unit, region, 0);
    }
  });

  test('every service keeps its own counts whatever the state (no Fn::If on counts)', () => {
    for (const region of [EAST, WEST]) {
      for (const stack of dep.stacksIn(region)) {
        const t = dep.templates.get(stack.stackName);
        for (const [, s] of resourcesOf(t, 'AWS::ECS::Service')) expect(typeof s.DesiredCount).toBe('number');
        for (const [, target] of resourcesOf(t, 'AWS::ApplicationAutoScaling::ScalableTarget')) {
          expect([typeof target.MinCapacity, typeof target.MaxCapacity]).toEqual(['number', 'number']);
        }
      }
      expect(servicesIn(dep, region, EAST)).toEqual(servicesIn(dep, region, WEST));
    }
  });

  test('the PRIMARY failover records are gated by the state', () => {
    const t = dep.templates.get(d.linksStacks[WEST].stackName);
    for (const live of [EAST, WEST]) {
      const gates = resourcesOf(evaluate(t, live), 'AWS::Route53::HealthCheck').filter(([, h]) => h.HealthCheckConfig.Type === 'CALCULATED');
      expect(gates.length).toBeGreaterThan(0);
      for (const [, g] of gates) expect(g.HealthCheckConfig.HealthThreshold).toBe(live === EAST ? 1 : 2);
    }
  });
});

/** The runbook references of a region, from the services the deployment rendered there (looked up by the plan's ids). */
function refsOf(d: TemporalDeployment, awsRegion: string): RunbookRefs {
  const rendered = (d as any)._rendered.get(awsRegion);
  const service = (s: ServiceRef): ecs.FargateService => (s.kind === 'fleet' ? rendered.fleetServices.get(s.id)
    : s.kind === 'codec-server' ? rendered.codecServers.get(s.id) : rendered.proxies.get(s.id)).service;
  return {
    partition: Aws.PARTITION, account: Aws.ACCOUNT_ID, clusterName: (s) => service(s).cluster.clusterName, serviceName: (s) => service(s).serviceName,
  };
}

test('the template evaluator can fail: a template that bakes the state in reads the same for every live value', () => {
  const baked = { Resources: { S: { Type: 'AWS::ECS::Service', Properties: { DesiredCount: 0 } } } };
  expect(evaluate(baked, EAST)).toEqual(evaluate(baked, WEST));
  const read = {
    Parameters: { P: { Type: SSM_TYPE, Default: '/temporal-ha/x/main/active-region' } },
    Conditions: { C: { 'Fn::Equals': [{ Ref: 'P' }, WEST] } },
    Resources: { S: { Type: 'AWS::ECS::Service', Properties: { DesiredCount: { 'Fn::If': ['C', { Ref: 'AWS::NoValue' }, 0] } } } },
  };
  expect(evaluate(read, EAST).Resources.S.Properties).toEqual({ DesiredCount: 0 });
  expect(evaluate(read, WEST).Resources.S.Properties).toEqual({});
  expect(Template.fromJSON(read as any).toJSON().Parameters.P.Type).toBe(SSM_TYPE);
});

describe('recoveryTimeObjective (a Duration) reaches the core as seconds', () => {
  const hotProps = () => ({
    namespace: { ...coldProps().namespace, pollerForwarding: PollerForwarding.DISABLED },
    credentials: coldProps().credentials,
    workers: { image: ecs.ContainerImage.fromRegistry('ghcr.io/acme/orders-worker:1') },
    account: '111111111111',
  });

  test('Active/Hot with default settings meets 60 s; Active/Cold does not, and the error says why and what would', () => {
    expect(() => new ActiveHotDeployment(new App(), 'Orders', { ...hotProps(), recoveryTimeObjective: Duration.seconds(60) })).not.toThrow();
    const e = errorOf(() => new ActiveColdDeployment(new App(), 'Orders', { ...hotProps(), recoveryTimeObjective: Duration.minutes(1) }));
    expect(e.message).toContain('[TEMPORAL_RECOVERY_TIME_OBJECTIVE]');
    expect(e.message).toContain('recoveryTimeObjective = 60 s');
    expect(e.message).toContain('use Active/Hot (ActiveHotDeployment)');
  });

  test('an objective unknown at synth is reported, not ignored', () => {
    const app = new App();
    const holder = new Stack(app, 'Holder');
    const seconds = new CfnParameter(holder, 'Rto', { type: 'Number' }).valueAsNumber;
    const e = errorOf(() => new ActiveHotDeployment(app, 'Orders', { ...hotProps(), recoveryTimeObjective: Duration.seconds(seconds) }));
    expect(e.message).toContain('[TEMPORAL_FAILOVER_SETTINGS]');
    expect(e.message).toContain('recoveryTimeObjective');
  });
});

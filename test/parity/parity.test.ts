/**
 * Parity: for every example scenario, the components derived from the CDK for Terraform output
 * equal the components lib/core planned; a renderer that drops or miswires one fails. One
 * synthesis per scenario, shared by its assertions.
 */
import { extractFromPlan, extractFromTerraform, ComponentSet } from './components';
import { SCENARIOS } from './scenarios';
import { synthStack, TfJson } from '../cdktf/support';

const synthesized = SCENARIOS.map((s) => {
  const deployment = s.build();
  return { name: s.name, plan: deployment._plan, json: synthStack(deployment.stack) };
});

describe.each(synthesized)('$name', ({ plan, json }) => {
  const planned = extractFromPlan(plan);

  test('every planned component is in the Terraform JSON, and nothing else', () => {
    expect(extractFromTerraform(json)).toEqual(planned);
  });

  test('the scenario exercises what it claims (non-empty component kinds)', () => {
    const kinds = (Object.keys(planned) as Array<keyof ComponentSet>).filter((k) => planned[k].length > 0);
    expect(kinds.length).toBeGreaterThanOrEqual(3);
  });
});

describe('the scenarios cover every kind of component', () => {
  test('across scenarios, no component kind is empty', () => {
    const union = synthesized.map((s) => extractFromPlan(s.plan));
    for (const kind of Object.keys(union[0]) as Array<keyof ComponentSet>) {
      expect({ kind, count: union.reduce((n, c) => n + c[kind].length, 0) }).toEqual({ kind, count: expect.any(Number) });
      expect(union.some((c) => c[kind].length > 0)).toBe(true);
    }
  });

  test('Active/Active plans a third region outside the namespace, reaching both namespace regions', () => {
    const aa = extractFromPlan(synthesized[2].plan);
    expect(aa.fleets).toContain('us-east-2 worker shipping.a1b2c active shipping.a1b2c.tmprl.cloud:7233');
    expect(aa.routes).toEqual(expect.arrayContaining(['us-east-2 -> us-east-1 vpc-peering', 'us-east-2 -> us-west-2 vpc-peering']));
  });
});

/** A copy of the JSON with one change, as a broken renderer would have written it. */
function broken(json: TfJson, change: (j: any) => void): TfJson {
  const copy = JSON.parse(JSON.stringify(json));
  change(copy);
  return copy;
}

const firstOf = (j: any, type: string, where: (b: any) => boolean = () => true): [string, any] =>
  Object.entries<any>(j.resource[type]).find(([, b]) => where(b))!;

describe('a deliberately broken renderer fails parity', () => {
  const [hot, cold, aa] = synthesized;
  test.each<[string, typeof hot, (j: any) => void, keyof ComponentSet]>([
    ['drops one private zone record', hot, (j) => { delete j.resource.aws_route53_record[firstOf(j, 'aws_route53_record', (b) => b.name.endsWith('.region.tmprl.cloud'))[0]]; }, 'zoneRecords'],
    ['points a record at the wrong region\'s endpoint', cold, (j) => {
      const endpoints = Object.keys(j.resource.aws_vpc_endpoint);
      const [, rec] = firstOf(j, 'aws_route53_record', (b) => b.name === 'aws-us-west-2.region.tmprl.cloud');
      rec.records = [`\${aws_vpc_endpoint.${endpoints.find((e) => e.includes('us-east-1'))}.dns_entry[0].dns_name}`];
    }, 'zoneRecords'],
    ['gives a Hot fleet the Namespace Endpoint', hot, (j) => {
      const [, td] = firstOf(j, 'aws_ecs_task_definition', (b) => b.container_definitions.includes('TEMPORAL_ADDRESS'));
      td.container_definitions = td.container_definitions.replace(/aws-us-[a-z0-9-]+\.region\.tmprl\.cloud:7233/, 'orders.a1b2c.tmprl.cloud:7233');
    }, 'fleets'],
    // The cold region's counts follow the failover state: `${(<state> == "us-west-2") ? <active> : <standby>}`; the break is in the standby side.
    ['starts the cold standby fleet', cold, (j) => {
      const [, s] = firstOf(j, 'aws_ecs_service', (b) => b.provider === 'aws.us-west-2' && b.tags.TemporalFleet && String(b.desired_count).endsWith(': 0}'));
      s.desired_count = s.desired_count.replace(/: 0\}$/, ': 2}');
    }, 'fleets'],
    ['leaves autoscaling able to start the cold fleet', cold, (j) => {
      const [, t] = firstOf(j, 'aws_appautoscaling_target', (b) => b.provider === 'aws.us-west-2' && String(b.min_capacity).endsWith(': 0}'));
      t.min_capacity = t.min_capacity.replace(/: 0\}$/, ': 2}');
    }, 'fleets'],
    ['forgets the route back from the peer VPC', cold, (j) => {
      for (const [name, r] of Object.entries<any>(j.resource.aws_route)) {
        if (r.vpc_peering_connection_id && r.provider === 'aws.us-west-2') delete j.resource.aws_route[name];
      }
    }, 'routes'],
    ['never accepts the peering connection', cold, (j) => { delete j.resource.aws_vpc_peering_connection_accepter; }, 'routes'],
    ['omits the peer CIDR on the endpoint', aa, (j) => {
      const [name] = firstOf(j, 'aws_vpc_security_group_ingress_rule', (b) => b.from_port === 7233 && b.provider === 'aws.us-east-1' && b.cidr_ipv4 && b.cidr_ipv4 !== '10.88.0.0/16');
      delete j.resource.aws_vpc_security_group_ingress_rule[name];
    }, 'routes'],
    ['points the proxy at another upstream', aa, (j) => {
      const [, td] = firstOf(j, 'aws_ecs_task_definition', (b) => b.container_definitions.includes('TEMPORAL_PROXY_UPSTREAM'));
      td.container_definitions = td.container_definitions.replace('shipping.a1b2c.tmprl.cloud:7233', 'aws-us-east-1.region.tmprl.cloud:7233');
    }, 'proxies'],
    ['health-checks a failover record over HTTP', aa, (j) => { for (const h of Object.values<any>(j.resource.aws_route53_health_check)) h.type = 'HTTPS'; }, 'failoverRecords'],
    ['swaps PRIMARY and SECONDARY', cold, (j) => {
      for (const r of Object.values<any>(j.resource.aws_route53_record)) {
        if (r.failover_routing_policy) r.failover_routing_policy.type = r.failover_routing_policy.type === 'PRIMARY' ? 'SECONDARY' : 'PRIMARY';
      }
    }, 'failoverRecords'],
    ['drops the serverless invoker policy', synthesized[4], (j) => {
      for (const [name, p] of Object.entries<any>(j.resource.aws_iam_role_policy)) if (p.policy.includes('lambda:InvokeFunction')) delete j.resource.aws_iam_role_policy[name];
    }, 'functions'],
  ])('%s', (_what, scenario, change, kind) => {
    const planned = extractFromPlan(scenario.plan);
    const rendered = extractFromTerraform(broken(scenario.json, change));
    expect(rendered).not.toEqual(planned);
    expect(rendered[kind]).not.toEqual(planned[kind]);
  });
});

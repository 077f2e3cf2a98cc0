import { execFileSync } from 'child_process';
import * as path from 'path';
import {
  ComponentRouting, CrossRegionRouteKind, DeploymentPattern, DeploymentPlan, DeploymentRequest, NetworkPath, planDeployment,
} from '../../../lib/core';
import { mermaidLabel, renderTopology } from '../../../lib/core/documents';
import { activeActiveRequest, coldRequest, hotRequest, serverlessRequest, shard, shardedRequest } from '../support';

/**
 * Parses Mermaid texts with Mermaid's own parser (`@mermaid-js/parser`, ESM only: run in a child process that imports it). Returns, per text, the
 * counts of what it found or the parser's error.
 */
function parseAll(texts: string[]): Array<{ ok: boolean; services?: number; groups?: number; edges?: number; error?: string }> {
  const script = `
    import { parse } from '@mermaid-js/parser';
    const texts = JSON.parse(await new Promise((resolve) => { let s = ''; process.stdin.on('data', (d) => { s += d; }); process.stdin.on('end', () => resolve(s)); }));
    const out = [];
    for (const text of texts) {
      try {
        const ast = await parse('architecture', text);
        out.push({ ok: true, services: ast.services.length, groups: ast.groups.length, edges: ast.edges.length });
      } catch (e) {
        out.push({ ok: false, error: String(e?.message ?? e) });
      }
    }
    process.stdout.write(JSON.stringify(out));
  `;
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    input: JSON.stringify(texts), cwd: path.join(__dirname, '..', '..', '..'), encoding: 'utf8',
  });
  return JSON.parse(stdout);
}

const REQUESTS: Record<string, DeploymentRequest> = {
  'Active/Hot with starters, proxies and failover names': hotRequest({ starters: true, components: { proxy: true, routing: ComponentRouting.FAILOVER_DNS } }),
  'Active/Cold with starters, proxies and failover names': coldRequest({ starters: true, components: { proxy: true, routing: ComponentRouting.FAILOVER_DNS } }),
  'Active/Cold over Transit Gateway': coldRequest({
    crossRegionRoute: CrossRegionRouteKind.TRANSIT_GATEWAY, transitGatewayIds: { 'us-east-1': 'tgw-east', 'us-west-2': 'tgw-west' },
  }),
  'Active/Active on the public internet in three regions': activeActiveRequest({ networkPath: NetworkPath.PUBLIC, workerRegions: ['us-east-1', 'us-west-2', 'us-east-2'] }),
  'serverless Workers': serverlessRequest(),
  'regionally sharded namespaces (Hot, Cold and a single region)': shardedRequest([
    shard('east', 'us-east-1', 'us-west-2'),
    shard('west', 'us-west-2', 'us-east-1', { pattern: DeploymentPattern.ACTIVE_COLD }),
    shard('local', 'us-east-2', undefined, { pattern: DeploymentPattern.SINGLE_REGION }),
  ], { components: { proxy: true } }),
};
const PLANS: Array<[string, DeploymentPlan]> = Object.entries(REQUESTS).map(([name, r]) => [name, planDeployment(r)]);
const TEXTS = PLANS.map(([, plan]) => renderTopology(plan));
const BROKEN = `${TEXTS[0]}  service broken(server)[no closing bracket\n`;
// One child process for every diagram (starting Node and loading the parser is the slow part).
const PARSED = parseAll([...TEXTS, BROKEN, `architecture-beta\n  service a(server)${mermaidLabel('orders [east]\nworkers: 2 tasks')}\n`]);

describe('the topology diagram parses with Mermaid\'s own parser', () => {
  test.each(PLANS.map(([name], i) => [name, i]))('%s', (_name, i) => {
    expect(PARSED[i as number]).toMatchObject({ ok: true });
    expect(PARSED[i as number].services).toBe((TEXTS[i as number].match(/^ {2}service /gm) ?? []).length);
    expect(PARSED[i as number].edges).toBeGreaterThan(0);
  });

  test('a broken diagram fails to parse (the check can fail)', () => {
    expect(PARSED[TEXTS.length]).toMatchObject({ ok: false });
  });

  test('labels with brackets and line breaks are written so that the title token ends where it should', () => {
    expect(mermaidLabel('orders [east]\nworkers: 2 tasks')).toBe('[orders (east) workers: 2 tasks]');
    expect(mermaidLabel('  ')).toBe('[-]');
    expect(PARSED[TEXTS.length + 1]).toMatchObject({ ok: true, services: 1 });
  });
});

describe('what the diagram shows', () => {
  test.each(PLANS.map(([name, plan], i) => [name, plan, TEXTS[i]]))('%s: every fleet, endpoint, record, component, route and function', (_name, p, t) => {
    const plan = p as DeploymentPlan;
    const text = t as string;
    for (const r of plan.regions) {
      expect(text).toContain(`[AWS ${r.awsRegion} `);
      for (const f of r.fleets) {
        expect(text).toContain(` (${f.id}) of ${f.namespace}: ${f.state}`);
        expect(text).toContain(f.viaProxy ? `[dials ${f.temporalAddress} through the proxy]` : `Endpoint ${f.temporalAddress}`);
      }
      for (const c of r.codecServers) expect(text).toContain(`[Codec server ${c.id}: `);
      for (const x of r.proxies) expect(text).toContain(`[Proxy ${x.id}: `);
      for (const fn of r.functions) expect(text).toContain(`[Serverless Workers of ${fn.namespace} (Lambda, Build ID ${fn.buildId})]`);
      if (r.privateLinkEndpoint) expect(text).toContain(`[PrivateLink endpoint ${r.privateLinkEndpoint.serviceName} port 7233]`);
      for (const z of r.zoneRecords) expect(text).toContain(`[Record ${z.name} to the ${z.targetRegion} VPC endpoint]`);
      for (const route of r.routes) expect(text).toMatch(new RegExp(`\\[${route.kind} route (${route.fromRegion} - ${route.toRegion}|${route.toRegion} - ${route.fromRegion})\\]`));
    }
    for (const rec of plan.failoverRecords) expect(text).toContain(`[${rec.recordName}: PRIMARY ${rec.primaryRegion}, SECONDARY ${rec.secondaryRegion}, TTL ${rec.ttlSeconds} s`);
    for (const u of plan.failover.units) {
      for (const b of u.runbooks) expect(text).toContain(`[Runbooks ${b.activateDocumentName} and ${b.standbyDocumentName} (role ${b.roleName})]`);
      expect(text).toContain(`[State parameter ${u.parameterName} (declared active: ${u.declaredActiveRegion})]`);
    }
  });

  test('a fleet\'s edge goes to the Temporal endpoint it dials; the Namespace Endpoint points to both regions', () => {
    const text = renderTopology(planDeployment(hotRequest()));
    expect(text).toContain('fleet_us_east_1_workers:R -[dials (regional endpoint, private-link)]-> L:endpoint_aws_us_east_1_region_tmprl_cloud');
    expect(text).toContain('fleet_us_west_2_workers:R -[dials (regional endpoint, private-link)]-> L:endpoint_aws_us_west_2_region_tmprl_cloud');
    expect(text).toContain('endpoint_orders_a1b2c_tmprl_cloud:R -[CNAME while primary is active]-> L:endpoint_aws_us_east_1_region_tmprl_cloud');
    expect(text).toContain('endpoint_orders_a1b2c_tmprl_cloud:R -[CNAME after failover]-> L:endpoint_aws_us_west_2_region_tmprl_cloud');
  });

  test('ids are Mermaid-safe, unique and the same at every render', () => {
    for (const [i, [, plan]] of PLANS.entries()) {
      const ids = [...TEXTS[i].matchAll(/^ {2}(?:group|service) (\S+?)\(/gm)].map((m) => m[1]);
      expect(ids.every((id) => /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(id))).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
      expect(renderTopology(plan)).toBe(TEXTS[i]);
    }
  });

  test('every edge joins services the diagram declares', () => {
    for (const text of TEXTS) {
      const declared = new Set([...text.matchAll(/^ {2}service (\S+?)\(/gm)].map((m) => m[1]));
      const ends = [...text.matchAll(/^ {2}(\w+)(?:\{group\})?:[LRTB] -.*- ?>? ?[LRTB]:(\w+)/gm)].flatMap((m) => [m[1], m[2]]);
      expect(ends.length).toBeGreaterThan(0);
      expect(ends.filter((id) => !declared.has(id))).toEqual([]);
    }
  });
});

/**
 * Invariants of a plan and of each engine's synthesized output. Each is a small function returning the violations it
 * finds (one line each; empty when it holds), named so that a failing property says which one broke.
 */
import type { Synthesized } from './engines';
import { allRegions } from '../../lib/core';
import { ComponentRouting, FleetRole, FleetState, WorkerRuntime } from '../../lib/core/model';
import type { DeploymentPlan } from '../../lib/core/plan';
import { extractFromCloudFormation, extractFromPlan, extractFromTerraform } from '../parity/components';

type Json = any;
export type Invariant<T> = (out: T, plan: DeploymentPlan) => string[];

const AWS_REGION_IDS = new Set(allRegions().map((r) => r.awsRegion));
const REGIONAL_ZONE = 'region.tmprl.cloud';
const norm = (name: unknown) => (typeof name === 'string' ? name.toLowerCase().replace(/\.$/, '') : '');
/** A name under Temporal Cloud's domain (a zone of that name answers for Temporal Cloud's endpoints). */
const temporalName = (z: string) => z === 'tmprl.cloud' || z.endsWith('.tmprl.cloud');
/** `<namespace>.<account>.tmprl.cloud`: the one Temporal zone a single-region namespace's worker VPC may hold. */
const namespaceEndpointHost = (z: string) => /^[^.]+\.[^.]+\.tmprl\.cloud$/.test(z) && z !== REGIONAL_ZONE;
const SECRET_ARN = /arn:aws[a-z-]*:secretsmanager:([a-z0-9-]*):/g;

/** Walks every string of a JSON value. */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => strings(x, out));
  return out;
}
const secretRegions = (v: unknown): string[] => strings(v).flatMap((s) => [...s.matchAll(SECRET_ARN)].map((m) => m[1]));

// ---------------------------------------------------------------------------------------------
// Plan
// ---------------------------------------------------------------------------------------------

export const PLAN_INVARIANTS: Record<string, (plan: DeploymentPlan) => string[]> = {
  'plan: fleets in known AWS regions, with an address and a namespace': (plan) => plan.regions.flatMap((r) => r.fleets.flatMap((f) => [
    ...(AWS_REGION_IDS.has(f.awsRegion) ? [] : [`fleet ${f.id} in region ${JSON.stringify(f.awsRegion)}`]),
    ...(f.temporalAddress ? [] : [`fleet ${f.id} has no Temporal address`]),
    ...(f.namespace ? [] : [`fleet ${f.id} has no namespace`]),
  ])),
  'plan: every namespace runs Workers in its active region': (plan) => {
    const byNs = new Map<string, number>();
    for (const f of plan.regions.flatMap((r) => r.fleets)) {
      if (f.role !== FleetRole.WORKER || f.runtime !== WorkerRuntime.FARGATE || !f.service) continue;
      // A token count (e.g. minCapacity from a parameter) is unknown at synth: the engines encode it as a huge negative number.
      if (f.service.desiredCount < -1e200) byNs.set(f.namespace, Number.POSITIVE_INFINITY);
      const running = f.state === FleetState.ACTIVE ? f.service.desiredCount : 0;
      byNs.set(f.namespace, Math.max(byNs.get(f.namespace) ?? 0, running));
    }
    return [...byNs].filter(([, n]) => !(n >= 1)).map(([ns]) => `namespace ${ns}: no active Worker fleet has a task (desired count ${byNs.get(ns)})`);
  },
  'plan: the failover domain does not answer for Temporal Cloud names': (plan) => {
    if (plan.request.components?.routing !== ComponentRouting.FAILOVER_DNS || plan.failoverRecords.length === 0) return [];
    const d = norm(plan.request.failoverDomainName);
    return temporalName(d) ? [`failoverDomainName ${JSON.stringify(plan.request.failoverDomainName)} is under tmprl.cloud`] : [];
  },
};

// ---------------------------------------------------------------------------------------------
// AWS CDK (CloudFormation)
// ---------------------------------------------------------------------------------------------

type Cfn = Extract<Synthesized, { engine: 'aws-cdk' }>;
const resources = (out: Cfn) => out.stacks.flatMap((s) => Object.entries<Json>(s.template.Resources ?? {})
  .map(([id, r]) => ({ id, r, stack: s.stackName, region: s.region })));

export const CFN_INVARIANTS: Record<string, Invariant<Cfn>> = {
  'cfn: no private zone answers for a Namespace Endpoint': (out, plan) => {
    const planned = new Set(plan.regions.flatMap((r) => r.zoneRecords.map((z) => norm(z.zone))));
    return resources(out).filter((x) => x.r.Type === 'AWS::Route53::HostedZone' && x.r.Properties?.VPCs)
      .map((x) => ({ ...x, name: norm(x.r.Properties.Name) }))
      .filter((x) => temporalName(x.name) && x.name !== REGIONAL_ZONE && !(namespaceEndpointHost(x.name) && planned.has(x.name)))
      .map((x) => `${x.stack}/${x.id}: private zone ${x.name}`);
  },
  'cfn: one zone of a name per VPC': (out) => {
    const seen = new Map<string, string[]>();
    for (const x of resources(out).filter((y) => y.r.Type === 'AWS::Route53::HostedZone')) {
      for (const v of x.r.Properties?.VPCs ?? []) {
        const key = `${x.stack} ${JSON.stringify(v.VPCId)} ${norm(x.r.Properties.Name)}`;
        seen.set(key, [...seen.get(key) ?? [], x.id]);
      }
    }
    return [...seen].filter(([, ids]) => ids.length > 1).map(([k, ids]) => `${k}: ${ids.join(', ')}`);
  },
  'cfn: every HTTPS listener has a certificate': (out) => resources(out)
    .filter((x) => x.r.Type === 'AWS::ElasticLoadBalancingV2::Listener' && x.r.Properties?.Protocol === 'HTTPS' && !(x.r.Properties.Certificates?.length > 0))
    .map((x) => `${x.stack}/${x.id}: HTTPS listener without a certificate`),
  'cfn: every Worker and starter container has TEMPORAL_ADDRESS and TEMPORAL_NAMESPACE': (out) => resources(out)
    .filter((x) => x.r.Type === 'AWS::ECS::TaskDefinition')
    .flatMap((x) => (x.r.Properties.ContainerDefinitions ?? []).filter((c: Json) => !['codec-server', 'proxy'].includes(c.Name))
      .filter((c: Json) => ['TEMPORAL_ADDRESS', 'TEMPORAL_NAMESPACE'].some((k) => !(c.Environment ?? []).some((e: Json) => e.Name === k)))
      .map((c: Json) => `${x.stack}/${x.id}: container ${c.Name} lacks TEMPORAL_ADDRESS or TEMPORAL_NAMESPACE`)),
  'cfn: credentials are read from the fleet\'s own region': (out) => resources(out)
    .filter((x) => x.r.Type === 'AWS::ECS::TaskDefinition' || x.r.Type === 'AWS::IAM::Policy')
    .flatMap((x) => [...new Set(secretRegions(x.r.Type === 'AWS::IAM::Policy' ? x.r.Properties.PolicyDocument
      : (x.r.Properties.ContainerDefinitions ?? []).map((c: Json) => c.Secrets)))]
      .filter((r) => r !== x.region).map((r) => `${x.stack}/${x.id} (${x.region}) reads a secret in ${r || '(no region)'}`)),
  'cfn: no cross-region export': (out) => {
    const exporters = new Map<string, string>();
    for (const s of out.stacks) for (const o of Object.values<Json>(s.template.Outputs ?? {})) if (typeof o.Export?.Name === 'string') exporters.set(o.Export.Name, s.region);
    return out.stacks.flatMap((s) => [
      ...Object.entries<Json>(s.template.Resources ?? {}).filter(([, r]) => /CrossRegionExport|ExportsWriter|ExportsReader/.test(String(r.Type)))
        .map(([id, r]) => `${s.stackName}/${id}: ${r.Type}`),
      ...strings(JSON.parse(JSON.stringify(s.template), (k, v) => (k === 'Fn::ImportValue' ? `IMPORT:${typeof v === 'string' ? v : JSON.stringify(v)}` : v)))
        .filter((x) => x.startsWith('IMPORT:')).map((x) => x.slice(7))
        .filter((name) => exporters.has(name) && exporters.get(name) !== s.region).map((name) => `${s.stackName} imports ${name} from ${exporters.get(name)}`),
    ]);
  },
  'cfn: at most 500 resources and 1 MB per template': (out) => out.stacks.flatMap((s) => [
    ...(Object.keys(s.template.Resources ?? {}).length > 500 ? [`${s.stackName}: ${Object.keys(s.template.Resources).length} resources`] : []),
    ...(JSON.stringify(s.template).length > 1_000_000 ? [`${s.stackName}: template over 1 MB`] : []),
  ]),
  'cfn: rendered components match the plan': (out, plan) => diff(extractFromPlan(plan), extractFromCloudFormation(
    Object.fromEntries([...new Set(out.stacks.map((s) => s.region))].map((r) => [r, out.stacks.filter((s) => s.region === r)])))),
};

// ---------------------------------------------------------------------------------------------
// CDK for Terraform
// ---------------------------------------------------------------------------------------------

type Tf = Extract<Synthesized, { engine: 'cdktf' }>;
function tfResources(json: Json, kind: 'resource' | 'data' = 'resource') {
  const regions: Record<string, string> = {};
  for (const p of json.provider?.aws ?? []) if (p.alias && p.region) regions[`aws.${p.alias}`] = p.region;
  return Object.entries<Json>(json[kind] ?? {}).flatMap(([type, byName]) => Object.entries<Json>(byName)
    .map(([name, body]) => ({ type, name, body, region: regions[body.provider] as string | undefined })));
}

export const TF_INVARIANTS: Record<string, Invariant<Tf>> = {
  'tf: no private zone answers for a Namespace Endpoint': (out, plan) => {
    const planned = new Set(plan.regions.flatMap((r) => r.zoneRecords.map((z) => norm(z.zone))));
    return tfResources(out.tf).filter((x) => x.type === 'aws_route53_zone' && x.body.vpc)
      .map((x) => ({ ...x, zone: norm(x.body.name) }))
      .filter((x) => temporalName(x.zone) && x.zone !== REGIONAL_ZONE && !(namespaceEndpointHost(x.zone) && planned.has(x.zone)))
      .map((x) => `aws_route53_zone.${x.name}: private zone ${x.zone}`);
  },
  'tf: one zone of a name per VPC': (out) => {
    const all = tfResources(out.tf);
    const zones = new Map(all.filter((x) => x.type === 'aws_route53_zone').map((x) => [x.name, norm(x.body.name)]));
    const pairs = [
      ...all.filter((x) => x.type === 'aws_route53_zone').flatMap((x) => (x.body.vpc ?? []).map((v: Json) => [String(v.vpc_id), zones.get(x.name)!, x.name])),
      ...all.filter((x) => x.type === 'aws_route53_zone_association').map((x) => {
        const zone = /aws_route53_zone\.([A-Za-z0-9_-]+)\./.exec(String(x.body.zone_id))?.[1];
        return [String(x.body.vpc_id), zone ? zones.get(zone)! : String(x.body.zone_id), x.name];
      }),
    ];
    const seen = new Map<string, string[]>();
    for (const [vpc, name, id] of pairs) seen.set(`${vpc} ${name}`, [...seen.get(`${vpc} ${name}`) ?? [], id]);
    return [...seen].filter(([, ids]) => ids.length > 1).map(([k, ids]) => `${k}: ${ids.join(', ')}`);
  },
  'tf: every HTTPS listener has a certificate': (out) => tfResources(out.tf)
    .filter((x) => x.type === 'aws_lb_listener' && x.body.protocol === 'HTTPS' && !x.body.certificate_arn)
    .map((x) => `aws_lb_listener.${x.name}: HTTPS without a certificate`),
  'tf: every Worker and starter container has TEMPORAL_ADDRESS and TEMPORAL_NAMESPACE': (out) => tfResources(out.tf)
    .filter((x) => x.type === 'aws_ecs_task_definition')
    .flatMap((x) => (JSON.parse(x.body.container_definitions) as Json[]).filter((c) => !['codec-server', 'proxy'].includes(c.name))
      .filter((c) => ['TEMPORAL_ADDRESS', 'TEMPORAL_NAMESPACE'].some((k) => !(c.environment ?? []).some((e: Json) => e.name === k)))
      .map((c) => `aws_ecs_task_definition.${x.name}: container ${c.name} lacks TEMPORAL_ADDRESS or TEMPORAL_NAMESPACE`)),
  'tf: credentials are read from the fleet\'s own region': (out) => [...tfResources(out.tf), ...tfResources(out.tf, 'data')]
    .filter((x) => ['aws_ecs_task_definition', 'aws_iam_role_policy', 'aws_iam_policy', 'aws_secretsmanager_secret', 'aws_iam_policy_document'].includes(x.type))
    .flatMap((x) => [...new Set(secretRegions(x.body))].filter((r) => x.region !== undefined && r !== x.region)
      .map((r) => `${x.type}.${x.name} (${x.region}) reads a secret in ${r || '(no region)'}`)),
  'tf: no duplicate resource addresses': (out) => {
    const seen = new Set<string>();
    return out.addresses.filter((a) => (seen.has(a) ? true : (seen.add(a), false))).map((a) => `duplicate address ${a}`);
  },
  'tf: rendered components match the plan': (out, plan) => diff(extractFromPlan(plan), extractFromTerraform(out.tf)),
};

/** The components that differ between the plan and the output, one line each. */
function diff(wantSet: object, gotSet: object): string[] {
  const want = wantSet as Record<string, string[]>;
  const got = gotSet as Record<string, string[]>;
  return Object.keys(want).flatMap((k) => {
    const w = want[k].join('\n');
    const g = (got[k] ?? []).join('\n');
    return w === g ? [] : [`${k}: planned [${want[k].join('; ')}] rendered [${(got[k] ?? []).join('; ')}]`];
  });
}

/** Every invariant's violations for an engine's output, by invariant name (only those violated). */
export function violations(out: Synthesized, plan: DeploymentPlan): Record<string, string[]> {
  const table: Record<string, Invariant<any>> = out.engine === 'aws-cdk' ? CFN_INVARIANTS : TF_INVARIANTS;
  return Object.fromEntries(Object.entries(table).map(([name, f]) => {
    try {
      return [name, f(out, plan)];
    } catch (e) {
      return [name, [`invariant check failed to read the output: ${(e as Error).message}`]];
    }
  }).filter(([, v]) => v.length > 0));
}

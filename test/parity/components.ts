/**
 * Parity: the set of planned components, derived three ways.
 *
 *   extractFromPlan(plan)                          what lib/core planned
 *   extractFromTerraform(cdk.tf.json)              what the CDK for Terraform flavour rendered
 *   extractFromCloudFormation(templatesByRegion)   what the AWS CDK flavour rendered
 *
 * The engine extractors read only the synthesized output (never the plan, construct ids or
 * resource names), and derive each component from the resources that make it work: a fleet's
 * state from its desired count and autoscaling minimum, its address from the container environment
 * (following a proxy's load balancer to the proxy's upstream), a private record's target from the
 * endpoint it references, a route from the endpoint's ingress rule for the other VPC's CIDR plus
 * the route tables' routes both ways. A renderer that drops or miswires a component yields a
 * different set.
 *
 * Every component is one line of text, so a failing comparison prints a readable diff.
 */
import {
  ComponentRouting, DeploymentPlan, FleetState, WorkerRuntime,
} from '../../lib/core';
import { declaredStates, evaluateState } from '../aws-cdk/state';

/** A Temporal Cloud name (a Regional Endpoint record, a single-region namespace's zone apex), with or without the final dot. */
const TEMPORAL_NAME = /(^|\.)tmprl\.cloud\.?$/;

/** The planned components of a deployment, each as a sorted list of one-line descriptions. */
export interface ComponentSet {
  /** `<region> <role> <namespace> <state> <temporal address>` (long-lived fleets). */
  readonly fleets: string[];
  /** `<region> <PrivateLink service name> <port>`. */
  readonly endpoints: string[];
  /** `<vpc region> <zone> <record name> -> <region of the endpoint it resolves to>`. */
  readonly zoneRecords: string[];
  /** `<from region> -> <to region> <kind>`: a worker VPC reaching another region's Temporal endpoint. */
  readonly routes: string[];
  /** `<region> <state>`. */
  readonly codecServers: string[];
  /** `<region> <state> upstream=<host:port>`. */
  readonly proxies: string[];
  /** `<component> PRIMARY=<region> SECONDARY=<region> <private|public> <health check>`. */
  readonly failoverRecords: string[];
  /** `<region> <namespace> build=<Build ID> <temporal address>` (serverless Workers). */
  readonly functions: string[];
}

/** What an engine extractor is: its synthesized output in, the component set out. */
export type ComponentExtractor<Output> = (output: Output) => ComponentSet;

function set(parts: Record<keyof ComponentSet, string[]>): ComponentSet {
  const sorted = (xs: string[]) => [...xs].sort();
  return {
    fleets: sorted(parts.fleets),
    endpoints: sorted(parts.endpoints),
    zoneRecords: sorted(parts.zoneRecords),
    routes: sorted(parts.routes),
    codecServers: sorted(parts.codecServers),
    proxies: sorted(parts.proxies),
    failoverRecords: sorted(parts.failoverRecords),
    functions: sorted(parts.functions),
  };
}

// ---------------------------------------------------------------------------------------------
// From the plan
// ---------------------------------------------------------------------------------------------

/** The components lib/core planned. */
export function extractFromPlan(plan: DeploymentPlan): ComponentSet {
  const regions = plan.regions;
  return set({
    fleets: regions.flatMap((r) => r.fleets.filter((f) => f.runtime === WorkerRuntime.FARGATE)
      .map((f) => `${f.awsRegion} ${f.role} ${f.namespace} ${f.state} ${f.temporalAddress}`)),
    endpoints: regions.flatMap((r) => r.privateLinkEndpoint ? [`${r.awsRegion} ${r.privateLinkEndpoint.serviceName} ${r.privateLinkEndpoint.port}`] : []),
    zoneRecords: regions.flatMap((r) => r.zoneRecords.map((z) => `${z.vpcRegion} ${z.zone} ${z.name} -> ${z.targetRegion}`)),
    routes: regions.flatMap((r) => r.routes.map((x) => `${x.fromRegion} -> ${x.toRegion} ${x.kind}`)),
    codecServers: regions.flatMap((r) => r.codecServers.map((c) => `${c.awsRegion} ${componentState(c.state)}`)),
    proxies: regions.flatMap((r) => r.proxies.map((p) => `${p.awsRegion} ${componentState(p.state)} upstream=${p.upstreamAddress}`)),
    failoverRecords: plan.componentRouting === ComponentRouting.FAILOVER_DNS
      ? plan.failoverRecords.map((f) => `${f.component} PRIMARY=${f.primaryRegion} SECONDARY=${f.secondaryRegion} ${f.privateZone ? 'private' : 'public'} ${f.healthCheck}`)
      : [],
    functions: regions.flatMap((r) => r.functions.map((f) => `${f.awsRegion} ${f.namespace} build=${f.buildId} ${f.temporalAddress}`)),
  });
}

/** Codec servers and proxies either run or wait at zero tasks. */
function componentState(state: FleetState): string {
  return state === FleetState.COLD_STANDBY ? 'cold-standby' : 'running';
}

// ---------------------------------------------------------------------------------------------
// From Terraform JSON (the CDK for Terraform flavour)
// ---------------------------------------------------------------------------------------------

type Json = Record<string, any>;

/** The components a cdk.tf.json deploys. */
export function extractFromTerraform(tf: Json): ComponentSet {
  const providerRegion: Record<string, string> = {};
  for (const p of tf.provider?.aws ?? []) providerRegion[p.alias ? `aws.${p.alias}` : 'aws'] = p.region;
  const all = (type: string, kind = 'resource') => Object.entries<Json>(tf[kind]?.[type] ?? {})
    .map(([name, body]) => ({ name, body, region: providerRegion[body.provider ?? 'aws'] ?? '(no region)' }));
  const byName = (type: string) => Object.fromEntries(all(type).map((r) => [r.name, r]));
  const ref = (expr: unknown, type: string): string | undefined => {
    const m = new RegExp(`\\$\\{${type}\\.([A-Za-z0-9_-]+)[.\\[]`).exec(typeof expr === 'string' ? expr : JSON.stringify(expr ?? ''));
    return m?.[1];
  };

  const taskDefs = byName('aws_ecs_task_definition');
  const lbs = byName('aws_lb');
  const endpoints = byName('aws_vpc_endpoint');
  const zones = byName('aws_route53_zone');
  const healthChecks = byName('aws_route53_health_check');
  const listeners = all('aws_lb_listener');
  const scaling = all('aws_appautoscaling_target');
  const services = all('aws_ecs_service').map((s) => {
    const td = taskDefs[ref(s.body.task_definition, 'aws_ecs_task_definition') ?? ''];
    const [container] = td ? JSON.parse(td.body.container_definitions) : [{}];
    const env: Record<string, string> = Object.fromEntries((container.environment ?? []).map((e: Json) => [e.name, e.value]));
    return { ...s, container, env };
  });
  // A count that follows the failover state (`${(<reader> == "<region>") ? <a> : <b>}`), as deployed with the declared state: the value of the
  // state parameter the reader reads.
  const parameters = byName('aws_ssm_parameter');
  const asDeclared = (v: unknown): unknown => {
    const m = typeof v === 'string' ? /^\$\{\(data\.aws_ssm_parameter\.([\w-]+)\.insecure_value == "([a-z0-9-]+)"\) \? (.+) : (.+)\}$/.exec(v) : null;
    if (!m) return v;
    const parameter = parameters[ref(tf.data?.aws_ssm_parameter?.[m[1]]?.name, 'aws_ssm_parameter') ?? ''];
    const branch = parameter?.body.value === m[2] ? m[3] : m[4];
    return /^\d+$/.test(branch) ? Number(branch) : branch;
  };
  // A service's minimum task count under autoscaling (the scalable target names the service).
  const minCapacity = (s: { name: string }) => asDeclared(scaling.find((t) => ref(t.body.resource_id, 'aws_ecs_service') === s.name)?.body.min_capacity) as number | undefined;
  const observedState = (s: { name: string; body: Json }, declared: string | undefined): string => {
    const desired = asDeclared(s.body.desired_count) ?? 1;
    const min = minCapacity(s);
    if (desired === 0) return min !== undefined && min > 0 ? 'cold-standby(but autoscaling minimum > 0)' : 'cold-standby';
    return declared && declared !== FleetState.COLD_STANDBY ? declared : 'running';
  };
  // The service behind a load balancer (listener -> target group <- service).
  const serviceBehind = (lbName: string) => {
    const tgs = listeners.filter((l) => ref(l.body.load_balancer_arn, 'aws_lb') === lbName)
      .flatMap((l) => (l.body.default_action ?? []).map((a: Json) => ref(a.target_group_arn, 'aws_lb_target_group')));
    return services.find((s) => (s.body.load_balancer ?? []).some((b: Json) => tgs.includes(ref(b.target_group_arn, 'aws_lb_target_group'))));
  };
  // Where a connection ends: through a proxy's load balancer, at the proxy's upstream.
  const temporalAddress = (address: string): string => {
    const lb = ref(address, 'aws_lb');
    if (!lb) return address;
    return serviceBehind(lb)?.env.TEMPORAL_PROXY_UPSTREAM ?? `(load balancer ${lb} with no proxy behind it)`;
  };

  const fleets = services.filter((s) => 'TEMPORAL_ADDRESS' in s.env && 'TEMPORAL_NAMESPACE' in s.env).map((s) =>
    `${s.region} ${s.body.tags?.TemporalFleetRole ?? 'worker'} ${s.env.TEMPORAL_NAMESPACE} ${observedState(s, s.body.tags?.TemporalFleetState)} ${temporalAddress(s.env.TEMPORAL_ADDRESS)}`);
  const codecServers = services.filter((s) => s.container.name === 'codec-server').map((s) => `${s.region} ${observedState(s, undefined)}`);
  const proxies = services.filter((s) => 'TEMPORAL_PROXY_UPSTREAM' in s.env).map((s) => `${s.region} ${observedState(s, undefined)} upstream=${s.env.TEMPORAL_PROXY_UPSTREAM}`);

  // Endpoints, with the port their security group admits.
  const ingress = all('aws_vpc_security_group_ingress_rule');
  const endpointPorts = (e: { body: Json }) => {
    const sgs = (e.body.security_group_ids ?? []).map((x: string) => ref(x, 'aws_security_group'));
    return ingress.filter((r) => sgs.includes(ref(r.body.security_group_id, 'aws_security_group')));
  };
  const temporalEndpoints = Object.values(endpoints).filter((e) => e.body.vpc_endpoint_type === 'Interface' && /^com\.amazonaws\.vpce\./.test(e.body.service_name));
  const endpointList = temporalEndpoints.map((e) => {
    const ports = [...new Set(endpointPorts(e).map((r) => r.body.from_port))];
    return `${e.region} ${e.body.service_name} ${ports.join(',') || '(no ingress)'}`;
  });

  // Private records, by the endpoint they resolve to.
  // Temporal names only: a codec server's own (browser-facing) name is part of its settings (test/parity/settings.ts).
  const zoneRecords = all('aws_route53_record').filter((r) => !r.body.failover_routing_policy && TEMPORAL_NAME.test(r.body.name)).flatMap((r) => {
    const zone = zones[ref(r.body.zone_id, 'aws_route53_zone') ?? ''];
    const target = endpoints[ref(r.body.records ?? r.body.alias, 'aws_vpc_endpoint') ?? ''];
    return (zone?.body.vpc ?? [{ vpc_region: '(public zone)' }]).map((v: Json) =>
      `${v.vpc_region} ${zone?.body.name ?? '(no zone)'} ${r.body.name} -> ${target?.region ?? '(not a Temporal endpoint)'}`);
  });

  // Routes: another VPC's CIDR admitted on a Temporal endpoint, with routes both ways.
  const vpcRegionByCidr: Record<string, string> = {};
  for (const v of all('aws_vpc')) vpcRegionByCidr[v.body.cidr_block] = v.region;
  const ownCidr = (region: string) => Object.entries(vpcRegionByCidr).find(([, r]) => r === region)?.[0];
  const routesTable = all('aws_route');
  const peerings = byName('aws_vpc_peering_connection');
  const accepters = all('aws_vpc_peering_connection_accepter');
  const routeKind = (from: string, toCidr: string): string | undefined => {
    const r = routesTable.find((x) => x.region === from && x.body.destination_cidr_block === toCidr);
    if (!r) return undefined;
    if (r.body.transit_gateway_id) return 'transit-gateway';
    const pcx = ref(r.body.vpc_peering_connection_id, 'aws_vpc_peering_connection');
    if (pcx) {
      const accepted = accepters.some((a) => ref(a.body.vpc_peering_connection_id, 'aws_vpc_peering_connection') === pcx && a.body.auto_accept === true);
      return peerings[pcx] && accepted ? 'vpc-peering' : 'vpc-peering(not accepted)';
    }
    return '(other)';
  };
  const routes = temporalEndpoints.flatMap((e) => endpointPorts(e)
    .filter((rule) => rule.body.cidr_ipv4 && vpcRegionByCidr[rule.body.cidr_ipv4] && vpcRegionByCidr[rule.body.cidr_ipv4] !== e.region)
    .map((rule) => {
      const from = vpcRegionByCidr[rule.body.cidr_ipv4];
      const there = routeKind(from, ownCidr(e.region) ?? '');
      const back = routeKind(e.region, rule.body.cidr_ipv4);
      const kind = there && back && there === back ? there : `(route there: ${there ?? 'none'}, back: ${back ?? 'none'})`;
      return `${from} -> ${e.region} ${kind}`;
    }));

  // Failover records: PRIMARY/SECONDARY pairs, by the load balancer each side points to.
  const failover = all('aws_route53_record').filter((r) => r.body.failover_routing_policy);
  const failoverRecords = [...new Set(failover.map((r) => r.body.name))].map((name) => {
    const side = (type: string) => failover.find((r) => r.body.name === name && r.body.failover_routing_policy.type === type);
    const regionOf = (r: Json | undefined) => (r ? lbs[ref(r.body.records, 'aws_lb') ?? '']?.region : undefined) ?? '(none)';
    const p = side('PRIMARY');
    const zone = zones[ref(p?.body.zone_id, 'aws_route53_zone') ?? ''];
    const own = healthChecks[ref(p?.body.health_check_id, 'aws_route53_health_check') ?? ''];
    // A gated PRIMARY answers through a CALCULATED check over its own (the failover gate).
    const check = own?.body.type === 'CALCULATED' ? healthChecks[ref(own.body.child_healthchecks?.[0], 'aws_route53_health_check') ?? ''] : own;
    const kind = check?.body.type === 'CLOUDWATCH_METRIC' ? 'cloudwatch-alarm' : (check ? 'http' : '(no health check)');
    return `${name.split('.')[0]} PRIMARY=${regionOf(p)} SECONDARY=${regionOf(side('SECONDARY'))} ${zone?.body.vpc?.length ? 'private' : 'public'} ${kind}`;
  });

  // Serverless Worker functions, registrable only with an invoker role that may invoke them.
  const policies = all('aws_iam_role_policy');
  const roles = byName('aws_iam_role');
  const functions = all('aws_lambda_function').map((f) => {
    const env = f.body.environment?.variables ?? {};
    const invokable = policies.some((p) => {
      const doc = JSON.parse(p.body.policy);
      const role = roles[ref(p.body.role, 'aws_iam_role') ?? ''];
      const trusts = role && JSON.stringify(role.body.assume_role_policy).includes('wci-lambda-invoke') && JSON.stringify(role.body.assume_role_policy).includes('sts:ExternalId');
      return trusts && doc.Statement.some((s: Json) => [].concat(s.Action).includes('lambda:InvokeFunction' as never)
        && [].concat(s.Resource).some((x: string) => ref(x, 'aws_lambda_function') === f.name));
    });
    return `${f.region} ${env.TEMPORAL_NAMESPACE} build=${env.TEMPORAL_LAMBDA_BUILD_ID} ${env.TEMPORAL_ADDRESS}${invokable ? '' : ' (no invoker role)'}`;
  });

  return set({ fleets, endpoints: endpointList, zoneRecords, routes, codecServers, proxies, failoverRecords, functions });
}

// ---------------------------------------------------------------------------------------------
// From CloudFormation templates (the AWS CDK flavour)
// ---------------------------------------------------------------------------------------------

/** One synthesized stack: its name (what `Fn::GetStackOutput` names) and its template. */
export interface CloudFormationStack {
  readonly stackName: string;
  readonly template: Json;
}

/** A resource of a synthesized stack, with the stack and region it is in. */
export interface CfnResource { readonly key: string; readonly id: string; readonly stackName: string; readonly region: string; readonly r: Json }

/** The resources of a set of stacks, and how to follow references between them. */
export interface CloudFormationIndex {
  readonly stacks: Array<CloudFormationStack & { readonly region: string }>;
  readonly resources: Map<string, CfnResource>;
  /** Every resource a value references (following outputs of other stacks). */
  readonly refs: (value: unknown, stackName: string) => CfnResource[];
  /** A value as a literal string when it is one (directly or through another stack's output). */
  readonly literal: (value: unknown) => string | undefined;
  readonly ofType: (type: string) => CfnResource[];
  /** The first resource of a type a value references. */
  readonly first: (value: unknown, stackName: string, type: string) => CfnResource | undefined;
}

/**
 * Indexes the stacks of an AWS CDK app by region (one template per region, or every stack of a
 * region with its name). References between stacks are followed: `Fn::GetStackOutput` (the weak
 * cross-region references the CDK flavour's links stacks use) and `Fn::ImportValue` (same-region exports).
 */
export function cloudFormationIndex(
  templatesByRegion: Record<string, Json | CloudFormationStack[]>, opts: { readonly asDeclared?: boolean } = {},
): CloudFormationIndex {
  const given = Object.entries(templatesByRegion).flatMap(([region, v]) =>
    (Array.isArray(v) ? v : [{ stackName: `(${region})`, template: v }]).map((st) => ({ ...st, region })));
  // With `asDeclared`: counts, thresholds and gates that follow the failover state, as deployed with the declared state (the state stacks'
  // parameter values). Without it, `Fn::If` on the state stays for the caller to read both branches.
  const declared = declaredStates(given.map((st) => st.template));
  const stacks = opts.asDeclared
    ? given.map((st) => ({ ...st, template: evaluateState(st.template, (name) => declared[name] ?? '(undeclared state)') }))
    : given;
  const resources = new Map<string, CfnResource>();
  for (const st of stacks) {
    for (const [id, r] of Object.entries<Json>(st.template.Resources ?? {})) {
      resources.set(`${st.stackName}/${id}`, { key: `${st.stackName}/${id}`, id, stackName: st.stackName, region: st.region, r });
    }
  }
  const outputOf = (stackName: string, name: string) => ({
    stackName,
    value: stacks.find((x) => x.stackName === stackName)?.template.Outputs?.[name]?.Value,
  });
  const exportOf = (name: unknown) => {
    for (const st of stacks) {
      for (const o of Object.values<Json>(st.template.Outputs ?? {})) if (o.Export?.Name === name) return { stackName: st.stackName, value: o.Value };
    }
    return undefined;
  };
  /** Every resource a value references (following outputs of other stacks). */
  const refs = (value: unknown, stackName: string): CfnResource[] => {
    const found: CfnResource[] = [];
    const walk = (v: unknown, st: string) => {
      if (Array.isArray(v)) {v.forEach((x) => walk(x, st));} else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k === 'Ref' && typeof x === 'string') {
            const r = resources.get(`${st}/${x}`);
            if (r) found.push(r);
          } else if (k === 'Fn::GetAtt' && Array.isArray(x)) {
            const r = resources.get(`${st}/${x[0]}`);
            if (r) found.push(r);
          } else if (k === 'Fn::GetStackOutput') {
            const o = outputOf((x as Json).StackName, (x as Json).OutputName);
            walk(o.value, o.stackName);
          } else if (k === 'Fn::ImportValue') {
            const e = exportOf(x);
            if (e) walk(e.value, e.stackName);
          } else {
            walk(x, st);
          }
        }
      }
    };
    walk(value, stackName);
    return found;
  };
  /** A value as a literal string when it is one (directly or through another stack's output). */
  const literal = (value: unknown): string | undefined => {
    if (typeof value === 'string') return value;
    if (value && typeof value === 'object' && 'Fn::GetStackOutput' in (value as Json)) {
      const x = (value as Json)['Fn::GetStackOutput'];
      const o = outputOf(x.StackName, x.OutputName);
      return literal(o.value);
    }
    if (value && typeof value === 'object' && 'Fn::ImportValue' in (value as Json)) {
      const e = exportOf((value as Json)['Fn::ImportValue']);
      return e ? literal(e.value) : undefined;
    }
    return undefined;
  };
  const ofType = (type: string) => [...resources.values()].filter((x) => x.r.Type === type);
  const first = (value: unknown, stackName: string, type: string) => refs(value, stackName).find((x) => x.r.Type === type);
  return { stacks, resources, refs, literal, ofType, first };
}

/**
 * The components a set of CloudFormation stacks deploys, by AWS region: one template per region, or
 * every stack of a region (regional, links and per-shard stacks) with its name. References between
 * stacks are followed: `Fn::GetStackOutput` (the weak cross-region references the CDK flavour's
 * links stacks use) and `Fn::ImportValue` (same-region exports).
 */
export function extractFromCloudFormation(templatesByRegion: Record<string, Json | CloudFormationStack[]>): ComponentSet {
  const out: Record<keyof ComponentSet, string[]> = {
    fleets: [], endpoints: [], zoneRecords: [], routes: [], codecServers: [], proxies: [], failoverRecords: [], functions: [],
  };
  const { stacks, refs, literal, ofType, first } = cloudFormationIndex(templatesByRegion, { asDeclared: true });

  const services = ofType('AWS::ECS::Service').map((s) => {
    const td = first(s.r.Properties.TaskDefinition, s.stackName, 'AWS::ECS::TaskDefinition');
    const c = td?.r.Properties.ContainerDefinitions?.[0] ?? {};
    const env = Object.fromEntries((c.Environment ?? []).map((e: Json) => [e.Name, e.Value])) as Record<string, unknown>;
    return { ...s, env, stack: td?.stackName ?? s.stackName };
  });
  const scalingMin = (s: CfnResource) => ofType('AWS::ApplicationAutoScaling::ScalableTarget')
    .find((t) => refs(t.r.Properties.ResourceId, t.stackName).some((x) => x.key === s.key))?.r.Properties.MinCapacity;
  // The fleet's declared state and role are in the output the CDK flavour writes per fleet.
  const declared = (s: CfnResource) => {
    const st = stacks.find((x) => x.stackName === s.stackName)!;
    const o = Object.values<Json>(st.template.Outputs ?? {}).find((x) => refs(x.Value, s.stackName).some((r) => r.key === s.key)
      && /fleet for .* \((.+)\)$/.test(x.Description ?? ''));
    const m = /^(\w+) fleet for .* \((.+)\)$/.exec(o?.Description ?? '');
    // A fleet whose count follows the failover state reports no state: its counts as deployed tell it (running: active; none: cold).
    const follows = m !== null && /follows the failover state/.test(m[2]);
    return { role: m?.[1] ?? 'worker', state: follows ? FleetState.ACTIVE : m && /^[a-z-]+$/.test(m[2]) ? m[2] : undefined };
  };
  const stateOf = (s: CfnResource, declaredState: string | undefined) => {
    if ((s.r.Properties.DesiredCount ?? 1) === 0) return (scalingMin(s) ?? 0) > 0 ? 'cold-standby(but autoscaling minimum > 0)' : 'cold-standby';
    return declaredState && declaredState !== 'cold-standby' ? declaredState : 'running';
  };
  const behind = (lb: CfnResource) => {
    const tgs = ofType('AWS::ElasticLoadBalancingV2::Listener').filter((l) => refs(l.r.Properties.LoadBalancerArn, l.stackName).some((x) => x.key === lb.key))
      .flatMap((l) => refs(l.r.Properties.DefaultActions, l.stackName).map((x) => x.key));
    return services.find((x) => (x.r.Properties.LoadBalancers ?? [])
      .some((b: Json) => refs(b.TargetGroupArn, x.stackName).some((g) => tgs.includes(g.key))));
  };
  for (const x of services) {
    if ('TEMPORAL_ADDRESS' in x.env && 'TEMPORAL_NAMESPACE' in x.env) {
      const d = declared(x);
      let address = x.env.TEMPORAL_ADDRESS;
      if (typeof address !== 'string') {
        const lb = first(address, x.stack, 'AWS::ElasticLoadBalancingV2::LoadBalancer');
        address = (lb && behind(lb)?.env.TEMPORAL_PROXY_UPSTREAM) ?? '(unresolved address)';
      }
      out.fleets.push(`${x.region} ${d.role} ${x.env.TEMPORAL_NAMESPACE} ${stateOf(x, d.state)} ${address}`);
    } else if ('CORS_ALLOWED_ORIGINS' in x.env) {
      out.codecServers.push(`${x.region} ${stateOf(x, undefined)}`);
    } else if ('TEMPORAL_PROXY_UPSTREAM' in x.env) {
      out.proxies.push(`${x.region} ${stateOf(x, undefined)} upstream=${x.env.TEMPORAL_PROXY_UPSTREAM}`);
    }
  }

  // Endpoints, with the ports and CIDRs their security groups admit (inline and separate rules, any stack).
  const cidrRegion: Record<string, string> = {};
  for (const v of ofType('AWS::EC2::VPC')) if (typeof v.r.Properties.CidrBlock === 'string') cidrRegion[v.r.Properties.CidrBlock] = v.region;
  const ownCidr = (region: string) => Object.entries(cidrRegion).find(([, r]) => r === region)?.[0];
  const ingressOf = (sg: CfnResource) => [
    ...(sg.r.Properties.SecurityGroupIngress ?? []),
    ...ofType('AWS::EC2::SecurityGroupIngress').filter((r) => refs(r.r.Properties.GroupId, r.stackName).some((x) => x.key === sg.key)).map((r) => r.r.Properties),
  ];
  const routeKind = (region: string, cidr: string | undefined) => {
    const r = ofType('AWS::EC2::Route').find((x) => x.region === region && literal(x.r.Properties.DestinationCidrBlock) === cidr);
    if (!r) return undefined;
    return r.r.Properties.TransitGatewayId ? 'transit-gateway' : r.r.Properties.VpcPeeringConnectionId ? 'vpc-peering' : '(other)';
  };
  const endpoints = ofType('AWS::EC2::VPCEndpoint').filter((e) => e.r.Properties.VpcEndpointType === 'Interface' && /^com\.amazonaws\.vpce\./.test(e.r.Properties.ServiceName));
  for (const e of endpoints) {
    const rules = refs(e.r.Properties.SecurityGroupIds, e.stackName).filter((x) => x.r.Type === 'AWS::EC2::SecurityGroup').flatMap(ingressOf);
    out.endpoints.push(`${e.region} ${e.r.Properties.ServiceName} ${[...new Set(rules.map((r: Json) => r.FromPort))].join(',') || '(no ingress)'}`);
    for (const r of rules) {
      const from = cidrRegion[r.CidrIp];
      if (!from || from === e.region) continue;
      const there = routeKind(from, ownCidr(e.region));
      const back = routeKind(e.region, r.CidrIp);
      out.routes.push(`${from} -> ${e.region} ${there && there === back ? there : `(route there: ${there ?? 'none'}, back: ${back ?? 'none'})`}`);
    }
  }

  const strip = (n: string) => n.replace(/\.$/, '');
  const healthKind = (rec: CfnResource) => {
    const own = first(rec.r.Properties.HealthCheckId, rec.stackName, 'AWS::Route53::HealthCheck');
    // A gated PRIMARY answers through a CALCULATED check over its own (the failover gate).
    const hc = own?.r.Properties.HealthCheckConfig?.Type === 'CALCULATED'
      ? first(own.r.Properties.HealthCheckConfig.ChildHealthChecks?.[0], own.stackName, 'AWS::Route53::HealthCheck')
      : own;
    if (!hc) return '(no health check)';
    return hc.r.Properties.HealthCheckConfig?.Type === 'CLOUDWATCH_METRIC' ? 'cloudwatch-alarm' : 'http';
  };
  const failover: CfnResource[] = [];
  for (const rec of ofType('AWS::Route53::RecordSet')) {
    if (rec.r.Properties.Failover) {
      failover.push(rec);
      continue;
    }
    if (!TEMPORAL_NAME.test(rec.r.Properties.Name)) continue; // a codec server's own name: compared with its settings
    const zone = first(rec.r.Properties.HostedZoneId, rec.stackName, 'AWS::Route53::HostedZone');
    const target = first(rec.r.Properties.ResourceRecords ?? rec.r.Properties.AliasTarget, rec.stackName, 'AWS::EC2::VPCEndpoint');
    for (const v of zone?.r.Properties.VPCs ?? [{ VPCRegion: '(public zone)' }]) {
      out.zoneRecords.push(`${literal(v.VPCRegion) ?? '(unresolved)'} ${strip(zone?.r.Properties.Name ?? '(no zone)')} ${strip(rec.r.Properties.Name)} -> ${target?.region ?? '(not a Temporal endpoint)'}`);
    }
  }
  // Failover pairs, one per name and zone (the CDK flavour repeats them in each worker VPC's zone).
  const pairs = new Map<string, CfnResource[]>();
  for (const rec of failover) {
    const zone = first(rec.r.Properties.HostedZoneId, rec.stackName, 'AWS::Route53::HostedZone');
    const key = `${strip(rec.r.Properties.Name)}|${zone?.key}`;
    pairs.set(key, [...(pairs.get(key) ?? []), rec]);
  }
  const seen = new Set<string>();
  for (const recs of pairs.values()) {
    const side = (type: string) => recs.find((r) => r.r.Properties.Failover === type);
    const regionOf = (r: CfnResource | undefined) => (r ? first(r.r.Properties.ResourceRecords ?? r.r.Properties.AliasTarget, r.stackName, 'AWS::ElasticLoadBalancingV2::LoadBalancer')?.region : undefined) ?? '(none)';
    const p = side('PRIMARY');
    const zone = p && first(p.r.Properties.HostedZoneId, p.stackName, 'AWS::Route53::HostedZone');
    const line = `${strip(recs[0].r.Properties.Name).split('.')[0]} PRIMARY=${regionOf(p)} SECONDARY=${regionOf(side('SECONDARY'))} ${zone?.r.Properties.VPCs?.length ? 'private' : 'public'} ${p ? healthKind(p) : '(no primary)'}`;
    if (!seen.has(line)) out.failoverRecords.push(line);
    seen.add(line);
  }
  for (const f of ofType('AWS::Lambda::Function')) {
    const env = f.r.Properties.Environment?.Variables ?? {};
    if (env.TEMPORAL_NAMESPACE) out.functions.push(`${f.region} ${env.TEMPORAL_NAMESPACE} build=${env.TEMPORAL_LAMBDA_BUILD_ID} ${env.TEMPORAL_ADDRESS}`);
  }
  return set(out);
}

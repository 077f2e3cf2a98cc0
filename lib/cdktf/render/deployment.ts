/**
 * Renders a whole plan into one TerraformStack with the building blocks. Knows nothing about
 * patterns: every decision (what runs where, in what state, dialing what, which records and routes
 * exist) is already in the plan; this file only turns it into resources, region by region, with
 * each region's aliased provider.
 *
 * Order matters only where Terraform needs references: networks and endpoints first (records in
 * one region point to another region's endpoint), then zones and routes, then the services (Worker
 * services wait for their region's private records), then failover records and functions.
 */
import { Construct } from 'constructs';
import {
  CrossRegionRouteKind,
  DeploymentPlan,
  FleetRole,
  FleetState,
  PlannedFleet,
  REGIONAL_ENDPOINT_ZONE,
  RegionPlan,
  WorkerRuntime,
} from '../../core';
import { TemporalCodecServer } from '../blocks/codec-server';
import { TemporalVpcPeering, TemporalTransitGatewayRoutes, RouteSide } from '../blocks/cross-region-route';
import { TemporalFailoverRecord } from '../blocks/failover-record';
import { TemporalNamespacePrivateZone, TemporalPrivateLinkEndpoint, TemporalRegionalPrivateZone } from '../blocks/private-link';
import { TemporalProxy } from '../blocks/proxy';
import { TemporalServerlessWorker } from '../blocks/serverless-worker';
import { TemporalVpc } from '../blocks/vpc';
import { TemporalWorkerService } from '../blocks/worker-service';
import { AwsProvider, EcsCluster, ITerraformDependable, Route53Zone, TerraformOutput } from '../engine';
import { ExistingVpc, RegionPlacement, TemporalDeploymentSharedProps } from '../options';
import type { FleetConfig } from '../patterns/deployment';
import { awsName, pascal } from '../util';

export interface RenderInput {
  /** The pattern construct (region constructs are created under it). */
  readonly scope: Construct;
  readonly plan: DeploymentPlan;
  readonly props: TemporalDeploymentSharedProps;
  /** The image, sizing, credentials and serverless options of a namespace's fleets (by qualified namespace). */
  readonly fleetConfig: (qualifiedNamespace: string) => FleetConfig;
  /** The provider of a region (the user's, or the stack's aliased one). */
  readonly providerFor: (awsRegion: string) => AwsProvider;
  /** The private domain of the codec server and proxy failover names. */
  readonly failoverDomainName: string;
}

/** What rendering one region produced. */
export interface RenderedRegion {
  readonly awsRegion: string;
  readonly provider: AwsProvider;
  readonly scope: Construct;
  readonly vpc?: ExistingVpc;
  readonly clusterArn?: string;
  readonly privateLinkEndpoint?: TemporalPrivateLinkEndpoint;
  readonly regionalZone?: TemporalRegionalPrivateZone;
  readonly namespaceZones: TemporalNamespacePrivateZone[];
  readonly codecServers: TemporalCodecServer[];
  readonly proxies: TemporalProxy[];
  readonly workerServices: TemporalWorkerService[];
  readonly functions: TemporalServerlessWorker[];
}

interface MutableRegion {
  awsRegion: string;
  provider: AwsProvider;
  scope: Construct;
  plan: RegionPlan;
  vpc?: ExistingVpc;
  clusterArn?: string;
  privateLinkEndpoint?: TemporalPrivateLinkEndpoint;
  regionalZone?: TemporalRegionalPrivateZone;
  namespaceZones: TemporalNamespacePrivateZone[];
  records: ITerraformDependable[];
  codecServers: TemporalCodecServer[];
  proxies: TemporalProxy[];
  workerServices: TemporalWorkerService[];
  functions: TemporalServerlessWorker[];
}

export function renderPlan(input: RenderInput): Map<string, RenderedRegion> {
  const { scope, plan, props } = input;
  const placements = props.regions ?? {};
  const placementOf = (r: string): RegionPlacement => placements[r] ?? placements[`aws-${r}`] ?? {};
  const tags = { ...props.tags, TemporalDeployment: plan.constructPath };
  const where = `${plan.constructKind}(${plan.constructPath})`;
  const regions = new Map<string, MutableRegion>();

  // 1. Networks, clusters and Temporal VPC endpoints.
  for (const r of plan.regions.filter((x) => x.needsVpc || x.functions.length > 0)) {
    const provider = input.providerFor(r.awsRegion);
    const regionScope = new Construct(scope, r.awsRegion);
    const placement = placementOf(r.awsRegion);
    const m: MutableRegion = {
      awsRegion: r.awsRegion,
      provider,
      scope: regionScope,
      plan: r,
      namespaceZones: [],
      records: [],
      codecServers: [],
      proxies: [],
      workerServices: [],
      functions: [],
    };
    if (r.needsVpc) {
      m.vpc = placement.vpc ?? new TemporalVpc(regionScope, 'Vpc', { provider, cidrBlock: r.defaultVpcCidr, tags }).attributes;
    }
    const needsCluster = r.fleets.some((f) => f.runtime === WorkerRuntime.FARGATE) || r.codecServers.length > 0 || r.proxies.length > 0;
    if (needsCluster) {
      m.clusterArn = placement.clusterArn ?? new EcsCluster(regionScope, 'Cluster', {
        provider,
        name: awsName([plan.constructPath, r.awsRegion], 255),
        setting: [{ name: 'containerInsights', value: 'enabled' }],
        tags,
      }).arn;
    }
    if (r.privateLinkEndpoint && m.vpc) {
      m.privateLinkEndpoint = new TemporalPrivateLinkEndpoint(regionScope, 'TemporalPrivateLink', {
        provider,
        awsRegion: r.awsRegion,
        vpcId: m.vpc.vpcId,
        subnetIds: m.vpc.privateSubnetIds,
        allowFromCidrs: [m.vpc.cidrBlock],
        serviceName: r.privateLinkEndpoint.serviceName,
        tags,
      });
    }
    regions.set(r.awsRegion, m);
  }
  const endpointOf = (target: string, record: string): TemporalPrivateLinkEndpoint => {
    const e = regions.get(target)?.privateLinkEndpoint;
    if (!e) throw new Error(`${where}: the plan asks for a private record ${record} pointing to ${target}'s Temporal VPC endpoint, but the plan has no endpoint there (a planning defect: please report it).`);
    return e;
  };

  // 2. Private zones: one region.tmprl.cloud zone per worker VPC, one record per region it reaches.
  for (const m of regions.values()) {
    for (const record of m.plan.zoneRecords) {
      if (!m.vpc) continue;
      const endpoint = endpointOf(record.targetRegion, record.name);
      if (record.zone === REGIONAL_ENDPOINT_ZONE) {
        m.regionalZone ??= new TemporalRegionalPrivateZone(m.scope, 'TemporalPrivateZone', { provider: m.provider, vpcId: m.vpc.vpcId, vpcRegion: m.awsRegion, tags });
        m.records.push(m.regionalZone.addRegionRecord(record.targetRegion, endpoint.dnsName));
      } else {
        // A single-region namespace (no replica): its own endpoint host, overridden to the local endpoint.
        const zone = new TemporalNamespacePrivateZone(m.scope, `NamespaceZone-${pascal(record.zone)}`, {
          provider: m.provider, vpcId: m.vpc.vpcId, vpcRegion: m.awsRegion, namespaceHost: record.zone, endpoint, tags,
        });
        m.namespaceZones.push(zone);
        m.records.push(zone.record);
      }
    }
  }

  // 3. Cross-region routes: one peering (or pair of Transit Gateway routes) per pair of regions,
  //    routes both ways, and the endpoint of the region reached admits the other VPC's CIDR.
  const pairs = new Set<string>();
  for (const m of regions.values()) {
    for (const route of m.plan.routes) {
      const to = regions.get(route.toRegion);
      if (!to?.vpc || !m.vpc) throw new Error(`${where}: the plan routes ${route.fromRegion} -> ${route.toRegion}, but ${!m.vpc ? route.fromRegion : route.toRegion} has no VPC (a planning defect: please report it).`);
      const pair = [route.fromRegion, route.toRegion].sort().join('|');
      if (!pairs.has(pair)) {
        pairs.add(pair);
        const a = routeSide(m, where);
        const b = routeSide(to, where);
        const id = `${route.fromRegion}-to-${route.toRegion}`;
        if (route.kind === CrossRegionRouteKind.VPC_PEERING) {
          new TemporalVpcPeering(scope, `Peering-${id}`, { requester: a, accepter: b, tags });
        } else if (route.kind === CrossRegionRouteKind.TRANSIT_GATEWAY) {
          const tgw = props.connectivity?.privateLinkOptions.crossRegionRoute?.transitGatewayIds ?? {};
          const tgwOf = (r: string) => tgw[r] ?? tgw[`aws-${r}`] ?? missingTgw(where, r);
          new TemporalTransitGatewayRoutes(scope, `TransitGateway-${id}`, {
            a: { ...a, transitGatewayId: tgwOf(a.awsRegion) },
            b: { ...b, transitGatewayId: tgwOf(b.awsRegion) },
          });
        } else {
          throw new Error(`${where}: cross-region route kind '${route.kind}' cannot be rendered (the rules reject it).`);
        }
      }
      endpointOf(route.toRegion, `route ${route.fromRegion} -> ${route.toRegion}`).allowFrom(m.vpc.cidrBlock, `Workers in ${route.fromRegion} (${route.kind})`, `Ingress-from-${route.fromRegion}`);
    }
  }

  // 4. Codec servers and proxies, as warm as the Workers they serve.
  for (const m of regions.values()) {
    const vpc = m.vpc;
    for (const c of m.plan.codecServers) {
      const codec = props.codecServer!;
      if (!vpc) continue;
      const internetFacing = codec.internetFacing ?? false;
      if (internetFacing && !vpc.publicSubnetIds?.length) {
        throw new Error(`${where}: codecServer.internetFacing needs public subnets, but regions['${m.awsRegion}'].vpc has no publicSubnetIds. Add them, or keep the codec server internal.`);
      }
      m.codecServers.push(new TemporalCodecServer(m.scope, pascal(c.id), {
        provider: m.provider,
        clusterArn: m.clusterArn!,
        vpcId: vpc.vpcId,
        subnetIds: vpc.privateSubnetIds,
        loadBalancerSubnetIds: internetFacing ? vpc.publicSubnetIds : vpc.privateSubnetIds,
        image: codec.image,
        certificateArn: codec.certificateArns[m.awsRegion] ?? codec.certificateArns[`aws-${m.awsRegion}`],
        allowFromCidrs: codec.allowedCidrs ?? [internetFacing ? '0.0.0.0/0' : vpc.cidrBlock],
        containerPort: codec.containerPort,
        healthCheckPath: codec.healthCheckPath,
        corsAllowedOrigins: codec.corsAllowedOrigins,
        internetFacing,
        desiredCount: c.state === FleetState.COLD_STANDBY ? 0 : undefined,
        serviceName: awsName([plan.constructPath, c.id], 255),
        tags: { ...tags, TemporalComponent: 'codec', TemporalComponentId: c.id, TemporalComponentState: c.state, TemporalNamespaces: c.namespaces.join(' ') },
      }));
    }
    for (const p of m.plan.proxies) {
      if (!vpc) continue;
      m.proxies.push(new TemporalProxy(m.scope, pascal(p.id), {
        provider: m.provider,
        clusterArn: m.clusterArn!,
        vpcId: vpc.vpcId,
        subnetIds: vpc.privateSubnetIds,
        image: props.proxy!.image,
        containerPort: props.proxy!.containerPort,
        upstreamAddress: p.upstreamAddress!,
        allowFromCidrs: [vpc.cidrBlock],
        desiredCount: p.state === FleetState.COLD_STANDBY ? 0 : undefined,
        serviceName: awsName([plan.constructPath, p.id], 255),
        tags: { ...tags, TemporalComponent: 'proxy', TemporalComponentId: p.id, TemporalComponentState: p.state, TemporalNamespaces: p.namespaces.join(' ') },
      }));
    }
  }

  // 5. Failover records (PRIMARY/SECONDARY) in a private zone shared by the worker VPCs.
  const failoverZoneName = input.failoverDomainName;
  if (plan.failoverRecords.length > 0) {
    const vpcs = [...regions.values()].filter((m) => m.vpc);
    const first = vpcs[0];
    const failoverZone = new Route53Zone(scope, 'ComponentFailoverZone', {
      provider: first.provider,
      name: failoverZoneName,
      comment: `Failover records of ${plan.constructPath}'s codec servers and proxies`,
      vpc: vpcs.map((m) => ({ vpcId: m.vpc!.vpcId, vpcRegion: m.awsRegion })),
      tags,
    });
    for (const rec of plan.failoverRecords) {
      const target = (r: string) => {
        const m = regions.get(r);
        const isProxy = rec.component.endsWith('proxy');
        const list = isProxy ? m?.proxies : m?.codecServers;
        const planned = isProxy ? m?.plan.proxies : m?.plan.codecServers;
        const i = planned ? Math.max(0, planned.findIndex((s) => s.id === rec.component)) : -1;
        const svc = list?.[i];
        if (!m || !svc) throw new Error(`${where}: the plan has a ${rec.component} failover record for ${r}, where no ${rec.component} runs (a planning defect: please report it).`);
        return { awsRegion: r, provider: m.provider, loadBalancer: svc.loadBalancer, targetGroup: svc.targetGroup, loadBalancerType: isProxy ? 'network' : 'application' };
      };
      new TemporalFailoverRecord(scope, `Failover-${rec.component}`, {
        provider: first.provider,
        zoneId: failoverZone.zoneId,
        recordName: `${rec.component}.${failoverZoneName}`,
        primary: target(rec.primaryRegion),
        secondary: target(rec.secondaryRegion),
      });
    }
  }
  // 6. Worker fleets (long-lived, on Fargate).
  for (const m of regions.values()) {
    for (const f of m.plan.fleets.filter((x) => x.runtime === WorkerRuntime.FARGATE)) {
      const vpc = m.vpc!;
      const config = input.fleetConfig(f.namespace);
      const w = (f.role === FleetRole.STARTER ? config.starters ?? config.workers : config.workers)!;
      const proxy = f.viaProxy ? m.proxies.find((_p, i) => m.plan.proxies[i].namespaces.includes(f.namespace)) : undefined;
      const codec = m.codecServers.find((_c, i) => m.plan.codecServers[i].namespaces.includes(f.namespace));
      const cold = f.state === FleetState.COLD_STANDBY;
      const service = new TemporalWorkerService(m.scope, pascal(f.id), {
        provider: m.provider,
        clusterArn: m.clusterArn!,
        vpcId: vpc.vpcId,
        subnetIds: vpc.privateSubnetIds,
        image: w.image,
        namespace: f.namespace,
        address: proxy ? proxy.address : f.temporalAddress,
        credentials: config.credentials,
        tlsServerName: f.tlsServerName,
        // Workers always use their own region's codec server (the failover names are for people and tools).
        codecEndpoint: codec?.url,
        environment: w.environment,
        cpu: w.cpu,
        memoryLimitMiB: w.memoryLimitMiB,
        cpuArchitecture: w.cpuArchitecture,
        desiredCount: cold ? 0 : w.minCapacity,
        minCapacity: cold ? 0 : w.minCapacity,
        maxCapacity: w.maxCapacity,
        targetCpuUtilizationPercent: w.targetCpuUtilizationPercent,
        serviceName: awsName([plan.constructPath, f.id], 255),
        // No Worker task starts before its region's private records exist (an empty zone answers NXDOMAIN).
        dependsOn: m.records.length > 0 ? m.records : undefined,
        tags: fleetTags(tags, f),
      });
      m.workerServices.push(service);
      outputs(m.scope, f, service, w.minCapacity ?? 2);
    }
  }

  // 7. Serverless Worker functions (in the worker VPC under PrivateLink, where the private zone resolves Temporal).
  for (const m of regions.values()) {
    for (const fn of m.plan.functions) {
      const config = input.fleetConfig(fn.namespace);
      const options = config.serverless;
      if (!options) throw new Error(`${where}: the plan has serverless Workers for ${fn.namespace}, but no serverlessWorkers options were given (a planning defect: please report it).`);
      const code = options.code[m.awsRegion] ?? options.code[`aws-${m.awsRegion}`];
      if (!code) {
        throw new Error(`${where}: serverlessWorkers.code has no entry for ${m.awsRegion}, where the namespace has a replica and Temporal Cloud may invoke the Worker. `
          + `Add code['${m.awsRegion}'] (Lambda reads code from its own region).`);
      }
      const codec = m.codecServers.find((_c, i) => m.plan.codecServers[i].namespaces.includes(fn.namespace));
      m.functions.push(new TemporalServerlessWorker(m.scope, pascal(`${fn.namespace.split('.')[0]}-serverless-workers`), {
        provider: m.provider,
        awsRegion: m.awsRegion,
        code,
        handler: options.handler,
        buildId: fn.buildId,
        externalId: options.externalId,
        namespace: fn.namespace,
        address: fn.temporalAddress,
        credentials: config.credentials,
        codecEndpoint: codec?.url,
        deploymentName: options.deploymentName,
        environment: options.environment,
        runtime: options.runtime,
        memorySize: options.memorySize,
        timeoutSeconds: options.timeoutSeconds,
        architecture: options.architecture,
        functionName: options.functionName ?? awsName([plan.constructPath, fn.namespace.split('.')[0], 'worker'], 64),
        vpc: m.plan.privateLinkEndpoint && m.vpc ? { vpcId: m.vpc.vpcId, subnetIds: m.vpc.privateSubnetIds } : undefined,
        tags,
      }));
    }
  }

  // What failing a cold region over needs: its codec server and proxy services to scale up.
  for (const m of regions.values()) {
    m.codecServers.forEach((c, i) => {
      if (m.plan.codecServers[i].state === FleetState.COLD_STANDBY) {
        new TerraformOutput(m.scope, `${pascal(m.plan.codecServers[i].id)}ServiceName`, { value: c.service.name, description: `codec server to scale up when ${m.awsRegion} takes over` });
      }
    });
    m.proxies.forEach((p, i) => {
      if (m.plan.proxies[i].state === FleetState.COLD_STANDBY) {
        new TerraformOutput(m.scope, `${pascal(m.plan.proxies[i].id)}ServiceName`, { value: p.service.name, description: `proxy to scale up when ${m.awsRegion} takes over` });
      }
    });
  }

  return new Map([...regions].map(([k, m]) => [k, {
    awsRegion: m.awsRegion,
    provider: m.provider,
    scope: m.scope,
    vpc: m.vpc,
    clusterArn: m.clusterArn,
    privateLinkEndpoint: m.privateLinkEndpoint,
    regionalZone: m.regionalZone,
    namespaceZones: m.namespaceZones,
    codecServers: m.codecServers,
    proxies: m.proxies,
    workerServices: m.workerServices,
    functions: m.functions,
  }]));
}

function routeSide(m: MutableRegion, where: string): RouteSide {
  const vpc = m.vpc!;
  if (!vpc.privateRouteTableIds || vpc.privateRouteTableIds.length === 0) {
    throw new Error(`${where}: the plan routes traffic between ${m.awsRegion} and another region's Temporal VPC endpoint, but regions['${m.awsRegion}'].vpc has no privateRouteTableIds. Add the route tables of its private subnets.`);
  }
  return { provider: m.provider, awsRegion: m.awsRegion, vpcId: vpc.vpcId, cidrBlock: vpc.cidrBlock, routeTableIds: vpc.privateRouteTableIds };
}

function missingTgw(where: string, region: string): never {
  throw new Error(`${where}: CrossRegionRoute.transitGateway(...) has no Transit Gateway id for ${region}. Pass { '${region}': 'tgw-...' }.`);
}

/** Tags that say, on the service itself, which fleet it is and its state during normal operation. */
function fleetTags(base: Record<string, string>, f: PlannedFleet): Record<string, string> {
  return {
    ...base,
    TemporalFleet: f.id,
    TemporalFleetRole: f.role,
    TemporalFleetState: f.state,
    TemporalNamespace: f.namespace,
    TemporalAddress: f.temporalAddress,
  };
}

function outputs(scope: Construct, f: PlannedFleet, service: TemporalWorkerService, failoverCount: number): void {
  const out = (name: string, value: string | number, description: string) =>
    new TerraformOutput(scope, `${pascal(f.id)}${name}`, { value, description });
  out('ServiceName', service.service.name, `${f.role} fleet for ${f.namespace} in ${f.awsRegion} (${f.state})`);
  out('DesiredCount', service.desiredCount, `desired tasks of the ${f.role} fleet during normal operation (${f.state})`);
  out('TemporalAddress', f.temporalAddress, `Temporal Cloud address the ${f.role} fleet connects to${f.viaProxy ? ' (through the proxy)' : ''}`);
  if (f.state === FleetState.COLD_STANDBY) {
    // What the failover automation needs: this service's scalable target minimum (and its region's codec server and proxy).
    out('FailoverDesiredCount', failoverCount, `tasks to run when ${f.awsRegion} takes over (cold standby today)`);
  }
}

/**
 * Renders one region of a plan into one stack with the building blocks. Knows nothing about
 * patterns: every decision (what runs, in what state, dialing what) is already in the RegionPlan.
 */
import { CfnOutput, Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as targets from 'aws-cdk-lib/aws-route53-targets';
import { Construct } from 'constructs';
import { FleetRole, FleetState, PlannedFleet, REGIONAL_ENDPOINT_ZONE, RegionPlan, WorkerRuntime } from '../../core';
import { TemporalCodecServer } from '../blocks/codec-server';
import { TemporalCredentials } from '../blocks/credentials';
import { TemporalPrivateLinkEndpoint, TemporalRegionalPrivateZone } from '../blocks/private-link';
import { TemporalProxy } from '../blocks/proxy';
import { TemporalServerlessWorker } from '../blocks/serverless-worker';
import { TemporalWorkerService } from '../blocks/worker-service';
import { ServerlessWorkerOptions, TemporalDeploymentSharedProps, WorkerFleetOptions } from '../options';

/** What rendering one region produced, for outputs and for the caller. */
export interface RenderedRegion {
  /** Undefined only for a region with nothing but serverless functions outside any VPC. */
  readonly vpc?: ec2.IVpc;
  readonly cluster?: ecs.ICluster;
  readonly functions: TemporalServerlessWorker[];
  readonly workerServices: TemporalWorkerService[];
  readonly codecServers: TemporalCodecServer[];
  readonly proxies: TemporalProxy[];
  readonly privateLinkEndpoint?: TemporalPrivateLinkEndpoint;
  readonly privateZone?: TemporalRegionalPrivateZone;
}

/** What a namespace's fleets run with. */
export interface FleetConfig {
  /**
   * Image and sizing (Fargate Workers).
   * @default - none: serverless Workers
   */
  readonly workers?: WorkerFleetOptions;
  /** Credentials. */
  readonly credentials: TemporalCredentials;
  /** Workflow starters' image and sizing, when starters are deployed. */
  readonly starters?: WorkerFleetOptions;
  /** Serverless Workers, when the Workers are Lambda functions. */
  readonly serverless?: ServerlessWorkerOptions;
}

export interface RenderRegionInput {
  readonly stack: Stack;
  /** Construct under which this region's resources are created (in `stack`). */
  readonly scope: Construct;
  readonly region: RegionPlan;
  readonly props: TemporalDeploymentSharedProps;
  /** The image, sizing and credentials of a namespace's fleets (by qualified namespace). */
  readonly fleetConfig: (namespace: string) => FleetConfig;
  /** Where a fleet's resources go (default: `scope`); sharded deployments give each shard its own stack. */
  readonly fleetScope?: (fleet: PlannedFleet) => Construct;
  readonly vpc?: ec2.IVpc;
  /** The supplied VPC's CIDR, when known at synth. */
  readonly vpcCidr?: string;
  readonly cluster?: ecs.ICluster;
}

export function renderRegion(input: RenderRegionInput): RenderedRegion {
  const { scope, region, props } = input;
  // A region with only serverless functions on the public path needs no VPC (nor cluster).
  const vpc = input.vpc ?? (region.needsVpc ? newVpc(scope, region) : undefined);
  // When the VPC's CIDR is known at synth, say it literally, so reviewers and policy checks see it.
  const cidr = input.vpc ? input.vpcCidr : region.defaultVpcCidr;
  const allowFrom = cidr ? [ec2.Peer.ipv4(cidr)] : undefined;
  const needsCluster = region.fleets.some((f) => f.runtime === WorkerRuntime.FARGATE) || region.codecServers.length > 0 || region.proxies.length > 0;
  const cluster = input.cluster ?? (needsCluster ? new ecs.Cluster(scope, 'Cluster', {
    vpc: vpc!,
    containerInsightsV2: ecs.ContainerInsights.ENABLED,
  }) : undefined);

  // PrivateLink: the endpoint, then the zone with its records (the zone is created with its first
  // VPC; records land in the same deployment, before any Worker task starts).
  let privateLinkEndpoint: TemporalPrivateLinkEndpoint | undefined;
  let privateZone: TemporalRegionalPrivateZone | undefined;
  if (region.privateLinkEndpoint) {
    privateLinkEndpoint = new TemporalPrivateLinkEndpoint(scope, 'TemporalPrivateLink', { vpc: vpc!, region: region.awsRegion, allowFrom });
  }
  // The zone goes with its records: when every record points at this region's own endpoint it is
  // created here; when some point at other regions' endpoints, render/links.ts creates it (with all
  // its records) in this region's links stack, which may reference the other regions.
  const haRecords = region.zoneRecords.filter((z) => z.zone === REGIONAL_ENDPOINT_ZONE);
  if (haRecords.length > 0 && !needsLinks(region)) {
    privateZone = new TemporalRegionalPrivateZone(scope, 'TemporalPrivateZone', { vpc: vpc! });
    for (const record of haRecords) privateZone.addRegionRecord(record.targetRegion, privateLinkEndpoint!.dnsName);
  }
  // A single-region namespace has no region.tmprl.cloud failover CNAME: its own Namespace Endpoint is
  // overridden in a private zone of that name, an alias of the zone apex to the local VPC endpoint.
  for (const record of region.zoneRecords.filter((z) => z.zone !== REGIONAL_ENDPOINT_ZONE)) {
    const zone = new route53.PrivateHostedZone(scope, `NamespaceZone-${record.zone}`, {
      zoneName: record.zone,
      vpc: vpc!,
      comment: `Temporal Cloud single-region namespace ${record.zone} through AWS PrivateLink`,
    });
    new route53.ARecord(zone, 'Endpoint', {
      zone,
      target: route53.RecordTarget.fromAlias(new targets.InterfaceVpcEndpointTarget(privateLinkEndpoint!.endpoint)),
    });
  }

  const codecServers = region.codecServers.map((c) => {
    const codec = props.codecServer!;
    return new TemporalCodecServer(scope, pascal(c.id), {
      cluster: cluster!,
      image: codec.image,
      certificate: acm.Certificate.fromCertificateArn(scope, `${pascal(c.id)}Certificate`, codec.certificateArns[region.awsRegion]),
      containerPort: codec.containerPort,
      healthCheckPath: codec.healthCheckPath,
      corsAllowedOrigins: codec.corsAllowedOrigins,
      internetFacing: codec.internetFacing,
      allowFrom: codec.allowedCidrs ? codec.allowedCidrs.map((allowed) => ec2.Peer.ipv4(allowed)) : (codec.internetFacing ? undefined : allowFrom),
      desiredCount: c.state === FleetState.COLD_STANDBY ? 0 : undefined,
    });
  });

  const proxies = region.proxies.map((p) => new TemporalProxy(scope, pascal(p.id), {
    cluster: cluster!,
    image: props.proxy!.image,
    containerPort: props.proxy!.containerPort,
    upstreamAddress: p.upstreamAddress!,
    allowFrom,
    desiredCount: p.state === FleetState.COLD_STANDBY ? 0 : undefined,
  }));

  const workerServices = region.fleets.filter((f) => f.runtime === WorkerRuntime.FARGATE).map((f) => {
    const proxy = f.viaProxy ? proxies.find((_p, i) => region.proxies[i].namespaces.includes(f.namespace)) : undefined;
    const codec = codecServers.find((_c, i) => region.codecServers[i].namespaces.includes(f.namespace));
    const config = input.fleetConfig(f.namespace);
    const w = (f.role === FleetRole.STARTER ? config.starters ?? config.workers : config.workers)!;
    const credentials = config.credentials;
    const cold = f.state === FleetState.COLD_STANDBY;
    const fleetScope = input.fleetScope?.(f) ?? scope;
    const service = new TemporalWorkerService(fleetScope, pascal(f.id), {
      cluster: cluster!,
      image: w.image,
      namespace: f.namespace,
      address: proxy ? proxy.address : f.temporalAddress,
      credentials,
      tlsServerName: f.tlsServerName,
      codecEndpoint: codec?.url,
      environment: w.environment,
      cpu: w.cpu,
      memoryLimitMiB: w.memoryLimitMiB,
      desiredCount: cold ? 0 : w.minCapacity,
      minCapacity: cold ? 0 : w.minCapacity,
      maxCapacity: w.maxCapacity,
      targetCpuUtilizationPercent: w.targetCpuUtilizationPercent,
    });
    const out = (name: string, value: string, description: string) =>
      new CfnOutput(fleetScope, `${pascal(f.id)}${name}`, { value, description });
    out('ServiceName', service.service.serviceName, `${f.role} fleet for ${f.namespace} in ${f.awsRegion} (${f.state})`);
    out('DesiredCount', String(service.desiredCount), `desired tasks of the ${f.role} fleet during normal operation (${f.state})`);
    out('TemporalAddress', f.temporalAddress, `Temporal Cloud address the ${f.role} fleet connects to${f.viaProxy ? ' (through the proxy)' : ''}`);
    if (cold) {
      // What the failover automation needs: scale this service (and its region's codec server and proxy) to this count.
      out('FailoverDesiredCount', String(w.minCapacity ?? 2), `tasks to run when ${f.awsRegion} takes over (cold standby today)`);
    }
    return service;
  });
  if (cluster) new CfnOutput(scope, 'ClusterName', { value: cluster.clusterName, description: `ECS cluster in ${region.awsRegion}` });

  const functions = region.functions.map((fn) => {
    const config = input.fleetConfig(fn.namespace);
    const options = config.serverless!;
    const codec = codecServers.find((_c, i) => region.codecServers[i].namespaces.includes(fn.namespace));
    return new TemporalServerlessWorker(scope, pascal(`${fn.namespace.split('.')[0]}-serverless-workers`), {
      code: lambda.Code.fromAsset(options.codePath),
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
      timeout: options.timeout,
      // Under PrivateLink the function runs in the worker VPC, where the private zone resolves Temporal.
      vpc: region.privateLinkEndpoint ? vpc : undefined,
    });
  });

  codecServers.forEach((c, i) => {
    if (region.codecServers[i].state === FleetState.COLD_STANDBY) {
      new CfnOutput(scope, `${pascal(region.codecServers[i].id)}ServiceName`, { value: c.service.serviceName, description: `codec server to scale up when ${region.awsRegion} takes over` });
    }
  });
  proxies.forEach((p, i) => {
    if (region.proxies[i].state === FleetState.COLD_STANDBY) {
      new CfnOutput(scope, `${pascal(region.proxies[i].id)}ServiceName`, { value: p.service.serviceName, description: `proxy to scale up when ${region.awsRegion} takes over` });
    }
  });

  return { vpc, cluster, functions, workerServices, codecServers, proxies, privateLinkEndpoint, privateZone };
}

function newVpc(scope: Construct, region: RegionPlan): ec2.Vpc {
  const vpc = new ec2.Vpc(scope, 'Vpc', {
    ipAddresses: ec2.IpAddresses.cidr(region.defaultVpcCidr),
    maxAzs: 2,
    natGateways: 2,
    subnetConfiguration: [
      { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
      { name: 'workers', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 20 },
    ],
  });
  vpc.addFlowLog('FlowLog', {
    destination: ec2.FlowLogDestination.toCloudWatchLogs(new logs.LogGroup(scope, 'FlowLogs', { retention: logs.RetentionDays.ONE_MONTH })),
  });
  return vpc;
}

/** Whether a region's plan needs cross-region wiring (routes, or private records for other regions' endpoints). */
export function needsLinks(region: RegionPlan): boolean {
  return region.routes.length > 0 || region.zoneRecords.some((z) => z.targetRegion !== region.awsRegion);
}

/** `orders-workers` -> `OrdersWorkers` (construct ids). */
export function pascal(id: string): string {
  return id.split(/[^a-zA-Z0-9]+/).filter(Boolean).map((s) => s[0].toUpperCase() + s.slice(1)).join('');
}

/**
 * Cross-region wiring, rendered after every region's own stack: VPC peering (or Transit Gateway
 * routes) between worker VPCs, ingress on each Temporal VPC endpoint for the other regions' CIDRs,
 * and private zones that also hold other regions' endpoint records.
 *
 * Everything that references another region lives in a per-region "links" stack, so the regional
 * stacks never depend on each other (Active/Cold and Active/Active need routes both ways, which
 * would otherwise be a dependency cycle). Links stacks read other regions' values with weak
 * cross-stack references (CloudFormation `Fn::GetStackOutput`), so no custom resources are needed.
 */
import { CrossStackReferences, ReferenceStrength, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { CrossRegionRouteKind, DeploymentPlan, RegionPlan, TEMPORAL_GRPC_PORT } from '../../core';
import { TemporalPeerRoutes, TemporalVpcPeering } from '../blocks/cross-region-route';
import { TemporalRegionalPrivateZone } from '../blocks/private-link';
import { RenderedRegion, needsLinks } from './region';

export interface RenderLinksInput {
  readonly plan: DeploymentPlan;
  readonly rendered: Map<string, RenderedRegion>;
  /** Creates (or returns) the links stack of a region. */
  readonly linksStack: (awsRegion: string) => Stack;
  /** The IPv4 CIDR of a region's worker VPC (literal when the construct created the VPC). */
  readonly cidrOf: (awsRegion: string) => string;
  /** Transit Gateway id per region, for `CrossRegionRouteKind.TRANSIT_GATEWAY`. */
  readonly transitGatewayIds: { [awsRegion: string]: string };
}

/** Renders the links of a plan; returns the links stacks by region. */
export function renderLinks(input: RenderLinksInput): Map<string, Stack> {
  const { plan, rendered } = input;
  const stacks = new Map<string, Stack>();
  const linksOf = (awsRegion: string): Construct => {
    let stack = stacks.get(awsRegion);
    if (!stack) {
      stack = input.linksStack(awsRegion);
      stacks.set(awsRegion, stack);
    }
    return stack.node.tryFindChild('Temporal') as Construct ?? new Construct(stack, 'Temporal');
  };
  const order = plan.regions.map((r) => r.awsRegion);
  const get = (awsRegion: string): RenderedRegion => {
    const r = rendered.get(awsRegion);
    if (!r) throw new Error(`internal: region ${awsRegion} was not rendered before its links`);
    return r;
  };

  // 1. One connection per pair of regions joined by any route; routes both ways (return traffic).
  const pairs = new Map<string, { a: string; b: string; kind: CrossRegionRouteKind }>();
  for (const route of plan.regions.flatMap((r) => r.routes)) {
    const [a, b] = [route.fromRegion, route.toRegion].sort((x, y) => order.indexOf(x) - order.indexOf(y));
    pairs.set(`${a}|${b}`, { a, b, kind: route.kind });
  }
  for (const { a, b, kind } of pairs.values()) {
    if (kind === CrossRegionRouteKind.VPC_PEERING) {
      const peering = new TemporalVpcPeering(linksOf(a), `PeeringTo-${b}`, {
        vpc: get(a).vpc,
        vpcCidr: input.cidrOf(a),
        peerVpcId: get(b).vpc.vpcId,
        peerRegion: b,
        peerCidr: input.cidrOf(b),
      });
      new TemporalPeerRoutes(linksOf(b), `PeeringFrom-${a}`, {
        vpc: get(b).vpc,
        destinationCidr: input.cidrOf(a),
        vpcPeeringConnectionId: peering.peeringConnectionId,
      });
    } else if (kind === CrossRegionRouteKind.TRANSIT_GATEWAY) {
      for (const [from, to] of [[a, b], [b, a]]) {
        const tgw = input.transitGatewayIds[from];
        if (!tgw) {
          throw new Error(`${plan.constructPath}: connectivity.privateLink.crossRegionRoute is a Transit Gateway, but no Transit Gateway id is given for ${from}. `
            + `Pass CrossRegionRoute.transitGateway({ '${from}': 'tgw-...' , ... }) with an id for every region.`);
        }
        new TemporalPeerRoutes(linksOf(from), `TransitGatewayTo-${to}`, { vpc: get(from).vpc, destinationCidr: input.cidrOf(to), transitGatewayId: tgw });
      }
    }
  }

  // 2. Each Temporal VPC endpoint admits the regions that route to it.
  for (const route of plan.regions.flatMap((r) => r.routes)) {
    const endpoint = get(route.toRegion).privateLinkEndpoint;
    if (!endpoint) continue;
    new ec2.CfnSecurityGroupIngress(linksOf(route.toRegion), `TemporalEndpointFrom-${route.fromRegion}`, {
      groupId: endpoint.securityGroup.securityGroupId,
      ipProtocol: 'tcp',
      fromPort: TEMPORAL_GRPC_PORT,
      toPort: TEMPORAL_GRPC_PORT,
      cidrIp: input.cidrOf(route.fromRegion),
      description: `Temporal gRPC from ${route.fromRegion} Workers (${route.reason})`,
    });
  }

  // 3. Private zones that hold other regions' records, created with all their records.
  for (const region of plan.regions.filter((r: RegionPlan) => r.zoneRecords.length > 0 && needsLinks(r))) {
    if (!region.zoneRecords.some((z) => z.targetRegion !== region.awsRegion)) continue;
    const zone = new TemporalRegionalPrivateZone(linksOf(region.awsRegion), 'TemporalPrivateZone', { vpc: get(region.awsRegion).vpc });
    for (const record of region.zoneRecords) {
      const endpoint = get(record.targetRegion).privateLinkEndpoint;
      if (!endpoint) throw new Error(`internal: ${record.targetRegion} has no Temporal VPC endpoint for ${record.name}`);
      zone.addRegionRecord(record.targetRegion, endpoint.dnsName);
    }
  }
  return stacks;
}

/** Links stacks read other stacks' values through weak references (`Fn::GetStackOutput`). */
export function makeLinksStack(scope: Construct, id: string, props: { stackName: string; region: string; account?: string; description: string }): Stack {
  const stack = new Stack(scope, id, {
    stackName: props.stackName,
    env: { region: props.region, account: props.account },
    description: props.description,
  });
  CrossStackReferences.of(stack).consume(ReferenceStrength.WEAK);
  return stack;
}

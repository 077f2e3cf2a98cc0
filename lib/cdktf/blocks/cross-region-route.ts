import { Construct } from 'constructs';
import { checkRouteCidrs, checkRouteTables, checkTransitGatewayId, routeNames } from '../../core/components/cross-region-route';
import { InputHit } from '../../core/components/input';
import { throwIfProblems } from '../../core/errors';
import { CrossRegionRouteKind } from '../../core/model';
import { normalizeAwsRegion } from '../../core/regions';
import { AwsProvider, Route, VpcPeeringConnection, VpcPeeringConnectionAccepter } from '../engine';

/** One side of a cross-region route. */
export interface RouteSide {
  /** The provider of the side's region. */
  readonly provider: AwsProvider;
  /** The side's AWS region. */
  readonly awsRegion: string;
  /** The side's VPC. */
  readonly vpcId: string;
  /** The side's VPC CIDR (the other side routes it). */
  readonly cidrBlock: string;
  /** The route tables of the side's private subnets (routes to the other side are added to each). */
  readonly routeTableIds: string[];
}

/** Construction properties of `TemporalVpcPeering`. */
export interface TemporalVpcPeeringProps {
  /** The side that requests the peering (its provider creates the connection). */
  readonly requester: RouteSide;
  /** The side that accepts it (its provider creates the accepter). */
  readonly accepter: RouteSide;
  /** Tags for the connection. @default - none */
  readonly tags?: { [key: string]: string };
}

/**
 * An inter-region VPC peering connection between two worker VPCs, so Workers in one region reach the other region's Temporal VPC endpoint: the
 * requester (with the requester region's provider), the accepter (with the peer region's provider), and routes both ways in every private route
 * table. Allow the peer CIDR on the Temporal endpoint with `TemporalPrivateLinkEndpoint.allowFrom`.
 */
export class TemporalVpcPeering extends Construct {
  /** The peering connection (requester side). */
  public readonly connection: VpcPeeringConnection;
  /** The accepter. */
  public readonly accepter: VpcPeeringConnectionAccepter;
  /** The routes, requester side first. */
  public readonly routes: Route[] = [];

  constructor(scope: Construct, id: string, props: TemporalVpcPeeringProps) {
    super(scope, id);
    const { requester: a, accepter: b } = props;
    throwIfProblems('TemporalVpcPeering', this.node.path, checkSides(a, b, 'requester', 'accepter', this.node.path));
    const names = routeNames(normalizeAwsRegion(a.awsRegion), normalizeAwsRegion(b.awsRegion), CrossRegionRouteKind.VPC_PEERING);
    const tags = { ...props.tags, Name: names.peeringName };
    this.connection = new VpcPeeringConnection(this, 'Connection', {
      provider: a.provider,
      vpcId: a.vpcId,
      peerVpcId: b.vpcId,
      peerRegion: normalizeAwsRegion(b.awsRegion),
      // Inter-region peering cannot be auto-accepted by the requester: the accepter below accepts it.
      autoAccept: false,
      tags,
    });
    this.accepter = new VpcPeeringConnectionAccepter(this, 'Accepter', {
      provider: b.provider,
      vpcPeeringConnectionId: this.connection.id,
      autoAccept: true,
      tags,
    });
    const target = { vpcPeeringConnectionId: this.connection.id, dependsOn: [this.accepter] };
    this.routes.push(...addRoutes(this, a, b, 'RequesterRoute', target), ...addRoutes(this, b, a, 'AccepterRoute', target));
  }
}

/** One side of a Transit Gateway route. */
export interface TransitGatewaySide extends RouteSide {
  /** The Transit Gateway the side's VPC is attached to (peered with the other side's). */
  readonly transitGatewayId: string;
}

/** Construction properties of `TemporalTransitGatewayRoutes`. */
export interface TemporalTransitGatewayRoutesProps {
  /** One side. */
  readonly a: TransitGatewaySide;
  /** The other side. */
  readonly b: TransitGatewaySide;
}

/**
 * Routes both ways between two worker VPCs through the Transit Gateways the platform team runs (attachments, inter-region peering and Transit Gateway
 * route tables are theirs): each side's private route tables send the other side's CIDR to its Transit Gateway.
 */
export class TemporalTransitGatewayRoutes extends Construct {
  /** The routes, side `a` first. */
  public readonly routes: Route[] = [];

  constructor(scope: Construct, id: string, props: TemporalTransitGatewayRoutesProps) {
    super(scope, id);
    throwIfProblems('TemporalTransitGatewayRoutes', this.node.path, [
      ...checkSides(props.a, props.b, 'a', 'b', this.node.path),
      ...checkTransitGatewayId(props.a.transitGatewayId, props.a.awsRegion, 'a.transitGatewayId', this.node.path),
      ...checkTransitGatewayId(props.b.transitGatewayId, props.b.awsRegion, 'b.transitGatewayId', this.node.path),
    ]);
    this.routes.push(
      ...addRoutes(this, props.a, props.b, 'RouteA', { transitGatewayId: props.a.transitGatewayId }),
      ...addRoutes(this, props.b, props.a, 'RouteB', { transitGatewayId: props.b.transitGatewayId }),
    );
  }
}

/** The checks on the two sides of a route: distinct CIDRs, route tables on each side. */
function checkSides(a: RouteSide, b: RouteSide, aProp: string, bProp: string, path: string): InputHit[] {
  return [
    ...checkRouteCidrs({ cidr: a.cidrBlock, prop: `${aProp}.cidrBlock`, label: a.awsRegion }, { cidr: b.cidrBlock, prop: `${bProp}.cidrBlock`, label: b.awsRegion }, path),
    ...checkRouteTables(a.routeTableIds, `${aProp}.routeTableIds`, path),
    ...checkRouteTables(b.routeTableIds, `${bProp}.routeTableIds`, path),
  ];
}

type RouteTarget = Partial<ConstructorParameters<typeof Route>[2]>;
/** Routes to `peer`'s CIDR through `target` in every route table of `side`, with ids `<label>1`, `<label>2`, ... */
function addRoutes(scope: Construct, side: RouteSide, peer: RouteSide, label: string, target: RouteTarget): Route[] {
  return side.routeTableIds.map((routeTableId, i) => new Route(scope, `${label}${i + 1}`, {
    provider: side.provider, routeTableId, destinationCidrBlock: peer.cidrBlock, ...target,
  }));
}

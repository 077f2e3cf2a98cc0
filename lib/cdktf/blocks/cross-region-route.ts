import { Construct } from 'constructs';
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
  /**
   * Tags for the connection.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/**
 * An inter-region VPC peering connection between two worker VPCs, so Workers in one region reach
 * the other region's Temporal VPC endpoint: the requester (with the requester region's provider),
 * the accepter (with the peer region's provider), and routes both ways in every private route
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
    const tags = { ...props.tags, Name: this.node.path };
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
    const add = (side: RouteSide, peer: RouteSide, label: string) => side.routeTableIds.forEach((rt, i) => {
      this.routes.push(new Route(this, `${label}${i + 1}`, {
        provider: side.provider,
        routeTableId: rt,
        destinationCidrBlock: peer.cidrBlock,
        vpcPeeringConnectionId: this.connection.id,
        dependsOn: [this.accepter],
      }));
    });
    add(a, b, 'RequesterRoute');
    add(b, a, 'AccepterRoute');
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
 * Routes both ways between two worker VPCs through the Transit Gateways the platform team runs
 * (attachments, inter-region peering and Transit Gateway route tables are theirs): each side's
 * private route tables send the other side's CIDR to its Transit Gateway.
 */
export class TemporalTransitGatewayRoutes extends Construct {
  /** The routes, side `a` first. */
  public readonly routes: Route[] = [];

  constructor(scope: Construct, id: string, props: TemporalTransitGatewayRoutesProps) {
    super(scope, id);
    const add = (side: TransitGatewaySide, peer: RouteSide, label: string) => side.routeTableIds.forEach((rt, i) => {
      this.routes.push(new Route(this, `${label}${i + 1}`, {
        provider: side.provider,
        routeTableId: rt,
        destinationCidrBlock: peer.cidrBlock,
        transitGatewayId: side.transitGatewayId,
      }));
    });
    add(props.a, props.b, 'RouteA');
    add(props.b, props.a, 'RouteB');
  }
}

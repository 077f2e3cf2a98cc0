/**
 * Network routes from a worker VPC to another region's Temporal VPC endpoint. Temporal Cloud does
 * not accept AWS native cross-region interface endpoints, so the other region's endpoint is
 * reached over VPC peering or a Transit Gateway.
 */
import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { overlaps } from '../../core/rules/route-overlapping-cidrs';

/** Props of `TemporalVpcPeering`. */
export interface TemporalVpcPeeringProps {
  /** The requester VPC (in this stack's region). */
  readonly vpc: ec2.IVpc;
  /** The requester VPC's IPv4 CIDR, when known at synth (checked against `peerCidr`). @default - vpc.vpcCidrBlock */
  readonly vpcCidr?: string;
  /** The accepter VPC's id. */
  readonly peerVpcId: string;
  /** The accepter VPC's region. */
  readonly peerRegion: string;
  /** The accepter VPC's IPv4 CIDR: traffic to it is routed over the peering connection. */
  readonly peerCidr: string;
  /**
   * Subnets whose route tables get the route to `peerCidr`.
   * @default - the private subnets with egress (where Workers run)
   */
  readonly subnets?: ec2.SubnetSelection;
}

/**
 * An inter-region VPC peering connection (same account: CloudFormation accepts it) and the
 * requester-side routes to the peer CIDR. Add the accepter-side routes with `TemporalPeerRoutes`
 * in the peer region, and allow the requester CIDR on the peer's Temporal endpoint security group.
 */
export class TemporalVpcPeering extends Construct {
  /** The peering connection. */
  public readonly connection: ec2.CfnVPCPeeringConnection;
  /** The peering connection id. */
  public readonly peeringConnectionId: string;

  constructor(scope: Construct, id: string, props: TemporalVpcPeeringProps) {
    super(scope, id);
    const local = props.vpcCidr ?? props.vpc.vpcCidrBlock;
    if (!Token.isUnresolved(local) && !Token.isUnresolved(props.peerCidr) && overlaps(local, props.peerCidr)) {
      throw new Error(`TemporalVpcPeering(${this.node.path}): [TEMPORAL_ROUTE_OVERLAPPING_CIDRS] peerCidr ('${props.peerCidr}') overlaps the VPC's CIDR ('${local}'): `
        + 'routes between overlapping VPCs cannot be created. Give each region\'s VPC a distinct CIDR.');
    }
    this.connection = new ec2.CfnVPCPeeringConnection(this, 'Connection', {
      vpcId: props.vpc.vpcId,
      peerVpcId: props.peerVpcId,
      peerRegion: props.peerRegion,
      tags: [{ key: 'Name', value: `temporal-${props.peerRegion}` }],
    });
    this.peeringConnectionId = this.connection.ref;
    new TemporalPeerRoutes(this, 'Routes', {
      vpc: props.vpc,
      destinationCidr: props.peerCidr,
      vpcPeeringConnectionId: this.peeringConnectionId,
      subnets: props.subnets,
    });
  }
}

/** Props of `TemporalPeerRoutes`. */
export interface TemporalPeerRoutesProps {
  /** The VPC whose route tables get the route. */
  readonly vpc: ec2.IVpc;
  /** The destination: the other region's VPC CIDR. */
  readonly destinationCidr: string;
  /**
   * Route through this VPC peering connection.
   * @default - none; then `transitGatewayId` is required
   */
  readonly vpcPeeringConnectionId?: string;
  /**
   * Route through this Transit Gateway (attached to `vpc`, peered with the other region's by the platform team).
   * @default - none; then `vpcPeeringConnectionId` is required
   */
  readonly transitGatewayId?: string;
  /**
   * Subnets whose route tables get the route.
   * @default - the private subnets with egress
   */
  readonly subnets?: ec2.SubnetSelection;
}

/** Routes to another region's VPC CIDR in every selected route table, over peering or a Transit Gateway. */
export class TemporalPeerRoutes extends Construct {
  /** The routes, one per route table. */
  public readonly routes: ec2.CfnRoute[] = [];

  constructor(scope: Construct, id: string, props: TemporalPeerRoutesProps) {
    super(scope, id);
    if ((props.vpcPeeringConnectionId === undefined) === (props.transitGatewayId === undefined)) {
      throw new Error(`TemporalPeerRoutes(${this.node.path}): set exactly one of vpcPeeringConnectionId and transitGatewayId `
        + `(got ${props.vpcPeeringConnectionId === undefined ? 'neither' : 'both'}).`);
    }
    const subnets = props.vpc.selectSubnets(props.subnets ?? { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }).subnets;
    const tables = [...new Set(subnets.map((s) => s.routeTable.routeTableId))];
    if (tables.length === 0) {
      throw new Error(`TemporalPeerRoutes(${this.node.path}): the VPC has no subnets matching 'subnets'; Workers' route tables are needed. Pass subnets selecting the Workers' subnets.`);
    }
    tables.forEach((routeTableId, i) => {
      this.routes.push(new ec2.CfnRoute(this, `Route${i}`, {
        routeTableId,
        destinationCidrBlock: props.destinationCidr,
        vpcPeeringConnectionId: props.vpcPeeringConnectionId,
        transitGatewayId: props.transitGatewayId,
      }));
    });
  }
}

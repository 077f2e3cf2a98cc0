import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { checkRouteCidrs, checkRouteTables, checkRouteTarget, routeNames } from '../../core/components/cross-region-route';
import { isUnresolved } from '../../core/components/input';
import { throwIfProblems } from '../../core/errors';
import { CrossRegionRouteKind } from '../../core/model';

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
  /** Subnets whose route tables get the route to `peerCidr`. @default - the private subnets with egress (where Workers run) */
  readonly subnets?: ec2.SubnetSelection;
}

/**
 * An inter-region VPC peering connection (same account: CloudFormation accepts it) and the requester-side routes to the peer CIDR, so Workers reach
 * the other region's Temporal VPC endpoint (Temporal Cloud does not accept AWS cross-region interface endpoints). Add the accepter-side routes with
 * `TemporalPeerRoutes` in the peer region, and allow the requester CIDR on the peer's Temporal endpoint security group.
 */
export class TemporalVpcPeering extends Construct {
  /** The peering connection. */
  public readonly connection: ec2.CfnVPCPeeringConnection;
  /** The peering connection id. */
  public readonly peeringConnectionId: string;

  constructor(scope: Construct, id: string, props: TemporalVpcPeeringProps) {
    super(scope, id);
    const region = Stack.of(this).region;
    throwIfProblems('TemporalVpcPeering', this.node.path, checkRouteCidrs(
      { cidr: props.vpcCidr ?? props.vpc.vpcCidrBlock, prop: 'vpcCidr', label: isUnresolved(region) ? 'local' : region },
      { cidr: props.peerCidr, prop: 'peerCidr', label: props.peerRegion }, this.node.path));
    this.connection = new ec2.CfnVPCPeeringConnection(this, 'Connection', {
      vpcId: props.vpc.vpcId,
      peerVpcId: props.peerVpcId,
      peerRegion: props.peerRegion,
      tags: [{ key: 'Name', value: routeNames(region, props.peerRegion, CrossRegionRouteKind.VPC_PEERING).peeringName }],
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
  /** The VPC's IPv4 CIDR, when known at synth (checked against `destinationCidr`). @default - vpc.vpcCidrBlock */
  readonly vpcCidr?: string;
  /** Route through this VPC peering connection. @default - none; then `transitGatewayId` is required */
  readonly vpcPeeringConnectionId?: string;
  /**
   * Route through this Transit Gateway (attached to `vpc`, peered with the other region's by the platform team).
   * @default - none; then `vpcPeeringConnectionId` is required
   */
  readonly transitGatewayId?: string;
  /** Subnets whose route tables get the route. @default - the private subnets with egress */
  readonly subnets?: ec2.SubnetSelection;
}

/** Routes to another region's VPC CIDR in every selected route table, over peering or a Transit Gateway. */
export class TemporalPeerRoutes extends Construct {
  /** The routes, one per route table. */
  public readonly routes: ec2.CfnRoute[];

  constructor(scope: Construct, id: string, props: TemporalPeerRoutesProps) {
    super(scope, id);
    const subnets = props.vpc.selectSubnets(props.subnets ?? { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }).subnets;
    const tables = [...new Set(subnets.map((s) => s.routeTable.routeTableId))];
    throwIfProblems('TemporalPeerRoutes', this.node.path, [
      ...checkRouteTarget(props, this.node.path),
      ...checkRouteTables(tables, 'subnets', this.node.path),
      ...checkRouteCidrs({ cidr: props.vpcCidr ?? props.vpc.vpcCidrBlock, prop: 'vpcCidr', label: 'local' }, { cidr: props.destinationCidr, prop: 'destinationCidr', label: 'destination' }, this.node.path),
    ]);
    this.routes = tables.map((routeTableId, i) => new ec2.CfnRoute(this, `Route${i}`, {
      routeTableId,
      destinationCidrBlock: props.destinationCidr,
      vpcPeeringConnectionId: props.vpcPeeringConnectionId,
      transitGatewayId: props.transitGatewayId,
    }));
  }
}

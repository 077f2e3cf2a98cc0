import { Construct } from 'constructs';
import {
  AwsProvider, CloudwatchLogGroup, DataAwsAvailabilityZones, Eip, Fn, FlowLog, IamRole, IamRolePolicy,
  InternetGateway, NatGateway, Route, RouteTable, RouteTableAssociation, Subnet, Vpc,
} from '../engine';
import { ExistingVpc } from '../options';
import { policyDocument, serviceTrustPolicy, subnetCidrs } from '../util';

/** Construction properties of `TemporalVpc`. */
export interface TemporalVpcProps {
  /** The provider of the region the VPC is created in. */
  readonly provider: AwsProvider;
  /** The VPC's IPv4 CIDR (a /16 gives two /24 public and two /20 private subnets). */
  readonly cidrBlock: string;
  /**
   * Availability zones to span.
   * @default 2
   */
  readonly azCount?: number;
  /**
   * Retention of the VPC flow logs, in days.
   * @default 30
   */
  readonly flowLogRetentionDays?: number;
  /**
   * Tags for every resource.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/**
 * A VPC for Temporal Workers: public and private subnets across two AZs, an internet gateway, a NAT
 * gateway per AZ (private subnets keep egress when one AZ fails), DNS support and hostnames (the
 * private hosted zones need them) and VPC flow logs to CloudWatch Logs.
 */
export class TemporalVpc extends Construct {
  /** The VPC. */
  public readonly vpc: Vpc;
  /** The VPC as the other blocks take it (ids, CIDR, subnets and route tables). */
  public readonly attributes: ExistingVpc;
  /** The private subnets (with egress through NAT). */
  public readonly privateSubnets: Subnet[];
  /** The public subnets. */
  public readonly publicSubnets: Subnet[];
  /** The route tables of the private subnets (one per AZ). */
  public readonly privateRouteTables: RouteTable[];

  constructor(scope: Construct, id: string, props: TemporalVpcProps) {
    super(scope, id);
    const { provider } = props;
    const azCount = props.azCount ?? 2;
    const tags = props.tags ?? {};
    const name = (suffix: string) => ({ ...tags, Name: `${this.node.path}/${suffix}` });

    const azs = new DataAwsAvailabilityZones(this, 'Azs', { provider, state: 'available' });
    this.vpc = new Vpc(this, 'Vpc', {
      provider,
      cidrBlock: props.cidrBlock,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      tags: name('vpc'),
    });
    const cidrs = subnetCidrs(props.cidrBlock, azCount);
    const igw = new InternetGateway(this, 'InternetGateway', { provider, vpcId: this.vpc.id, tags: name('igw') });
    const publicTable = new RouteTable(this, 'PublicRouteTable', { provider, vpcId: this.vpc.id, tags: name('public') });
    new Route(this, 'PublicDefaultRoute', { provider, routeTableId: publicTable.id, destinationCidrBlock: '0.0.0.0/0', gatewayId: igw.id });

    this.publicSubnets = [];
    this.privateSubnets = [];
    this.privateRouteTables = [];
    for (let i = 0; i < azCount; i++) {
      const az = Fn.element(azs.names, i);
      const pub = new Subnet(this, `PublicSubnet${i + 1}`, {
        provider,
        vpcId: this.vpc.id,
        availabilityZone: az,
        cidrBlock: cidrs?.publicCidrs[i] ?? Fn.cidrsubnet(props.cidrBlock, 8, i),
        mapPublicIpOnLaunch: false,
        tags: name(`public-${i + 1}`),
      });
      new RouteTableAssociation(this, `PublicSubnet${i + 1}Routes`, { provider, subnetId: pub.id, routeTableId: publicTable.id });
      const eip = new Eip(this, `NatIp${i + 1}`, { provider, domain: 'vpc', tags: name(`nat-${i + 1}`) });
      const nat = new NatGateway(this, `Nat${i + 1}`, {
        provider, allocationId: eip.id, subnetId: pub.id, tags: name(`nat-${i + 1}`), dependsOn: [igw],
      });
      const priv = new Subnet(this, `PrivateSubnet${i + 1}`, {
        provider,
        vpcId: this.vpc.id,
        availabilityZone: az,
        cidrBlock: cidrs?.privateCidrs[i] ?? Fn.cidrsubnet(props.cidrBlock, 4, i + 1),
        tags: name(`private-${i + 1}`),
      });
      const table = new RouteTable(this, `PrivateRouteTable${i + 1}`, { provider, vpcId: this.vpc.id, tags: name(`private-${i + 1}`) });
      new Route(this, `PrivateDefaultRoute${i + 1}`, { provider, routeTableId: table.id, destinationCidrBlock: '0.0.0.0/0', natGatewayId: nat.id });
      new RouteTableAssociation(this, `PrivateSubnet${i + 1}Routes`, { provider, subnetId: priv.id, routeTableId: table.id });
      this.publicSubnets.push(pub);
      this.privateSubnets.push(priv);
      this.privateRouteTables.push(table);
    }

    // Flow logs: every accepted and rejected connection, kept for a month by default.
    const logs = new CloudwatchLogGroup(this, 'FlowLogs', {
      provider,
      namePrefix: 'temporal-vpc-flow-logs-',
      retentionInDays: props.flowLogRetentionDays ?? 30,
      tags,
    });
    const role = new IamRole(this, 'FlowLogRole', {
      provider,
      assumeRolePolicy: serviceTrustPolicy('vpc-flow-logs.amazonaws.com'),
      tags,
    });
    new IamRolePolicy(this, 'FlowLogPolicy', {
      provider,
      role: role.id,
      policy: policyDocument([{
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
        Resource: [logs.arn, `${logs.arn}:*`],
      }]),
    });
    new FlowLog(this, 'FlowLog', {
      provider,
      vpcId: this.vpc.id,
      trafficType: 'ALL',
      logDestinationType: 'cloud-watch-logs',
      logDestination: logs.arn,
      iamRoleArn: role.arn,
      tags,
    });

    this.attributes = {
      vpcId: this.vpc.id,
      cidrBlock: props.cidrBlock,
      privateSubnetIds: this.privateSubnets.map((s) => s.id),
      privateRouteTableIds: this.privateRouteTables.map((t) => t.id),
      publicSubnetIds: this.publicSubnets.map((s) => s.id),
    };
  }
}

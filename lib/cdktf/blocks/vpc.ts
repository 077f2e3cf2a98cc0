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
   * No internet egress: the private subnets are isolated (no NAT gateway, no route to 0.0.0.0/0); AWS services are reached through VPC endpoints
   * (`TemporalAwsServiceEndpoints`).
   * @default false
   */
  readonly isolated?: boolean;
  /** With `isolated`: keep the public subnets and internet gateway (an internet-facing load balancer needs them). @default false */
  readonly publicSubnets?: boolean;
  /** Availability zones to span. @default 2 */
  readonly azCount?: number;
  /** Retention of the VPC flow logs, in days. @default 30 */
  readonly flowLogRetentionDays?: number;
  /** Tags for every resource. @default - none */
  readonly tags?: { [key: string]: string };
  /** The ARN of a customer-managed KMS key for the flow log group (its key policy must let CloudWatch Logs use it). @default - CloudWatch Logs' own encryption */
  readonly flowLogKmsKeyArn?: string;
}

/**
 * A VPC for Temporal Workers: public and private subnets across two AZs, an internet gateway, a NAT gateway per AZ (private subnets keep egress when
 * one AZ fails), DNS support and hostnames (the private hosted zones and private DNS of VPC endpoints need them) and VPC flow logs to CloudWatch
 * Logs. `isolated`: private subnets without egress, and no public subnets unless asked for.
 */
export class TemporalVpc extends Construct {
  /** The VPC. */
  public readonly vpc: Vpc;
  /** The VPC as the other blocks take it (ids, CIDR, subnets and route tables). */
  public readonly attributes: ExistingVpc;
  /** The private subnets (with egress through NAT, or isolated). */
  public readonly privateSubnets: Subnet[] = [];
  /** The public subnets. */
  public readonly publicSubnets: Subnet[] = [];
  /** The route tables of the private subnets (one per AZ). */
  public readonly privateRouteTables: RouteTable[] = [];

  constructor(scope: Construct, id: string, props: TemporalVpcProps) {
    super(scope, id);
    const { provider } = props;
    const azCount = props.azCount ?? 2;
    const tags = props.tags ?? {};
    const name = (suffix: string) => ({ ...tags, Name: `${this.node.path}/${suffix}` });

    const azs = new DataAwsAvailabilityZones(this, 'Azs', { provider, state: 'available' });
    this.vpc = new Vpc(this, 'Vpc', { provider, cidrBlock: props.cidrBlock, enableDnsHostnames: true, enableDnsSupport: true, tags: name('vpc') });
    const vpcId = this.vpc.id;
    const cidrs = subnetCidrs(props.cidrBlock, azCount);
    const isolated = props.isolated ?? false;
    const publicSubnets = !isolated || (props.publicSubnets ?? false);
    const igw = publicSubnets ? new InternetGateway(this, 'InternetGateway', { provider, vpcId, tags: name('igw') }) : undefined;
    const publicTable = igw ? new RouteTable(this, 'PublicRouteTable', { provider, vpcId, tags: name('public') }) : undefined;
    if (igw && publicTable) new Route(this, 'PublicDefaultRoute', { provider, routeTableId: publicTable.id, destinationCidrBlock: '0.0.0.0/0', gatewayId: igw.id });
    /** The subnet of AZ number `n` of a kind, with its route table. */
    const subnet = (kind: 'Public' | 'Private', n: number, cidrBlock: string, routeTableId: string) => {
      const s = new Subnet(this, `${kind}Subnet${n}`, {
        provider,
        vpcId,
        availabilityZone: Fn.element(azs.names, n - 1),
        cidrBlock,
        mapPublicIpOnLaunch: kind === 'Public' ? false : undefined,
        tags: name(`${kind.toLowerCase()}-${n}`),
      });
      new RouteTableAssociation(this, `${kind}Subnet${n}Routes`, { provider, subnetId: s.id, routeTableId });
      return s;
    };

    for (let i = 0; i < azCount; i++) {
      const n = i + 1;
      const pub = publicTable ? subnet('Public', n, cidrs?.publicCidrs[i] ?? Fn.cidrsubnet(props.cidrBlock, 8, i), publicTable.id) : undefined;
      const table = new RouteTable(this, `PrivateRouteTable${n}`, { provider, vpcId, tags: name(`private-${n}`) });
      if (pub && !isolated) {
        const eip = new Eip(this, `NatIp${n}`, { provider, domain: 'vpc', tags: name(`nat-${n}`) });
        const nat = new NatGateway(this, `Nat${n}`, { provider, allocationId: eip.id, subnetId: pub.id, tags: name(`nat-${n}`), dependsOn: igw && [igw] });
        new Route(this, `PrivateDefaultRoute${n}`, { provider, routeTableId: table.id, destinationCidrBlock: '0.0.0.0/0', natGatewayId: nat.id });
      }
      if (pub) this.publicSubnets.push(pub);
      this.privateSubnets.push(subnet('Private', n, cidrs?.privateCidrs[i] ?? Fn.cidrsubnet(props.cidrBlock, 4, n), table.id));
      this.privateRouteTables.push(table);
    }

    // Flow logs: every accepted and rejected connection, kept for a month by default.
    const logs = new CloudwatchLogGroup(this, 'FlowLogs', {
      provider, namePrefix: 'temporal-vpc-flow-logs-', retentionInDays: props.flowLogRetentionDays ?? 30, kmsKeyId: props.flowLogKmsKeyArn, tags,
    });
    const role = new IamRole(this, 'FlowLogRole', { provider, assumeRolePolicy: serviceTrustPolicy('vpc-flow-logs.amazonaws.com'), tags });
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
      vpcId,
      trafficType: 'ALL',
      logDestinationType: 'cloud-watch-logs',
      logDestination: logs.arn,
      iamRoleArn: role.arn,
      tags,
    });

    this.attributes = {
      vpcId,
      cidrBlock: props.cidrBlock,
      privateSubnetIds: this.privateSubnets.map((s) => s.id),
      privateRouteTableIds: this.privateRouteTables.map((t) => t.id),
      publicSubnetIds: publicSubnets ? this.publicSubnets.map((s) => s.id) : undefined,
    };
  }
}

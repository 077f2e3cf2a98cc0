import { Duration, Fn, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';
import { allRegions, findRegion, normalizeAwsRegion, REGIONAL_ENDPOINT_ZONE, regionalEndpointHost, TEMPORAL_GRPC_PORT } from '../../core/regions';

/** Construction properties of `TemporalPrivateLinkEndpoint`. */
export interface TemporalPrivateLinkEndpointProps {
  /** The VPC to create the interface endpoint in. */
  readonly vpc: ec2.IVpc;
  /**
   * The AWS region of the endpoint (must be the stack's region: Temporal Cloud does not support
   * AWS's native cross-region interface endpoints). Needed only when the stack's region is a token.
   *
   * @default - the stack's region
   */
  readonly region?: string;
  /**
   * Peers allowed to connect to the endpoint on TCP 7233. Workers in other regions' VPCs (over VPC
   * peering or Transit Gateway) are not in this VPC's CIDR: add their CIDRs here, or later with
   * `connections.allowFrom(...)`.
   *
   * @default - the VPC's IPv4 CIDR
   */
  readonly allowFrom?: ec2.IPeer[];
  /**
   * Subnets to place the endpoint's network interfaces in (one per Availability Zone).
   *
   * @default - private subnets of the VPC, one per Availability Zone
   */
  readonly subnets?: ec2.SubnetSelection;
  /**
   * Restrict the subnets to the Availability Zones where Temporal's endpoint service is offered
   * (an AWS lookup at synth time, so the stack needs account and region credentials to synthesize).
   *
   * @default false
   */
  readonly lookupSupportedAzs?: boolean;
}

/**
 * An interface VPC endpoint to Temporal Cloud's AWS PrivateLink service in the stack's region, with
 * its own security group admitting TCP 7233. Private DNS is off (Temporal's endpoint service has no
 * private DNS name): route the Regional Endpoint name to `dnsName` with a
 * `TemporalRegionalPrivateZone`, and register the endpoint id (`endpoint.vpcEndpointId`) as a
 * private connectivity rule on the namespace in Temporal Cloud.
 */
export class TemporalPrivateLinkEndpoint extends Construct {
  /** The interface VPC endpoint. */
  public readonly endpoint: ec2.InterfaceVpcEndpoint;
  /** The endpoint's security group (TCP 7233 from `allowFrom`). */
  public readonly securityGroup: ec2.SecurityGroup;
  /** Connections to the endpoint: `connections.allowFrom(peer, ec2.Port.tcp(7233))` admits more clients. */
  public readonly connections: ec2.Connections;
  /** The endpoint's regional DNS name (`vpce-....vpce-svc-....<region>.vpce.amazonaws.com`). */
  public readonly dnsName: string;
  /** The AWS region of the endpoint, e.g. `us-east-1`. */
  public readonly awsRegion: string;
  /** The Temporal Cloud PrivateLink service name the endpoint connects to. */
  public readonly serviceName: string;
  /** The Regional Endpoint host this endpoint serves, e.g. `aws-us-east-1.region.tmprl.cloud`. */
  public readonly regionalEndpointHost: string;

  constructor(scope: Construct, id: string, props: TemporalPrivateLinkEndpointProps) {
    super(scope, id);
    const where = `TemporalPrivateLinkEndpoint(${this.node.path})`;
    const stackRegion = Stack.of(this).region;
    const region = props.region ?? stackRegion;
    if (Token.isUnresolved(region)) {
      throw new Error(`${where}: the stack's region is unresolved (a region-agnostic stack), so the Temporal Cloud PrivateLink service cannot be chosen. Give the stack env: { region: '...' }, or set region: 'us-east-1' (the stack's real region).`);
    }
    if (props.region !== undefined && !Token.isUnresolved(stackRegion) && normalizeAwsRegion(stackRegion) !== normalizeAwsRegion(region)) {
      throw new Error(`${where}: region ('${props.region}') differs from the stack's region ('${stackRegion}'). An interface endpoint lives in its stack's region and Temporal Cloud does not support cross-region interface endpoints. Create the endpoint in a '${normalizeAwsRegion(region)}' stack and reach it over VPC peering or Transit Gateway, or omit region.`);
    }
    const info = findRegion(region);
    if (!info) {
      throw new Error(`${where}: region ('${region}') has no Temporal Cloud PrivateLink service. Use one of: ${allRegions().map((r) => r.awsRegion).join(', ')}.`);
    }

    this.awsRegion = info.awsRegion;
    this.serviceName = info.privateLinkServiceName;
    this.regionalEndpointHost = regionalEndpointHost(info.awsRegion);

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: `Temporal Cloud PrivateLink endpoint (${info.id}): TCP ${TEMPORAL_GRPC_PORT} from Workers`,
      allowAllOutbound: false,
    });
    for (const peer of props.allowFrom ?? [ec2.Peer.ipv4(props.vpc.vpcCidrBlock)]) {
      this.securityGroup.addIngressRule(peer, ec2.Port.tcp(TEMPORAL_GRPC_PORT), `Temporal gRPC (${TEMPORAL_GRPC_PORT})`);
    }

    this.endpoint = new ec2.InterfaceVpcEndpoint(this, 'Endpoint', {
      vpc: props.vpc,
      service: new ec2.InterfaceVpcEndpointService(info.privateLinkServiceName, TEMPORAL_GRPC_PORT),
      privateDnsEnabled: false,
      open: false,
      securityGroups: [this.securityGroup],
      subnets: props.subnets,
      lookupSupportedAzs: props.lookupSupportedAzs ?? false,
    });
    this.connections = this.endpoint.connections;
    // Each entry is "<hosted-zone-id>:<dns-name>"; the first is the regional (all-AZ) name.
    this.dnsName = Fn.select(1, Fn.split(':', Fn.select(0, this.endpoint.vpcEndpointDnsEntries)));
  }
}

/** Construction properties of `TemporalRegionalPrivateZone`. */
export interface TemporalRegionalPrivateZoneProps {
  /** The first VPC to associate the zone with (a Route 53 private zone cannot exist without one). Add more with `addVpc`. */
  readonly vpc: ec2.IVpc;
  /**
   * TTL of the Regional Endpoint records.
   *
   * @default Duration.seconds(60)
   */
  readonly recordTtl?: Duration;
  /**
   * A comment on the hosted zone.
   *
   * @default - a description naming Temporal Cloud
   */
  readonly comment?: string;
}

/**
 * The Route 53 private hosted zone `region.tmprl.cloud` that sends Temporal Cloud Regional Endpoint
 * names (`aws-<region>.region.tmprl.cloud`) to your PrivateLink endpoints, for High Availability
 * namespaces. The Namespace Endpoint (`<ns>.<account>.tmprl.cloud`) keeps resolving publicly to its
 * failover CNAME, which then lands on these private records: this construct can only create
 * Regional Endpoint records, never a Namespace Endpoint record (which would pin Workers to one
 * region and break failover).
 *
 * Add a record for every region the namespaces replicate in (`addRegionRecord` or
 * `addEndpoint`): inside an associated VPC the zone answers every `*.region.tmprl.cloud` name, and
 * a region without a record gets NXDOMAIN.
 *
 * Ordering: Temporal's guidance is to create the records before a VPC sees the zone (an empty zone
 * answers NXDOMAIN for every Regional Endpoint). A Route 53 private zone cannot be created without
 * a VPC, and CloudFormation has no separate zone-VPC association resource, so the zone and its VPC
 * associations are one `AWS::Route53::HostedZone` resource and the records follow it within the same
 * deployment (seconds). That window only matters for a VPC whose Workers already resolve
 * `*.region.tmprl.cloud` (publicly) while the zone is first deployed: deploy the zone and its records
 * before switching such Workers to private connectivity, or deploy at a quiet time. VPCs added later
 * with `addVpc` see the records that already exist.
 */
export class TemporalRegionalPrivateZone extends Construct {
  /** The private hosted zone `region.tmprl.cloud`. */
  public readonly hostedZone: route53.PrivateHostedZone;
  /** The zone's name, `region.tmprl.cloud`. */
  public readonly zoneName: string;
  private readonly ttl: Duration;
  private readonly records = new Map<string, route53.CnameRecord>();

  constructor(scope: Construct, id: string, props: TemporalRegionalPrivateZoneProps) {
    super(scope, id);
    this.ttl = props.recordTtl ?? Duration.seconds(60);
    this.zoneName = REGIONAL_ENDPOINT_ZONE;
    this.hostedZone = new route53.PrivateHostedZone(this, 'Zone', {
      zoneName: REGIONAL_ENDPOINT_ZONE,
      vpc: props.vpc,
      comment: props.comment ?? 'Temporal Cloud Regional Endpoints through AWS PrivateLink (High Availability namespaces)',
    });
  }

  /** Associates another VPC (where Workers run) with the zone. */
  public addVpc(vpc: ec2.IVpc): void {
    this.hostedZone.addVpc(vpc);
  }

  /**
   * Adds `aws-<awsRegion>.region.tmprl.cloud` CNAME `endpointDnsName`.
   *
   * @param awsRegion the Temporal Cloud region the endpoint serves (`us-east-1` or `aws-us-east-1`)
   * @param endpointDnsName that region's PrivateLink VPC endpoint DNS name (`TemporalPrivateLinkEndpoint.dnsName`)
   */
  public addRegionRecord(awsRegion: string, endpointDnsName: string): route53.CnameRecord {
    const where = `TemporalRegionalPrivateZone(${this.node.path})`;
    let key: string;
    let recordName: string;
    if (Token.isUnresolved(awsRegion)) {
      key = awsRegion;
      recordName = `aws-${awsRegion}`;
    } else {
      const info = findRegion(awsRegion);
      if (!info) {
        throw new Error(`${where}: addRegionRecord awsRegion ('${awsRegion}') is not a Temporal Cloud region. Use one of: ${allRegions().map((r) => r.awsRegion).join(', ')}.`);
      }
      key = info.awsRegion;
      recordName = regionalEndpointHost(info.awsRegion);
    }
    if (this.records.has(key)) {
      throw new Error(`${where}: addRegionRecord awsRegion ('${awsRegion}') already has a record. Add one record per region.`);
    }
    if (!Token.isUnresolved(endpointDnsName)) {
      const target = endpointDnsName.trim().replace(/\.$/, '').toLowerCase();
      if (target === '' || /(^|\.)tmprl\.cloud$/.test(target) || /(^|\.)temporal\.io$/.test(target)) {
        throw new Error(`${where}: addRegionRecord endpointDnsName ('${endpointDnsName}') must be the VPC endpoint's DNS name, not a Temporal Cloud name (that would loop or bypass PrivateLink). Pass TemporalPrivateLinkEndpoint.dnsName (vpce-...vpce.amazonaws.com).`);
      }
    }
    const idSuffix = Token.isUnresolved(awsRegion) ? `Token${this.records.size}` : key;
    const record = new route53.CnameRecord(this, `Record-${idSuffix}`, {
      zone: this.hostedZone,
      // `aws-<region>.region.tmprl.cloud`, or `aws-<token>` to which CDK appends the zone name.
      recordName,
      domainName: endpointDnsName,
      ttl: this.ttl,
      comment: 'Temporal Cloud Regional Endpoint via AWS PrivateLink',
    });
    this.records.set(key, record);
    return record;
  }

  /** Adds the Regional Endpoint record of a `TemporalPrivateLinkEndpoint` (same as `addRegionRecord(endpoint.awsRegion, endpoint.dnsName)`). */
  public addEndpoint(endpoint: TemporalPrivateLinkEndpoint): route53.CnameRecord {
    return this.addRegionRecord(endpoint.awsRegion, endpoint.dnsName);
  }
}

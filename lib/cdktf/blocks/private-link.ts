import { Construct } from 'constructs';
import { findRegion, normalizeAwsRegion, REGIONAL_ENDPOINT_ZONE, regionalEndpointHost, TEMPORAL_GRPC_PORT } from '../../core/regions';
import {
  AwsProvider, Route53Record, Route53Zone, SecurityGroup, Token, VpcEndpoint, VpcSecurityGroupIngressRule,
} from '../engine';

/** Construction properties of `TemporalPrivateLinkEndpoint`. */
export interface TemporalPrivateLinkEndpointProps {
  /** The provider of the endpoint's region. */
  readonly provider: AwsProvider;
  /** The AWS region (`us-east-1`); picks Temporal Cloud's PrivateLink service name from the region catalog. */
  readonly awsRegion: string;
  /** The VPC to create the endpoint in. */
  readonly vpcId: string;
  /** Subnets for the endpoint's network interfaces (one per AZ). */
  readonly subnetIds: string[];
  /** IPv4 CIDRs allowed to connect on TCP 7233 (the worker VPC's own CIDR; peers are added with `allowFrom`). */
  readonly allowFromCidrs: string[];
  /**
   * The endpoint service name.
   * @default - Temporal Cloud's service in `awsRegion`, from the region catalog
   */
  readonly serviceName?: string;
  /**
   * Tags for every resource.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/**
 * An AWS PrivateLink interface endpoint to Temporal Cloud in one region: the endpoint (private DNS
 * off: names are answered by the private hosted zone) and a security group allowing TCP 7233 from
 * the given CIDRs only.
 */
export class TemporalPrivateLinkEndpoint extends Construct {
  /** The VPC endpoint. */
  public readonly endpoint: VpcEndpoint;
  /** The endpoint's security group. */
  public readonly securityGroup: SecurityGroup;
  /** The endpoint's regional DNS name (what the private records point to). */
  public readonly dnsName: string;
  /** The Route 53 hosted zone id of `dnsName` (for alias records). */
  public readonly hostedZoneId: string;
  /** The PrivateLink service name. */
  public readonly serviceName: string;
  private readonly provider: AwsProvider;
  private readonly tags: { [key: string]: string };

  constructor(scope: Construct, id: string, props: TemporalPrivateLinkEndpointProps) {
    super(scope, id);
    const info = findRegion(props.awsRegion);
    const serviceName = props.serviceName ?? info?.privateLinkServiceName;
    if (!serviceName) {
      throw new Error(`TemporalPrivateLinkEndpoint(${this.node.path}): Temporal Cloud has no PrivateLink service in '${props.awsRegion}'. Use a Temporal Cloud region, or pass serviceName.`);
    }
    this.provider = props.provider;
    this.tags = props.tags ?? {};
    this.serviceName = serviceName;
    this.securityGroup = new SecurityGroup(this, 'SecurityGroup', {
      provider: props.provider,
      vpcId: props.vpcId,
      description: `Temporal Cloud PrivateLink endpoint (${normalizeAwsRegion(props.awsRegion)}): TCP ${TEMPORAL_GRPC_PORT} from Workers`,
      tags: this.tags,
    });
    props.allowFromCidrs.forEach((cidr, i) => this.allowFrom(cidr, 'Workers in this VPC', `Ingress${i === 0 ? '' : i + 1}`));
    this.endpoint = new VpcEndpoint(this, 'Endpoint', {
      provider: props.provider,
      vpcId: props.vpcId,
      serviceName,
      vpcEndpointType: 'Interface',
      privateDnsEnabled: false,
      subnetIds: props.subnetIds,
      securityGroupIds: [this.securityGroup.id],
      tags: { ...this.tags, Name: `${this.node.path}` },
    });
    this.dnsName = this.endpoint.dnsEntry.get(0).dnsName;
    this.hostedZoneId = this.endpoint.dnsEntry.get(0).hostedZoneId;
  }

  /** Allows TCP 7233 from an IPv4 CIDR (e.g. a peered worker VPC in another region). */
  public allowFrom(cidr: string, description: string, id?: string): VpcSecurityGroupIngressRule {
    const ruleId = id ?? `Ingress-${Token.isUnresolved(cidr) ? 'Token' : cidr.replace(/[./]/g, '-')}`;
    return new VpcSecurityGroupIngressRule(this, ruleId, {
      provider: this.provider,
      securityGroupId: this.securityGroup.id,
      ipProtocol: 'tcp',
      fromPort: TEMPORAL_GRPC_PORT,
      toPort: TEMPORAL_GRPC_PORT,
      cidrIpv4: cidr,
      description: `Temporal gRPC (${TEMPORAL_GRPC_PORT}) from ${description}`,
      tags: this.tags,
    });
  }
}

/** Construction properties of `TemporalRegionalPrivateZone`. */
export interface TemporalRegionalPrivateZoneProps {
  /** The provider of the worker VPC's region. */
  readonly provider: AwsProvider;
  /** The worker VPC the zone is associated with. */
  readonly vpcId: string;
  /** The worker VPC's region. */
  readonly vpcRegion: string;
  /**
   * Tags for the zone.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/**
 * The `region.tmprl.cloud` private hosted zone of one worker VPC, for namespaces with High
 * Availability: one CNAME per reachable region, `aws-<region>.region.tmprl.cloud` -> that region's
 * Temporal VPC endpoint. It never holds a record for a Namespace Endpoint
 * (`<ns>.<account>.tmprl.cloud`): that would short-circuit Temporal's failover CNAME, so this block
 * only writes Regional Endpoint names.
 */
export class TemporalRegionalPrivateZone extends Construct {
  /** The private hosted zone. */
  public readonly zone: Route53Zone;
  /** The records, by AWS region they point to. */
  public readonly records: { [awsRegion: string]: Route53Record } = {};
  private readonly provider: AwsProvider;

  constructor(scope: Construct, id: string, props: TemporalRegionalPrivateZoneProps) {
    super(scope, id);
    this.provider = props.provider;
    this.zone = new Route53Zone(this, 'Zone', {
      provider: props.provider,
      name: REGIONAL_ENDPOINT_ZONE,
      comment: 'Temporal Cloud Regional Endpoints through PrivateLink (HA namespaces: never a Namespace Endpoint record)',
      vpc: [{ vpcId: props.vpcId, vpcRegion: normalizeAwsRegion(props.vpcRegion) }],
      tags: props.tags,
    });
  }

  /** Adds `aws-<region>.region.tmprl.cloud` -> `endpointDnsName` (that region's Temporal VPC endpoint). */
  public addRegionRecord(awsRegion: string, endpointDnsName: string): Route53Record {
    const region = normalizeAwsRegion(awsRegion);
    if (this.records[region]) return this.records[region];
    const record = new Route53Record(this, `Record-${region}`, {
      provider: this.provider,
      zoneId: this.zone.zoneId,
      name: regionalEndpointHost(region),
      type: 'CNAME',
      ttl: 60,
      records: [endpointDnsName],
    });
    this.records[region] = record;
    return record;
  }
}

/** Construction properties of `TemporalNamespacePrivateZone`. */
export interface TemporalNamespacePrivateZoneProps {
  /** The provider of the worker VPC's region. */
  readonly provider: AwsProvider;
  /** The worker VPC the zone is associated with. */
  readonly vpcId: string;
  /** The worker VPC's region. */
  readonly vpcRegion: string;
  /** The single-region namespace's endpoint host, `<ns>.<account>.tmprl.cloud`. */
  readonly namespaceHost: string;
  /** The Temporal VPC endpoint the name resolves to. */
  readonly endpoint: TemporalPrivateLinkEndpoint;
  /**
   * Tags for the zone.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/**
 * For a SINGLE-REGION namespace only (no replica): a private zone for its Namespace Endpoint host
 * with an alias record to the local Temporal VPC endpoint. Never use it for a namespace with High
 * Availability (use `TemporalRegionalPrivateZone`): the pattern constructs only create it for
 * single-region shards, and the rules reject it otherwise.
 */
export class TemporalNamespacePrivateZone extends Construct {
  /** The private hosted zone. */
  public readonly zone: Route53Zone;
  /** The alias record at the zone apex. */
  public readonly record: Route53Record;

  constructor(scope: Construct, id: string, props: TemporalNamespacePrivateZoneProps) {
    super(scope, id);
    this.zone = new Route53Zone(this, 'Zone', {
      provider: props.provider,
      name: props.namespaceHost,
      comment: 'Temporal Cloud single-region namespace through PrivateLink',
      vpc: [{ vpcId: props.vpcId, vpcRegion: normalizeAwsRegion(props.vpcRegion) }],
      tags: props.tags,
    });
    this.record = new Route53Record(this, 'Record', {
      provider: props.provider,
      zoneId: this.zone.zoneId,
      name: props.namespaceHost,
      type: 'A',
      alias: { name: props.endpoint.dnsName, zoneId: props.endpoint.hostedZoneId, evaluateTargetHealth: false },
    });
  }
}

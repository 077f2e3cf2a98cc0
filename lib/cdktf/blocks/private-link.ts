import { Construct } from 'constructs';
import {
  checkPrivateLinkEndpoint, checkRegionalZoneInput, PRIVATE_LINK_DEFAULTS, PRIVATE_ZONE_DEFAULTS, privateLinkEndpointSettings,
  privateLinkIngressDescription, privateZoneComment, regionRecord,
} from '../../core/components/private-link';
import { throwIfProblems } from '../../core/errors';
import { normalizeAwsRegion } from '../../core/regions';
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
   * The endpoint service name, for a PrivateLink service Temporal gave you outside the region catalog.
   * @default - Temporal Cloud's service in `awsRegion`, from the region catalog
   */
  readonly serviceName?: string;
  /** Tags for every resource. @default - none */
  readonly tags?: { [key: string]: string };
}

/**
 * An AWS PrivateLink interface endpoint to Temporal Cloud in one region: the endpoint (private DNS off: names are answered by the private hosted
 * zone) and a security group allowing TCP 7233 from the given CIDRs only.
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
    const input = { region: props.awsRegion, regionProp: 'awsRegion', deployRegion: props.provider.region, deployer: 'provider', serviceName: props.serviceName };
    throwIfProblems('TemporalPrivateLinkEndpoint', this.node.path, checkPrivateLinkEndpoint(input, this.node.path));
    const settings = privateLinkEndpointSettings(input);
    this.provider = props.provider;
    this.tags = props.tags ?? {};
    this.serviceName = settings.serviceName;
    this.securityGroup = new SecurityGroup(this, 'SecurityGroup', {
      provider: props.provider,
      vpcId: props.vpcId,
      description: settings.securityGroupDescription,
      tags: this.tags,
    });
    props.allowFromCidrs.forEach((cidr, i) => this.allowFrom(cidr, undefined, `Ingress${i === 0 ? '' : i + 1}`));
    this.endpoint = new VpcEndpoint(this, 'Endpoint', {
      provider: props.provider,
      vpcId: props.vpcId,
      serviceName: settings.serviceName,
      vpcEndpointType: 'Interface',
      privateDnsEnabled: settings.privateDnsEnabled,
      subnetIds: props.subnetIds,
      securityGroupIds: [this.securityGroup.id],
      tags: { ...this.tags, Name: `${this.node.path}` },
    });
    this.dnsName = this.endpoint.dnsEntry.get(0).dnsName;
    this.hostedZoneId = this.endpoint.dnsEntry.get(0).hostedZoneId;
  }

  /**
   * Allows TCP 7233 from an IPv4 CIDR (e.g. a peered worker VPC in another region).
   * @param description whom the CIDR holds, e.g. `Workers in us-west-2` (default: the VPC's own Workers)
   */
  public allowFrom(cidr: string, description?: string, id?: string): VpcSecurityGroupIngressRule {
    const ruleId = id ?? `Ingress-${Token.isUnresolved(cidr) ? 'Token' : cidr.replace(/[./]/g, '-')}`;
    return new VpcSecurityGroupIngressRule(this, ruleId, {
      provider: this.provider,
      securityGroupId: this.securityGroup.id,
      ipProtocol: 'tcp',
      fromPort: PRIVATE_LINK_DEFAULTS.port,
      toPort: PRIVATE_LINK_DEFAULTS.port,
      cidrIpv4: cidr,
      description: privateLinkIngressDescription(description),
      tags: this.tags,
    });
  }
}

/** The worker VPC a private hosted zone is associated with (the props both private zones share). */
export interface PrivateZoneVpcProps {
  /** The provider of the worker VPC's region. */
  readonly provider: AwsProvider;
  /** The worker VPC the zone is associated with. */
  readonly vpcId: string;
  /** The worker VPC's region. */
  readonly vpcRegion: string;
  /** Tags for the zone. @default - none */
  readonly tags?: { [key: string]: string };
}

/** Construction properties of `TemporalRegionalPrivateZone`: a VPC (`vpcId`, `vpcRegion`) to create the zone for, or an existing `zoneId`. */
export interface TemporalRegionalPrivateZoneProps {
  /** The provider of the zone's records (and of the zone, when created). */
  readonly provider: AwsProvider;
  /** The worker VPC a new zone is associated with. @default - none: `zoneId` must be given */
  readonly vpcId?: string;
  /** The worker VPC's region. @default - the region of `provider` */
  readonly vpcRegion?: string;
  /**
   * An existing private zone named `region.tmprl.cloud`, already associated with the worker VPCs (e.g. the platform team's): the records are
   * written into it, and no zone or VPC association is created. A VPC can have only one private zone of a name (Route 53 refuses a second with
   * `ConflictingDomainExists`), so a VPC that already has this zone must use it.
   * @default - a new zone associated with `vpcId`
   */
  readonly zoneId?: string;
  /** Tags for the zone. @default - none */
  readonly tags?: { [key: string]: string };
  /** TTL of the Regional Endpoint records, in seconds. @default 60 */
  readonly recordTtlSeconds?: number;
  /** A comment on the hosted zone. @default - a description naming Temporal Cloud */
  readonly comment?: string;
}

/**
 * The `region.tmprl.cloud` private hosted zone of one worker VPC (a new zone associated with `vpcId`, or records only in an existing `zoneId`), for
 * namespaces with High Availability: one CNAME per reachable region,
 * `aws-<region>.region.tmprl.cloud` -> that region's Temporal VPC endpoint. It never holds a record for a Namespace Endpoint
 * (`<ns>.<account>.tmprl.cloud`): that would short-circuit Temporal's failover CNAME, so this block only writes Regional Endpoint names.
 */
export class TemporalRegionalPrivateZone extends Construct {
  /** The private hosted zone, when this block created it (undefined when given as `zoneId`). */
  public readonly zone?: Route53Zone;
  /** The id of the zone the records are in (the one created, or `zoneId`). */
  public readonly zoneId: string;
  /** The records, by AWS region they point to. */
  public readonly records: { [awsRegion: string]: Route53Record } = {};
  private readonly provider: AwsProvider;
  private readonly ttl: number;

  constructor(scope: Construct, id: string, props: TemporalRegionalPrivateZoneProps) {
    super(scope, id);
    throwIfProblems('TemporalRegionalPrivateZone', this.node.path, checkRegionalZoneInput({
      vpcGiven: props.vpcId !== undefined, zone: props.zoneId === undefined ? undefined : { id: props.zoneId },
    }, 'vpcId', 'zoneId', this.node.path));
    this.provider = props.provider;
    this.ttl = props.recordTtlSeconds ?? PRIVATE_ZONE_DEFAULTS.recordTtlSeconds;
    const vpc = { provider: props.provider, vpcId: props.vpcId!, vpcRegion: props.vpcRegion ?? props.provider.region, tags: props.tags };
    const comment = props.comment ?? privateZoneComment();
    this.zone = props.zoneId === undefined ? privateZone(this, vpc, PRIVATE_ZONE_DEFAULTS.zoneName, comment) : undefined;
    this.zoneId = props.zoneId ?? this.zone!.zoneId;
  }

  /**
   * Adds `aws-<region>.region.tmprl.cloud` CNAME `endpointDnsName` (that region's Temporal VPC endpoint).
   * @param awsRegion the Temporal Cloud region the endpoint serves (`us-east-1` or `aws-us-east-1`)
   * @param endpointDnsName that region's PrivateLink VPC endpoint DNS name (`TemporalPrivateLinkEndpoint.dnsName`)
   */
  public addRegionRecord(awsRegion: string, endpointDnsName: string): Route53Record {
    const { record, problems } = regionRecord(awsRegion, endpointDnsName, Object.keys(this.records), this.node.path);
    throwIfProblems('TemporalRegionalPrivateZone', this.node.path, problems);
    this.records[record.key] = new Route53Record(this, record.id, {
      provider: this.provider,
      zoneId: this.zoneId,
      name: record.name,
      type: 'CNAME',
      ttl: this.ttl,
      records: [endpointDnsName],
    });
    return this.records[record.key];
  }
}

/** Construction properties of `TemporalNamespacePrivateZone`. */
export interface TemporalNamespacePrivateZoneProps extends PrivateZoneVpcProps {
  /** The single-region namespace's endpoint host, `<ns>.<account>.tmprl.cloud`. */
  readonly namespaceHost: string;
  /** The Temporal VPC endpoint the name resolves to. */
  readonly endpoint: TemporalPrivateLinkEndpoint;
}

/**
 * For a SINGLE-REGION namespace only (no replica): a private zone for its Namespace Endpoint host with an alias record to the local Temporal VPC
 * endpoint. Never use it for a namespace with High Availability (use `TemporalRegionalPrivateZone`): the pattern constructs only create it for
 * single-region shards, and the rules reject it otherwise.
 */
export class TemporalNamespacePrivateZone extends Construct {
  /** The private hosted zone. */
  public readonly zone: Route53Zone;
  /** The alias record at the zone apex. */
  public readonly record: Route53Record;

  constructor(scope: Construct, id: string, props: TemporalNamespacePrivateZoneProps) {
    super(scope, id);
    this.zone = privateZone(this, props, props.namespaceHost, privateZoneComment(props.namespaceHost));
    this.record = new Route53Record(this, 'Record', {
      provider: props.provider,
      zoneId: this.zone.zoneId,
      name: props.namespaceHost,
      type: 'A',
      alias: { name: props.endpoint.dnsName, zoneId: props.endpoint.hostedZoneId, evaluateTargetHealth: false },
    });
  }
}

/** A private hosted zone `name` associated with the worker VPC. */
function privateZone(
  scope: Construct, props: Omit<PrivateZoneVpcProps, 'vpcRegion'> & { vpcRegion?: string }, name: string, comment: string,
): Route53Zone {
  // Without a region, Terraform associates the VPC of the provider's region.
  const vpc = [{ vpcId: props.vpcId, vpcRegion: props.vpcRegion === undefined ? undefined : normalizeAwsRegion(props.vpcRegion) }];
  return new Route53Zone(scope, 'Zone', { provider: props.provider, name, comment, vpc, tags: props.tags });
}

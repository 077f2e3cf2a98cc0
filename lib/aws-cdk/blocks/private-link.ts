import { Duration, Fn, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as targets from 'aws-cdk-lib/aws-route53-targets';
import { Construct } from 'constructs';
import {
  checkPrivateLinkEndpoint, checkRegionalZoneInput, PRIVATE_ZONE_DEFAULTS, privateLinkEndpointSettings, privateLinkIngressDescription,
  privateZoneComment, regionRecord,
} from '../../core/components/private-link';
import { throwIfProblems } from '../../core/errors';

/** Construction properties of `TemporalPrivateLinkEndpoint`. */
export interface TemporalPrivateLinkEndpointProps {
  /** The VPC to create the interface endpoint in. */
  readonly vpc: ec2.IVpc;
  /**
   * The AWS region of the endpoint: the stack's (Temporal Cloud does not support AWS cross-region
   * interface endpoints). Needed only when the stack's region is a token.
   * @default - the stack's region
   */
  readonly region?: string;
  /**
   * Peers allowed to connect on TCP 7233: add other regions' Worker VPCs (over peering or Transit
   * Gateway) here, or later with `connections.allowFrom(...)`.
   * @default - the VPC's IPv4 CIDR
   */
  readonly allowFrom?: ec2.IPeer[];
  /** Subnets for the endpoint's network interfaces (one per Availability Zone). @default - private subnets of the VPC, one per Availability Zone */
  readonly subnets?: ec2.SubnetSelection;
  /**
   * Restrict the subnets to the Availability Zones of Temporal's endpoint service (an AWS lookup at
   * synth time: the stack needs account and region credentials to synthesize).
   * @default false
   */
  readonly lookupSupportedAzs?: boolean;
  /**
   * The endpoint service name, for a PrivateLink service Temporal gave you outside the region catalog.
   * @default - Temporal Cloud's service in the endpoint's region, from the region catalog
   */
  readonly serviceName?: string;
}

/**
 * An interface VPC endpoint to Temporal Cloud's AWS PrivateLink service in the stack's region, with its own security group admitting TCP 7233.
 * Private DNS is off (Temporal's endpoint service has no private DNS name): route the Regional Endpoint name to `dnsName` with a
 * `TemporalRegionalPrivateZone`, and register the endpoint id (`endpoint.vpcEndpointId`) as a private connectivity rule on the namespace in Temporal
 * Cloud.
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
    const input = { region: props.region, regionProp: 'region', deployRegion: Stack.of(this).region, deployer: 'stack', serviceName: props.serviceName };
    throwIfProblems('TemporalPrivateLinkEndpoint', this.node.path, checkPrivateLinkEndpoint(input, this.node.path));
    const settings = privateLinkEndpointSettings(input);
    this.awsRegion = settings.awsRegion;
    this.serviceName = settings.serviceName;
    this.regionalEndpointHost = settings.regionalEndpointHost;

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: settings.securityGroupDescription,
      allowAllOutbound: false,
    });
    for (const peer of props.allowFrom ?? [ec2.Peer.ipv4(props.vpc.vpcCidrBlock)]) {
      this.securityGroup.addIngressRule(peer, ec2.Port.tcp(settings.port), privateLinkIngressDescription());
    }

    this.endpoint = new ec2.InterfaceVpcEndpoint(this, 'Endpoint', {
      vpc: props.vpc,
      service: new ec2.InterfaceVpcEndpointService(settings.serviceName, settings.port),
      privateDnsEnabled: settings.privateDnsEnabled,
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

/** Construction properties of `TemporalRegionalPrivateZone`: a `vpc` to create the zone for, or an existing `hostedZone` to write into. */
export interface TemporalRegionalPrivateZoneProps {
  /**
   * The first VPC to associate a new zone with (a Route 53 private zone cannot exist without one). Add more with `addVpc`.
   * @default - none: `hostedZone` must be given
   */
  readonly vpc?: ec2.IVpc;
  /**
   * An existing private zone named `region.tmprl.cloud`, already associated with the worker VPCs (e.g. the platform team's): the records are
   * written into it, and no zone or VPC association is created. A VPC can have only one private zone of a name (Route 53 refuses a second with
   * `ConflictingDomainExists`), so a VPC that already has this zone must use it.
   * @default - a new zone associated with `vpc`
   */
  readonly hostedZone?: route53.IHostedZone;
  /** TTL of the Regional Endpoint records. @default Duration.seconds(60) */
  readonly recordTtl?: Duration;
  /** A comment on the hosted zone. @default - a description naming Temporal Cloud */
  readonly comment?: string;
}

/**
 * The Route 53 private hosted zone `region.tmprl.cloud` that sends Temporal Cloud Regional Endpoint names (`aws-<region>.region.tmprl.cloud`) to your
 * PrivateLink endpoints, for High Availability namespaces: a new zone associated with `vpc`, or records only in an existing zone (`hostedZone`). The Namespace Endpoint keeps resolving publicly to its failover CNAME, which lands on
 * these records: this construct never creates a Namespace Endpoint record (it would pin Workers to one region and break failover). Add a record for
 * every region the namespaces replicate in (`addRegionRecord` or `addEndpoint`): a region without one gets NXDOMAIN inside associated VPCs.
 * Ordering: Temporal advises creating the records before a VPC sees the zone, but a private zone cannot exist without a VPC, so the records follow
 * the zone within one deployment (seconds). For Workers that already resolve `*.region.tmprl.cloud` publicly, deploy the zone before switching them
 * to private connectivity, or at a quiet time. VPCs added later with `addVpc` see the records.
 */
export class TemporalRegionalPrivateZone extends Construct {
  /** The private hosted zone `region.tmprl.cloud` (the one created, or the one given as `hostedZone`). */
  public readonly hostedZone: route53.IHostedZone;
  /** The zone's name, `region.tmprl.cloud`. */
  public readonly zoneName: string;
  private readonly ttl: Duration;
  private readonly created?: route53.PrivateHostedZone;
  private readonly records = new Map<string, route53.CnameRecord>();

  constructor(scope: Construct, id: string, props: TemporalRegionalPrivateZoneProps) {
    super(scope, id);
    throwIfProblems('TemporalRegionalPrivateZone', this.node.path, checkRegionalZoneInput({
      vpcGiven: props.vpc !== undefined, zone: props.hostedZone && { name: zoneNameOf(props.hostedZone), id: props.hostedZone.hostedZoneId },
    }, 'vpc', 'hostedZone', this.node.path));
    this.ttl = props.recordTtl ?? Duration.seconds(PRIVATE_ZONE_DEFAULTS.recordTtlSeconds);
    this.zoneName = PRIVATE_ZONE_DEFAULTS.zoneName;
    this.created = props.hostedZone ? undefined : new route53.PrivateHostedZone(this, 'Zone', {
      zoneName: this.zoneName,
      vpc: props.vpc!,
      comment: props.comment ?? privateZoneComment(),
    });
    this.hostedZone = props.hostedZone ?? this.created!;
  }

  /** Associates another VPC (where Workers run) with the zone (a zone given as `hostedZone` keeps the associations its owner made). */
  public addVpc(vpc: ec2.IVpc): void {
    const problems = checkRegionalZoneInput({ vpcGiven: true, addVpc: !this.created }, 'addVpc', 'hostedZone', this.node.path);
    throwIfProblems('TemporalRegionalPrivateZone', this.node.path, problems);
    this.created!.addVpc(vpc);
  }

  /**
   * Adds `aws-<awsRegion>.region.tmprl.cloud` CNAME `endpointDnsName`.
   * @param awsRegion the Temporal Cloud region the endpoint serves (`us-east-1` or `aws-us-east-1`)
   * @param endpointDnsName that region's PrivateLink VPC endpoint DNS name (`TemporalPrivateLinkEndpoint.dnsName`)
   */
  public addRegionRecord(awsRegion: string, endpointDnsName: string): route53.CnameRecord {
    const { record, problems } = regionRecord(awsRegion, endpointDnsName, [...this.records.keys()], this.node.path);
    throwIfProblems('TemporalRegionalPrivateZone', this.node.path, problems);
    const cname = new route53.CnameRecord(this, record.id, {
      zone: this.hostedZone,
      // Fully qualified (a trailing dot): a zone imported by id alone has no name to append.
      recordName: `${record.name}.`,
      domainName: endpointDnsName,
      ttl: this.ttl,
      comment: PRIVATE_ZONE_DEFAULTS.recordComment,
    });
    this.records.set(record.key, cname);
    return cname;
  }

  /** Adds the Regional Endpoint record of a `TemporalPrivateLinkEndpoint` (same as `addRegionRecord(endpoint.awsRegion, endpoint.dnsName)`). */
  public addEndpoint(endpoint: TemporalPrivateLinkEndpoint): route53.CnameRecord {
    return this.addRegionRecord(endpoint.awsRegion, endpoint.dnsName);
  }
}

/** Construction properties of `TemporalNamespacePrivateZone`. */
export interface TemporalNamespacePrivateZoneProps {
  /** The Worker VPC the zone is associated with. */
  readonly vpc: ec2.IVpc;
  /** The single-region namespace's endpoint host, `<ns>.<account>.tmprl.cloud`. */
  readonly namespaceHost: string;
  /** The Temporal VPC endpoint the name resolves to. */
  readonly endpoint: TemporalPrivateLinkEndpoint;
}

/**
 * For a SINGLE-REGION namespace only (no replica): a private zone for its Namespace Endpoint host whose apex is an alias of the local Temporal VPC
 * endpoint. Never use it for a namespace with High Availability (use `TemporalRegionalPrivateZone`): the pattern constructs only create it for
 * single-region namespaces, and the rules reject it otherwise.
 */
export class TemporalNamespacePrivateZone extends Construct {
  /** The private hosted zone. */
  public readonly hostedZone: route53.PrivateHostedZone;
  /** The alias record at the zone apex. */
  public readonly record: route53.ARecord;

  constructor(scope: Construct, id: string, props: TemporalNamespacePrivateZoneProps) {
    super(scope, id);
    this.hostedZone = new route53.PrivateHostedZone(this, 'Zone', {
      zoneName: props.namespaceHost,
      vpc: props.vpc,
      comment: privateZoneComment(props.namespaceHost),
    });
    this.record = new route53.ARecord(this, 'Endpoint', {
      zone: this.hostedZone,
      target: route53.RecordTarget.fromAlias(new targets.InterfaceVpcEndpointTarget(props.endpoint.endpoint)),
    });
  }
}

/** A zone's name when it has one (`HostedZone.fromHostedZoneId` throws on `zoneName`). */
export function zoneNameOf(zone: route53.IHostedZone): string | undefined {
  try {
    return zone.zoneName;
  } catch {
    return undefined;
  }
}

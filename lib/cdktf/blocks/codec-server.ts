import { Construct } from 'constructs';
import { loadBalancedService, LoadBalancedServiceProps } from './load-balanced';
import {
  checkCodecServer, CodecServerEnv, CodecServerServiceOptions, CodecServerSettings, codecServerUrl, resolveCodecServer,
} from '../../core/components/codec-server';
import { throwIfProblems } from '../../core/errors';
import { FleetState } from '../../core/model';
import { AcmCertificate, AcmCertificateValidation, AwsProvider, EcsService, Lb, LbTargetGroup, Route53Record } from '../engine';

export type { LoadBalancedServiceProps } from './load-balanced';
export type { CodecServerServiceOptions, CodecServerSettings } from '../../core/components/codec-server';

/** Construction properties of `TemporalCodecServer`. */
export interface TemporalCodecServerProps extends LoadBalancedServiceProps, CodecServerServiceOptions {
  /** Subnets for the load balancer. @default subnetIds (public subnets are needed when internetFacing) */
  readonly loadBalancerSubnetIds?: string[];
  /**
   * ARN of the ACM certificate for the HTTPS listener, in the provider's region; it must cover `domainName` (not checkable at synth).
   * @default - with `domainName` and `hostedZoneId`, a new certificate for `domainName`, DNS-validated in the zone (which must be public);
   * otherwise required
   */
  readonly certificateArn?: string;
  /**
   * The DNS name people's browsers (the Web UI calls the codec server from them) and Workers reach the codec server at, for `url`.
   * @default - the load balancer's DNS name, which no public certificate covers
   */
  readonly domainName?: string;
  /**
   * The Route 53 hosted zone to write `domainName`'s alias A record (to the load balancer) in: a public zone, or a private zone of the network
   * the browsers resolve (not the worker VPC's).
   * @default - no record: create it yourself (or a failover record for several regions)
   */
  readonly hostedZoneId?: string;
}

/**
 * A codec server (your image) on ECS Fargate behind an Application Load Balancer with an HTTPS listener (TLS 1.2+ policy, invalid header fields
 * dropped). The container gets `PORT` and `CORS_ALLOWED_ORIGINS` (the Temporal Cloud web UI calls it from the browser).
 */
export class TemporalCodecServer extends Construct {
  /** Environment variable holding the port the container listens on. */
  public static readonly PORT_ENV: string = CodecServerEnv.PORT;
  /** Environment variable holding the comma-separated CORS origins. */
  public static readonly CORS_ALLOWED_ORIGINS_ENV: string = CodecServerEnv.CORS_ALLOWED_ORIGINS;

  /** The Application Load Balancer. */
  public readonly loadBalancer: Lb;
  /** The target group (its health feeds the failover alarms). */
  public readonly targetGroup: LbTargetGroup;
  /** The ECS service. */
  public readonly service: EcsService;
  /** `https://<domainName or load balancer DNS name>`. */
  public readonly url: string;
  /** The ARN of the listener's certificate (given, or requested for `domainName` and validated). */
  public readonly certificateArn: string;
  /** The alias record of `domainName` in `hostedZoneId`, when a zone was given. */
  public readonly dnsRecord?: Route53Record;
  /** The resolved settings: ports, health check, CORS origins, sizing, the container's environment. */
  public readonly settings: CodecServerSettings;

  constructor(scope: Construct, id: string, props: TemporalCodecServerProps) {
    super(scope, id);
    const awsRegion = props.provider.region ?? '';
    const input = {
      ...props, allowedCidrs: props.allowFromCidrs, awsRegion: props.provider.region, hostedZoneGiven: props.hostedZoneId !== undefined,
    };
    throwIfProblems('TemporalCodecServer', this.node.path, checkCodecServer(input, '', this.node.path, { allowedCidrs: 'allowFromCidrs' }));
    this.settings = resolveCodecServer(input, awsRegion, FleetState.ACTIVE);
    // A missing certificate (no name and zone to request one for) is reported by checkCodecServer above.
    this.certificateArn = props.certificateArn
      ?? requestCertificate(this, props.provider, this.settings.domainName!, props.hostedZoneId!, props.tags);
    const parts = loadBalancedService(this, props, {
      kind: 'application',
      settings: { ...this.settings, certificateArn: this.certificateArn },
      loadBalancerSubnetIds: props.loadBalancerSubnetIds,
      description: 'Temporal codec server',
    });
    this.loadBalancer = parts.loadBalancer;
    this.targetGroup = parts.targetGroup;
    this.service = parts.service;
    // The load balancer is IPv4 only (no dualstack), so an A record is all it answers to.
    if (this.settings.dnsRecord) {
      this.dnsRecord = new Route53Record(this, 'DnsRecord', {
        provider: props.provider,
        zoneId: props.hostedZoneId!,
        name: this.settings.domainName!,
        type: 'A',
        alias: { name: this.loadBalancer.dnsName, zoneId: this.loadBalancer.zoneId, evaluateTargetHealth: true },
      });
    }
    this.url = codecServerUrl(this.settings, this.loadBalancer.dnsName);
  }
}

/** A public certificate for `domainName`, DNS-validated through a record in the zone; the ARN is the validation's (usable once issued). */
function requestCertificate(scope: Construct, provider: AwsProvider, domainName: string, zoneId: string, tags?: { [key: string]: string }): string {
  const certificate = new AcmCertificate(scope, 'Certificate', {
    provider, domainName, validationMethod: 'DNS', lifecycle: { createBeforeDestroy: true }, tags,
  });
  // One name, one validation record (https://docs.aws.amazon.com/acm/latest/userguide/dns-validation.html).
  const option = certificate.domainValidationOptions.get(0);
  const record = new Route53Record(scope, 'CertificateValidationRecord', {
    provider,
    zoneId,
    name: option.resourceRecordName,
    type: option.resourceRecordType,
    records: [option.resourceRecordValue],
    ttl: 60,
    allowOverwrite: true,
  });
  return new AcmCertificateValidation(scope, 'CertificateValidation', {
    provider, certificateArn: certificate.arn, validationRecordFqdns: [record.fqdn],
  }).certificateArn;
}

import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as targets from 'aws-cdk-lib/aws-route53-targets';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { loadBalancedService, LoadBalancedServiceProps } from './load-balanced-service';
import {
  checkCodecServer, CodecServerEnv, CodecServerInput, CodecServerServiceOptions, CodecServerSettings, codecServerUrl, resolveCodecServer,
} from '../../core/components/codec-server';
import { throwIfProblems } from '../../core/errors';
import { FleetState } from '../../core/model';

export type { LoadBalancedServiceProps } from './load-balanced-service';
export type { CodecServerServiceOptions, CodecServerSettings } from '../../core/components/codec-server';

/** Construction properties of `TemporalCodecServer`. */
export interface TemporalCodecServerProps extends LoadBalancedServiceProps, CodecServerServiceOptions {
  /**
   * The certificate of the HTTPS listener, in the stack's region; it must cover `domainName` (not checkable at synth for an imported ARN).
   * @default - with `domainName` and `hostedZone`, a new certificate for `domainName`, DNS-validated in the zone (which must be public);
   * otherwise required
   */
  readonly certificate?: acm.ICertificate;
  /**
   * The DNS name people's browsers (the Web UI calls the codec server from them) and Workers reach the codec server at, for `url`.
   * @default - the load balancer's DNS name, which no public certificate covers
   */
  readonly domainName?: string;
  /**
   * The hosted zone to write `domainName`'s alias A record (to the load balancer) in: a public zone, or a private zone of the network the
   * browsers resolve (not the worker VPC's).
   * @default - no record: create it yourself (or a failover record for several regions)
   */
  readonly hostedZone?: route53.IHostedZone;
  /**
   * IPv4 CIDRs allowed to reach the HTTPS listener (port 443). Ignored when `allowFrom` is set.
   * @default - the VPC's IPv4 CIDR for an internal load balancer; any IPv4 address when internet-facing
   */
  readonly allowedCidrs?: string[];
  /** Peers allowed to reach the HTTPS listener (port 443). @default - `allowedCidrs` */
  readonly allowFrom?: ec2.IPeer[];
  /** Subnets for the load balancer. @default - public subnets when internet-facing, private subnets otherwise */
  readonly loadBalancerSubnets?: ec2.SubnetSelection;
  /**
   * Bucket for the load balancer's access logs (it must let Elastic Load Balancing write, and use SSE-S3 encryption).
   * @default - a new bucket: SSE-S3, SSL-only, public access blocked, retained on stack deletion
   */
  readonly accessLogsBucket?: s3.IBucket;
  /** Versioning on the access-log bucket the construct creates (ignored with `accessLogsBucket`). @default false */
  readonly accessLogsVersioned?: boolean;
  /** Key prefix of the access logs. @default 'codec-server' */
  readonly accessLogsPrefix?: string;
  /** TLS policy of the HTTPS listener. @default elbv2.SslPolicy.RECOMMENDED_TLS (TLS 1.2 and 1.3) */
  readonly sslPolicy?: elbv2.SslPolicy;
}

/**
 * A Temporal codec server (your image) on ECS Fargate behind an Application Load Balancer with an HTTPS listener only (TLS 1.2+, invalid header
 * fields dropped, access logs to an SSL-only bucket). Container contract: the container serves plain HTTP on the port in `PORT`, answers `POST
 * /encode` and `POST /decode` (Temporal's remote codec protocol), returns 200 on the health check path, and allows the browser origins listed,
 * comma-separated, in `CORS_ALLOWED_ORIGINS` (the Temporal Cloud web UI is `https://cloud.temporal.io`).
 */
export class TemporalCodecServer extends Construct {
  /** Environment variable holding the port the container must listen on. */
  public static readonly PORT_ENV: string = CodecServerEnv.PORT;
  /** Environment variable holding the comma-separated CORS origins the container must allow. */
  public static readonly CORS_ALLOWED_ORIGINS_ENV: string = CodecServerEnv.CORS_ALLOWED_ORIGINS;

  /** The Application Load Balancer. */
  public readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  /** The HTTPS listener. */
  public readonly listener: elbv2.ApplicationListener;
  /** The target group of the service (its HealthyHostCount drives failover health checks). */
  public readonly targetGroup: elbv2.ApplicationTargetGroup;
  /** The ECS service. */
  public readonly service: ecs.FargateService;
  /** The task definition. */
  public readonly taskDefinition: ecs.FargateTaskDefinition;
  /** The codec server container. */
  public readonly container: ecs.ContainerDefinition;
  /** Connections of the load balancer (HTTPS 443 from `allowFrom`). */
  public readonly connections: ec2.Connections;
  /** The bucket receiving the access logs. */
  public readonly accessLogsBucket: s3.IBucket;
  /** The certificate of the HTTPS listener (given, or requested for `domainName`). */
  public readonly certificate: acm.ICertificate;
  /** The alias record of `domainName` in `hostedZone`, when a zone was given. */
  public readonly dnsRecord?: route53.ARecord;
  /** The codec server URL, `https://<domainName or load balancer DNS name>`. */
  public readonly url: string;
  /** The resolved settings: ports, health check, CORS origins, sizing, the container's environment. */
  public readonly settings: CodecServerSettings;

  constructor(scope: Construct, id: string, props: TemporalCodecServerProps) {
    super(scope, id);
    const awsRegion = Stack.of(this).region;
    const input: CodecServerInput = {
      ...props, certificateArn: props.certificate?.certificateArn, awsRegion, hostedZoneGiven: props.hostedZone !== undefined,
    };
    throwIfProblems('TemporalCodecServer', this.node.path, checkCodecServer(input, '', this.node.path));
    const settings = resolveCodecServer(input, awsRegion, FleetState.ACTIVE);
    const vpc = props.cluster.vpc;

    const parts = loadBalancedService(this, props, {
      settings,
      containerId: 'CodecServer',
      peers: props.allowFrom ?? (settings.allowedCidrs ?? [vpc.vpcCidrBlock]).map((cidr) => ec2.Peer.ipv4(cidr)),
      securityGroupDescription: 'Temporal codec server load balancer: HTTPS from allowed peers',
      ingressDescription: 'HTTPS to the codec server',
    });
    this.taskDefinition = parts.taskDefinition;
    this.container = parts.container;
    this.service = parts.service;

    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc,
      internetFacing: settings.internetFacing,
      securityGroup: parts.loadBalancerSecurityGroup,
      vpcSubnets: props.loadBalancerSubnets,
      dropInvalidHeaderFields: true,
      deletionProtection: props.deletionProtection,
    });
    this.accessLogsBucket = props.accessLogsBucket ?? new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: props.accessLogsVersioned,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.loadBalancer.logAccessLogs(this.accessLogsBucket, props.accessLogsPrefix ?? settings.accessLogsPrefix);
    this.connections = this.loadBalancer.connections;
    // A missing certificate (no name and zone to request one for) is reported by checkCodecServer above.
    this.certificate = props.certificate ?? new acm.Certificate(this, 'Certificate', {
      domainName: settings.domainName!,
      validation: acm.CertificateValidation.fromDns(props.hostedZone),
    });

    this.listener = this.loadBalancer.addListener('Https', {
      port: settings.listenerPort,
      protocol: elbv2.ApplicationProtocol.HTTPS,
      certificates: [elbv2.ListenerCertificate.fromCertificateManager(this.certificate)],
      sslPolicy: props.sslPolicy ?? (settings.sslPolicy as elbv2.SslPolicy),
      open: false,
    });
    this.targetGroup = this.listener.addTargets('CodecServer', {
      port: settings.containerPort,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targets: [this.service.loadBalancerTarget({ containerName: this.container.containerName, containerPort: settings.containerPort })],
      healthCheck: { path: settings.healthCheckPath, healthyHttpCodes: '200' },
      deregistrationDelay: Duration.seconds(settings.deregistrationDelaySeconds),
    });
    this.settings = settings;
    // The load balancer is IPv4 only (no dualstack), so an A record is all it answers to.
    if (settings.dnsRecord) {
      this.dnsRecord = new route53.ARecord(this, 'DnsRecord', {
        zone: props.hostedZone!,
        recordName: `${settings.domainName}.`,
        target: route53.RecordTarget.fromAlias(new targets.LoadBalancerTarget(this.loadBalancer)),
      });
    }
    this.url = codecServerUrl(settings, this.loadBalancer.loadBalancerDnsName);
  }
}

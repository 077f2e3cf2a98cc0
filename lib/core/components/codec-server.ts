/**
 * A codec server: the user's image serving Temporal's remote codec protocol (`POST /encode`, `POST /decode`, https://docs.temporal.io/codec-server)
 * on ECS Fargate behind an HTTPS Application Load Balancer, so the Web UI and the CLI can show decoded payloads. Its inputs, defaults, checks and the
 * settings both engines emit.
 */
import { FleetState } from '../model';
import { normalizeAwsRegion } from '../regions';
import { byRegion, InputChecker, InputHit, isUnresolved, parseIpv4Cidr } from './input';
import { checkReservedEnvironment, checkServiceSizing, ComponentSizing, resolveComponentService, ServiceSettings, sortedEnvironment } from './service';

/** Rule id of the checks on a codec server's inputs. */
export const CODEC_SERVER_SETTINGS_RULE = 'TEMPORAL_CODEC_SERVER_SETTINGS';

/** The environment variables the codec server container reads (its contract). */
export const CodecServerEnv = {
  /** The port to serve plain HTTP on. */
  PORT: 'PORT',
  /** The browser origins to allow, comma-separated. */
  CORS_ALLOWED_ORIGINS: 'CORS_ALLOWED_ORIGINS',
} as const;

/** The codec server settings a block's props and a pattern's codec server options share. */
export interface CodecServerServiceOptions extends ComponentSizing {
  /** The port the container serves plain HTTP on (`PORT`). @default 8080 */
  readonly containerPort?: number;
  /** The path the load balancer health-checks (expects HTTP 200). @default '/health' */
  readonly healthCheckPath?: string;
  /**
   * Browser origins allowed by CORS (`CORS_ALLOWED_ORIGINS`), each `scheme://host[:port]` without a
   * path or trailing slash. An empty list allows no browser origin (CLI and SDK use only).
   * @default ['https://cloud.temporal.io'] (the Temporal Cloud Web UI)
   */
  readonly corsAllowedOrigins?: string[];
  /**
   * Whether the load balancer is internet-facing. A codec server decodes payloads, so the default is
   * an internal load balancer reached over a private network (VPN, Direct Connect).
   * @default false
   */
  readonly internetFacing?: boolean;
}

/**
 * The engine-neutral part of both flavours' `CodecServerOptions`.
 * @internal a hidden base: jsii copies its props into the interfaces that extend it
 */
export interface CodecServerSettingsInput extends CodecServerServiceOptions {
  /**
   * HTTPS certificate ARN per AWS region (ACM certificates are regional: https://docs.aws.amazon.com/acm/latest/userguide/acm-regions.html), keyed
   * `us-east-1` (or `aws-us-east-1`), e.g. `{ 'us-east-1': 'arn:aws:acm:us-east-1:111111111111:certificate/...' }`. Each must be a certificate of
   * its key's region (checked at synth) and cover that region's name in `domainNames` (not checkable at synth: the ARN is all the library sees).
   * @default - none: each region needs one, unless it has a name in `domainNames` and the flavour's hosted zone is given, in which case a
   * DNS-validated certificate for that name is requested in the region (validation needs a public zone)
   */
  readonly certificateArns?: { [awsRegion: string]: string };
  /**
   * The name people's browsers reach the codec server at, per AWS region, keyed like `certificateArns`, e.g.
   * `{ 'us-east-1': 'codec-use1.example.com', 'us-west-2': 'codec-usw2.example.com' }`. Workers are given `https://<name>`, and with the
   * flavour's hosted zone the name gets an alias record to the region's load balancer. The Temporal Web UI calls the codec server from the
   * user's browser (https://docs.temporal.io/production-deployment/data-encryption), so the name must resolve where those browsers are: a
   * public zone, or a private zone of the corporate network, not the worker VPCs' private zone.
   * @default - none: the URL is the load balancer's DNS name, which no public certificate covers (browsers reject it; a warning says so)
   */
  readonly domainNames?: { [awsRegion: string]: string };
  /**
   * IPv4 CIDRs allowed to reach the codec server over HTTPS: the networks operators' browsers and
   * the Temporal CLI come from (VPN, office, Direct Connect).
   * @default - the worker VPC's CIDR (any IPv4 address when internet-facing)
   */
  readonly allowedCidrs?: string[];
}

/** What the codec server checks and settings read: a pattern's options or a block's props. */
export interface CodecServerInput extends Partial<CodecServerSettingsInput> {
  /** A block's one certificate, for the load balancer in `awsRegion`. */
  readonly certificateArn?: string;
  /** The region of a block (to check `certificateArn` against). */
  readonly awsRegion?: string;
  /** A block's browser-facing name. */
  readonly domainName?: string;
  /** Whether a hosted zone for the name's record was given (the zone is an engine object: only its presence matters here). */
  readonly hostedZoneGiven?: boolean;
  /** Extra plain environment variables of the container. */
  readonly environment?: { [key: string]: string };
}

/** Defaults, written once. */
export const CODEC_SERVER_DEFAULTS = {
  containerName: 'codec-server',
  containerPort: 8080,
  healthCheckPath: '/health',
  corsAllowedOrigins: ['https://cloud.temporal.io'] as readonly string[],
  internetFacing: false,
  /** Who reaches an internet-facing codec server unless `allowedCidrs` says otherwise: any IPv4 address. */
  internetFacingCidrs: ['0.0.0.0/0'] as readonly string[],
  accessLogsPrefix: 'codec-server',
  /** HTTPS only. */
  listenerPort: 443,
  /** TLS 1.3 and 1.2 (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html). */
  sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
  deregistrationDelaySeconds: 30,
} as const;

/** A codec server's resolved settings: what both engines write. */
export interface CodecServerSettings extends ServiceSettings {
  readonly containerName: string;
  readonly containerPort: number;
  readonly listenerPort: number;
  readonly healthCheckPath: string;
  readonly corsAllowedOrigins: string[];
  readonly internetFacing: boolean;
  /** Peers of the HTTPS listener; undefined: the VPC's CIDR (only the engine knows it). */
  readonly allowedCidrs?: string[];
  /** The certificate of the region's listener (undefined when none was given for the region). */
  readonly certificateArn?: string;
  /** The browser-facing name in this region (undefined: the load balancer's DNS name, which no certificate covers). */
  readonly domainName?: string;
  /** Whether an alias record `domainName -> load balancer` is written in the given hosted zone (IPv4 load balancer: an A record). */
  readonly dnsRecord: boolean;
  /** Whether a DNS-validated ACM certificate for `domainName` is requested (no certificate given, a name and a zone are). */
  readonly createCertificate: boolean;
  readonly sslPolicy: string;
  readonly accessLogsPrefix: string;
  readonly deregistrationDelaySeconds: number;
}

/** The settings of a codec server in `awsRegion` in a given state (cold standby: 0 tasks). */
export function resolveCodecServer(input: CodecServerInput | undefined, awsRegion: string, state: FleetState): CodecServerSettings {
  const d = CODEC_SERVER_DEFAULTS;
  const i = input ?? {};
  const containerPort = i.containerPort ?? d.containerPort;
  const corsAllowedOrigins = [...(i.corsAllowedOrigins ?? d.corsAllowedOrigins)];
  const internetFacing = i.internetFacing ?? d.internetFacing;
  const certificateArn = i.certificateArn ?? byRegion(i.certificateArns, awsRegion);
  const domainName = i.domainName ?? byRegion(i.domainNames, awsRegion);
  const dnsRecord = domainName !== undefined && i.hostedZoneGiven === true;
  return {
    ...resolveComponentService(i, state),
    containerName: d.containerName,
    containerPort,
    listenerPort: d.listenerPort,
    healthCheckPath: i.healthCheckPath ?? d.healthCheckPath,
    corsAllowedOrigins,
    internetFacing,
    allowedCidrs: i.allowedCidrs ?? (internetFacing ? [...d.internetFacingCidrs] : undefined),
    certificateArn,
    domainName,
    dnsRecord,
    createCertificate: certificateArn === undefined && dnsRecord,
    sslPolicy: d.sslPolicy,
    accessLogsPrefix: d.accessLogsPrefix,
    deregistrationDelaySeconds: d.deregistrationDelaySeconds,
    environment: sortedEnvironment({
      ...i.environment,
      [CodecServerEnv.PORT]: String(containerPort),
      [CodecServerEnv.CORS_ALLOWED_ORIGINS]: corsAllowedOrigins.join(','),
    }),
  };
}

/**
 * The block props that write planned settings (what a renderer passes to either flavour's
 * `TemporalCodecServer`; the block sets the container environment itself).
 */
export function codecServerServiceOptions(s: CodecServerSettings): CodecServerServiceOptions {
  const { containerPort, healthCheckPath, corsAllowedOrigins, internetFacing, cpu, memoryLimitMiB, desiredCount } = s;
  return { containerPort, healthCheckPath, corsAllowedOrigins, internetFacing, cpu, memoryLimitMiB, desiredCount };
}

/** The URL Workers and people use: `https://<domain name>`, else `https://<load balancer DNS name>` (which no certificate covers). */
export function codecServerUrl(s: Pick<CodecServerSettings, 'domainName'>, loadBalancerDnsName: string): string {
  return `https://${s.domainName ?? loadBalancerDnsName}`;
}

/** The prop each reserved variable comes from. */
const RESERVED: Record<string, string> = {
  [CodecServerEnv.PORT]: 'containerPort',
  [CodecServerEnv.CORS_ALLOWED_ORIGINS]: 'corsAllowedOrigins',
};

/**
 * Checks a codec server's inputs as the user wrote them, under `prefix` (`codecServer` for a
 * pattern, '' for a block). `names` renames props a block spells differently (e.g. `allowedCidrs`).
 */
export function checkCodecServer(
  input: CodecServerInput | undefined, prefix: string, path?: string, names: { readonly allowedCidrs?: string } = {},
): InputHit[] {
  const c = new InputChecker(CODEC_SERVER_SETTINGS_RULE, prefix, path);
  const i = input ?? {};
  c.wholeNumber('containerPort', i.containerPort, 1, 65535, 'use a TCP port such as 8080.');
  (i.corsAllowedOrigins ?? []).forEach((origin, n) => {
    if (isUnresolved(origin)) return;
    if (origin === '*') {
      c.add(`corsAllowedOrigins[${n}]`, origin, 'allows any origin: any web page could have browsers decode your payloads.', "list the origins, e.g. 'https://cloud.temporal.io'.");
    } else if (!/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(origin)) {
      c.add(`corsAllowedOrigins[${n}]`, origin, 'is not an origin (scheme://host[:port], no path or trailing slash).', "use e.g. 'https://cloud.temporal.io'.");
    }
  });
  const hc = i.healthCheckPath;
  if (hc !== undefined && !isUnresolved(hc) && !/^\/\S*$/.test(hc)) {
    c.add('healthCheckPath', hc, "is not a path: it must start with '/' and contain no spaces.", "use e.g. '/health'.");
  }
  const cidrsProp = names.allowedCidrs ?? 'allowedCidrs';
  (i.allowedCidrs ?? []).forEach((cidr, n) => {
    if (!isUnresolved(cidr) && !parseIpv4Cidr(cidr)) {
      c.add(`${cidrsProp}[${n}]`, cidr, 'is not an IPv4 CIDR block.', "use e.g. '10.0.0.0/16' (or '0.0.0.0/0' for any address).");
    }
  });
  checkDomainName(c, 'domainName', i.domainName);
  for (const [key, name] of Object.entries(i.domainNames ?? {})) checkDomainName(c, `domainNames.${key}`, name);
  checkReservedEnvironment(c, i.environment, RESERVED);
  for (const [key, arn] of Object.entries(i.certificateArns ?? {})) {
    checkCertificateArn(c, `certificateArns.${key}`, arn, isUnresolved(key) ? undefined : normalizeAwsRegion(key));
  }
  if (i.certificateArn !== undefined) checkCertificateArn(c, 'certificateArn', i.certificateArn, i.awsRegion);
  // A block (it knows its region) needs a certificate, or a name and a zone to request one in.
  if (i.awsRegion !== undefined && i.certificateArn === undefined && !(i.domainName !== undefined && i.hostedZoneGiven)) {
    c.add('certificate', undefined, 'the HTTPS listener needs a certificate.',
      'give a certificate of the region covering domainName, or domainName and a public hosted zone to have one requested and DNS-validated.');
  }
  return [...c.hits, ...checkServiceSizing(i, prefix, path, { scaled: false })];
}

/** A DNS name without scheme, path or wildcard (https://www.rfc-editor.org/rfc/rfc1123#section-2.1). */
function checkDomainName(c: InputChecker, prop: string, name: string | undefined): void {
  if (name === undefined || isUnresolved(name) || /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(name)) return;
  c.add(prop, name, 'is not a DNS name: a host name alone, without scheme, path, port or wildcard.', "use e.g. 'codec.example.com'.");
}

/** An ACM certificate ARN of `awsRegion` (when known): a load balancer only uses certificates of its own region. */
function checkCertificateArn(c: InputChecker, prop: string, arn: string, awsRegion: string | undefined): void {
  if (isUnresolved(arn)) return;
  const m = /^arn:aws[a-z-]*:acm:([a-z0-9-]+):\d{12}:certificate\/[A-Za-z0-9-]+$/.exec(arn ?? '');
  if (!m) {
    c.add(prop, arn, 'is not an ACM certificate ARN.', `use 'arn:aws:acm:${awsRegion ?? '<region>'}:<account>:certificate/<id>'.`);
  } else if (awsRegion !== undefined && !isUnresolved(awsRegion) && m[1] !== normalizeAwsRegion(awsRegion)) {
    c.add(prop, arn, `is a certificate of ${m[1]}, but ACM certificates are regional: the load balancer in ${normalizeAwsRegion(awsRegion)} cannot use it.`,
      `use a certificate requested or imported in ${normalizeAwsRegion(awsRegion)} (https://docs.aws.amazon.com/acm/latest/userguide/acm-regions.html).`);
  }
}

/**
 * What a rule is. Each rule lives in its own file beside this one, with a stable id (never renamed: users acknowledge warnings by id), a severity,
 * the documented sentence it enforces, and a pure check over the plan.
 */
import { Severity } from '../model';
import { DeploymentPlan } from '../plan';

/** A public documentation page (Temporal's or AWS's) a rule cites. */
export interface DocPage {
  /** The page title, e.g. `Connectivity for High Availability`. */
  readonly doc: string;
  /** The page's public URL (https://docs.temporal.io/... or https://docs.aws.amazon.com/...). */
  readonly url: string;
}

/**
 * Where a rule's sentence comes from: a public page and the sentence enforced. Rule files write `source: { ...DOCS.HA_CONNECTIVITY, quote: '...' }`.
 */
export interface RuleSource extends DocPage {
  /** The sentence enforced, quoted (or closely paraphrased) from the page. */
  readonly quote: string;
}

/** One problem a rule found. */
export interface RuleHit {
  /** The prop path the user can change, e.g. `endpoint` or `shards[1].pattern`. */
  readonly prop: string;
  /** The offending value, as the user wrote it (or as planned). */
  readonly value: string;
  /** Why this breaks failover (or deployment), in the user's words. */
  readonly message: string;
  /** What to change. */
  readonly fix: string;
  /** Construct path to report, when more precise than the plan's (e.g. a shard). */
  readonly path?: string;
}

export interface Rule {
  /** Stable id, `TEMPORAL_<AREA>_<WHAT>`. */
  readonly id: string;
  readonly severity: Severity;
  /** One line for the rules table. */
  readonly summary: string;
  readonly source: RuleSource;
  check(plan: DeploymentPlan): RuleHit[];
}

/** A value as users see it in messages. */
export { show } from '../components/input';

/**
 * The public pages the rules cite (title and URL). A rule file names one of these rather than
 * writing a URL itself, so that a moved page is fixed once.
 */
export const DOCS = {
  /** Temporal: Worker deployment patterns (Active/Cold, Active/Hot, Active/Active, sharding, Serverless Workers). */
  ARCHITECTURE_PATTERNS: {
    doc: 'Temporal Cloud: Worker deployment patterns for Active-Passive and Active-Active HA/DR',
    url: 'https://docs.temporal.io/cloud/high-availability/architecture-patterns',
  },
  /** Temporal: replication, replica regions and request forwarding. */
  HIGH_AVAILABILITY: {
    doc: 'Temporal Cloud: High Availability',
    url: 'https://docs.temporal.io/cloud/high-availability',
  },
  /** Temporal: Namespace Endpoint vs Regional Endpoint, mTLS server name, PrivateLink and private DNS for HA. */
  HA_CONNECTIVITY: {
    doc: 'Temporal Cloud: Connectivity for High Availability',
    url: 'https://docs.temporal.io/cloud/high-availability/ha-connectivity',
  },
  /** Temporal: the regions of each cloud, with their same-region, multi-region and multi-cloud replication partners. */
  REGIONS: {
    doc: 'Temporal Cloud: Service regions',
    url: 'https://docs.temporal.io/cloud/regions',
  },
  /** Temporal: Namespace names, account ids and endpoints. */
  NAMESPACES: {
    doc: 'Temporal Cloud: Namespaces',
    url: 'https://docs.temporal.io/cloud/namespaces',
  },
  /** Temporal: AWS PrivateLink requirements and the service name of each region. */
  AWS_PRIVATELINK: {
    doc: 'Temporal Cloud: AWS PrivateLink connectivity',
    url: 'https://docs.temporal.io/cloud/connectivity/aws-connectivity',
  },
  /** Temporal: codec servers (endpoints, HTTPS, CORS for the Web UI). */
  CODECS: {
    doc: 'Temporal: Codecs and Encryption',
    url: 'https://docs.temporal.io/production-deployment/data-encryption',
  },
  /** Temporal: what Serverless Workers are and how Temporal invokes them. */
  SERVERLESS_WORKERS: {
    doc: 'Temporal: Serverless Workers',
    url: 'https://docs.temporal.io/serverless-workers',
  },
  /** Temporal: Serverless Workers on AWS Lambda (invocation role, external ID). */
  SERVERLESS_LAMBDA: {
    doc: 'Temporal: Deploy a Serverless Worker on AWS Lambda',
    url: 'https://docs.temporal.io/production-deployment/worker-deployments/serverless-workers/aws-lambda',
  },
  /** AWS: Route 53 failover records in private hosted zones. */
  ROUTE53_PRIVATE_FAILOVER: {
    doc: 'Amazon Route 53: Configuring failover in a private hosted zone',
    url: 'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-private-hosted-zones.html',
  },
  /** AWS: VPC peering prerequisites (no overlapping CIDR blocks). */
  VPC_PEERING: {
    doc: 'Amazon VPC: Create a VPC peering connection',
    url: 'https://docs.aws.amazon.com/vpc/latest/peering/create-vpc-peering-connection.html',
  },
  /** AWS: ACM certificates are regional. */
  ACM_REGIONS: {
    doc: 'AWS Certificate Manager: Supported Regions',
    url: 'https://docs.aws.amazon.com/acm/latest/userguide/acm-regions.html',
  },
  /** AWS: requesting a public certificate (not for Amazon-owned names such as a load balancer's `*.elb.amazonaws.com`). */
  ACM_PUBLIC_REQUEST: {
    doc: 'AWS Certificate Manager: Request a public certificate',
    url: 'https://docs.aws.amazon.com/acm/latest/userguide/gs-acm-request-public.html',
  },
  /** AWS: the VPC endpoints Amazon ECR needs (ECR API, Docker registry, S3 gateway for layers, CloudWatch Logs). */
  ECR_VPC_ENDPOINTS: {
    doc: 'Amazon ECR interface VPC endpoints (AWS PrivateLink)',
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html',
  },
  /** AWS: an ECS task's network configuration (its subnets and security groups are from one VPC). */
  ECS_NETWORK_CONFIGURATION: {
    doc: 'Amazon ECS API Reference: NetworkConfiguration',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_NetworkConfiguration.html',
  },
  /** AWS: the VPC endpoints Amazon ECS tasks need (Fargate, Secrets Manager for container secrets). */
  ECS_VPC_ENDPOINTS: {
    doc: 'Amazon ECS interface VPC endpoints (AWS PrivateLink)',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/vpc-endpoints.html',
  },
  /** Temporal: the OpenMetrics metrics of Temporal Cloud (replication lag, polls), their labels and types. */
  CLOUD_OPENMETRICS: {
    doc: 'Temporal Cloud: OpenMetrics metrics reference',
    url: 'https://docs.temporal.io/cloud/metrics/openmetrics/metrics-reference',
  },
  /** AWS: SSM documents (the failover runbooks): their names and reserved prefixes. */
  SSM_AUTOMATION_DOCUMENTS: {
    doc: 'AWS Systems Manager API Reference: CreateDocument',
    url: 'https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_CreateDocument.html',
  },
  /** Temporal: recovery time and recovery point objectives per outage type, and what the application's recovery time also depends on. */
  RECOVERY_OBJECTIVES: {
    doc: 'Temporal Cloud: Outages and Recovery Objectives (RTO / RPO)',
    url: 'https://docs.temporal.io/cloud/rpo-rto',
  },
} satisfies Record<string, DocPage>;

import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * Records, on a resource this library creates, why ONE specific cdk-nag finding (an id with a `[...]` finding part, e.g.
 * `AwsSolutions-IAM5[Resource::<Fn.Arn>:*]`) is right by design.
 * Only finding-specific ids are acknowledged by the blocks: aws-cdk-lib matches an acknowledged id against every finding in the app, so acknowledging
 * a bare rule id (`AwsSolutions-ECS2`) here would also hide the user's own findings. The metadata is written as `Validations.acknowledge` writes it;
 * that method rejects ids holding `::` in aws-cdk-lib 2.258 (cdklabs/cdk-nag#2351).
 */
export function acknowledgeFindingByDesign(scope: IConstruct, findingId: string, reason: string): void {
  if (!/^AwsSolutions-[A-Z0-9]+\[.+\]$/.test(findingId)) {
    throw new Error(`internal: acknowledgeFindingByDesign takes one finding ('AwsSolutions-XX[...]'), not a rule id: ${findingId}`);
  }
  scope.node.addMetadata(Validations.ACKNOWLEDGED_RULES_METADATA_KEY, { [`AwsSolutions::${findingId}`]: reason }, { stackTrace: true });
}

/**
 * cdk-nag findings that this library's constructs raise by design, with the reasons: AwsSolutions (`INHERENT`), and NIST 800-53 R5 for
 * deployments with `hardened: true` (`HARDENED`).
 * aws-cdk-lib applies an acknowledgement to every finding of that rule in the whole app, so the library never acknowledges these for you: call
 * `acknowledge` on your App (or Stage) when these reasons hold for all of your resources, or acknowledge the rules yourself with your own reasons.
 */
export class TemporalHaNagFindings {
  /** The findings and why they are right for this library's resources. */
  public static readonly INHERENT: { [ruleId: string]: string } = {
    'AwsSolutions-ECS2': 'Task definitions of temporal-ha-constructs carry only non-secret settings as plain environment variables '
      + '(Temporal address, namespace, TLS server name, codec URL, ports, CORS origins); credentials come from Secrets Manager as container secrets.',
    'AwsSolutions-S1': 'The codec server\'s access-log bucket receives the load balancer\'s access logs; logging its own access would need another bucket for the log of the log.',
    'AwsSolutions-ELB2': 'The proxy\'s Network Load Balancer has a TCP passthrough listener (TLS ends at Temporal Cloud); NLB access logs exist only for TLS listeners, '
      + 'and connection-level visibility comes from the VPC flow logs.',
  };

  /**
   * cdk-nag NIST 800-53 R5 findings that stay by design in a deployment with `hardened: true`, with the reasons (see `acknowledgeHardened`).
   */
  public static readonly HARDENED: { [ruleId: string]: string } = {
    'NIST.800.53.R5-IAMNoInlinePolicy': 'aws-cdk-lib writes each role\'s grants (its own log group, secret, image repository) as a policy attached to '
      + 'that role only; the statements are scoped to those resources, and a managed policy would let other roles reuse them.',
    'NIST.800.53.R5-ALBWAFEnabled': 'The codec server\'s load balancer is internal unless you make it internet-facing, admits only the allowed CIDRs, '
      + 'serves HTTPS only (TLS 1.2+) and drops invalid headers; its bodies are encrypted payloads that the common managed rule set blocks above '
      + '8 KB. Associate your own web ACL with TemporalCodecServer.loadBalancer if it faces the internet.',
    'NIST.800.53.R5-S3BucketLoggingEnabled': 'The codec server\'s access-log bucket receives the load balancer\'s access logs; logging its own access '
      + 'would need another bucket for the log of the log.',
    'NIST.800.53.R5-S3BucketReplicationEnabled': 'Each region\'s codec server writes its access logs to its own region\'s bucket (versioned, retained on '
      + 'stack deletion); replicating them would add a bucket and a role per region and no log the other region lacks.',
    'NIST.800.53.R5-S3DefaultEncryptionKMS': 'Elastic Load Balancing writes access logs only to buckets encrypted with SSE-S3 (Amazon S3 managed keys), '
      + 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html.',
    'NIST.800.53.R5-ELBLoggingEnabled': 'The proxy\'s Network Load Balancer has a TCP passthrough listener (TLS ends at Temporal Cloud); NLB access logs '
      + 'exist only for TLS listeners, and connection-level visibility comes from the VPC flow logs.',
    'NIST.800.53.R5-ELBv2ACMCertificateRequired': 'The proxy\'s Network Load Balancer has a TCP passthrough listener: the TLS of the Temporal '
      + 'connection ends at Temporal Cloud, whose certificate the Workers verify; a TLS listener with an ACM certificate would end it at the load balancer.',
    'NIST.800.53.R5-CloudWatchAlarmAction': 'The capacity alarms (running tasks below what the failover state needs) and the failover names\' health '
      + 'alarms have no actions: Route 53 reads the health alarms, and a team routes alarm state changes with its own EventBridge rule or SNS topic '
      + '(the README shows the rule); the library does not choose where pages go.',
    'NIST.800.53.R5-VPCNoUnrestrictedRouteToIGW': 'Public subnets exist only for NAT gateways (WorkerEgress.NAT_GATEWAY) or an internet-facing codec '
      + 'server; their default route to the internet gateway is what NAT needs. WorkerEgress.VPC_ENDPOINTS creates no public subnets.',
  };

  /** Acknowledges `INHERENT` on `scope` (an App or Stage; the acknowledgement applies app-wide). */
  public static acknowledge(scope: IConstruct): void {
    for (const [id, reason] of Object.entries(TemporalHaNagFindings.INHERENT)) {
      Validations.of(scope).acknowledge({ id: `AwsSolutions::${id}`, reason });
    }
  }

  /**
   * Acknowledges `HARDENED` on `scope` (an App or Stage; the acknowledgement applies app-wide, so review the reasons against your own resources).
   * For apps that run cdk-nag's `NIST80053R5Checks` on deployments with `hardened: true`.
   */
  public static acknowledgeHardened(scope: IConstruct): void {
    for (const [id, reason] of Object.entries(TemporalHaNagFindings.HARDENED)) {
      Validations.of(scope).acknowledge({ id: `NIST.800.53.R5::${id}`, reason });
    }
  }

  private constructor() {}
}

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
 * cdk-nag AwsSolutions findings that this library's constructs raise by design, with the reasons.
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

  /** Acknowledges `INHERENT` on `scope` (an App or Stage; the acknowledgement applies app-wide). */
  public static acknowledge(scope: IConstruct): void {
    for (const [id, reason] of Object.entries(TemporalHaNagFindings.INHERENT)) {
      Validations.of(scope).acknowledge({ id: `AwsSolutions::${id}`, reason });
    }
  }

  private constructor() {}
}

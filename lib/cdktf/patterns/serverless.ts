/**
 * `ServerlessWorkers` (CDK for Terraform): Temporal Cloud invokes a Lambda function in whichever namespace region is active, so the Workers fail over
 * with the namespace and there is no fleet to bring up (Worker deployment patterns, "Serverless Workers failover":
 * https://docs.temporal.io/cloud/high-availability/architecture-patterns). One function per namespace region, registered under one Build ID;
 * Terraform outputs per region give what the Worker Deployment Version registration needs. The same runtime is available inside the other patterns
 * through their `serverlessWorkers` prop.
 */
import { Construct } from 'constructs';
import { TemporalDeploymentBase } from './deployment';
import { ServerlessWorkersProps } from '../options';

/** Serverless Workers in every namespace region, under one Build ID. */
export class ServerlessWorkers extends TemporalDeploymentBase {
  constructor(scope: Construct, id: string, props: ServerlessWorkersProps) {
    super(scope, id, 'ServerlessWorkers', props);
  }
}

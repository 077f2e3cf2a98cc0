/**
 * `ServerlessWorkers`: Temporal Cloud invokes a Lambda function in whichever namespace region is
 * active, so the Workers fail over with the namespace and there is no fleet to bring up (Temporal's
 * Worker deployment patterns, "Serverless Workers failover": https://docs.temporal.io/cloud/high-availability/architecture-patterns). One function per namespace region, registered under one Build ID;
 * each regional stack outputs what the Worker Deployment Version registration needs.
 * The same runtime is available inside the other patterns through their `serverlessWorkers` prop.
 */
import { Construct } from 'constructs';
import { ServerlessWorkersProps } from '../options';
import { TemporalDeploymentBase } from './deployment';

/** Serverless Workers in every namespace region, under one Build ID. */
export class ServerlessWorkers extends TemporalDeploymentBase {
  constructor(scope: Construct, id: string, props: ServerlessWorkersProps) {
    super(scope, id, 'ServerlessWorkers', props);
  }
}

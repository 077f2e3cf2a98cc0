/**
 * `ServerlessWorkers` (CDK for Terraform): Temporal Cloud invokes a Lambda function in whichever
 * namespace region is active, so the Workers fail over with the namespace and there is no fleet to
 * bring up (seed 000, "Serverless Workers failover"). One function per namespace region, registered
 * under one Build ID; Terraform outputs per region give what the Worker Deployment Version
 * registration needs.
 *
 * The same runtime is available inside the other patterns through their `serverlessWorkers` prop.
 */
import { Construct } from 'constructs';
import { singleNamespaceFleets, TemporalDeploymentBase } from './deployment';
import { DeploymentPattern, NamespaceSpec } from '../../core';
import { TemporalCredentials } from '../blocks/credentials';
import { ServerlessWorkerOptions, TemporalDeploymentSharedProps } from '../options';

/** Props of `ServerlessWorkers`. */
export interface ServerlessWorkersProps extends TemporalDeploymentSharedProps {
  /** The namespace, with its replica region (the function is deployed in both). */
  readonly namespace: NamespaceSpec;
  /** Credentials the function reads from Secrets Manager at cold start. */
  readonly credentials: TemporalCredentials;
  /** The function code per region, Build ID and invoker role's external ID. */
  readonly serverlessWorkers: ServerlessWorkerOptions;
}

/** Serverless Workers in every namespace region, under one Build ID. */
export class ServerlessWorkers extends TemporalDeploymentBase {
  constructor(scope: Construct, id: string, props: ServerlessWorkersProps) {
    const { part, fleets } = singleNamespaceFleets('ServerlessWorkers', `${scope.node.path}/${id}`, props);
    // Planned as Active/Active over the namespace's regions: a function in each, on the Namespace Endpoint
    // (no forwarding requirement and no standby fleet: Temporal Cloud starts the Workers where it is active).
    super(scope, id, 'ServerlessWorkers', props, { ...part, pattern: DeploymentPattern.ACTIVE_ACTIVE }, fleets);
  }
}

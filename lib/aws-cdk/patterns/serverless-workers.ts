/**
 * `ServerlessWorkers`: Temporal Cloud invokes a Lambda function in whichever namespace region is
 * active, so the Workers fail over with the namespace and there is no fleet to bring up (seed 000,
 * "Serverless Workers failover"). One function per namespace region, registered under one Build ID;
 * each regional stack outputs what the Worker Deployment Version registration needs.
 *
 * The same runtime is available inside the other patterns through their `serverlessWorkers` prop.
 */
import { Construct } from 'constructs';
import { DeploymentPattern, NamespaceSpec } from '../../core';
import { TemporalCredentials } from '../blocks/credentials';
import { ServerlessWorkerOptions, TemporalDeploymentSharedProps } from '../options';
import { singleNamespaceFleets, TemporalDeploymentBase } from './deployment';

/** Props of `ServerlessWorkers`. */
export interface ServerlessWorkersProps extends TemporalDeploymentSharedProps {
  /** The namespace, with its replica region (the function is deployed in both). */
  readonly namespace: NamespaceSpec;
  /** Credentials the function reads from Secrets Manager at cold start. */
  readonly credentials: TemporalCredentials;
  /** The function, Build ID and invoker role's external ID. */
  readonly serverlessWorkers: ServerlessWorkerOptions;
}

/** Serverless Workers in every namespace region, under one Build ID. */
export class ServerlessWorkers extends TemporalDeploymentBase {
  constructor(scope: Construct, id: string, props: ServerlessWorkersProps) {
    const { part, fleets } = singleNamespaceFleets('ServerlessWorkers', scope.node.path ? `${scope.node.path}/${id}` : id, props);
    // Planned as Active/Active over the namespace's regions: a function in each, on the Namespace Endpoint.
    super(scope, id, 'ServerlessWorkers', props, { ...part, pattern: DeploymentPattern.ACTIVE_ACTIVE }, fleets);
  }
}

/**
 * Serverless Workers for the `billing` namespace (active in us-east-1, replica in us-west-2): a
 * Lambda function in each region under one Build ID, and an invoker role per region that Temporal
 * Cloud assumes with the external ID. Temporal Cloud invokes the function in whichever region is
 * active, so the Workers fail over with the namespace.
 *
 * After `cdk deploy`, register the Worker Deployment Version in each region with the stack outputs
 * (FunctionVersionArn, InvokerRoleArn, ExternalId, BuildId; RegistrationCommand shows the shape).
 */
import * as path from 'path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ServerlessWorkers, TemporalCredentials, TemporalHaNagFindings } from 'temporal-ha-constructs';

export function build(app: App): ServerlessWorkers {
  const ctx = (key: string): string => {
    const value = app.node.tryGetContext(key);
    if (typeof value !== 'string' || value === '') {
      throw new Error(`context '${key}' is not set: add it to cdk.json's "context", or pass -c ${key}=<value>.`);
    }
    return value;
  };
  return new ServerlessWorkers(app, 'BillingServerless', {
    namespace: {
      name: ctx('temporalNamespace'),
      accountId: ctx('temporalAccountId'),
      primaryRegion: 'us-east-1',
      replicaRegion: 'us-west-2',
    },
    credentials: TemporalCredentials.apiKeyFromSecretName(ctx('apiKeySecretName')),
    serverlessWorkers: {
      codePath: path.join(__dirname, 'worker'),
      handler: 'index.handler',
      buildId: ctx('buildId'),
      externalId: ctx('externalId'),
      deploymentName: 'billing',
    },
  });
}

if (require.main === module) {
  const app = new App();
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  TemporalHaNagFindings.acknowledge(app);
  build(app);
  app.synth();
}

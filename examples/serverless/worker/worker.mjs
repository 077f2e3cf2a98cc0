// Replace this file with your bundled Temporal Serverless Worker handler (Workflows and Activities
// registered with the Temporal SDK's Lambda Worker). It runs after index.mjs has resolved the
// credentials into the standard TEMPORAL_* environment.
export const handler = async (event) => {
  console.log(JSON.stringify({
    message: 'temporal-ha-constructs example Worker invoked: bundle your Temporal Serverless Worker here',
    buildId: process.env.TEMPORAL_LAMBDA_BUILD_ID,
    namespace: process.env.TEMPORAL_NAMESPACE,
    address: process.env.TEMPORAL_ADDRESS,
    invocation: typeof event,
  }));
  throw new Error('No Temporal Worker is bundled in examples/serverless/worker/worker.mjs');
};

// Lambda entry point for a Temporal Serverless Worker deployed by temporal-ha-constructs.
//
// The construct never writes credentials into the function's configuration: it sets
// `<VARIABLE>_SECRET_ARN` (and `<VARIABLE>_SECRET_FIELD` for a JSON field) for each credential.
// This bootstrap resolves them into `<VARIABLE>` at cold start, so the Temporal SDK then loads its
// connection from the standard environment (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_API_KEY, ...).
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

const client = new SecretsManagerClient({});

async function resolveSecrets() {
  for (const [name, arn] of Object.entries(process.env)) {
    if (!name.endsWith('_SECRET_ARN') || !arn) continue;
    const variable = name.slice(0, -'_SECRET_ARN'.length);
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: arn }));
    const field = process.env[`${variable}_SECRET_FIELD`];
    process.env[variable] = field ? JSON.parse(SecretString)[field] : SecretString;
  }
}

const ready = resolveSecrets();

export const handler = async (event, context) => {
  await ready;
  // Your Worker: bundle your Temporal Serverless Worker handler as worker.mjs next to this file.
  const { handler: workerHandler } = await import('./worker.mjs');
  return workerHandler(event, context);
};

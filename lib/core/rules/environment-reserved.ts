import { fleetInputsOf } from './component-inputs';
import { Severity } from '../model';
import { checkEnvironment, ENVIRONMENT_RULE } from '../worker-config';
import { Rule } from './rule';

/** Checked on the user's input (Workers, starters, serverless Workers) by `checkEnvironment`. */
export const ENVIRONMENT_RESERVED: Rule = {
  id: ENVIRONMENT_RULE,
  severity: Severity.ERROR,
  summary: 'Extra environment variables set neither the connection variables the library writes (TEMPORAL_ADDRESS, ...) nor a credential (API key, client certificate or key, codec authorization, gRPC headers, PEM blocks, AWS access keys) nor TLS verification settings (TEMPORAL_TLS_*).',
  source: {
    doc: 'Temporal: Client environment configuration',
    url: 'https://docs.temporal.io/references/client-environment-configuration',
    quote: 'Environment variables take precedence over configuration files; TEMPORAL_API_KEY and TEMPORAL_TLS_CLIENT_CERT_DATA / _KEY_DATA carry credentials.',
  },
  check(plan) {
    return [
      ...fleetInputsOf(plan).flatMap(({ prefix, sizing }) => checkEnvironment(sizing?.environment, prefix)),
      ...checkEnvironment(plan.request.serverless?.function?.environment, 'serverlessWorkers'),
    ];
  },
};

/**
 * Serverless Worker facts, in one place for both engines (TEMPORAL_FACTS.md, "Serverless Workers").
 */

/** The principals Temporal Cloud invokes serverless Workers from; the invoker role trusts exactly these. */
export const TEMPORAL_CLOUD_INVOKER_PRINCIPALS: readonly string[] = [
  'arn:aws:iam::902542641901:role/wci-lambda-invoke',
  'arn:aws:iam::160190466495:role/wci-lambda-invoke',
  'arn:aws:iam::819232936619:role/wci-lambda-invoke',
  'arn:aws:iam::829909441867:role/wci-lambda-invoke',
  'arn:aws:iam::354116250941:role/wci-lambda-invoke',
];

/** The actions the invoker role is allowed on the function and its versions. */
export const INVOKER_ACTIONS: readonly string[] = ['lambda:InvokeFunction', 'lambda:GetFunction'];

/** The function's environment contract beyond Temporal's standard connection variables. */
export const ServerlessEnv = {
  /** Suffix of the variable holding a credential's secret ARN (`TEMPORAL_API_KEY_SECRET_ARN`). */
  SECRET_ARN_SUFFIX: '_SECRET_ARN',
  /** Suffix of the variable naming the JSON field of a credential inside its secret. */
  SECRET_FIELD_SUFFIX: '_SECRET_FIELD',
  /** The Build ID (the name Temporal's Lambda Worker samples read). */
  BUILD_ID: 'TEMPORAL_LAMBDA_BUILD_ID',
  /** The Worker Deployment name (the name Temporal's Lambda Worker samples read). */
  DEPLOYMENT_NAME: 'TEMPORAL_LAMBDA_DEPLOYMENT_NAME',
  /** The Task Queue (read by Temporal's Lambda Worker packages). */
  TASK_QUEUE: 'TEMPORAL_TASK_QUEUE',
} as const;

/**
 * Serverless Worker facts, in one place for both engines: who invokes the function, what it may do, and the function's environment contract beyond
 * Temporal's standard variables. Source: https://docs.temporal.io/production-deployment/worker-deployments/serverless-workers/aws-lambda
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

/** The actions the execution role is allowed on the function's own log group (no AWSLambdaBasicExecutionRole). */
export const EXECUTION_LOG_ACTIONS: readonly string[] = ['logs:CreateLogStream', 'logs:PutLogEvents'];

/** The AWS managed policy a function in a VPC needs for its network interfaces. */
export const VPC_ACCESS_POLICY = 'AWSLambdaVPCAccessExecutionRole';

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

/**
 * Variables Lambda reserves: a function configuration setting any of them is rejected at deploy.
 * Source: https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime
 */
export const LAMBDA_RESERVED_ENV: readonly string[] = [
  '_HANDLER', '_X_AMZN_TRACE_ID', 'AWS_DEFAULT_REGION', 'AWS_REGION', 'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME', 'AWS_LAMBDA_FUNCTION_MEMORY_SIZE', 'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE', 'AWS_LAMBDA_LOG_GROUP_NAME', 'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API', 'LAMBDA_TASK_ROOT', 'LAMBDA_RUNTIME_DIR',
];

import { configNames } from '../../functions/shared/config.ts';

export interface LocalEnvironmentInput {
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  endpoints: { dynamodb: string; s3: string; ses: string; cognito: string };
  tableName: string;
  bucketName: string;
  /** The local API's GraphQL URL (http), for the Lambdas' IAM-signed internal mutations. */
  graphqlUrl: string;
  userPoolId: string;
  emailFromAddress: string;
  /** The frontend pages Stripe Checkout returns to after paying or cancelling. */
  checkoutUrls: { success: string; cancel: string };
}

/**
 * The environment the Lambda handlers run with locally: the same names CDK sets in AWS (functions/shared/config.ts),
 * plus the SDK's standard per-service endpoint variables, region and the static local credentials, so the handlers
 * reach the emulators with no local-only code path.
 */
export function localLambdaEnvironment(input: LocalEnvironmentInput): Record<string, string> {
  return {
    AWS_REGION: input.region,
    AWS_DEFAULT_REGION: input.region,
    AWS_ACCESS_KEY_ID: input.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: input.credentials.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: input.endpoints.dynamodb,
    AWS_ENDPOINT_URL_S3: input.endpoints.s3,
    AWS_ENDPOINT_URL_SESV2: input.endpoints.ses,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: input.endpoints.cognito,
    // s3rver predates the SDK's default CRC32 checksums (aws-chunked uploads); send checksums only where required.
    AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
    [configNames.tableName]: input.tableName,
    [configNames.bucketName]: input.bucketName,
    [configNames.graphqlUrl]: input.graphqlUrl,
    [configNames.userPoolId]: input.userPoolId,
    [configNames.checkoutSuccessUrl]: input.checkoutUrls.success,
    [configNames.checkoutCancelUrl]: input.checkoutUrls.cancel,
    [configNames.emailFromAddress]: input.emailFromAddress,
    [configNames.emailTemplatePrefix]: 'scholarvalley-local-',
    [configNames.s3ForcePathStyle]: 'true',
  };
}

/** Sets the variables on process.env (the handlers run in this process); the returned function puts back the old ones. */
export function applyEnvironment(env: Record<string, string>): () => void {
  const previous = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  return () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

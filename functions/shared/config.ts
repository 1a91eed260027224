/**
 * The environment every Lambda reads. CDK sets these in AWS; the local runtime sets them for the in-process handlers.
 * AWS SDK v3 endpoints are not here: locally they come from the standard AWS_ENDPOINT_URL_<SERVICE> variables,
 * so the handlers carry no local-only code paths.
 */
export const configNames = {
  tableName: 'TABLE_NAME',
  bucketName: 'BUCKET_NAME',
  /** The AppSync GraphQL endpoint, for the IAM-only internal mutations. */
  graphqlUrl: 'GRAPHQL_URL',
  userPoolId: 'USER_POOL_ID',
  /** Secrets Manager secret holding {"secretKey": "...", "webhookSecret": "..."}. */
  stripeSecretArn: 'STRIPE_SECRET_ARN',
  /** Where Stripe Checkout returns the payer; the frontend's pages. */
  checkoutSuccessUrl: 'CHECKOUT_SUCCESS_URL',
  checkoutCancelUrl: 'CHECKOUT_CANCEL_URL',
  emailFromAddress: 'EMAIL_FROM_ADDRESS',
  /** Name prefix of the SES templates (one per email kind). */
  emailTemplatePrefix: 'EMAIL_TEMPLATE_PREFIX',
  /** Local runtime only: S3 emulators need path-style addressing. */
  s3ForcePathStyle: 'S3_FORCE_PATH_STYLE',
  /** Local runtime only: the Stripe stand-in's address ("http://localhost:12111"); unset in AWS. */
  stripeApiUrl: 'STRIPE_API_URL',
} as const;

export type ConfigName = keyof typeof configNames;

/** A required setting; a missing one fails at cold start with its name, not later with an undefined. */
export function requireConfig(name: ConfigName): string {
  const value = process.env[configNames[name]];
  if (!value) throw new Error(`Missing environment variable ${configNames[name]}`);
  return value;
}

export function optionalConfig(name: ConfigName): string | undefined {
  return process.env[configNames[name]] || undefined;
}

import type { DataSourceName } from './wiring/types.ts';

/** How a Lambda is reached: as an AppSync data source, or by an AWS event. */
export type LambdaTrigger =
  | { kind: 'dataSource'; dataSource: Extract<DataSourceName, 'uploads' | 'payments' | 'email' | 'identity'> }
  | { kind: 's3ObjectCreated' }
  | { kind: 'functionUrl' }
  | { kind: 'cognitoPostConfirmation' }
  | { kind: 'cognitoPreTokenGeneration' }
  | { kind: 'cognitoUserMigration' }
  | { kind: 'cognitoPostAuthentication' };

export interface LambdaDefinition {
  /** Logical name, used for the construct id and the function name suffix. */
  name: string;
  /** Handler source, relative to the repository root; it exports `handler`. */
  entry: string;
  trigger: LambdaTrigger;
  description: string;
  /**
   * Concurrency reserved for (and capping) this Lambda. A public endpoint gets one, so a flood of requests cannot use
   * the account's whole concurrency and throttle every other Lambda; the caller sees 429 and retries.
   */
  reservedConcurrency?: number;
}

/**
 * Every Lambda of the API. The CDK stack deploys each one; the local runtime calls the same handlers in-process.
 * Configuration reaches them through the environment variables in functions/shared/config.ts.
 */
export const lambdas: LambdaDefinition[] = [
  {
    name: 'uploads',
    entry: 'functions/uploads/handler.ts',
    trigger: { kind: 'dataSource', dataSource: 'uploads' },
    description: 'requestDocumentUpload (presigned POST) and documentDownloadUrl (presigned GET)',
  },
  {
    name: 'upload-landed',
    entry: 'functions/uploads/object-created.ts',
    trigger: { kind: 's3ObjectCreated' },
    description: 'Checks what landed in S3 (size, magic bytes) and marks the document uploaded or rejected',
  },
  {
    name: 'payments',
    entry: 'functions/payments/handler.ts',
    trigger: { kind: 'dataSource', dataSource: 'payments' },
    description: 'createCheckoutSession: prices from the catalogue, creates the Stripe Checkout Session',
  },
  {
    name: 'stripe-webhook',
    entry: 'functions/payments/webhook.ts',
    trigger: { kind: 'functionUrl' },
    description: 'Verifies Stripe webhooks and applies each event once through applyPaymentEvent',
    // Stripe delivers a few events per payment and retries a throttled (429) delivery for up to three days.
    reservedConcurrency: 10,
  },
  {
    name: 'email',
    entry: 'functions/email/handler.ts',
    trigger: { kind: 'dataSource', dataSource: 'email' },
    description: 'Sends templated SES emails, invoked asynchronously from pipeline resolvers',
  },
  {
    name: 'identity',
    entry: 'functions/identity/handler.ts',
    trigger: { kind: 'dataSource', dataSource: 'identity' },
    description: 'inviteStaff, setUserRole, deactivateUser through Cognito admin APIs',
  },
  {
    name: 'post-confirmation',
    entry: 'functions/identity/post-confirmation.ts',
    trigger: { kind: 'cognitoPostConfirmation' },
    description: 'Creates the profile item and puts every self sign-up in the applicant group',
  },
  {
    name: 'pre-token-generation',
    entry: 'functions/identity/pre-token-generation.ts',
    trigger: { kind: 'cognitoPreTokenGeneration' },
    description: 'Tokens carry the staff and admin groups only for users with an authenticator app (MFA)',
  },
  {
    name: 'legacy-user-migration',
    entry: 'functions/identity/legacy-user-migration.ts',
    trigger: { kind: 'cognitoUserMigration' },
    description: 'First sign-in of a migrated user: checks the old bcrypt password and creates them in the pool (docs/migration.md)',
  },
  {
    name: 'legacy-post-authentication',
    entry: 'functions/identity/legacy-post-authentication.ts',
    trigger: { kind: 'cognitoPostAuthentication' },
    description: "Claims a migrated user's data for their sub, adds their group, removes the old hash (docs/migration.md)",
  },
];

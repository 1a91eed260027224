/**
 * What each Lambda of infra/lambdas.ts may touch: the least-privilege grants and the environment the stack gives it.
 * A Lambda without an entry here is refused at synth, so a new one cannot ship with permissions nobody decided.
 */
export type TableAccess = 'read' | 'write' | 'readWrite';
export type S3ObjectAction = 's3:GetObject' | 's3:PutObject' | 's3:DeleteObject';

export interface LambdaAccess {
  /** DynamoDB actions on the table (and, for reads, its indexes). Never Scan. Sets TABLE_NAME. */
  table?: TableAccess;
  /**
   * Object actions on the documents bucket, per prefix: `staging` is the upload attempts' keys (uploads/), `files`
   * the documents' kept files (applicants/). Sets BUCKET_NAME.
   */
  documents?: { staging?: S3ObjectAction[]; files?: S3ObjectAction[] };
  /** Reads the Stripe secret. Sets STRIPE_SECRET_ARN. */
  stripeSecret?: boolean;
  /** Sets CHECKOUT_SUCCESS_URL and CHECKOUT_CANCEL_URL. */
  checkoutUrls?: boolean;
  /** `appsync:GraphQL` on exactly these IAM-only Mutation fields. Sets GRAPHQL_URL. */
  internalMutations?: string[];
  /**
   * Cognito admin actions on the user pool. `admin` also sets USER_POOL_ID; `trigger` does not, because the pool
   * depends on its trigger (the pool id arrives in the trigger's event instead).
   */
  cognito?: { via: 'admin' | 'trigger'; actions: string[] };
  /** SES send through the sender identity and configuration set. Sets EMAIL_FROM_ADDRESS and EMAIL_TEMPLATE_PREFIX. */
  sendEmail?: boolean;
  /**
   * Invoked asynchronously (`Event` from a resolver, or by S3): 2 retries, then the event goes to the Lambda's own
   * failure queue (`<stack>-<name>-failures`), whose depth alarm is `<stack>-DeadLetterQueue-<name>-failures`
   * (docs/runbook.md).
   */
  invokedAsync?: boolean;
}

// Only what each handler's own code does: the resolver pipelines around the data-source Lambdas read and write the
// table themselves (through the table data source), so those Lambdas get no table access.
export const lambdaAccess: Record<string, LambdaAccess> = {
  // Presigned POST (PutObject, to a staging key only) and GET (GetObject of a kept file) are signed with this role;
  // deleteDocument's file removal (DeleteObject) arrives as an Event from resolvers/functions/removeDocumentObject.ts.
  uploads: { documents: { staging: ['s3:PutObject'], files: ['s3:GetObject', 's3:DeleteObject'] }, invokedAsync: true },
  // Reads a staged upload and removes it once handled; writes a checked file to a new key of its own, and removes
  // only that new copy when the API answers that no document records it (functions/uploads/process-landed-object.ts).
  // Reports through IAM mutations. S3 invokes it asynchronously: an event that still fails goes to its failure queue.
  'upload-landed': {
    documents: { staging: ['s3:GetObject', 's3:DeleteObject'], files: ['s3:PutObject', 's3:DeleteObject'] },
    internalMutations: ['markDocumentUploaded', 'markDocumentRejected'],
    invokedAsync: true,
  },
  // createCheckoutSession's Stripe call: Stripe key from the secret, return URLs from the environment.
  payments: { stripeSecret: true, checkoutUrls: true },
  // Verifies the signature with the webhook secret; writes only through applyPaymentEvent.
  'stripe-webhook': { stripeSecret: true, internalMutations: ['applyPaymentEvent'] },
  // Reads the recipient's profile (address, notification preferences), sends through SES.
  email: { table: 'read', sendEmail: true, invokedAsync: true },
  // inviteStaff, setUserRole, deactivateUser: the Cognito admin calls of functions/identity/cognito-admin.ts.
  identity: {
    cognito: {
      via: 'admin',
      actions: [
        'cognito-idp:AdminCreateUser',
        'cognito-idp:AdminAddUserToGroup',
        'cognito-idp:AdminRemoveUserFromGroup',
        'cognito-idp:AdminListGroupsForUser',
        'cognito-idp:AdminDisableUser',
        'cognito-idp:AdminUserGlobalSignOut',
      ],
    },
  },
  // Reads the profile's role (GetItem), then puts the profile and its audit entry (conditional, idempotent), and
  // adds the applicant group.
  'post-confirmation': { table: 'readWrite', cognito: { via: 'trigger', actions: ['cognito-idp:AdminAddUserToGroup'] } },
  // Reads whether a staff member or admin has an authenticator app enabled (AdminGetUser's UserMFASettingList).
  'pre-token-generation': { cognito: { via: 'trigger', actions: ['cognito-idp:AdminGetUser'] } },
  // Reads the legacy credential of the email (GetItem) and nothing else.
  'legacy-user-migration': { table: 'read' },
  // Reads the credential and the claim list, rewrites the claimed items and removes the credential; adds the group.
  'legacy-post-authentication': { table: 'readWrite', cognito: { via: 'trigger', actions: ['cognito-idp:AdminAddUserToGroup'] } },
};

/** Read actions: single-item and Query reads, on the table and its indexes. */
export const tableReadActions = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
/** Write actions (TransactWriteItems is authorized per item through these), on the table only. */
export const tableWriteActions = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
];

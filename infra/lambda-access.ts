/**
 * What each Lambda of infra/lambdas.ts may touch: the least-privilege grants and the environment the stack gives it.
 * A Lambda without an entry here is refused at synth, so a new one cannot ship with permissions nobody decided.
 */
export type TableAccess = 'read' | 'write' | 'readWrite';

export interface LambdaAccess {
  /** DynamoDB actions on the table (and, for reads, its indexes). Never Scan. Sets TABLE_NAME. */
  table?: TableAccess;
  /** Object actions under the documents prefix of the bucket. Sets BUCKET_NAME. */
  documents?: ('s3:GetObject' | 's3:PutObject' | 's3:DeleteObject')[];
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
  /** Invoked asynchronously (`Event`): 2 retries, then the event goes to a dead-letter queue. */
  invokedAsync?: boolean;
}

export const lambdaAccess: Record<string, LambdaAccess> = {
  // requestDocumentUpload: auth get + document put; presigned POST (PutObject) and GET (GetObject) signed by this role.
  uploads: { table: 'readWrite', documents: ['s3:PutObject', 's3:GetObject'] },
  // Reads what landed (HeadObject/GetObject for size and magic bytes), deletes rejected files, reports through IAM mutations.
  'upload-landed': {
    documents: ['s3:GetObject', 's3:DeleteObject'],
    internalMutations: ['markDocumentUploaded', 'markDocumentRejected'],
  },
  // createCheckoutSession: auth get + payment put; Stripe key from the secret.
  payments: { table: 'readWrite', stripeSecret: true, checkoutUrls: true },
  // Verifies the signature with the webhook secret; writes only through applyPaymentEvent.
  'stripe-webhook': { stripeSecret: true, internalMutations: ['applyPaymentEvent'] },
  // Reads the recipient's profile (address, notification preferences), sends through SES.
  email: { table: 'read', sendEmail: true, invokedAsync: true },
  // inviteStaff, setUserRole, deactivateUser: Cognito admin calls + profile and audit writes.
  identity: {
    table: 'readWrite',
    cognito: {
      via: 'admin',
      actions: [
        'cognito-idp:AdminCreateUser',
        'cognito-idp:AdminGetUser',
        'cognito-idp:AdminAddUserToGroup',
        'cognito-idp:AdminRemoveUserFromGroup',
        'cognito-idp:AdminListGroupsForUser',
        'cognito-idp:AdminDisableUser',
        'cognito-idp:AdminUserGlobalSignOut',
      ],
    },
  },
  // Profile item put (idempotent) and the applicant group.
  'post-confirmation': { table: 'write', cognito: { via: 'trigger', actions: ['cognito-idp:AdminAddUserToGroup'] } },
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

/** Default ports of the local stack; each can be moved with the environment variable named beside it. */
export const defaultPorts = {
  /** GraphQL over HTTP, GraphiQL at / (PORT). */
  http: 4000,
  /** The same over HTTPS/WSS with the local certificate, for Amplify JS which always opens wss:// (HTTPS_PORT). */
  https: 4443,
  dynamodb: 8000, // DYNAMODB_PORT
  cognito: 9229, // COGNITO_PORT
  s3: 4569, // S3_PORT
  ses: 8005, // SES_PORT
  stripe: 12111, // STRIPE_PORT
} as const;

/** Fixed names of the local stack's resources. */
export const localNames = {
  region: 'us-east-1',
  tableName: 'scholarvalley-local',
  bucketName: 'scholarvalley-documents-local',
  emailFromAddress: 'no-reply@scholarvalley.local',
  /** Static credentials for the emulators and for SigV4 (IAM mode) requests to the local API. */
  accessKeyId: 'local',
  secretAccessKey: 'local-secret',
  /** Local state (DynamoDB data, Cognito db, S3 files, certificates) lives here, git-ignored. */
  stateDir: '.local',
} as const;

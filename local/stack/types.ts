import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { LambdaDefinition } from '../../infra/lambdas.ts';
import type { DemoUser } from '../seed/demo-users.ts';
import type { ApiServerOptions } from '../server/index.ts';
import type { StackPort } from './ports.ts';
import type { ReloadReport } from './reload-report.ts';

export interface LocalStackOptions {
  /** Wipe the state folder first (`npm start -- --fresh`). */
  fresh?: boolean;
  /** Keep nothing on disk: DynamoDB in memory, the rest in a temporary folder removed on stop (tests). */
  inMemory?: boolean;
  /** The state folder; `.local/` by default. Ignored with inMemory. */
  stateDir?: string;
  /** Ports by service; 0 picks a free one. Unset ones come from PORT, HTTPS_PORT, DYNAMODB_PORT, ... or the defaults. */
  ports?: Partial<Record<StackPort, number>>;
  /** Seed the demo data when the table is new (default true). */
  seed?: boolean;
  /** Rebuild build/resolvers when missing or stale (default true). */
  buildResolvers?: boolean;
  /** Print cognito-local's errors (default false: silent). */
  verbose?: boolean;
  onDynamoDbRequest?: ApiServerOptions['onDynamoDbRequest'];
  onResolverLogs?: ApiServerOptions['onResolverLogs'];
  /** The Lambdas to run in-process; infra/lambdas.ts unless a test passes its own. */
  lambdas?: readonly LambdaDefinition[];
  /**
   * Where resolvers/, functions/, schema/ and build/resolvers/ are: the repository unless a test passes a copy. The
   * stack's own code, the wiring table and infra/lambdas.ts always come from the repository.
   */
  sourceRoot?: string;
  /**
   * Watch the sources while the stack runs (`npm start`): a resolver change rebuilds its bundles, a Lambda change
   * re-imports the handlers, a schema change asks for a restart. Each outcome is reported here.
   */
  watch?: { onReport(report: ReloadReport): void };
}

/** SDK clients aimed at the stack's emulators. */
export interface LocalClients {
  dynamodb: DynamoDBClient;
  cognito: CognitoIdentityProviderClient;
  s3: S3Client;
  ses: SESv2Client;
}

/** Everything a test or a frontend needs to reach the stack; plain data, so it can cross process boundaries. */
export interface LocalStackInfo {
  region: string;
  tableName: string;
  bucketName: string;
  userPoolId: string;
  userPoolClientId: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  urls: {
    /** GraphQL over HTTP: POST here. */
    graphql: string;
    /** The same over HTTPS (the local CA must be trusted). */
    graphqlHttps: string;
    /** AppSync real-time protocol over wss:// (HTTPS port), the one Amplify uses. */
    realtime: string;
    /** The same over plain ws:// on the HTTP port. */
    realtimeWs: string;
    graphiql: string;
    dynamodb: string;
    cognito: string;
    s3: string;
    ses: string;
    sesMailbox: string;
    /** The Stripe stand-in: its API, and its checkout pages (/checkout/<session id>). */
    stripe: string;
    issuer: string;
    jwks: string;
  };
  ports: Record<StackPort, number>;
  caCertificatePath: string;
  caCertificate: string;
  /** For Chrome's --ignore-certificate-errors-spki-list, when the CA is not trusted. */
  serverCertificateSpkiSha256: string;
  stateDir: string;
  amplifyOutputsPath: string;
  demoUsers: Array<DemoUser & { password: string }>;
  /** Lambda handlers running in-process, and those whose source does not exist yet. */
  lambdas: { loaded: string[] };
  /** What this start did: created the CA, built bundles, seeded. */
  firstStart: { createdCa: boolean; builtResolvers: boolean; seeded: boolean };
}

export interface LocalStack extends LocalStackInfo {
  clients: LocalClients;
  /** The Lambda environment the stack set on process.env (functions/shared/config.ts and the SDK endpoints). */
  environment: Record<string, string>;
  stop(): Promise<void>;
}

// The whole local stack in one call: DynamoDB Local, cognito-local, s3rver and aws-ses-v2-local, the table, user pool
// and demo data, the Lambda handlers in-process, and the local AppSync API over HTTP and HTTPS/WSS. `npm start`
// (local/start.ts) and the test suite's global setup (test/setup/) both start it through startLocalStack().
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { configNames } from '../functions/shared/config.ts';
import { localNames } from './config.ts';
import { startCognitoLocal, type RunningCognitoLocal } from './emulators/cognito-local.ts';
import { startDynamoDbLocal } from './emulators/dynamodb-local.ts';
import type { RunningEmulator } from './emulators/types.ts';
import { LocalStackError } from './emulators/errors.ts';
import { loopback } from './emulators/ports.ts';
import { startS3Local } from './emulators/s3-local.ts';
import { startSesLocal, type RunningSesLocal } from './emulators/ses-local.ts';
import { ensureTable } from './emulators/table.ts';
import { ensureUserPool } from './emulators/user-pool.ts';
import { graphiqlPageRoutes } from './page/routes.ts';
import { seedDemoData, seedDemoUsers } from './seed/index.ts';
import { demoPassword, demoUsers, type DemoUser } from './seed/demo-users.ts';
import type { ApiServerOptions } from './server/index.ts';
import { localAmplifyOutputs } from './stack/amplify-outputs.ts';
import { ensureCertificates } from './stack/certificates.ts';
import { applyEnvironment, localLambdaEnvironment } from './stack/environment.ts';
import { functionUrlRoute } from './stack/function-url-route.ts';
import { loadLocalLambdas, presentLambdas, type LocalLambdas } from './stack/lambda-handlers.ts';
import { repoRoot, statePaths } from './stack/paths.ts';
import { choosePorts, type StackPort } from './stack/ports.ts';
import { ensureResolverBundles } from './stack/resolver-bundles.ts';
import { isEmulator, startAll } from './stack/start-all.ts';
import { readStackState, writeStackState } from './stack/state.ts';
import { startStripeStandIn, type StripeStandIn } from './stripe/index.ts';


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
  lambdas: { loaded: string[]; missing: string[] };
  /** What this start did: created the CA, built bundles, seeded. */
  firstStart: { createdCa: boolean; builtResolvers: boolean; seeded: boolean };
}

export interface LocalStack extends LocalStackInfo {
  clients: { dynamodb: DynamoDBClient; cognito: CognitoIdentityProviderClient; s3: S3Client; ses: SESv2Client };
  /** The Lambda environment the stack set on process.env (functions/shared/config.ts and the SDK endpoints). */
  environment: Record<string, string>;
  stop(): Promise<void>;
}

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const inMemory = options.inMemory ?? false;
  const paths = statePaths(inMemory ? await mkdtemp(join(tmpdir(), 'scholarvalley-local-')) : options.stateDir);
  const cleanups: Array<() => Promise<void> | void> = [];
  const cleanup = async () => {
    for (const step of cleanups.splice(0).reverse()) await step();
  };
  if (inMemory) cleanups.push(() => rm(paths.root, { recursive: true, force: true }));

  try {
    // Ports first: a start refused for a busy port must not have wiped the state with --fresh.
    const ports = await choosePorts(options.ports);
    if (options.fresh && !inMemory) await rm(paths.root, { recursive: true, force: true });
    await mkdir(paths.root, { recursive: true });
    const state = await readStackState(paths.stateFile);
    const region = localNames.region;
    const credentials = { accessKeyId: localNames.accessKeyId, secretAccessKey: localNames.secretAccessKey };

    // Handlers are imported only once the environment they read is set; triggers that fire before are refused.
    const handlers: { loaded?: LocalLambdas } = {};
    const present = new Set(presentLambdas().map((l) => l.trigger.kind));
    const notReady = () => Promise.reject(new Error('The local Lambda handlers are still loading'));

    const storage = (dir: string) => (inMemory ? { inMemory: true as const } : { dataDir: dir });
    // DynamoDB Local's JVM boots in its own process (about 3 s); the heavier modules load meanwhile.
    const [
      dynamo,
      cognito,
      s3,
      ses,
      stripe,
      certificates,
      bundles,
      userDirectory,
      deployedOutputs,
      apiServer,
      emailTemplates,
    ] = await startAll<
      [
        RunningEmulator,
        RunningCognitoLocal,
        RunningEmulator,
        RunningSesLocal,
        StripeStandIn & RunningEmulator,
        Awaited<ReturnType<typeof ensureCertificates>>,
        { built: boolean; count: number },
        typeof import('../infra/constructs/user-directory.ts'),
        typeof import('../infra/amplify-outputs.ts'),
        typeof import('./server/index.ts'),
        typeof import('../functions/email/install-templates.ts'),
      ]
    >(
      [
        startDynamoDbLocal({ port: ports.dynamodb, ...storage(paths.dynamodb) }),
        startCognitoLocal({
          port: ports.cognito,
          ...storage(paths.cognito),
          logLevel: options.verbose ? 'warn' : 'silent',
          triggers: present.has('cognitoPostConfirmation')
            ? { PostConfirmation: (event) => handlers.loaded?.cognitoPostConfirmation?.(event) ?? notReady() }
            : {},
        }),
        startS3Local({
          port: ports.s3,
          ...storage(paths.s3),
          bucketName: localNames.bucketName,
          credentials,
          onObjectEvent: (event) => {
            const created = event.Records.some((r) => String(r.eventName).startsWith('ObjectCreated:'));
            const handler = handlers.loaded?.s3ObjectCreated;
            if (!created || !handler) return;
            handler(event).catch((error: unknown) => console.error('upload-landed handler failed:', error));
          },
        }),
        startSesLocal({ port: ports.ses }),
        // The Stripe stand-in (local/stripe/) delivers its webhooks to the stripe-webhook Lambda's local Function URL.
        startStripeStandIn({
          port: ports.stripe,
          webhookUrl: `http://${loopback}:${ports.http}/stripe/webhook`,
          region: localNames.region,
        }).then((standIn) => ({ ...standIn, endpoint: standIn.url })),
        ensureCertificates(paths.certs),
        options.buildResolvers === false ? Promise.resolve({ built: false, count: 0 }) : ensureResolverBundles(),
        import('../infra/constructs/user-directory.ts'),
        import('../infra/amplify-outputs.ts'),
        import('./server/index.ts'),
        import('../functions/email/install-templates.ts'),
      ],
      isEmulator,
    );
    for (const emulator of [stripe, ses, s3, cognito, dynamo]) cleanups.push(() => emulator.stop());

    const clients = {
      // Copies: the SDK annotates the credentials object it is given.
      dynamodb: new DynamoDBClient({ endpoint: dynamo.endpoint, region, credentials: { ...credentials } }),
      cognito: new CognitoIdentityProviderClient({
        endpoint: cognito.endpoint,
        region,
        credentials: { ...credentials },
      }),
      s3: new S3Client({
        endpoint: s3.endpoint,
        region,
        credentials: { ...credentials },
        forcePathStyle: true,
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      }),
      ses: new SESv2Client({ endpoint: ses.endpoint, region, credentials: { ...credentials } }),
    };
    cleanups.push(() => Object.values(clients).forEach((c) => c.destroy()));

    const seed = options.seed ?? true;
    // A kept table without a finished seed is what an interrupted first start leaves: start it over.
    const [table, pool] = await Promise.all([
      ensureTable(clients.dynamodb, localNames.tableName, { recreate: seed && !state.seededAt }),
      ensureUserPool(
        clients.cognito,
        { groups: userDirectory.userGroups, passwordPolicy: userDirectory.passwordPolicy },
        state,
      ),
    ]);
    const environment = {
      ...localLambdaEnvironment({
        region,
        credentials,
        endpoints: { dynamodb: dynamo.endpoint, s3: s3.endpoint, ses: ses.endpoint, cognito: cognito.endpoint },
        tableName: localNames.tableName,
        bucketName: localNames.bucketName,
        graphqlUrl: `http://${loopback}:${ports.http}/graphql`,
        userPoolId: pool.userPoolId,
        emailFromAddress: localNames.emailFromAddress,
        frontendUrl: `http://localhost:${ports.http}`,
      }),
      ...stripe.lambdaEnvironment,
    };
    cleanups.push(applyEnvironment(environment));

    const seedTarget = {
      dynamodb: clients.dynamodb,
      tableName: localNames.tableName,
      cognito: clients.cognito,
      userPoolId: pool.userPoolId,
    };
    const [loaded] = await Promise.all([
      loadLocalLambdas(region),
      seed && table.created ? seedDemoData(seedTarget) : undefined,
      // A pool lost while the table was kept: the demo users come back (new subs) with their profiles.
      seed && !table.created && pool.created ? seedDemoUsers(seedTarget, { writeProfiles: true }) : undefined,
      emailTemplates.installEmailTemplates(clients.ses, environment[configNames.emailTemplatePrefix] ?? ''),
    ]);
    handlers.loaded = loaded;
    const lambdas = loaded;
    const seeded = seed && table.created;

    const demo = demoUsers.map((u) => ({ ...u, password: demoPassword }));
    const api = await apiServer.startApiServer({
      httpPort: ports.http,
      httpsPort: ports.https,
      tls: { key: certificates.key, cert: certificates.cert },
      dynamodb: clients.dynamodb,
      tableName: localNames.tableName,
      auth: {
        region,
        userPoolId: pool.userPoolId,
        issuer: cognito.issuer(pool.userPoolId),
        jwksUrl: cognito.jwksUrl(pool.userPoolId),
        appClientIds: [pool.userPoolClientId],
        iam: { ...credentials },
      },
      lambdaHandlers: lambdas.dataSources,
      resolverBundleDir: join(repoRoot, 'build', 'resolvers'),
      extraRoutes: {
        ...graphiqlPageRoutes({
          userPoolClientId: pool.userPoolClientId,
          cognitoEndpoint: cognito.endpoint,
          demoUsers: demo,
        }),
        ...(lambdas.functionUrl ? { '/stripe/webhook': functionUrlRoute(lambdas.functionUrl) } : {}),
      },
      onDynamoDbRequest: options.onDynamoDbRequest,
      onResolverLogs: options.onResolverLogs,
    });
    cleanups.push(() => api.close());
    if (!api.httpsUrl) throw new LocalStackError('The local API did not start its HTTPS endpoint');

    const info: LocalStackInfo = {
      region,
      tableName: localNames.tableName,
      bucketName: localNames.bucketName,
      userPoolId: pool.userPoolId,
      userPoolClientId: pool.userPoolClientId,
      credentials,
      urls: {
        graphql: api.httpUrl,
        graphqlHttps: api.httpsUrl,
        realtime: api.realtimeUrl,
        realtimeWs: api.httpUrl.replace(/^http:/, 'ws:') + '/realtime',
        graphiql: `http://localhost:${ports.http}/`,
        dynamodb: dynamo.endpoint,
        cognito: cognito.endpoint,
        s3: s3.endpoint,
        ses: ses.endpoint,
        sesMailbox: ses.mailboxUrl,
        stripe: stripe.url,
        issuer: cognito.issuer(pool.userPoolId),
        jwks: cognito.jwksUrl(pool.userPoolId),
      },
      ports,
      caCertificatePath: certificates.caPath,
      caCertificate: certificates.caCert,
      serverCertificateSpkiSha256: certificates.serverSpkiSha256,
      stateDir: paths.root,
      amplifyOutputsPath: paths.amplifyOutputs,
      demoUsers: demo,
      lambdas: { loaded: lambdas.loaded, missing: lambdas.missing },
      firstStart: { createdCa: certificates.createdCa, builtResolvers: bundles.built, seeded },
    };
    const outputs = localAmplifyOutputs(deployedOutputs.amplifyOutputs, {
      region,
      userPoolId: pool.userPoolId,
      userPoolClientId: pool.userPoolClientId,
      graphqlUrl: api.httpsUrl,
      graphqlHttpUrl: api.httpUrl,
      realtimeUrl: api.realtimeUrl,
      cognitoEndpoint: cognito.endpoint,
      bucketName: localNames.bucketName,
      s3Endpoint: s3.endpoint,
      sesMailboxUrl: ses.mailboxUrl,
      caCertificatePath: certificates.caPath,
    });
    await Promise.all([
      writeFile(paths.amplifyOutputs, `${JSON.stringify(outputs, null, 2)}\n`),
      writeStackState(paths.stateFile, {
        userPoolId: pool.userPoolId,
        userPoolClientId: pool.userPoolClientId,
        seededAt: seeded ? new Date().toISOString() : state.seededAt,
      }),
    ]);

    let stopping: Promise<void> | undefined;
    return {
      ...info,
      clients,
      environment,
      stop: () => (stopping ??= cleanup()),
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** The plain-data part of a running stack. */
export function stackInfo(stack: LocalStack): LocalStackInfo {
  const { clients: _clients, environment: _environment, stop: _stop, ...info } = stack;
  return info;
}

import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { GraphQLSchema } from 'graphql';
import { wiring, type Wiring } from '../../infra/wiring/index.ts';
import { loadSchema } from '../../schema/index.ts';
import type { TransactionConflictOptions } from '../appsync/dynamodb-transact-ops.ts';
import { createAuthenticator, createDirectiveAuthorizer } from '../auth/index.ts';
import { withAppSyncScalars } from './aws-scalars.ts';
import { createDataSources, type LambdaName } from './data-sources.ts';
import { createDocumentPreparer } from './document-cache.ts';
import { createHttpHandler, type Route } from './http-handler.ts';
import { createRealtimeEndpoint } from './realtime/endpoint.ts';
import { SubscriptionHub } from './realtime/subscription-hub.ts';
import { currentGraphqlOperation, type DynamoDbRequestOrigin } from './request-counter.ts';
import { deployedRequestLimits, type RequestLimits } from './request-limits.ts';
import { createResolverRegistry } from './resolver-registry.ts';
import { subscriptionTriggers, type ApiRuntime } from './runtime.ts';

export type { Wiring } from '../../infra/wiring/index.ts';
export { DynamoDbRequestCounter, type DynamoDbRequestOrigin, type RequestCounts } from './request-counter.ts';
export type { LambdaName } from './data-sources.ts';
export type { RequestLimits } from './request-limits.ts';

export interface ApiServerOptions {
  /** 0 picks a free port. */
  httpPort: number;
  /** HTTPS and WSS on this port when `tls` is given (0 picks a free port). */
  httpsPort?: number;
  tls?: { key: string; cert: string };
  /** Interface to listen on; defaults to 127.0.0.1 (the URLs returned use `localhost`). */
  hostname?: string;
  dynamodb: DynamoDBClient;
  tableName: string;
  /**
   * The API's environment variables (AppSync `environmentVariables`, `ctx.env` in resolvers). TABLE_NAME defaults to
   * `tableName`, as the resolvers read it (resolvers/lib/context.ts).
   */
  environmentVariables?: Record<string, string>;
  auth: {
    region: string;
    userPoolId: string;
    issuer: string;
    jwksUrl: string;
    appClientIds?: string[];
    iam: { accessKeyId: string; secretAccessKey: string };
  };
  lambdaHandlers?: Partial<Record<LambdaName, (event: unknown) => Promise<unknown>>>;
  /** Where `npm run build` writes the bundles; defaults to 'build/resolvers' (relative to the working directory). */
  resolverBundleDir?: string;
  /** Extra routes by exact path, e.g. '/' (GraphiQL) or '/stripe/webhook'; checked before /graphql. */
  extraRoutes?: Record<string, (req: IncomingMessage, res: ServerResponse) => void | Promise<void>>;
  /** Called for every DynamoDB API request, with the GraphQL operation and field that caused it. */
  onDynamoDbRequest?: (operation: string, origin: DynamoDbRequestOrigin) => void;
  /** Opt-in, for tests and bench/: DynamoDB's TransactionConflict cancellations (DynamoDB Local never makes them). */
  transactionConflicts?: boolean | TransactionConflictOptions;
  /** Resolver console output (console.log in APPSYNC_JS code). */
  onResolverLogs?: (field: string, logs: string[]) => void;
  /** Defaults to the real wiring table (infra/wiring/). */
  wiring?: Wiring;
  /** Defaults to loadSchema() (schema/). */
  schema?: GraphQLSchema;
  /** Defaults to the limits CDK deploys (infra/wiring/limits.ts); tests lower them to reach them cheaply. */
  limits?: Partial<RequestLimits>;
  realtime?: {
    /** How often `ka` is sent; AppSync sends one about every minute. */
    keepAliveIntervalMs?: number;
    /** Announced in connection_ack; AppSync announces 300000. */
    connectionTimeoutMs?: number;
  };
}

export interface ApiServer {
  /** The GraphQL endpoint over HTTP, e.g. http://localhost:4000/graphql. */
  httpUrl: string;
  /** The GraphQL endpoint over HTTPS, when TLS is configured; the one to give Amplify JS. */
  httpsUrl?: string;
  /** The real-time endpoint: wss:// on the HTTPS port when TLS is configured, else ws:// on the HTTP port. */
  realtimeUrl: string;
  httpPort: number;
  httpsPort?: number;
  close(): Promise<void>;
}

const GRAPHQL_PATH = '/graphql';

/** AppSync's rules for environment variables ("Using environment variables in AWS AppSync"). */
function checkEnvironment(variables: Record<string, string>): Record<string, string> {
  const entries = Object.entries(variables);
  if (entries.length > 50) throw new Error(`environmentVariables: at most 50 pairs; got ${entries.length}`);
  for (const [key, value] of entries) {
    if (!/^[A-Za-z][A-Za-z0-9_]+$/.test(key)) {
      throw new Error(`environmentVariables.${key}: keys start with a letter, have at least two characters, and hold only letters, digits and _`);
    }
    if (typeof value !== 'string' || value.length > 512) {
      throw new Error(`environmentVariables.${key}: values are strings of at most 512 characters`);
    }
  }
  return variables;
}

function listen(server: HttpServer | HttpsServer, port: number, hostname: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: HttpServer | HttpsServer): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const env = checkEnvironment({ TABLE_NAME: options.tableName, ...options.environmentVariables });
  const schema = withAppSyncScalars(options.schema ?? loadSchema());
  const dataSources = createDataSources({
    dynamodb: options.dynamodb,
    tableName: options.tableName,
    lambdaHandlers: options.lambdaHandlers,
    transactionConflicts: options.transactionConflicts,
    onDynamoDbRequest: options.onDynamoDbRequest
      ? (api, invocation, input) =>
          options.onDynamoDbRequest?.(api, {
            graphqlOperation: currentGraphqlOperation(),
            field: invocation.info ? `${invocation.info.parentTypeName}.${invocation.info.fieldName}` : null,
            input,
          })
      : undefined,
  });
  const registry = createResolverRegistry(
    options.wiring ?? wiring,
    options.resolverBundleDir ?? 'build/resolvers',
    new Set(Object.keys(dataSources)),
  );
  const subscriptionsByMutation = subscriptionTriggers(schema);
  const limits = { ...deployedRequestLimits, ...options.limits };
  const runtime: ApiRuntime = {
    schema,
    authorizer: createDirectiveAuthorizer(schema),
    registry,
    dataSources,
    subscriptionsByMutation,
    env,
    limits,
    prepareDocument: createDocumentPreparer(schema, limits),
    onResolverLogs: options.onResolverLogs,
  };
  const hub = new SubscriptionHub(subscriptionsByMutation);
  const authenticate = createAuthenticator(options.auth);
  const handler = createHttpHandler({
    runtime,
    hub,
    authenticate,
    graphqlPath: GRAPHQL_PATH,
    extraRoutes: (options.extraRoutes ?? {}) as Record<string, Route>,
  });
  const realtime = createRealtimeEndpoint({
    runtime,
    hub,
    authenticate,
    settings: {
      keepAliveIntervalMs: options.realtime?.keepAliveIntervalMs ?? 60_000,
      connectionTimeoutMs: options.realtime?.connectionTimeoutMs ?? 300_000,
      graphqlPath: GRAPHQL_PATH,
    },
  });

  const hostname = options.hostname ?? '127.0.0.1';
  const servers: (HttpServer | HttpsServer)[] = [];
  try {
    const httpServer = createHttpServer(handler);
    realtime.attach(httpServer);
    servers.push(httpServer);
    const httpPort = await listen(httpServer, options.httpPort, hostname);

    let httpsPort: number | undefined;
    if (options.tls) {
      const httpsServer = createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, handler);
      realtime.attach(httpsServer);
      servers.push(httpsServer);
      httpsPort = await listen(httpsServer, options.httpsPort ?? 0, hostname);
    }

    return {
      httpUrl: `http://localhost:${httpPort}${GRAPHQL_PATH}`,
      httpsUrl: httpsPort === undefined ? undefined : `https://localhost:${httpsPort}${GRAPHQL_PATH}`,
      realtimeUrl:
        httpsPort === undefined
          ? `ws://localhost:${httpPort}${GRAPHQL_PATH}/realtime`
          : `wss://localhost:${httpsPort}${GRAPHQL_PATH}/realtime`,
      httpPort,
      httpsPort,
      async close() {
        await realtime.close();
        await Promise.all(servers.map(closeServer));
      },
    };
  } catch (error) {
    await realtime.close();
    await Promise.all(servers.filter((s) => s.listening).map(closeServer));
    throw error;
  }
}

import { join } from 'node:path';
import { LocalStackError } from '../emulators/errors.ts';
import { localNames } from '../config.ts';
import { graphiqlPageRoutes } from '../page/routes.ts';
import { demoPassword, demoUsers, type DemoUser } from '../seed/demo-users.ts';
import type { ApiServer } from '../server/index.ts';
import type { Cleanups } from './cleanups.ts';
import { functionUrlRoute } from './function-url-route.ts';
import type { DataSourceLambdaName, LambdaHandler, LocalLambdas } from './lambda-handlers.ts';
import { notLoaded, type LambdaSlot } from './lambda-slot.ts';
import { repoRoot } from './paths.ts';
import type { PreparedStart } from './prepare.ts';
import type { Provisioned } from './provision.ts';
import type { StartedServices } from './services.ts';
import type { LocalClients, LocalStackOptions } from './types.ts';

export type RunningApi = ApiServer & { httpsUrl: string; demoUsers: Array<DemoUser & { password: string }> };

/** The data-source handlers loaded at start, each looked up in the slot at every call, so a reload swaps them. */
function dataSourcesThrough(slot: LambdaSlot, loaded: LocalLambdas): Partial<Record<DataSourceLambdaName, LambdaHandler>> {
  const names = Object.keys(loaded.dataSources) as DataSourceLambdaName[];
  return Object.fromEntries(
    names.map((name) => [name, (event: unknown) => slot.current?.dataSources[name]?.(event) ?? notLoaded()]),
  );
}

/** Phase 6: the local AppSync API over HTTP and HTTPS/WSS, with GraphiQL and the Stripe webhook's Function URL. */
export async function startLocalApi(
  options: LocalStackOptions,
  { ports }: PreparedStart,
  { cognito, certificates, modules }: StartedServices,
  clients: LocalClients,
  { pool }: Provisioned,
  lambdas: LocalLambdas,
  slot: LambdaSlot,
  cleanups: Cleanups,
): Promise<RunningApi> {
  const demo = demoUsers.map((u) => ({ ...u, password: demoPassword }));
  const api = await modules.apiServer.startApiServer({
    httpPort: ports.http,
    httpsPort: ports.https,
    tls: { key: certificates.key, cert: certificates.cert },
    dynamodb: clients.dynamodb,
    tableName: localNames.tableName,
    auth: {
      region: localNames.region,
      userPoolId: pool.userPoolId,
      issuer: cognito.issuer(pool.userPoolId),
      jwksUrl: cognito.jwksUrl(pool.userPoolId),
      appClientIds: [pool.userPoolClientId],
      iam: { accessKeyId: localNames.accessKeyId, secretAccessKey: localNames.secretAccessKey },
    },
    lambdaHandlers: dataSourcesThrough(slot, lambdas),
    resolverBundleDir: join(options.sourceRoot ?? repoRoot, 'build', 'resolvers'),
    extraRoutes: {
      ...graphiqlPageRoutes({ userPoolClientId: pool.userPoolClientId, cognitoEndpoint: cognito.endpoint, demoUsers: demo }),
      ...(lambdas.functionUrl
        ? { '/stripe/webhook': functionUrlRoute((event) => slot.current?.functionUrl?.(event) ?? notLoaded()) }
        : {}),
    },
    onDynamoDbRequest: options.onDynamoDbRequest,
    onResolverLogs: options.onResolverLogs,
  });
  cleanups.add(() => api.close());
  const { httpsUrl } = api;
  if (!httpsUrl) throw new LocalStackError('The local API did not start its HTTPS endpoint');
  return { ...api, httpsUrl, demoUsers: demo };
}

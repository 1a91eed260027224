import { join } from 'node:path';
import { LocalStackError } from '../emulators/errors.ts';
import { localNames } from '../config.ts';
import { graphiqlPageRoutes } from '../page/routes.ts';
import { demoPassword, demoUsers, type DemoUser } from '../seed/demo-users.ts';
import type { ApiServer } from '../server/index.ts';
import type { Cleanups } from './cleanups.ts';
import { functionUrlRoute } from './function-url-route.ts';
import type { LocalLambdas } from './lambda-handlers.ts';
import { repoRoot } from './paths.ts';
import type { PreparedStart } from './prepare.ts';
import type { Provisioned } from './provision.ts';
import type { StartedServices } from './services.ts';
import type { LocalClients, LocalStackOptions } from './types.ts';

export type RunningApi = ApiServer & { httpsUrl: string; demoUsers: Array<DemoUser & { password: string }> };

/** Phase 6: the local AppSync API over HTTP and HTTPS/WSS, with GraphiQL and the Stripe webhook's Function URL. */
export async function startLocalApi(
  options: LocalStackOptions,
  { ports }: PreparedStart,
  { cognito, certificates, modules }: StartedServices,
  clients: LocalClients,
  { pool }: Provisioned,
  lambdas: LocalLambdas,
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
    lambdaHandlers: lambdas.dataSources,
    resolverBundleDir: join(repoRoot, 'build', 'resolvers'),
    extraRoutes: {
      ...graphiqlPageRoutes({ userPoolClientId: pool.userPoolClientId, cognitoEndpoint: cognito.endpoint, demoUsers: demo }),
      ...(lambdas.functionUrl ? { '/stripe/webhook': functionUrlRoute(lambdas.functionUrl) } : {}),
    },
    onDynamoDbRequest: options.onDynamoDbRequest,
    onResolverLogs: options.onResolverLogs,
  });
  cleanups.add(() => api.close());
  const { httpsUrl } = api;
  if (!httpsUrl) throw new LocalStackError('The local API did not start its HTTPS endpoint');
  return { ...api, httpsUrl, demoUsers: demo };
}

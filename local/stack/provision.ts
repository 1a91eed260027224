import { readStageConfig } from '../../infra/config.ts';
import { loopback } from '../emulators/ports.ts';
import { ensureTable } from '../emulators/table.ts';
import { ensureUserPool, type UserPoolIds } from '../emulators/user-pool.ts';
import { localNames } from '../config.ts';
import type { Cleanups } from './cleanups.ts';
import { applyEnvironment, localLambdaEnvironment } from './environment.ts';
import type { PreparedStart } from './prepare.ts';
import type { StartedServices } from './services.ts';
import type { LocalClients } from './types.ts';

export interface Provisioned {
  table: { created: boolean };
  pool: UserPoolIds & { created: boolean };
  /** The Lambda environment, set on process.env until the stack stops. */
  environment: Record<string, string>;
}

/** The dev stage's checkout return pages (infra/stages/dev.json): the frontend's, never the API's. */
export function localCheckoutUrls(): { success: string; cancel: string } {
  const { checkoutSuccessUrl, checkoutCancelUrl } = readStageConfig(() => undefined);
  if (!checkoutSuccessUrl || !checkoutCancelUrl) throw new Error('infra/stages/dev.json names no frontend origin for the checkout return pages');
  return { success: checkoutSuccessUrl, cancel: checkoutCancelUrl };
}

/** Phase 4: the table and the user pool as infra/ defines them, then the Lambda environment that names them. */
export async function provision(
  { ports, state }: PreparedStart,
  services: StartedServices,
  clients: LocalClients,
  seed: boolean,
  cleanups: Cleanups,
): Promise<Provisioned> {
  const { dynamo, cognito, s3, ses, stripe, modules } = services;
  // A kept table without a finished seed is what an interrupted first start leaves: start it over.
  const [table, pool] = await Promise.all([
    ensureTable(clients.dynamodb, localNames.tableName, { recreate: seed && !state.seededAt }),
    ensureUserPool(
      clients.cognito,
      { groups: modules.userDirectory.userGroups, passwordPolicy: modules.userDirectory.passwordPolicy },
      state,
    ),
  ]);
  const environment = {
    ...localLambdaEnvironment({
      region: localNames.region,
      credentials: { accessKeyId: localNames.accessKeyId, secretAccessKey: localNames.secretAccessKey },
      endpoints: { dynamodb: dynamo.endpoint, s3: s3.endpoint, ses: ses.endpoint, cognito: cognito.endpoint },
      tableName: localNames.tableName,
      bucketName: localNames.bucketName,
      graphqlUrl: `http://${loopback}:${ports.http}/graphql`,
      userPoolId: pool.userPoolId,
      emailFromAddress: localNames.emailFromAddress,
      checkoutUrls: localCheckoutUrls(),
    }),
    ...stripe.lambdaEnvironment,
  };
  cleanups.add(applyEnvironment(environment));
  return { table, pool, environment };
}

// The Lambda handlers of infra/lambdas.ts, imported to run in this process with the environment of
// local/stack/environment.ts. An entry naming no file stops the start (infra/lambda-entries.ts), as it stops synth.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { assertLambdaEntriesExist } from '../../infra/lambda-entries.ts';
import { lambdas, type LambdaDefinition, type LambdaTrigger } from '../../infra/lambdas.ts';
import { repoRoot } from './paths.ts';

export type LambdaHandler = (event: unknown) => Promise<unknown>;
/** Imports a handler module by file URL: the process's own import() at start, a fresh module graph on a reload. */
export type ModuleImporter = (url: string) => Promise<{ handler?: unknown }>;
export type DataSourceLambdaName = Extract<LambdaTrigger, { kind: 'dataSource' }>['dataSource'];

export interface LocalLambdas {
  /** Handlers of the AppSync Lambda data sources, for the API server. */
  dataSources: Partial<Record<DataSourceLambdaName, LambdaHandler>>;
  /** The S3 ObjectCreated handler, fed by the local S3's event notifications. */
  s3ObjectCreated?: LambdaHandler;
  /** The Function URL handler (Stripe webhooks), served by the local API at `/stripe/webhook`. */
  functionUrl?: LambdaHandler;
  /** The Cognito post-confirmation trigger, called by the local Cognito. */
  cognitoPostConfirmation?: LambdaHandler;
  /** The legacy migration's sign-in triggers (docs/migration.md). */
  cognitoUserMigration?: LambdaHandler;
  cognitoPostAuthentication?: LambdaHandler;
  loaded: string[];
}

/** What the Lambda runtime passes as the second argument, as far as a local call can honour it. */
function lambdaContext(definition: LambdaDefinition, region: string, timeoutMs = 30_000) {
  const functionName = `scholarvalley-local-${definition.name}`;
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}

/** Refuses a definition whose handler file is not there, before anything starts (importing waits for the environment). */
export function checkLambdaEntries(definitions: readonly LambdaDefinition[] = lambdas, root = repoRoot): void {
  assertLambdaEntriesExist(definitions, root);
}

export async function loadLocalLambdas(
  region: string,
  definitions: readonly LambdaDefinition[] = lambdas,
  root = repoRoot,
  importModule: ModuleImporter = (url) => import(url) as Promise<{ handler?: unknown }>,
): Promise<LocalLambdas> {
  checkLambdaEntries(definitions, root);
  const result: LocalLambdas = { dataSources: {}, loaded: [] };
  for (const definition of definitions) {
    const module = await importModule(pathToFileURL(join(root, definition.entry)).href);
    if (typeof module.handler !== 'function') {
      throw new Error(`${definition.entry} does not export a handler function`);
    }
    const handler = module.handler as (event: unknown, context: unknown) => Promise<unknown>;
    const invoke: LambdaHandler = (event) => handler(event, lambdaContext(definition, region));
    const trigger = definition.trigger;
    if (trigger.kind === 'dataSource') result.dataSources[trigger.dataSource] = invoke;
    else if (trigger.kind === 's3ObjectCreated') result.s3ObjectCreated = invoke;
    else if (trigger.kind === 'functionUrl') result.functionUrl = invoke;
    else if (trigger.kind === 'cognitoPostConfirmation') result.cognitoPostConfirmation = invoke;
    else if (trigger.kind === 'cognitoUserMigration') result.cognitoUserMigration = invoke;
    else if (trigger.kind === 'cognitoPostAuthentication') result.cognitoPostAuthentication = invoke;
    // The local Cognito has no pre-token-generation hook: locally, staff and admins keep their groups without MFA.
    else continue;
    result.loaded.push(definition.name);
  }
  return result;
}

// The Lambda handlers of infra/lambdas.ts whose source file exists, imported to run in this process with the
// environment of local/stack/environment.ts. A handler not written yet is simply absent.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lambdas, type LambdaDefinition, type LambdaTrigger } from '../../infra/lambdas.ts';
import { repoRoot } from './paths.ts';

export type LambdaHandler = (event: unknown) => Promise<unknown>;
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
  missing: string[];
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

/** Which handlers exist, without importing them (importing needs the local environment in place first). */
export function presentLambdas(root = repoRoot): LambdaDefinition[] {
  return lambdas.filter((l) => existsSync(join(root, l.entry)));
}

export async function loadLocalLambdas(region: string, root = repoRoot): Promise<LocalLambdas> {
  const result: LocalLambdas = { dataSources: {}, loaded: [], missing: [] };
  const present = new Set(presentLambdas(root));
  for (const definition of lambdas) {
    if (!present.has(definition)) {
      result.missing.push(definition.name);
      continue;
    }
    const module = (await import(pathToFileURL(join(root, definition.entry)).href)) as { handler?: unknown };
    if (typeof module.handler !== 'function') {
      throw new Error(`${definition.entry} does not export a handler function`);
    }
    const handler = module.handler as (event: unknown, context: unknown) => Promise<unknown>;
    const invoke: LambdaHandler = (event) => handler(event, lambdaContext(definition, region));
    const trigger = definition.trigger;
    if (trigger.kind === 'dataSource') result.dataSources[trigger.dataSource] = invoke;
    else if (trigger.kind === 's3ObjectCreated') result.s3ObjectCreated = invoke;
    else if (trigger.kind === 'functionUrl') result.functionUrl = invoke;
    else if (trigger.kind === 'cognitoUserMigration') result.cognitoUserMigration = invoke;
    else if (trigger.kind === 'cognitoPostAuthentication') result.cognitoPostAuthentication = invoke;
    else result.cognitoPostConfirmation = invoke;
    result.loaded.push(definition.name);
  }
  return result;
}

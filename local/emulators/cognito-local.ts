// cognito-local, started in this process from its own building blocks (the same ones its CLI wires together in
// lib/server/defaults.js), because the CLI keeps its state in ./.cognito of the working directory, takes its port and
// issuer from global environment variables, and can reach Lambda triggers only through an AWS Lambda endpoint.
// Here the state folder is ours, the issuer is the address it really serves on, and triggers are in-process handlers.
// Leaving out defaults.js also skips loading aws-sdk v2 (about 1.5 s), which only its KMS/Lambda clients need.
import type { Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Router } from 'cognito-local/lib/server/Router.js';
import { createServer } from 'cognito-local/lib/server/server.js';
import { DateClock, LambdaService, MessagesService, TriggersService } from 'cognito-local/lib/services/index.js';
import { CognitoServiceFactoryImpl } from 'cognito-local/lib/services/cognitoService.js';
import { StormDBDataStoreFactory } from 'cognito-local/lib/services/dataStore/stormDb.js';
import { MessageDeliveryService } from 'cognito-local/lib/services/messageDelivery/messageDelivery.js';
import { otp } from 'cognito-local/lib/services/otp.js';
import { JwtTokenGenerator } from 'cognito-local/lib/services/tokenGenerator.js';
import { UserPoolServiceFactoryImpl } from 'cognito-local/lib/services/userPoolService.js';
import type { EmulatorStorage, RunningEmulator } from './types.ts';
import { LocalStackError } from './errors.ts';
import { PrintedCodeSender, type CodeOutput } from './cognito-codes.ts';
import { restrictCorsToLocalOrigins } from './cognito-cors.ts';
import { withDisabledUsers } from './cognito-disabled-users.ts';
import { withTokenRefresh } from './cognito-refresh.ts';
import type { CognitoRouter, CognitoService } from './cognito-router.ts';
import { withCognitoSignInErrors } from './cognito-sign-in-errors.ts';
import { withSrpAuth } from './cognito-srp.ts';
import { assertPortFree, loopback, PortInUseError, portEnvNames } from './ports.ts';

/** Cognito Lambda triggers this emulator can call, as in-process handlers receiving Cognito's trigger event. */
export type CognitoTriggerName =
  | 'PostConfirmation'
  | 'PreSignUp'
  | 'PreTokenGeneration'
  | 'PostAuthentication'
  | 'UserMigration'
  | 'CustomMessage';
export type CognitoTriggerHandler = (event: Record<string, unknown>) => Promise<unknown>;

export type CognitoLocalOptions = {
  port: number;
  triggers?: Partial<Record<CognitoTriggerName, CognitoTriggerHandler>>;
  /** pino level of cognito-local's own log; confirmation codes are printed whatever the level. */
  logLevel?: 'silent' | 'error' | 'warn' | 'info' | 'debug';
  /** Where the one-line "confirmation code for <email>: <code>" messages go (standard output by default). */
  codeOutput?: CodeOutput;
} & EmulatorStorage;

export interface RunningCognitoLocal extends RunningEmulator {
  /** Tokens say `iss: <issuerDomain>/<userPoolId>`; the JWKS is at `<endpoint>/<userPoolId>/.well-known/jwks.json`. */
  issuerDomain: string;
  jwksUrl(userPoolId: string): string;
  issuer(userPoolId: string): string;
}

// pino is cognito-local's dependency: load the very version it was built against.
const fromCognitoLocal = createRequire(createRequire(import.meta.url).resolve('cognito-local/package.json'));

function createLogger(level: string) {
  const pino = fromCognitoLocal('pino') as (options: object, stream?: unknown) => unknown;
  const pretty = fromCognitoLocal('pino-pretty') as (options: object) => unknown;
  return pino(
    { level },
    pretty({ colorize: true, singleLine: true, ignore: 'pid,name,hostname', messageFormat: 'cognito-local: {msg}' }),
  );
}

/**
 * What cognito-local's LambdaService expects of an AWS SDK v2 Lambda client (`invoke(params).promise()`),
 * answered by calling the trigger's handler in this process, with Lambda's success and error payloads.
 */
function inProcessLambdaClient(handlers: Partial<Record<string, CognitoTriggerHandler>>) {
  return {
    invoke(params: { FunctionName: string; Payload: string }) {
      return {
        async promise() {
          const handler = handlers[params.FunctionName];
          if (!handler)
            return {
              StatusCode: 404,
              FunctionError: 'Unhandled',
              Payload: JSON.stringify({ errorMessage: `No handler ${params.FunctionName}` }),
            };
          try {
            const result = await handler(JSON.parse(params.Payload) as Record<string, unknown>);
            return { StatusCode: 200, Payload: JSON.stringify(result ?? {}) };
          } catch (error) {
            const e = error as Error;
            return {
              StatusCode: 200,
              FunctionError: 'Unhandled',
              Payload: JSON.stringify({ errorMessage: e.message, errorType: e.name }),
            };
          }
        },
      };
    },
  };
}

/**
 * Cognito puts the user's standard attributes (name, given_name, ...) in the ID token; cognito-local puts only email,
 * groups and custom attributes. Unless the caller brings its own PreTokenGeneration trigger, this one adds them, so
 * local ID tokens carry the claims AWS ID tokens carry (the resolvers read `name`).
 */
const standardIdTokenClaims = [
  'name',
  'given_name',
  'family_name',
  'middle_name',
  'nickname',
  'preferred_username',
  'profile',
  'picture',
  'website',
  'gender',
  'birthdate',
  'zoneinfo',
  'locale',
  'phone_number',
  'phone_number_verified',
  'address',
  'updated_at',
];

export const addStandardClaims: CognitoTriggerHandler = async (event) => {
  const attributes = (event.request as { userAttributes?: Record<string, string> })?.userAttributes ?? {};
  const claims = Object.fromEntries(
    standardIdTokenClaims.filter((c) => attributes[c] !== undefined).map((c) => [c, attributes[c]]),
  );
  return { ...event, response: { claimsOverrideDetails: { claimsToAddOrOverride: claims } } };
};

/** Only the CustomEmailSender trigger encrypts codes (with KMS); no KMS runs locally. */
const noKms = {
  encrypt(): Promise<string> {
    return Promise.reject(new Error('The CustomEmailSender trigger needs KMS, which the local stack does not run'));
  },
};

export async function startCognitoLocal(options: CognitoLocalOptions): Promise<RunningCognitoLocal> {
  const { port } = options;
  await assertPortFree(port, portEnvNames.cognito);
  const dataDir = options.inMemory ? await mkdtemp(join(tmpdir(), 'cognito-local-')) : options.dataDir;
  const endpoint = `http://${loopback}:${port}`;
  const logger = createLogger(options.logLevel ?? 'silent');
  const ctx = { logger } as never;

  const triggerHandlers = { PreTokenGeneration: addStandardClaims, ...options.triggers };
  const functionNames = Object.fromEntries(Object.keys(triggerHandlers).map((name) => [name, name]));
  const config = {
    LambdaClient: {},
    TriggerFunctions: functionNames,
    UserPoolDefaults: { UsernameAttributes: ['email'] },
    TokenConfig: { IssuerDomain: endpoint },
    ServerConfig: { port, hostname: loopback, development: false, https: false as const },
  };

  const clock = new DateClock();
  const dataStoreFactory = new StormDBDataStoreFactory(join(dataDir, 'db'));
  const cognito = await new CognitoServiceFactoryImpl(
    join(dataDir, 'db'),
    dataStoreFactory,
    new UserPoolServiceFactoryImpl(clock, dataStoreFactory),
  ).create(ctx, config.UserPoolDefaults);
  const triggers = new TriggersService(
    clock,
    cognito,
    new LambdaService(functionNames, inProcessLambdaClient(triggerHandlers) as never),
    noKms as never,
  );
  const services = {
    clock,
    cognito,
    config: config as never,
    messages: new MessagesService(triggers, new MessageDeliveryService(new PrintedCodeSender(options.codeOutput))),
    otp,
    tokenGenerator: new JwtTokenGenerator(clock, triggers, config.TokenConfig),
    triggers,
  };

  let server: Server;
  try {
    const service = cognito as unknown as CognitoService;
    // Disabled users are refused before SRP or refresh runs; refresh reaches InitiateAuth through that check.
    const withSrp = withSrpAuth(withCognitoSignInErrors(Router(services) as CognitoRouter), service);
    const router = withTokenRefresh(withDisabledUsers(withSrp, service), service);
    const app = createServer(router as never, logger as never, config.ServerConfig, services);
    restrictCorsToLocalOrigins(app.application);
    server = (await app.start()) as Server;
  } catch (error) {
    if (options.inMemory) await rm(dataDir, { recursive: true, force: true });
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new PortInUseError(port, portEnvNames.cognito);
    throw new LocalStackError(`cognito-local did not start: ${(error as Error).message}`);
  }

  let stopping: Promise<void> | undefined;
  return {
    endpoint,
    issuerDomain: endpoint,
    issuer: (userPoolId) => `${endpoint}/${userPoolId}`,
    jwksUrl: (userPoolId) => `${endpoint}/${userPoolId}/.well-known/jwks.json`,
    stop() {
      stopping ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        if (options.inMemory) await rm(dataDir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}

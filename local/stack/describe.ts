import { writeFile } from 'node:fs/promises';
import { localNames } from '../config.ts';
import { localAmplifyOutputs } from './amplify-outputs.ts';
import type { RunningApi } from './api.ts';
import type { LocalLambdas } from './lambda-handlers.ts';
import type { PreparedStart } from './prepare.ts';
import type { Provisioned } from './provision.ts';
import type { StartedServices } from './services.ts';
import { writeStackState } from './state.ts';
import type { LocalStackInfo } from './types.ts';

export interface StartOutcome {
  lambdas: LocalLambdas;
  seeded: boolean;
}

/** What the running stack is, as plain data. */
export function describeStack(
  { paths, ports }: PreparedStart,
  { dynamo, cognito, s3, ses, stripe, certificates, bundles }: StartedServices,
  { pool }: Provisioned,
  api: RunningApi,
  { lambdas, seeded }: StartOutcome,
): LocalStackInfo {
  return {
    region: localNames.region,
    tableName: localNames.tableName,
    bucketName: localNames.bucketName,
    userPoolId: pool.userPoolId,
    userPoolClientId: pool.userPoolClientId,
    credentials: { accessKeyId: localNames.accessKeyId, secretAccessKey: localNames.secretAccessKey },
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
    demoUsers: api.demoUsers,
    lambdas: { loaded: lambdas.loaded },
    firstStart: { createdCa: certificates.createdCa, builtResolvers: bundles.built, seeded },
  };
}

/** Phase 7: amplify_outputs.json for frontends, and state.json for the next start. */
export async function writeStackFiles(
  { paths, state }: PreparedStart,
  { cognito, s3, ses, certificates, modules }: StartedServices,
  { pool }: Provisioned,
  api: RunningApi,
  seeded: boolean,
): Promise<void> {
  const outputs = localAmplifyOutputs(modules.deployedOutputs.amplifyOutputs, {
    region: localNames.region,
    userPoolId: pool.userPoolId,
    userPoolClientId: pool.userPoolClientId,
    graphqlUrl: api.httpsUrl,
    graphqlHttpUrl: api.httpUrl,
    realtimeUrl: api.realtimeUrl,
    cognitoEndpoint: cognito.endpoint,
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
}

import { startCognitoLocal, type RunningCognitoLocal } from '../emulators/cognito-local.ts';
import { startDynamoDbLocal } from '../emulators/dynamodb-local.ts';
import { loopback } from '../emulators/ports.ts';
import { startS3Local } from '../emulators/s3-local.ts';
import { startSesLocal, type RunningSesLocal } from '../emulators/ses-local.ts';
import type { RunningEmulator } from '../emulators/types.ts';
import { localNames } from '../config.ts';
import { uploadStagingPrefix } from '../../resolvers/lib/keys.ts';
import { startStripeStandIn, type StripeStandIn } from '../stripe/index.ts';
import { ensureCertificates, type LocalCertificates } from './certificates.ts';
import type { Cleanups } from './cleanups.ts';
import { notLoaded, type LambdaSlot } from './lambda-slot.ts';
import { legacyCognitoTriggers } from './legacy-triggers.ts';
import type { PreparedStart } from './prepare.ts';
import { ensureResolverBundles } from './resolver-bundles.ts';
import { isEmulator, startAll } from './start-all.ts';
import type { LocalStackOptions } from './types.ts';

export interface StartedServices {
  dynamo: RunningEmulator;
  cognito: RunningCognitoLocal;
  s3: RunningEmulator;
  ses: RunningSesLocal;
  stripe: StripeStandIn & RunningEmulator;
  certificates: LocalCertificates;
  bundles: { built: boolean; count: number };
  /** Modules that take a while to import, loaded while DynamoDB Local boots. */
  modules: {
    userDirectory: typeof import('../../infra/constructs/user-directory.ts');
    deployedOutputs: typeof import('../../infra/amplify-outputs.ts');
    apiServer: typeof import('../server/index.ts');
    emailTemplates: typeof import('../../functions/email/install-templates.ts');
  };
}

/** The documents bucket's notification filter (infra/constructs/document-storage.ts): ObjectCreated under uploads/ only. */
function isStagedUploadCreated(record: Record<string, unknown>): boolean {
  const key = (record.s3 as { object?: { key?: string } } | undefined)?.object?.key ?? '';
  return String(record.eventName).startsWith('ObjectCreated:') && key.startsWith(uploadStagingPrefix);
}

/**
 * Phase 2: the emulators, the Stripe stand-in, the certificates and the resolver bundles, all at once (DynamoDB Local's
 * JVM boots in its own process, about 3 s; the heavier modules load meanwhile). If one fails, those started are stopped.
 */
export async function startServices(
  options: LocalStackOptions,
  { paths, ports }: PreparedStart,
  lambdas: LambdaSlot,
  cleanups: Cleanups,
): Promise<StartedServices> {
  const storage = (dir: string) => (options.inMemory ? { inMemory: true as const } : { dataDir: dir });
  const [dynamo, cognito, s3, ses, stripe, certificates, bundles, userDirectory, deployedOutputs, apiServer, emailTemplates] =
    await startAll<
      [
        RunningEmulator,
        RunningCognitoLocal,
        RunningEmulator,
        RunningSesLocal,
        StripeStandIn & RunningEmulator,
        LocalCertificates,
        { built: boolean; count: number },
        StartedServices['modules']['userDirectory'],
        StartedServices['modules']['deployedOutputs'],
        StartedServices['modules']['apiServer'],
        StartedServices['modules']['emailTemplates'],
      ]
    >(
      [
        startDynamoDbLocal({ port: ports.dynamodb, ...storage(paths.dynamodb) }),
        startCognitoLocal({
          port: ports.cognito,
          ...storage(paths.cognito),
          logLevel: options.verbose ? 'warn' : 'silent',
          triggers: {
            PostConfirmation: (event) => lambdas.current?.cognitoPostConfirmation?.(event) ?? notLoaded(),
            ...legacyCognitoTriggers(lambdas),
          },
        }),
        startS3Local({
          port: ports.s3,
          ...storage(paths.s3),
          bucketName: localNames.bucketName,
          credentials: { accessKeyId: localNames.accessKeyId, secretAccessKey: localNames.secretAccessKey },
          onObjectEvent: (event) => {
            const handler = lambdas.current?.s3ObjectCreated;
            const Records = event.Records.filter(isStagedUploadCreated);
            if (Records.length === 0 || !handler) return;
            handler({ Records }).catch((error: unknown) => console.error('upload-landed handler failed:', error));
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
        options.buildResolvers === false ? Promise.resolve({ built: false, count: 0 }) : ensureResolverBundles(options.sourceRoot),
        import('../../infra/constructs/user-directory.ts'),
        import('../../infra/amplify-outputs.ts'),
        import('../server/index.ts'),
        import('../../functions/email/install-templates.ts'),
      ],
      isEmulator,
    );
  for (const emulator of [stripe, ses, s3, cognito, dynamo]) cleanups.add(() => emulator.stop());
  return {
    dynamo,
    cognito,
    s3,
    ses,
    stripe,
    certificates,
    bundles,
    modules: { userDirectory, deployedOutputs, apiServer, emailTemplates },
  };
}

// S3 with s3rver, in this process. s3rver knows only its own S3RVER access key; it is taught the local stack's static
// key so the SDK's signed requests are accepted. Limits of s3rver (see docs/local-development.md): it does not verify
// SigV4 signatures, nor a presigned POST's policy conditions (size range, content type), only the access key id.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EmulatorStorage, RunningEmulator } from './types.ts';
import { LocalStackError } from './errors.ts';
import { assertPortFree, loopback, PortInUseError, portEnvNames } from './ports.ts';

/** An S3 event notification as AWS delivers it to Lambda (`{ Records: [...] }`). */
export type S3EventNotification = { Records: Array<Record<string, unknown>> };

export type S3LocalOptions = {
  port: number;
  bucketName: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Called for every object created or removed, as an S3 event notification would be. */
  onObjectEvent?: (event: S3EventNotification) => void;
} & EmulatorStorage;

/**
 * Browsers upload documents straight to S3 with presigned POSTs and download them with presigned GETs, from any local
 * page (the GraphiQL page or a frontend dev server), so the local bucket allows every origin.
 */
export const localBucketCors = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>POST</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

// s3rver ships no types: the little of it used here, as its README documents it.
interface S3rverInstance {
  run(): Promise<unknown>;
  close(): Promise<void>;
  on(event: 'event', listener: (event: S3EventNotification) => void): void;
}
type S3rverConstructor = new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  vhostBuckets: boolean;
  configureBuckets: Array<{ name: string; configs: string[] }>;
}) => S3rverInstance;
interface AwsAccountModule {
  DUMMY_ACCOUNT: { createKeyPair(accessKeyId: string, secretAccessKey: string): void };
}
const requireFromHere = createRequire(import.meta.url);

export async function startS3Local(options: S3LocalOptions): Promise<RunningEmulator> {
  const { port } = options;
  await assertPortFree(port, portEnvNames.s3);
  const directory = options.inMemory ? await mkdtemp(join(tmpdir(), 's3rver-')) : options.dataDir;
  await mkdir(directory, { recursive: true });

  const account = requireFromHere('s3rver/lib/models/account') as AwsAccountModule;
  account.DUMMY_ACCOUNT.createKeyPair(options.credentials.accessKeyId, options.credentials.secretAccessKey);

  const S3rver = requireFromHere('s3rver') as S3rverConstructor;
  const server = new S3rver({
    address: loopback,
    port,
    silent: true,
    directory,
    vhostBuckets: false,
    configureBuckets: [{ name: options.bucketName, configs: [localBucketCors] }],
  });
  const onEvent = options.onObjectEvent;
  if (onEvent) server.on('event', onEvent);

  try {
    await server.run();
  } catch (error) {
    if (options.inMemory) await rm(directory, { recursive: true, force: true });
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new PortInUseError(port, portEnvNames.s3);
    throw new LocalStackError(`S3 (s3rver) did not start: ${(error as Error).message}`);
  }

  let stopping: Promise<void> | undefined;
  return {
    endpoint: `http://${loopback}:${port}`,
    stop() {
      stopping ??= (async () => {
        await server.close();
        if (options.inMemory) await rm(directory, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}

import { describe, expect, it } from 'vitest';
import { startDynamoDbLocal } from '../../../local/emulators/dynamodb-local.ts';
import { freePort } from '../../../local/emulators/ports.ts';
import { startS3Local } from '../../../local/emulators/s3-local.ts';
import { startSesLocal } from '../../../local/emulators/ses-local.ts';
import type { RunningEmulator } from '../../../local/emulators/types.ts';
import { networkAddress, tcpConnect } from './network-reach.ts';
import { localCredentials } from './support.ts';

// The emulators hold the developer's local data and accept the static local credentials: they must answer on the
// loopback address only, never on an address other machines on the network can reach.

const address = networkAddress();

const launchers: Array<[string, (port: number) => Promise<RunningEmulator>]> = [
  ['DynamoDB Local', (port) => startDynamoDbLocal({ port, inMemory: true })],
  ['S3 (s3rver)', (port) => startS3Local({ port, inMemory: true, bucketName: 'loopback-test', credentials: localCredentials })],
  ['SES (aws-ses-v2-local)', (port) => startSesLocal({ port })],
];

describe.skipIf(!address)(`emulators on this machine's network address ${address ?? '(none)'}`, () => {
  it.each(launchers)('given %s started, when connecting to its port, then 127.0.0.1 answers and the network address refuses', async (_, start) => {
    const port = await freePort();
    const emulator = await start(port);
    try {
      expect(await tcpConnect('127.0.0.1', port)).toBe('connected');
      expect(await tcpConnect(address!, port)).toBe('ECONNREFUSED');
    } finally {
      await emulator.stop();
    }
  });
});

// The local Cognito is reachable only from this machine: it listens on 127.0.0.1, and answers CORS only for pages
// served from localhost (local/emulators/cognito-cors.ts).
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCognitoLocal, type RunningCognitoLocal } from '../../../local/emulators/cognito-local.ts';
import { freePort } from '../../../local/emulators/ports.ts';

function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const preflight = (endpoint: string, origin: string) =>
  fetch(`${endpoint}/`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,x-amz-target,x-amz-user-agent',
    },
  });

const listUserPools = (endpoint: string, origin: string) =>
  fetch(`${endpoint}/`, {
    method: 'POST',
    headers: {
      origin,
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.ListUserPools',
    },
    body: JSON.stringify({ MaxResults: 10 }),
  });

describe('cognito-local exposure', () => {
  let cognito: RunningCognitoLocal;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    cognito = await startCognitoLocal({ port, inMemory: true });
  });
  afterAll(async () => {
    await cognito.stop();
  });

  it.each(['https://evil.example', 'http://localhost.evil.example', 'null', 'http://192.0.2.2:5173'])(
    'given a page from %s, when it calls the local Cognito, then the answer carries no Access-Control-Allow-Origin',
    async (origin) => {
      const [options, post] = await Promise.all([
        preflight(cognito.endpoint, origin),
        listUserPools(cognito.endpoint, origin),
      ]);
      expect(options.headers.get('access-control-allow-origin')).toBeNull();
      expect(post.headers.get('access-control-allow-origin')).toBeNull();
    },
  );

  it.each([
    'http://localhost:4000',
    'https://localhost:4443',
    'http://localhost:5173',
    'http://127.0.0.1:3000',
    'http://[::1]:8080',
  ])('given a page from %s, when it calls the local Cognito, then CORS lets it read the answer', async (origin) => {
    const options = await preflight(cognito.endpoint, origin);
    expect(options.status).toBe(204);
    expect(options.headers.get('access-control-allow-origin')).toBe(origin);
    expect(options.headers.get('access-control-allow-headers')).toBe('content-type,x-amz-target,x-amz-user-agent');
    const post = await listUserPools(cognito.endpoint, origin);
    expect(post.status).toBe(200);
    expect(post.headers.get('access-control-allow-origin')).toBe(origin);
  });

  it('listens on 127.0.0.1 only: not on the machine’s other addresses', async () => {
    const otherAddresses = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && a.address !== '127.0.0.1')
      .map((a) => a?.address ?? '');
    expect(await accepts('127.0.0.1', port)).toBe(true);
    for (const address of otherAddresses) expect(await accepts(address, port), address).toBe(false);
  });
});

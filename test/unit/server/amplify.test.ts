import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { Amplify } from 'aws-amplify';
import { generateClient, type GraphQLSubscription } from 'aws-amplify/api';
import { Hub } from 'aws-amplify/utils';
import { print } from 'graphql';
import { decodeJwt } from 'jose';
import selfsigned from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startApiServer, type ApiServer } from '../../../local/server/index.ts';
import {
  OnThreadMessageDocument,
  SendMessageDocument,
  type OnThreadMessageSubscription,
} from '../../../schema/generated/client/graphql.ts';
import { postGraphql } from './support/clients.ts';
import { serverAuth, startTokenIssuer, type TestUser, type TokenIssuer } from './support/token-issuer.ts';
import { fixtureBundleDir, fixtureWiring } from './fixtures/wiring.ts';

// Amplify JS v6, unchanged, subscribing over wss:// to the local server. Node 20 has no global WebSocket, so Amplify
// gets the `ws` package (as the issue prescribes), told to trust the test's self-signed certificate: the in-process
// equivalent of NODE_EXTRA_CA_CERTS, which Node reads only at process start.

const ana: TestUser = { sub: 'a1111111-1111-4111-8111-111111111111', username: 'ana', groups: ['applicant'] };

let issuer: TokenIssuer;
let server: ApiServer;
let token: string;
const originalWebSocket = (globalThis as { WebSocket?: unknown }).WebSocket;

beforeAll(async () => {
  issuer = await startTokenIssuer();
  const certificate = await selfsigned.generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] }],
  });
  server = await startApiServer({
    httpPort: 0,
    httpsPort: 0,
    tls: { key: certificate.private, cert: certificate.cert },
    dynamodb: new DynamoDBClient({ endpoint: 'http://127.0.0.1:9', region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }),
    tableName: 'unused',
    auth: serverAuth(issuer),
    wiring: fixtureWiring,
    resolverBundleDir: fixtureBundleDir,
  });
  (globalThis as { WebSocket?: unknown }).WebSocket = class TrustingWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { ca: certificate.cert });
    }
  };
  token = await issuer.token(ana);
  Amplify.configure(
    {
      API: { GraphQL: { endpoint: server.httpsUrl ?? '', region: 'us-east-1', defaultAuthMode: 'userPool' } },
      Auth: { Cognito: { userPoolId: issuer.userPoolId, userPoolClientId: issuer.clientId } },
    },
    { Auth: { tokenProvider: { getTokens: async () => ({ accessToken: { payload: decodeJwt(token), toString: () => token } }) } } },
  );
});

afterAll(async () => {
  (globalThis as { WebSocket?: unknown }).WebSocket = originalWebSocket;
  await server?.close();
  await issuer?.stop();
});

describe('Amplify JS v6 against the local server', () => {
  it('receives a subscription event over wss:// from generateClient()', async () => {
    const client = generateClient();
    const acknowledged = new Promise<void>((resolve) => {
      const stop = Hub.listen('api', ({ payload }) => {
        if (payload.event === 'Subscription ack') {
          stop();
          resolve();
        }
      });
    });
    const received = new Promise<unknown>((resolve, reject) => {
      const subscription = client
        .graphql<GraphQLSubscription<OnThreadMessageSubscription>>({
          query: print(OnThreadMessageDocument),
          variables: { applicantId: `app-${ana.sub}` },
        })
        .subscribe({
          next: (event) => {
            subscription.unsubscribe();
            resolve(event);
          },
          error: reject,
        });
    });

    await acknowledged;
    // The project's own client operations: the mutation selects every field the subscription (and its filter) needs.
    const sent = await postGraphql(
      server.httpUrl,
      { query: print(SendMessageDocument), variables: { input: { applicantId: `app-${ana.sub}`, body: 'Hi from Node' } } },
      { token },
    );

    expect(sent.body.errors).toBeUndefined();
    expect(await received).toEqual({ data: { onThreadMessage: sent.body.data?.sendMessage } });
  });
});

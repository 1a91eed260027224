// AppSync real-time subscriptions as any caller: a signed-in user (the token they send), the IAM caller (SigV4 over
// `<endpoint>/connect` for the handshake and over `<endpoint>` with the `data` string for each start, as "Building a
// real-time WebSocket client" describes), or nobody (no Authorization: the handshake is refused). Every start is
// answered start_ack or error; the answer is returned, not thrown, so tests can assert refusals.
import { Sha256 } from '@aws-crypto/sha256-js';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { SignatureV4 } from '@smithy/signature-v4';
import { print } from 'graphql';
import { localStack } from '../../setup/local-stack.ts';
import { authorizationOf, type SignedInUser } from '../../setup/users.ts';
import { RealtimeTestClient, type ServerMessage } from '../../unit/server/support/clients.ts';

export type RealtimeCaller = SignedInUser | 'iam';

export interface StartError {
  errorType?: string | null;
  message: string;
}

export interface LiveSubscription {
  /** The next event's root field value matching `match`; fails after `timeoutMs`. */
  next(match?: (value: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Resolves when no event at all arrives within `ms`; fails with the event that did. */
  expectSilence(ms: number): Promise<void>;
}

export type StartAnswer = { acknowledged: true; subscription: LiveSubscription } | { acknowledged: false; errors: StartError[] };

export interface RealtimeSession {
  start<T, V extends Record<string, unknown>>(document: TypedDocumentNode<T, V>, variables: V): Promise<StartAnswer>;
  /** Resolves when no event for any subscription of this connection arrives within `ms`; fails with the one that did. */
  expectNoEvents(ms: number): Promise<void>;
  close(): void;
}

const iamSigningHeaders = {
  accept: 'application/json, text/javascript',
  'content-encoding': 'amz-1.0',
  'content-type': 'application/json; charset=UTF-8',
};

async function iamAuthorization(url: URL, body: string): Promise<Record<string, string>> {
  const stack = localStack();
  const signer = new SignatureV4({ service: 'appsync', region: stack.region, credentials: stack.credentials, sha256: Sha256 });
  const signed = await signer.sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    query: {},
    headers: { host: url.host, ...iamSigningHeaders },
    body,
  });
  return Object.fromEntries(Object.entries(signed.headers).map(([name, value]) => [name, String(value)]));
}

function endpoint(): URL {
  return new URL(localStack().urls.graphql);
}

async function authorizationFor(caller: RealtimeCaller, body: string, path = ''): Promise<Record<string, string>> {
  const url = endpoint();
  if (caller === 'iam') return iamAuthorization(new URL(`${url.pathname}${path}`, url), body);
  return { host: url.host, Authorization: authorizationOf(caller) };
}

const rootValue = (message: ServerMessage) =>
  Object.values((message.payload?.data ?? {}) as Record<string, Record<string, unknown> | null>)[0] ?? null;

/** Opens a connection and completes the handshake as `caller`; fails when the handshake is refused. */
export async function openRealtimeSession(caller: RealtimeCaller): Promise<RealtimeSession> {
  const client = await RealtimeTestClient.connect(localStack().urls.realtimeWs, await authorizationFor(caller, '{}', '/connect'));
  const ack = await client.init();
  if (ack.type !== 'connection_ack') {
    client.close();
    throw new Error(`The real-time handshake was refused: ${JSON.stringify(ack)}`);
  }
  let counter = 0;
  return {
    async start(document, variables) {
      counter += 1;
      const id = `start-${counter}`;
      const data = JSON.stringify({ query: print(document), variables });
      client.send({ id, type: 'start', payload: { data, extensions: { authorization: await authorizationFor(caller, data) } } });
      const answer = await client.next((m) => m.id === id && (m.type === 'start_ack' || m.type === 'error'));
      if (answer.type === 'error') return { acknowledged: false, errors: (answer.payload?.errors ?? []) as StartError[] };
      const isEvent = (m: ServerMessage) => m.id === id && m.type === 'data';
      return {
        acknowledged: true,
        subscription: {
          async next(match = () => true, timeoutMs = 5_000) {
            const message = await client.next((m) => isEvent(m) && !!rootValue(m) && match(rootValue(m)!), timeoutMs);
            return rootValue(message)!;
          },
          expectSilence: (ms) =>
            client.next(isEvent, ms).then(
              (m) => Promise.reject(new Error(`Expected no event, received ${JSON.stringify(m.payload)}`)),
              () => undefined,
            ),
        },
      };
    },
    expectNoEvents: (ms) =>
      client.next((m) => m.type === 'data', ms).then(
        (m) => Promise.reject(new Error(`Expected no event on this connection, received ${JSON.stringify(m)}`)),
        () => undefined,
      ),
    close: () => client.close(),
  };
}

/** What the server answers a connection_init that carries no Authorization at all. */
export async function anonymousHandshake(): Promise<ServerMessage> {
  const client = await RealtimeTestClient.connect(localStack().urls.realtimeWs, { host: endpoint().host });
  try {
    return await client.init();
  } finally {
    client.close();
  }
}

import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import WebSocket from 'ws';

// A plain HTTP GraphQL client (JWT or SigV4), and a raw WebSocket client that speaks AppSync's real-time protocol
// message by message, so tests see exactly what the server sends.

export const localIam = { accessKeyId: 'local', secretAccessKey: 'local-secret' };
export const region = 'us-east-1';

export interface GraphqlResponse {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: Record<string, unknown>[] };
  headers: Headers;
}

export async function signedHeaders(
  url: string,
  body: string,
  credentials = localIam,
  extra: Record<string, string> = {},
): Promise<Record<string, string>> {
  const target = new URL(url);
  const signer = new SignatureV4({ service: 'appsync', region, credentials, sha256: Sha256 });
  const signed = await signer.sign({
    method: 'POST',
    protocol: target.protocol,
    hostname: target.hostname,
    port: target.port ? Number(target.port) : undefined,
    path: target.pathname,
    query: {},
    headers: { host: target.host, 'content-type': 'application/json', ...extra },
    body,
  });
  return Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k, String(v)]));
}

export async function postGraphql(
  url: string,
  request: { query: string; variables?: Record<string, unknown>; operationName?: string },
  auth: { token?: string; iam?: boolean; headers?: Record<string, string> } = {},
): Promise<GraphqlResponse> {
  const body = JSON.stringify(request);
  let headers: Record<string, string> = { 'content-type': 'application/json', ...auth.headers };
  if (auth.token) headers.authorization = auth.token;
  if (auth.iam) {
    const { host: _host, ...signed } = await signedHeaders(url, body);
    headers = { ...headers, ...signed };
  }
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, body: (await response.json()) as GraphqlResponse['body'], headers: response.headers };
}

export type ServerMessage = { type: string; id?: string; payload?: Record<string, unknown> } & Record<string, unknown>;

/** A raw real-time client: every message the server sends is queued, and `next` waits for the first that matches. */
export class RealtimeTestClient {
  readonly messages: ServerMessage[] = [];
  private waiters: { match: (m: ServerMessage) => boolean; resolve: (m: ServerMessage) => void }[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (raw) => {
      const message = JSON.parse(raw.toString()) as ServerMessage;
      this.messages.push(message);
      this.waiters = this.waiters.filter((waiter) => {
        if (!waiter.match(message)) return true;
        waiter.resolve(message);
        return false;
      });
    });
    this.closed = new Promise((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  /** Opens the socket with the authorization header object passed as AppSync allows: subprotocol or query string. */
  static async connect(
    realtimeUrl: string,
    header: Record<string, string>,
    via: 'subprotocol' | 'query' = 'subprotocol',
    options: WebSocket.ClientOptions = {},
  ): Promise<RealtimeTestClient> {
    const json = JSON.stringify(header);
    const socket =
      via === 'subprotocol'
        ? new WebSocket(realtimeUrl, ['graphql-ws', `header-${Buffer.from(json).toString('base64url')}`], options)
        : new WebSocket(
            `${realtimeUrl}?header=${encodeURIComponent(Buffer.from(json).toString('base64'))}&payload=${encodeURIComponent(Buffer.from('{}').toString('base64'))}`,
            ['graphql-ws'],
            options,
          );
    const client = new RealtimeTestClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return client;
  }

  send(message: unknown): void {
    this.socket.send(JSON.stringify(message));
  }

  next(match: (m: ServerMessage) => boolean, timeoutMs = 5000): Promise<ServerMessage> {
    const seen = this.messages.find(match);
    if (seen) {
      this.messages.splice(this.messages.indexOf(seen), 1);
      return Promise.resolve(seen);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No matching message within ${timeoutMs} ms; got ${JSON.stringify(this.messages)}`)), timeoutMs);
      this.waiters.push({
        match,
        resolve: (message) => {
          clearTimeout(timer);
          this.messages.splice(this.messages.indexOf(message), 1);
          resolve(message);
        },
      });
    });
  }

  async init(): Promise<ServerMessage> {
    this.send({ type: 'connection_init' });
    return this.next((m) => m.type === 'connection_ack' || m.type === 'connection_error');
  }

  /** Sends `start` and waits for start_ack or error for that id. */
  async start(id: string, query: string, variables: Record<string, unknown>, authorization: Record<string, string>): Promise<ServerMessage> {
    this.send({ id, type: 'start', payload: { data: JSON.stringify({ query, variables }), extensions: { authorization } } });
    return this.next((m) => m.id === id && (m.type === 'start_ack' || m.type === 'error'));
  }

  close(): void {
    this.socket.close();
  }
}

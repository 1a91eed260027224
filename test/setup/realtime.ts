// A raw client of AppSync's real-time WebSocket protocol (graphql-ws subprotocol, connection_init / start / stop),
// written from the AWS documentation ("Building a real-time WebSocket client"), not from our server: tests see every
// message the server sends. Authorization goes in the `header` query parameter and in each `start`.
import WebSocket from 'ws';
import { localStack } from './local-stack.ts';

export interface RealtimeMessage {
  type: string;
  id?: string;
  payload?: Record<string, unknown> & { data?: unknown; errors?: unknown[] };
}

export interface RealtimeSubscription {
  id: string;
  /** The next `data` payload for this subscription, or an error after `timeoutMs`. */
  next(timeoutMs?: number): Promise<NonNullable<RealtimeMessage['payload']>>;
  /** Resolves if nothing arrives for this subscription within `ms`; rejects with what did arrive. */
  expectSilence(ms: number): Promise<void>;
  stop(): Promise<void>;
}

export interface RealtimeConnection {
  /** Every message received, in order (ka included). */
  messages: RealtimeMessage[];
  /** Starts a subscription and waits for start_ack; rejects with the `error` message's payload otherwise. */
  subscribe(query: string, variables?: Record<string, unknown>, timeoutMs?: number): Promise<RealtimeSubscription>;
  /** The next message matching `predicate`, including ones already received and not yet taken. */
  waitFor(predicate: (m: RealtimeMessage) => boolean, timeoutMs?: number): Promise<RealtimeMessage>;
  send(message: Record<string, unknown>): void;
  close(): Promise<void>;
}

const base64Json = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');

/** Opens the socket (ws:// on the HTTP port) and completes connection_init / connection_ack. */
export async function openRealtime(token: string | null, { timeoutMs = 5_000 } = {}): Promise<RealtimeConnection> {
  const stack = localStack();
  const host = new URL(stack.urls.graphql).host;
  const authorization: Record<string, string> = token ? { host, Authorization: token } : { host };
  const url = `${stack.urls.realtimeWs}?header=${encodeURIComponent(base64Json(authorization))}&payload=${base64Json(
    {},
  )}`;
  const socket = new WebSocket(url, ['graphql-ws']);
  const messages: RealtimeMessage[] = [];
  const taken = new Set<RealtimeMessage>();
  const waiters = new Set<() => void>();
  socket.on('message', (raw) => {
    messages.push(JSON.parse(raw.toString()) as RealtimeMessage);
    for (const wake of [...waiters]) wake();
  });
  socket.on('close', () => {
    for (const wake of [...waiters]) wake();
  });

  const waitFor = (predicate: (m: RealtimeMessage) => boolean, ms = timeoutMs) =>
    new Promise<RealtimeMessage>((resolve, reject) => {
      const check = () => {
        const found = messages.find((m) => !taken.has(m) && predicate(m));
        if (found) {
          taken.add(found);
          done();
          resolve(found);
        } else if (socket.readyState === WebSocket.CLOSED) {
          done();
          reject(new Error(`The socket closed while waiting; received: ${JSON.stringify(messages)}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`No matching real-time message within ${ms} ms; received: ${JSON.stringify(messages)}`));
      }, ms);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });

  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
    socket.once('unexpected-response', (_req, res) => reject(new Error(`Handshake refused: HTTP ${res.statusCode}`)));
  });
  const send = (message: Record<string, unknown>) => socket.send(JSON.stringify(message));
  send({ type: 'connection_init' });
  const ack = await waitFor((m) => m.type === 'connection_ack' || m.type === 'connection_error');
  if (ack.type !== 'connection_ack') {
    socket.close();
    throw new Error(`connection_error: ${JSON.stringify(ack.payload)}`);
  }

  let counter = 0;
  return {
    messages,
    waitFor,
    send,
    async subscribe(query, variables = {}, ms = timeoutMs) {
      const id = `sub-${++counter}-${Date.now()}`;
      send({
        id,
        type: 'start',
        payload: { data: JSON.stringify({ query, variables }), extensions: { authorization } },
      });
      const answer = await waitFor((m) => m.id === id && (m.type === 'start_ack' || m.type === 'error'), ms);
      if (answer.type === 'error')
        throw Object.assign(new Error(`Subscription refused: ${JSON.stringify(answer.payload)}`), {
          payload: answer.payload,
        });
      return {
        id,
        next: async (wait = ms) => (await waitFor((m) => m.id === id && m.type === 'data', wait)).payload ?? {},
        expectSilence: (quietMs) =>
          waitFor((m) => m.id === id && m.type === 'data', quietMs).then(
            (m) => Promise.reject(new Error(`Expected no event, received ${JSON.stringify(m.payload)}`)),
            () => undefined,
          ),
        stop: async () => {
          send({ id, type: 'stop' });
          await waitFor((m) => m.id === id && m.type === 'complete', ms);
        },
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) return resolve();
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
}

import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { AuthenticationError, normalizeHeaders, type Authenticator, type Caller } from '../../auth/index.ts';
import type { ApiRuntime } from '../runtime.ts';
import { connectionError, errorMessage, type ProtocolError, type ServerMessage, type StartMessage } from './messages.ts';
import type { SubscriptionHub } from './subscription-hub.ts';
import { startSubscription } from './subscription-start.ts';

// One real-time connection, following "Building a real-time WebSocket client in AWS AppSync": connection_init is
// answered with connection_ack { connectionTimeoutMs } (or connection_error when the handshake's authorization is
// refused, then the socket is closed), `ka` follows at once and then on an interval, `start` registers a subscription
// with its own authorization and is answered start_ack or error, `stop` is answered complete. Each start is
// authorized on its own, so one connection may carry subscriptions of different callers and modes.

export interface ConnectionSettings {
  keepAliveIntervalMs: number;
  connectionTimeoutMs: number;
  /** The path of the GraphQL endpoint; IAM signatures cover `<path>/connect` (handshake) and `<path>` (start). */
  graphqlPath: string;
}

export interface ConnectionDeps {
  runtime: ApiRuntime;
  hub: SubscriptionHub;
  authenticate: Authenticator;
  settings: ConnectionSettings;
  /** The handshake's authentication, started when the socket was upgraded. */
  handshake: Promise<Caller>;
  sourceIp: string[];
  upgradeHeaders: Record<string, string>;
  host: string;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class RealtimeConnection {
  readonly id = randomUUID();
  private readonly subscriptions = new Set<string>();
  private readonly starting = new Set<string>();
  private keepAlive: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly deps: ConnectionDeps,
  ) {
    // A refused handshake is reported when the client speaks, not as an unhandled rejection now.
    deps.handshake.catch(() => undefined);
    socket.on('message', (raw, isBinary) => {
      if (isBinary) return;
      void this.onMessage(raw.toString()).catch((error: unknown) => {
        console.error('Real-time message handling failed:', error);
      });
    });
    socket.on('close', () => this.dispose());
    socket.on('error', () => this.dispose());
  }

  private send(message: ServerMessage): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  private dispose(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.keepAlive);
    for (const id of this.subscriptions) this.deps.hub.remove(this.id, id);
    this.subscriptions.clear();
  }

  close(code = 1000, reason = ''): void {
    this.dispose();
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) this.socket.close(code, reason);
  }

  /** The handshake's caller, or null after telling the client why it was refused and closing. */
  private async handshakeCaller(): Promise<Caller | null> {
    try {
      return await this.deps.handshake;
    } catch (error) {
      this.send(connectionError(error instanceof AuthenticationError ? error.message : messageOf(error)));
      this.close(1000, 'Unauthorized');
      return null;
    }
  }

  private async onMessage(text: string): Promise<void> {
    let message: { type?: unknown; id?: unknown };
    try {
      message = JSON.parse(text) as { type?: unknown; id?: unknown };
    } catch {
      this.send(errorMessage(undefined, [{ errorType: 'BadRequestException', message: 'Messages must be JSON objects' }]));
      return;
    }
    switch (message.type) {
      case 'connection_init':
        return this.onConnectionInit();
      case 'start':
        return this.onStart(message as StartMessage);
      case 'stop':
        return this.onStop(message.id);
      default:
        this.send(
          errorMessage(typeof message.id === 'string' ? message.id : undefined, [
            { errorType: 'UnsupportedOperation', message: `Unsupported message type ${JSON.stringify(message.type)}` },
          ]),
        );
    }
  }

  private async onConnectionInit(): Promise<void> {
    if (!(await this.handshakeCaller())) return;
    if (this.keepAlive) return;
    this.send({ type: 'connection_ack', payload: { connectionTimeoutMs: this.deps.settings.connectionTimeoutMs } });
    this.send({ type: 'ka' });
    this.keepAlive = setInterval(() => this.send({ type: 'ka' }), this.deps.settings.keepAliveIntervalMs);
    this.keepAlive.unref();
  }

  private async onStart(message: StartMessage): Promise<void> {
    if (!(await this.handshakeCaller())) return;
    const id = typeof message.id === 'string' && message.id.length > 0 ? message.id : undefined;
    const refuse = (errors: ProtocolError[]) => this.send(errorMessage(id, errors));
    if (!id) return refuse([{ errorType: 'BadRequestException', message: 'A start message needs a non-empty string id' }]);
    if (this.subscriptions.has(id) || this.starting.has(id)) {
      return refuse([{ errorType: 'DuplicatedOperationError', message: `Duplicated operation with id ${id}` }]);
    }

    this.starting.add(id);
    try {
      const data = message.payload?.data;
      const authorization = message.payload?.extensions?.authorization;
      const headers =
        authorization && typeof authorization === 'object' ? normalizeHeaders(authorization as Record<string, string>) : {};
      let caller: Caller;
      try {
        caller = await this.deps.authenticate({
          method: 'POST',
          host: headers.host ?? this.deps.host,
          path: this.deps.settings.graphqlPath,
          query: {},
          headers,
          body: typeof data === 'string' ? data : '',
          sourceIp: this.deps.sourceIp,
        });
      } catch (error) {
        return refuse([{ errorType: 'UnauthorizedException', message: messageOf(error) }]);
      }

      const outcome = await startSubscription(this.deps.runtime, data, caller, { ...this.deps.upgradeHeaders, ...headers });
      if (!outcome.ok) return refuse(outcome.errors);
      if (!this.starting.has(id) || this.closed) return; // stopped or disconnected while starting
      const { subscription } = outcome;
      this.subscriptions.add(id);
      this.deps.hub.add({
        id,
        connectionId: this.id,
        fieldName: subscription.fieldName,
        arguments: subscription.arguments,
        filter: subscription.filter,
        invalidationFilter: subscription.invalidationFilter,
        deliver: async (payload) => {
          this.send({ type: 'data', id, payload: await subscription.render(payload) });
        },
        invalidate: () => {
          this.subscriptions.delete(id);
          // "When AWS AppSync invalidates a connection, the client receives a message confirming that they are
          // unsubscribed" and the connection is closed; here it closes once no other subscription remains on it.
          this.send({ type: 'complete', id, payload: { message: 'Subscription complete.' } });
          if (this.subscriptions.size === 0) this.close(1000, 'Subscription complete.');
        },
      });
      this.send({ type: 'start_ack', id });
    } finally {
      this.starting.delete(id);
    }
  }

  private onStop(rawId: unknown): void {
    if (typeof rawId !== 'string') {
      this.send(errorMessage(undefined, [{ errorType: 'BadRequestException', message: 'A stop message needs the id of a subscription' }]));
      return;
    }
    this.starting.delete(rawId);
    if (this.subscriptions.delete(rawId)) this.deps.hub.remove(this.id, rawId);
    this.send({ type: 'complete', id: rawId });
  }
}

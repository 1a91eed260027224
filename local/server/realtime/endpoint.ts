import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { sourceIpList, type Authenticator } from '../../auth/index.ts';
import type { ApiRuntime } from '../runtime.ts';
import { RealtimeConnection, type ConnectionSettings } from './connection.ts';
import { handshakeAuthorization } from './handshake.ts';
import type { SubscriptionHub } from './subscription-hub.ts';

// The real-time endpoint on every server it is attached to (ws:// on HTTP, wss:// on HTTPS). Amplify JS derives
// `<graphql endpoint>/realtime` for a custom domain ("Discovering the real-time endpoint from the GraphQL endpoint"),
// so the endpoint listens on `/graphql/realtime`; `/graphql` is accepted too, as on AppSync's own realtime host.

const SUBPROTOCOL = 'graphql-ws';

export interface RealtimeEndpoint {
  attach(server: HttpServer | HttpsServer): void;
  close(): Promise<void>;
}

export function createRealtimeEndpoint(options: {
  runtime: ApiRuntime;
  hub: SubscriptionHub;
  authenticate: Authenticator;
  settings: ConnectionSettings;
}): RealtimeEndpoint {
  const { settings } = options;
  const paths = new Set([`${settings.graphqlPath}/realtime`, settings.graphqlPath]);
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 1024 * 1024,
    handleProtocols: (protocols) => (protocols.has(SUBPROTOCOL) ? SUBPROTOCOL : false),
  });
  const connections = new Set<RealtimeConnection>();

  function onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (!paths.has(pathname)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    const sourceIp = sourceIpList(
      request.headers['x-forwarded-for'] as string | undefined,
      request.socket.remoteAddress,
    );
    const host = request.headers.host ?? 'localhost';
    const handshake = (async () => {
      const { headers, payload } = handshakeAuthorization(request);
      return options.authenticate({
        method: 'POST',
        host: headers.host ?? host,
        path: `${settings.graphqlPath}/connect`,
        query: {},
        headers,
        body: payload,
        sourceIp,
      });
    })();
    const { cookie: _cookie, ...upgradeHeaders } = Object.fromEntries(
      Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]),
    );
    wss.handleUpgrade(request, socket, head, (ws) => {
      const connection = new RealtimeConnection(ws, {
        runtime: options.runtime,
        hub: options.hub,
        authenticate: options.authenticate,
        settings,
        handshake,
        sourceIp,
        upgradeHeaders,
        host,
      });
      connections.add(connection);
      ws.on('close', () => connections.delete(connection));
    });
  }

  return {
    attach(server) {
      server.on('upgrade', onUpgrade);
    },
    async close() {
      for (const connection of connections) connection.close(1001, 'Server shutting down');
      connections.clear();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

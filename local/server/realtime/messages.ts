// Messages of AppSync's real-time protocol (subprotocol `graphql-ws`), as "Building a real-time WebSocket client in
// AWS AppSync" specifies them (https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html).

export interface ProtocolError {
  errorType: string | null;
  message: string;
  errorCode?: number;
}

export type ServerMessage =
  | { type: 'connection_ack'; payload: { connectionTimeoutMs: number } }
  | { type: 'connection_error'; payload: { errors: ProtocolError[] } }
  | { type: 'ka' }
  | { type: 'start_ack'; id: string }
  | { type: 'data'; id: string; payload: { data: unknown; errors?: unknown[] } }
  | { type: 'error'; id?: string; payload: { errors: ProtocolError[] } }
  | { type: 'complete'; id: string; payload?: { message: string } };

export interface StartMessage {
  type: 'start';
  id?: unknown;
  payload?: { data?: unknown; extensions?: { authorization?: unknown } };
}

export function errorMessage(id: string | undefined, errors: ProtocolError[]): ServerMessage {
  return id === undefined ? { type: 'error', payload: { errors } } : { type: 'error', id, payload: { errors } };
}

/**
 * What AppSync answers a connection whose handshake authorization fails, before closing it (as AppSync's
 * responses show it; Amplify treats the 400 as non-retryable).
 */
export function connectionError(message: string): ServerMessage {
  return {
    type: 'connection_error',
    payload: { errors: [{ errorType: 'com.amazonaws.deepdish.graphql.auth#UnauthorizedException', message, errorCode: 400 }] },
  };
}

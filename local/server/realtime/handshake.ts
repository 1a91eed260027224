import type { IncomingMessage } from 'node:http';
import { normalizeHeaders } from '../../auth/index.ts';

// The authorization headers of a real-time connection. AppSync takes them three ways ("Handshake details to establish
// the WebSocket connection"): base64 JSON in the `header` query parameter (with `payload`, base64 of `{}`), base64url
// JSON in a `header-<...>` subprotocol next to `graphql-ws` (what Amplify JS v6 sends), or plain HTTP headers on the
// upgrade request.

export interface HandshakeAuthorization {
  headers: Record<string, string>;
  /** The body that was signed for IAM: the decoded `payload` parameter, else `{}`. */
  payload: string;
}

function decodeJsonObject(encoded: string, what: string): Record<string, string> {
  // Node's base64 decoder reads both the standard and the URL-safe alphabet, padded or not.
  const text = Buffer.from(encoded, 'base64').toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`The ${what} is not base64-encoded JSON`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`The ${what} must encode a JSON object`);
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
}

export function subprotocolsOf(request: IncomingMessage): string[] {
  return (request.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

export function handshakeAuthorization(request: IncomingMessage): HandshakeAuthorization {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const queryHeader = url.searchParams.get('header');
  const queryPayload = url.searchParams.get('payload');
  const payload = queryPayload ? Buffer.from(queryPayload, 'base64').toString('utf8') : '{}';
  if (queryHeader) return { headers: normalizeHeaders(decodeJsonObject(queryHeader, '`header` query parameter')), payload };
  const subprotocol = subprotocolsOf(request).find((p) => p.startsWith('header-'));
  if (subprotocol) {
    return { headers: normalizeHeaders(decodeJsonObject(subprotocol.slice('header-'.length), '`header-` subprotocol')), payload };
  }
  return { headers: normalizeHeaders(request.headers), payload };
}

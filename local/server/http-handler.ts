import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AuthenticationError, normalizeHeaders, sourceIpList, type Authenticator, type Caller } from '../auth/index.ts';
import { formatGraphQLError } from './errors.ts';
import { runOperation } from './operation.ts';
import type { SubscriptionHub } from './realtime/subscription-hub.ts';
import type { ApiRuntime } from './runtime.ts';

// POST /graphql as AppSync answers it: the caller is authenticated first (401 UnauthorizedException otherwise), the
// request parsed and validated, then executed; errors come in AppSync's shape. Browsers get CORS headers.
// After a mutation, its results are published to subscribers and its invalidations applied.

export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** AppSync's limit on a request is 1 MB (service quotas: "Request payload size"). */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * An oversized body is still read to its end (and thrown away) before the 413 is sent: closing a socket that has
 * unread bytes makes the kernel send a reset, and the client then loses the answer. Past this many bytes the
 * client is not worth waiting for and the connection is dropped.
 */
const MAX_DRAINED_BYTES = 16 * MAX_BODY_BYTES;

class BodyTooLarge extends Error {}
/** The connection closed before the body was complete: there is no one left to answer. */
class BodyIncomplete extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DRAINED_BYTES) req.destroy();
      else if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) reject(new BodyTooLarge(`The request body exceeds ${MAX_BODY_BYTES} bytes`));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('close', () => {
      if (!req.complete) reject(new BodyIncomplete('The connection closed before the request body was complete'));
    });
    req.on('error', reject);
  });
}

function corsHeaders(req: IncomingMessage): Record<string, string> {
  return {
    'access-control-allow-origin': req.headers.origin ?? '*',
    'access-control-allow-methods': 'POST, OPTIONS',
    'access-control-allow-headers':
      req.headers['access-control-request-headers'] ??
      'authorization, content-type, x-amz-date, x-amz-security-token, x-amz-user-agent, x-amz-content-sha256, x-api-key',
    'access-control-expose-headers': 'x-amzn-requestid',
    'access-control-max-age': '86400',
    vary: 'Origin',
  };
}

function sendJson(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...corsHeaders(req),
    'content-type': 'application/json; charset=UTF-8',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
  });
  res.end(text);
}

function requestError(errorType: string, message: string) {
  return { errors: [{ errorType, message }] };
}

interface GraphQLRequestBody {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

function parseRequestBody(text: string): GraphQLRequestBody | null {
  try {
    const body = JSON.parse(text) as Partial<GraphQLRequestBody>;
    if (typeof body.query !== 'string') return null;
    if (body.variables !== undefined && body.variables !== null && typeof body.variables !== 'object') return null;
    if (body.operationName !== undefined && body.operationName !== null && typeof body.operationName !== 'string') return null;
    return { query: body.query, variables: body.variables ?? null, operationName: body.operationName ?? null };
  } catch {
    return null;
  }
}

export interface HttpHandlerOptions {
  runtime: ApiRuntime;
  hub: SubscriptionHub;
  authenticate: Authenticator;
  graphqlPath: string;
  extraRoutes: Record<string, Route>;
}

export function createHttpHandler(options: HttpHandlerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const { runtime, hub, authenticate, graphqlPath } = options;

  async function handleGraphql(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, corsHeaders(req));
      res.end();
      return;
    }
    if (req.method !== 'POST') {
      sendJson(req, res, 405, requestError('MethodNotAllowedException', 'The GraphQL endpoint accepts POST requests only'));
      return;
    }
    let text: string;
    try {
      text = await readBody(req);
    } catch (error) {
      if (error instanceof BodyIncomplete) return;
      if (!(error instanceof BodyTooLarge)) throw error;
      res.setHeader('connection', 'close');
      sendJson(req, res, 413, requestError('PayloadTooLargeException', error.message));
      return;
    }

    const headers = normalizeHeaders(req.headers);
    let caller: Caller;
    try {
      caller = await authenticate({
        method: 'POST',
        host: headers.host ?? 'localhost',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers,
        body: text,
        sourceIp: sourceIpList(headers['x-forwarded-for'], req.socket.remoteAddress),
      });
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      sendJson(req, res, 401, requestError(error.errorType, error.message));
      return;
    }

    const body = parseRequestBody(text);
    if (!body) {
      sendJson(req, res, 400, requestError('MalformedHttpRequestException', 'The body must be JSON: { "query": string, "variables"?: object, "operationName"?: string }'));
      return;
    }
    const prepared = runtime.prepareDocument(body.query);
    const refusal = prepared.ok ? prepared.depthErrors(body.operationName) : prepared.errors;
    if (!prepared.ok || refusal.length > 0) {
      sendJson(req, res, 200, { data: null, errors: refusal.map((e) => formatGraphQLError(runtime.schema, e)) });
      return;
    }
    const { document } = prepared;

    const { cookie: _cookie, ...requestHeaders } = headers; // AppSync does not expose the cookie header to resolvers
    const outcome = await runOperation(runtime, {
      document,
      operationName: body.operationName,
      variables: body.variables,
      caller,
      headers: requestHeaders,
      domainName: null,
    });
    for (const invalidation of outcome.invalidations) hub.invalidate(invalidation);
    for (const { mutationField, payload } of outcome.publications) {
      hub.publish(mutationField, payload).catch((error: unknown) => console.error(`Publishing ${mutationField} failed:`, error));
    }
    for (const [name, value] of Object.entries(outcome.responseHeaders)) res.setHeader(name, value);
    sendJson(req, res, 200, outcome.body);
  }

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = options.extraRoutes[url.pathname];
    const work = route ? Promise.resolve(route(req, res)) : url.pathname === graphqlPath ? handleGraphql(req, res, url) : null;
    if (!work) {
      sendJson(req, res, 404, requestError('NotFoundException', `No route for ${url.pathname}`));
      return;
    }
    work.catch((error: unknown) => {
      console.error(`${req.method} ${url.pathname} failed:`, error);
      if (!res.headersSent) sendJson(req, res, 500, requestError('InternalFailure', error instanceof Error ? error.message : String(error)));
      else res.end();
    });
  };
}

import { currentState, type StateHolder } from './util.ts';

// Reference: "HTTP helpers in util.http" (https://docs.aws.amazon.com/appsync/latest/devguide/http-helpers-in-utils-http-js.html).
// copyHeaders drops the restricted headers AppSync does not forward; addResponseHeader(s) adds headers to the GraphQL
// HTTP response, refusing the names AppSync refuses and more than 4 KB of custom headers.

const RESTRICTED = new Set([
  'accept-charset', 'accept-encoding', 'access-control-request-headers', 'access-control-request-method', 'authorization',
  'connection', 'content-length', 'cookie', 'date', 'dnt', 'expect', 'host', 'keep-alive', 'origin', 'referer', 'te',
  'trailer', 'transfer-encoding', 'upgrade', 'via',
]);
const NOT_SETTABLE = new Set([
  'access-control-allow-credentials', 'access-control-allow-origin', 'access-control-expose-headers', 'access-control-max-age',
  'access-control-allow-methods', 'access-control-allow-headers', 'vary', 'content-type',
]);
const MAX_RESPONSE_HEADER_BYTES = 4096;

function isRestricted(name: string): boolean {
  const lower = name.toLowerCase();
  return RESTRICTED.has(lower) || lower.startsWith('x-amz-') || lower.startsWith('x-amzn-');
}

export function createHttpUtils(holder: StateHolder) {
  const add = (name: unknown, value: unknown): void => {
    const header = String(name);
    if (isRestricted(header) || NOT_SETTABLE.has(header.toLowerCase())) {
      throw new Error(`util.http.addResponseHeader: the ${header} header cannot be set`);
    }
    const headers = currentState(holder).responseHeaders;
    headers[header] = typeof value === 'string' ? value : JSON.stringify(value);
    const bytes = Object.entries(headers).reduce((sum, [k, v]) => sum + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
    if (bytes > MAX_RESPONSE_HEADER_BYTES) {
      delete headers[header];
      throw new Error(`util.http.addResponseHeader: custom response headers are limited to ${MAX_RESPONSE_HEADER_BYTES} bytes`);
    }
  };
  return {
    copyHeaders(headers: unknown): Record<string, unknown> {
      if (headers === null || typeof headers !== 'object') return {};
      return Object.fromEntries(Object.entries(headers as Record<string, unknown>).filter(([name]) => !isRestricted(name)));
    },
    addResponseHeader: add,
    addResponseHeaders(headers: unknown): void {
      if (headers === null || typeof headers !== 'object') return;
      for (const [name, value] of Object.entries(headers as Record<string, unknown>)) add(name, value);
    },
  };
}

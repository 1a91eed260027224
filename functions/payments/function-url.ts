/** The parts of a Lambda Function URL request (payload format 2.0) the webhook reads. Header names are lower case. */
export interface FunctionUrlEvent {
  version?: string;
  rawPath?: string;
  headers?: Record<string, string | undefined>;
  body?: string;
  isBase64Encoded?: boolean;
  requestContext: { http: { method: string; path?: string; sourceIp?: string } };
}

export interface FunctionUrlResult {
  statusCode: number;
  headers?: Record<string, string>;
  body: string;
}

/** The exact bytes Stripe sent: its signature covers the raw body, so it is never parsed and re-serialized first. */
export function rawBody(event: FunctionUrlEvent): Buffer {
  return Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
}

export function jsonResult(statusCode: number, body: Record<string, unknown>): FunctionUrlResult {
  return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

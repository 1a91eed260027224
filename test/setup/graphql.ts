// GraphQL over real HTTP against the shared stack: as a signed-in user (the ID token as Authorization, as Amplify
// sends it), anonymously (token null), or as an IAM caller (SigV4 with the stack's static credentials).
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { localStack } from './local-stack.ts';

export interface GraphqlError {
  message: string;
  errorType?: string | null;
  errorInfo?: unknown;
  data?: unknown;
  path?: Array<string | number>;
  locations?: Array<{ line: number; column: number }>;
}

export interface GraphqlResponse<TData = Record<string, unknown>> {
  status: number;
  data?: TData | null;
  errors?: GraphqlError[];
}

async function post<TData>(headers: Record<string, string>, body: string): Promise<GraphqlResponse<TData>> {
  const response = await fetch(localStack().urls.graphql, { method: 'POST', headers, body });
  const text = await response.text();
  let parsed: { data?: TData | null; errors?: GraphqlError[] };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    throw new Error(`The API answered HTTP ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`);
  }
  return { status: response.status, ...parsed };
}

/** POST /graphql with `token` as Authorization (no header when null). */
export function graphql<TData = Record<string, unknown>>(
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphqlResponse<TData>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = token;
  return post<TData>(headers, JSON.stringify({ query, variables }));
}

/** POST /graphql signed with SigV4 for `appsync`, as the Lambdas call the IAM-only mutations. */
export async function graphqlIam<TData = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphqlResponse<TData>> {
  const stack = localStack();
  const url = new URL(stack.urls.graphql);
  const body = JSON.stringify({ query, variables });
  const signer = new SignatureV4({
    service: 'appsync',
    region: stack.region,
    credentials: stack.credentials,
    sha256: Sha256,
  });
  const signed = await signer.sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    query: {},
    headers: { host: url.host, 'content-type': 'application/json' },
    body,
  });
  return post<TData>(signed.headers as Record<string, string>, body);
}

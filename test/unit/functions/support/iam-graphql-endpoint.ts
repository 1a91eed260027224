// Test support: an HTTP endpoint standing where AppSync stands for the Lambdas' IAM mutations. It checks each
// request's SigV4 signature with the local API's own verifier (local/auth) and answers with what the test scripts.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSigV4Verifier } from '../../../../local/auth/sigv4-verifier.ts';

export const iamCredentials = { accessKeyId: 'local-test', secretAccessKey: 'local-test-secret' };
export const region = 'us-east-1';

export interface ReceivedRequest {
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
  /** The IAM identity the signature proved, or the verifier's refusal. */
  signer: string;
}

export interface IamGraphqlEndpoint {
  url: string;
  received: ReceivedRequest[];
  /** What the next requests are answered with (a GraphQL response body). */
  answer: (request: ReceivedRequest) => unknown;
  stop(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => resolve(body));
  });
}

export async function startIamGraphqlEndpoint(): Promise<IamGraphqlEndpoint> {
  const verify = createSigV4Verifier({ region, ...iamCredentials });
  const endpoint: IamGraphqlEndpoint = {
    url: '',
    received: [],
    answer: () => ({ data: null }),
    stop: async () => undefined,
  };
  const server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const url = new URL(request.url ?? '/', 'http://localhost');
      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]));
      let signer: string;
      try {
        const identity = await verify(
          { method: request.method ?? 'POST', host: headers.host ?? '', path: url.pathname, query: {}, headers, body },
          ['127.0.0.1'],
        );
        signer = identity.username;
      } catch (error) {
        signer = `refused: ${(error as Error).message}`;
      }
      const parsed = JSON.parse(body) as { operationName: string; query: string; variables: Record<string, unknown> };
      const received = { ...parsed, signer };
      endpoint.received.push(received);
      response.writeHead(signer.startsWith('refused') ? 401 : 200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(signer.startsWith('refused') ? { errors: [{ errorType: 'UnauthorizedException', message: signer }] } : endpoint.answer(received)));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  endpoint.stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return endpoint;
}

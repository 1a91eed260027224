// Calls the API's IAM-only mutations (markDocumentUploaded, applyPaymentEvent, ...) the way AppSync expects an IAM
// caller: a POST signed with Signature Version 4 for service `appsync`, with the Lambda's own credentials.
import { Sha256 } from '@aws-crypto/sha256-js';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { DocumentNode } from 'graphql';
import { print } from 'graphql/language/printer.js';

/** One entry of a GraphQL response's `errors`, as AppSync writes it. */
export interface GraphqlErrorEntry {
  message: string;
  errorType?: string;
  path?: (string | number)[];
}

/** The API answered with errors (or not with GraphQL at all). `errorType` is the first error's type. */
export class GraphqlRequestError extends Error {
  readonly errorType: string | undefined;
  constructor(
    readonly operationName: string,
    readonly errors: GraphqlErrorEntry[],
    readonly status: number,
  ) {
    const first = errors[0];
    super(`${operationName} failed (HTTP ${status}): ${first ? `${first.errorType ?? 'Error'}: ${first.message}` : 'no data'}`);
    this.name = 'GraphqlRequestError';
    this.errorType = first?.errorType;
  }
}

export interface IamGraphqlClient {
  execute<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
  ): Promise<TData>;
}

export interface IamGraphqlClientOptions {
  /** The API's GraphQL endpoint (GRAPHQL_URL). */
  url: string;
  region: string;
  /** Defaults to the default provider chain: the Lambda's role in AWS, AWS_ACCESS_KEY_ID/... locally. */
  credentials?: AwsCredentialIdentityProvider;
  fetch?: typeof fetch;
}

function operationNameOf(document: DocumentNode): string {
  for (const definition of document.definitions) {
    if (definition.kind === 'OperationDefinition' && definition.name) return definition.name.value;
  }
  return 'operation';
}

export function createIamGraphqlClient(options: IamGraphqlClientOptions): IamGraphqlClient {
  const url = new URL(options.url);
  const signer = new SignatureV4({
    service: 'appsync',
    region: options.region,
    credentials: options.credentials ?? defaultProvider(),
    sha256: Sha256,
  });
  const send = options.fetch ?? fetch;

  return {
    async execute(document, variables) {
      const operationName = operationNameOf(document);
      const body = JSON.stringify({ query: print(document), operationName, variables });
      const signed = await signer.sign({
        method: 'POST',
        protocol: url.protocol,
        hostname: url.hostname,
        ...(url.port ? { port: Number(url.port) } : {}),
        path: url.pathname,
        query: {},
        headers: { host: url.host, 'content-type': 'application/json' },
        body,
      });
      // fetch sets Host from the URL itself (the same value that was signed).
      const headers = Object.fromEntries(Object.entries(signed.headers).filter(([name]) => name.toLowerCase() !== 'host'));
      const response = await send(url, { method: 'POST', headers, body });
      const text = await response.text();
      let payload: { data?: Record<string, unknown> | null; errors?: GraphqlErrorEntry[] };
      try {
        payload = JSON.parse(text) as typeof payload;
      } catch {
        throw new GraphqlRequestError(operationName, [{ message: `not a GraphQL response: ${text.slice(0, 200)}` }], response.status);
      }
      if (payload.errors && payload.errors.length > 0) {
        throw new GraphqlRequestError(operationName, payload.errors, response.status);
      }
      if (!response.ok || !payload.data) {
        throw new GraphqlRequestError(operationName, [], response.status);
      }
      return payload.data as never;
    },
  };
}

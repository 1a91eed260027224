// A second local API server in the test process, beside the shared stack's: same resolver bundles, same Cognito (so
// the stack's tokens work), but its own DynamoDB client and data source options. For what the shared stack must
// not do to everyone else: a database that is down, DynamoDB's transaction conflicts switched on, counting the
// DynamoDB requests of its own calls only.
import { createServer } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { startApiServer, type ApiServer, type ApiServerOptions } from '../../../local/server/index.ts';
import { secondApiOptions } from '../../../local/stack/second-api.ts';
import { awsClientConfig, localStack } from '../../setup/local-stack.ts';
import { authorizationOf, type SignedInUser } from '../../setup/users.ts';
import { postGraphql } from '../../unit/server/support/clients.ts';
import type { GraphqlResult } from './api.ts';

export interface ExtraApi {
  server: ApiServer;
  dynamodb: DynamoDBClient;
  gql<T, V extends Record<string, unknown>>(caller: SignedInUser, document: TypedDocumentNode<T, V>, variables: V): Promise<GraphqlResult<T>>;
  close(): Promise<void>;
}

/** A port nothing listens on: bound by the OS, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startExtraApi(
  options: Pick<ApiServerOptions, 'transactionConflicts' | 'onDynamoDbRequest'> & { dynamodbEndpoint?: string } = {},
): Promise<ExtraApi> {
  const stack = localStack();
  const dynamodb = new DynamoDBClient({ ...awsClientConfig(options.dynamodbEndpoint ?? stack.urls.dynamodb), maxAttempts: 1 });
  const server = await startApiServer({
    ...secondApiOptions(stack),
    dynamodb,
    transactionConflicts: options.transactionConflicts,
    onDynamoDbRequest: options.onDynamoDbRequest,
  });
  return {
    server,
    dynamodb,
    async gql(caller, document, variables) {
      const response = await postGraphql(server.httpUrl, { query: print(document), variables }, { token: authorizationOf(caller) });
      return {
        status: response.status,
        data: (response.body.data ?? null) as never,
        errors: (response.body.errors ?? []) as never,
      };
    },
    async close() {
      await server.close();
      dynamodb.destroy();
    },
  };
}

import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { batchDeleteItem, batchGetItem, batchPutItem } from './dynamodb-batch-ops.ts';
import { toDataSourceError, type DynamoDbCall, type Request, type SdkCommand } from './dynamodb-call.ts';
import { deleteItem, getItem, putItem, updateItem } from './dynamodb-item-ops.ts';
import { query, scan } from './dynamodb-read-ops.ts';
import {
  createTransactionConflicts,
  transactGetItems,
  transactWriteItems,
  type TransactionConflictOptions,
} from './dynamodb-transact-ops.ts';
import type { DataSource, DataSourceInvocation, DataSourceResult } from './types.ts';

// The AMAZON_DYNAMODB data source: executes the request objects of "AWS AppSync JavaScript resolver function
// reference for DynamoDB" (https://docs.aws.amazon.com/appsync/latest/devguide/js-resolver-reference-dynamodb.html)
// against a real DynamoDB endpoint (DynamoDB Local in development and tests). Failures never throw: they come
// back as ctx.error = { message, type: 'DynamoDB:<code>' } with ctx.result null (or the documented partial result).

export interface DynamoDbDataSourceOptions {
  client: DynamoDBClient;
  tableName: string;
  /** Called once per DynamoDB API request ('GetItem', 'Query', 'TransactWriteItems', …) with its SDK input, to count them. */
  onRequest?: (operation: string, invocation: DataSourceInvocation, input: unknown) => void;
  /** Opt-in: overlapping TransactWriteItems on one item are cancelled with TransactionConflict, as in AWS. */
  transactionConflicts?: boolean | TransactionConflictOptions;
}

type Operation = (call: DynamoDbCall, request: Request) => Promise<DataSourceResult>;

const OPERATIONS: Record<string, Operation> = {
  GetItem: getItem,
  PutItem: putItem,
  UpdateItem: updateItem,
  DeleteItem: deleteItem,
  Query: query,
  Scan: scan,
  BatchGetItem: batchGetItem,
  BatchPutItem: batchPutItem,
  BatchDeleteItem: batchDeleteItem,
  TransactGetItems: transactGetItems,
  TransactWriteItems: transactWriteItems,
};

export function createDynamoDbDataSource(options: DynamoDbDataSourceOptions): DataSource {
  const { client, tableName, onRequest } = options;
  const conflicts = options.transactionConflicts
    ? createTransactionConflicts(options.transactionConflicts === true ? {} : options.transactionConflicts)
    : undefined;
  const operations: Record<string, Operation> = conflicts
    ? { ...OPERATIONS, TransactWriteItems: (call, request) => transactWriteItems(call, request, conflicts) }
    : OPERATIONS;
  return {
    async invoke(request: unknown, invocation: DataSourceInvocation): Promise<DataSourceResult> {
      const req = (request ?? {}) as Request;
      const operationName = String(req.operation);
      if (operationName === 'Sync') {
        return { result: null, error: { message: 'Sync is not supported by the local runtime', type: 'DynamoDB:UnsupportedOperation' } };
      }
      const operation = operations[operationName];
      if (!operation) {
        return { result: null, error: { message: `Unsupported operation '${operationName}'`, type: 'DynamoDB:UnsupportedOperation' } };
      }
      const call: DynamoDbCall = {
        tableName,
        send: async <Output>(apiName: string, command: SdkCommand) => {
          onRequest?.(apiName, invocation, (command as { input?: unknown }).input);
          // Each handler pairs a command with its own output type; the client's overloads cannot see that.
          return (await client.send(command as Parameters<DynamoDBClient['send']>[0])) as Output;
        },
      };
      try {
        return await operation(call, req);
      } catch (error) {
        return { result: null, error: toDataSourceError(error) };
      }
    },
  };
}

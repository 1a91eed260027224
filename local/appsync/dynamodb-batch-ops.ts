import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  type BatchGetItemCommandOutput,
  type BatchWriteItemCommandOutput,
  type KeysAndAttributes,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { asExpression, expressionAttributes, type DynamoDbCall, type Request } from './dynamodb-call.ts';
import { fromItem, keyFingerprint, toItem, type Item } from './dynamodb-values.ts';
import type { DataSourceResult } from './types.ts';

// BatchGetItem, BatchPutItem, BatchDeleteItem. Reference: the BatchGetItem / BatchPutItem / BatchDeleteItem pages of
// "AWS AppSync JavaScript resolver function reference for DynamoDB". Tables are keyed by table name. Results are
// { data: { <table>: [...] }, unprocessedKeys | unprocessedItems: { <table>: [...] } }: `data` keeps the order of
// the request, with null where an item was not found or not processed. Nothing is retried, as in AppSync.

function tables(request: Request): [string, unknown][] {
  return Object.entries((request.tables ?? {}) as Record<string, unknown>);
}

function canonical(value: unknown): string {
  const plain = value as Record<string, unknown>;
  return JSON.stringify(Object.keys(plain).sort().map((name) => [name, plain[name]]));
}

export async function batchGetItem(call: DynamoDbCall, request: Request): Promise<DataSourceResult> {
  const requested = tables(request).map(([table, spec]) => {
    const { keys, consistentRead, projection } = (spec ?? {}) as Request;
    const plainKeys = ((keys ?? []) as unknown[]).map((key) => fromItem(toItem(key)) ?? {});
    return { table, keys: (keys ?? []) as unknown[], plainKeys, consistentRead, projection: asExpression(projection) };
  });
  const requestItems: Record<string, KeysAndAttributes> = {};
  for (const { table, keys, consistentRead, projection } of requested) {
    requestItems[table] = {
      Keys: keys.map(toItem),
      ConsistentRead: consistentRead as boolean | undefined,
      ProjectionExpression: projection?.expression,
      ExpressionAttributeNames: expressionAttributes(projection).ExpressionAttributeNames,
    };
  }
  const output = await call.send<BatchGetItemCommandOutput>('BatchGetItem', new BatchGetItemCommand({ RequestItems: requestItems }));
  const data: Record<string, unknown[]> = {};
  const unprocessedKeys: Record<string, unknown[]> = {};
  for (const { table, plainKeys } of requested) {
    const keyNames = Object.keys(plainKeys[0] ?? {});
    const found = new Map<string, unknown>();
    for (const item of output.Responses?.[table] ?? []) {
      const plain = fromItem(item) ?? {};
      found.set(keyFingerprint(plain, keyNames), plain);
    }
    data[table] = plainKeys.map((key) => found.get(keyFingerprint(key, keyNames)) ?? null);
    unprocessedKeys[table] = (output.UnprocessedKeys?.[table]?.Keys ?? []).map((key) => fromItem(key));
  }
  return { result: { data, unprocessedKeys } };
}

async function batchWrite(
  call: DynamoDbCall,
  request: Request,
  toWrite: (entry: unknown) => WriteRequest,
  fromUnprocessed: (write: WriteRequest) => Item | undefined,
) {
  const entries = tables(request).map(([table, list]) => ({ table, list: (list ?? []) as unknown[] }));
  const requestItems = Object.fromEntries(entries.map(({ table, list }) => [table, list.map(toWrite)]));
  const output = await call.send<BatchWriteItemCommandOutput>('BatchWriteItem', new BatchWriteItemCommand({ RequestItems: requestItems }));
  const data: Record<string, unknown[]> = {};
  const unprocessed: Record<string, unknown[]> = {};
  for (const { table, list } of entries) {
    unprocessed[table] = (output.UnprocessedItems?.[table] ?? []).map((write) => fromItem(fromUnprocessed(write)));
    const skipped = new Set(unprocessed[table].map(canonical));
    data[table] = list.map((entry) => {
      const plain = fromItem(toItem(entry)) ?? {};
      return skipped.has(canonical(plain)) ? null : plain;
    });
  }
  return { data, unprocessed };
}

export async function batchPutItem(call: DynamoDbCall, request: Request): Promise<DataSourceResult> {
  const { data, unprocessed } = await batchWrite(
    call,
    request,
    (item) => ({ PutRequest: { Item: toItem(item) } }),
    (write) => write.PutRequest?.Item,
  );
  return { result: { data, unprocessedItems: unprocessed } };
}

export async function batchDeleteItem(call: DynamoDbCall, request: Request): Promise<DataSourceResult> {
  const { data, unprocessed } = await batchWrite(
    call,
    request,
    (key) => ({ DeleteRequest: { Key: toItem(key) } }),
    (write) => write.DeleteRequest?.Key,
  );
  return { result: { data, unprocessedKeys: unprocessed } };
}

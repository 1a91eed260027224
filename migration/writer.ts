// Writes items so that a rerun writes nothing: each batch of keys is read first (BatchGetItem) and only items that
// are missing or differ are put (BatchWriteItem, 25 at a time, retrying what DynamoDB leaves unprocessed).
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  type AttributeValue,
  type DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { isDeepStrictEqual } from 'node:util';
import type { Key } from '../resolvers/lib/keys.ts';
import type { TableItem } from './map/context.ts';
import type { MigrationReport } from './report.ts';

const getBatch = 100;
const putBatch = 25;
const maxAttempts = 8;

const pause = (attempt: number) => new Promise((r) => setTimeout(r, Math.min(2000, 25 * 2 ** attempt)));
const keyOf = (item: Key) => `${item.pk}\u0000${item.sk}`;
const normalise = (item: Record<string, unknown>) => unmarshall(marshall(item, { removeUndefinedValues: true }));

export interface Writer {
  client: DynamoDBClient;
  tableName: string;
  report: MigrationReport;
}

/** The items stored under these keys (consistent reads), by key. */
export async function getItems(w: Writer, keys: Key[]): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < keys.length; i += getBatch) {
    let pending: Record<string, AttributeValue>[] = keys.slice(i, i + getBatch).map((k) => marshall({ pk: k.pk, sk: k.sk }));
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      if (attempt === maxAttempts) throw new Error(`DynamoDB left ${pending.length} keys unread after ${maxAttempts} attempts`);
      if (attempt > 0) await pause(attempt);
      w.report.request('BatchGetItem');
      const out = await w.client.send(
        new BatchGetItemCommand({ RequestItems: { [w.tableName]: { Keys: pending, ConsistentRead: true } } }),
      );
      for (const raw of out.Responses?.[w.tableName] ?? []) {
        const item = unmarshall(raw);
        found.set(keyOf(item as Key), item);
      }
      pending = out.UnprocessedKeys?.[w.tableName]?.Keys ?? [];
    }
  }
  return found;
}

async function putAll(w: Writer, items: TableItem[]): Promise<void> {
  for (let i = 0; i < items.length; i += putBatch) {
    let pending: WriteRequest[] = items
      .slice(i, i + putBatch)
      .map((item) => ({ PutRequest: { Item: marshall(item, { removeUndefinedValues: true }) } }));
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      if (attempt === maxAttempts) throw new Error(`DynamoDB left ${pending.length} items unprocessed after ${maxAttempts} attempts`);
      if (attempt > 0) await pause(attempt);
      w.report.request('BatchWriteItem');
      const out = await w.client.send(new BatchWriteItemCommand({ RequestItems: { [w.tableName]: pending } }));
      pending = out.UnprocessedItems?.[w.tableName] ?? [];
    }
  }
}

/** Runs `work` on each slice, at most `concurrency` at a time. */
async function inParallel<T>(slices: T[], concurrency: number, work: (slice: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < slices.length) {
      const slice = slices[next];
      next += 1;
      if (slice !== undefined) await work(slice);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, slices.length) }, worker));
}

/** How many slices of 100 items are compared and written at once (DynamoDB serves requests in parallel). */
export const writeConcurrency = 8;

/** Puts the items that are missing or differ; returns how many were written. */
export async function writeChanged(w: Writer, items: TableItem[], onProgress?: (done: number) => void): Promise<number> {
  const slices: TableItem[][] = [];
  for (let i = 0; i < items.length; i += getBatch) slices.push(items.slice(i, i + getBatch));
  let written = 0;
  await inParallel(slices, writeConcurrency, async (slice) => {
    const stored = await getItems(w, slice);
    const changed = slice.filter((item) => {
      const before = stored.get(keyOf(item));
      return !before || !isDeepStrictEqual(before, normalise(item));
    });
    await putAll(w, changed);
    written += changed.length;
    w.report.itemsWritten += changed.length;
    w.report.itemsUnchanged += slice.length - changed.length;
    onProgress?.(slice.length);
  });
  return written;
}

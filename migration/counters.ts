// The dashboard counters, recomputed from exactly the items migrated, per shard as the resolvers keep them
// (resolvers/lib/counters.ts: an applicant's shard from its id, a task without applicant from the task's id).
// What the migration added is recorded on one marker item; a run adds to each shard the difference between what it
// computes and what the marker says was added, in one TransactWriteItems with the marker. On a fresh table that sets
// the counters to the migrated figures; a rerun over the same data finds no difference and writes nothing; and the
// counts of anything the new system wrote meanwhile stay untouched.
import { GetItemCommand, TransactWriteItemsCommand, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { applicantStatusCounter, counterShardOf } from '../resolvers/lib/counters.ts';
import { counterShardKey, migratedCountersKey } from '../resolvers/lib/keys.ts';
import { openTaskStatuses, type TaskStatus } from '../resolvers/lib/tasks.ts';
import type { TableItem } from './map/context.ts';
import type { Writer } from './writer.ts';

/** Counter name → value, per shard number. */
export type ShardFigures = Record<string, Record<string, number>>;

export function migratedFigures(items: TableItem[]): ShardFigures {
  const figures: ShardFigures = {};
  const add = (shardId: string, name: string, n: number) => {
    const shard = (figures[String(counterShardOf(shardId))] ??= {});
    shard[name] = (shard[name] ?? 0) + n;
  };
  for (const item of items) {
    if (item.type === 'APPLICANT') add(String(item.id), applicantStatusCounter(String(item.status)), 1);
    else if (item.type === 'TASK' && openTaskStatuses.includes(item.status as TaskStatus)) {
      add(String(item.applicantId ?? item.id), 'pendingTasks', 1);
    } else if (item.type === 'PAYMENT' && item.status === 'SUCCEEDED') add(String(item.applicantId), 'revenueCents', Number(item.amountCents));
  }
  return figures;
}

/** What to add to each shard to go from `before` to `after`; empty when nothing changes. */
export function counterDeltas(before: ShardFigures, after: ShardFigures): ShardFigures {
  const deltas: ShardFigures = {};
  for (const shard of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const names = new Set([...Object.keys(before[shard] ?? {}), ...Object.keys(after[shard] ?? {})]);
    for (const name of names) {
      const d = (after[shard]?.[name] ?? 0) - (before[shard]?.[name] ?? 0);
      if (d !== 0) (deltas[shard] ??= {})[name] = d;
    }
  }
  return deltas;
}

/** Applies the migrated figures to the counter shards; returns how many shards changed. */
export async function applyMigratedCounters(w: Writer, items: TableItem[], at: string): Promise<number> {
  const markerKey = migratedCountersKey();
  w.report.request('GetItem');
  const stored = await w.client.send(new GetItemCommand({ TableName: w.tableName, Key: marshall(markerKey), ConsistentRead: true }));
  const marker = stored.Item ? unmarshall(stored.Item) : undefined;
  const before = (marker?.figures as ShardFigures | undefined) ?? {};
  const after = migratedFigures(items);
  const deltas = counterDeltas(before, after);
  const shards = Object.keys(deltas);
  if (shards.length === 0) return 0;
  const version = Number(marker?.version ?? 0);
  const transact: TransactWriteItem[] = shards.map((shard) => {
    const names = Object.keys(deltas[shard] ?? {});
    return {
      Update: {
        TableName: w.tableName,
        Key: marshall(counterShardKey(Number(shard))),
        UpdateExpression: `SET #updatedAt = :at, #type = if_not_exists(#type, :type) ADD ${names.map((_, i) => `#n${i} :d${i}`).join(', ')}`,
        ExpressionAttributeNames: { '#updatedAt': 'updatedAt', '#type': 'type', ...Object.fromEntries(names.map((n, i) => [`#n${i}`, n])) },
        ExpressionAttributeValues: marshall({
          ':at': at,
          ':type': 'COUNTERS',
          ...Object.fromEntries(names.map((n, i) => [`:d${i}`, deltas[shard]?.[n] ?? 0])),
        }),
      },
    };
  });
  transact.push({
    Put: {
      TableName: w.tableName,
      Item: marshall({ ...markerKey, type: 'MIGRATED_COUNTERS', figures: after, updatedAt: at, version: version + 1 }),
      // Two runs at once: the second finds the marker moved and fails rather than adding twice.
      ConditionExpression: marker ? '#version = :version' : 'attribute_not_exists(pk)',
      ...(marker ? { ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: marshall({ ':version': version }) } : {}),
    },
  });
  w.report.request('TransactWriteItems');
  await w.client.send(new TransactWriteItemsCommand({ TransactItems: transact }));
  return shards.length;
}

// What one call's transactions write into the GSIs, from the items as the call left them: for every item it put or
// updated, each index entry it holds (a write of that entry's size) and each index key the update set or removed (the
// old entry deleted too; its size taken as the new one's). With ALL every update rewrites every entry the item has,
// since every update moves `version`; with KEYS_ONLY only a key change writes. Also the sizes per item type, for the
// storage figures. Items a transaction deletes are not counted (the only ones, documents, are in no index).
import { GetItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { tableDefinition, type IndexProjection } from '../infra/table.ts';
import { indexEntry, itemBytes, writeUnits, type IndexKeys, type StoredItem } from './cost/item-size.ts';

interface Written {
  key: Record<string, AttributeValue>;
  /** Attribute names an update expression names; null for a put. */
  updated: string[] | null;
}

interface TransactInput {
  TransactItems?: {
    Put?: { Item: StoredItem };
    Update?: { Key: StoredItem; ExpressionAttributeNames?: Record<string, string> };
  }[];
}

const tableKeys = [tableDefinition.partitionKey, tableDefinition.sortKey];
const keysOnly: IndexProjection = { type: 'KEYS_ONLY' };

export interface IndexWriteUnits {
  /** With each index's projection as infra/table.ts defines it. */
  configured: number;
  /** Were every index KEYS_ONLY. */
  keysOnly: number;
}

/** Bytes of an item type (its largest item seen): the item, and its entry in each index holding it (ALL and KEYS_ONLY). */
export type TypeSizes = Record<string, { item: number; entries: Record<string, { all: number; keysOnly: number }> }>;

export class IndexWriteMeter {
  private written: Written[] = [];
  readonly sizes: TypeSizes = {};

  /** Pass every TransactWriteItems input the API sends. */
  onTransaction(input: unknown): void {
    for (const item of (input as TransactInput).TransactItems ?? []) {
      if (item.Put) this.written.push({ key: { pk: item.Put.Item.pk!, sk: item.Put.Item.sk! }, updated: null });
      if (item.Update) this.written.push({ key: item.Update.Key, updated: Object.values(item.Update.ExpressionAttributeNames ?? {}) });
    }
  }

  reset(): void {
    this.written = [];
  }

  /** The index write units of what was written since the last reset, read back from the table. */
  async units(client: DynamoDBClient, tableName: string): Promise<IndexWriteUnits> {
    const units: IndexWriteUnits = { configured: 0, keysOnly: 0 };
    for (const { key, updated } of this.written) {
      const { Item } = await client.send(new GetItemCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
      if (!Item) continue;
      this.recordSizes(Item);
      for (const index of tableDefinition.globalSecondaryIndexes) {
        units.configured += entryWriteUnits(Item, index, index.projection, updated);
        units.keysOnly += entryWriteUnits(Item, index, keysOnly, updated);
      }
    }
    return units;
  }

  private recordSizes(item: StoredItem): void {
    // A counter shard first created by an ADD (not by the seed) carries no type.
    const type = item.type?.S ?? '(no type)';
    const entries: TypeSizes[string]['entries'] = {};
    for (const index of tableDefinition.globalSecondaryIndexes) {
      const entry = indexEntry(item, tableKeys, index, { type: 'ALL' });
      const bare = indexEntry(item, tableKeys, index, keysOnly);
      if (entry && bare) entries[index.name] = { all: itemBytes(entry), keysOnly: itemBytes(bare) };
    }
    const known = this.sizes[type];
    // The largest seen, as bills follow the large items.
    if (!known || itemBytes(item) > known.item) this.sizes[type] = { item: itemBytes(item), entries };
  }
}

/** Units one written item costs in one index under `projection`: `updated` names what an update set (null: a put). */
function entryWriteUnits(item: StoredItem, index: IndexKeys, projection: IndexProjection, updated: string[] | null): number {
  const keyChanged = !!updated && (updated.includes(index.partitionKey) || updated.includes(index.sortKey));
  const entry = indexEntry(item, tableKeys, index, projection);
  // A removed key deletes the old entry: the item's size under ALL; a narrower entry fits in one unit.
  if (!entry) return keyChanged ? (projection.type === 'ALL' ? writeUnits(itemBytes(item)) : 1) : 0;
  const projectedChanged =
    !updated || projection.type === 'ALL' || (projection.type === 'INCLUDE' && updated.some((name) => projection.nonKeyAttributes.includes(name)));
  if (!keyChanged && !projectedChanged) return 0;
  return writeUnits(itemBytes(entry)) * (keyChanged ? 2 : 1);
}

// DynamoDB's size of an item and of its GSI entries, by "DynamoDB item sizes and formats" (CapacityUnitCalculations):
// a name's and a string's UTF-8 bytes, a number 1 byte per two significant digits plus 1, a boolean or null 1 byte, a
// list or map 3 bytes plus 1 per element. A GSI entry holds the table's keys, the index's keys and the projected
// attributes. A write is billed per started KB of what it writes; storage adds 100 bytes of overhead per item.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { IndexProjection } from '../../infra/table.ts';

export type StoredItem = Record<string, AttributeValue>;

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

function numberBytes(text: string): number {
  const digits = text.replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(Math.max(digits.length, 1) / 2) + 1;
}

export function valueBytes(value: AttributeValue): number {
  if (value.S !== undefined) return utf8(value.S);
  if (value.N !== undefined) return numberBytes(value.N);
  if (value.B !== undefined) return value.B.length;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS) return value.SS.reduce((n, s) => n + utf8(s), 0);
  if (value.NS) return value.NS.reduce((n, s) => n + numberBytes(s), 0);
  if (value.L) return 3 + value.L.reduce((n, v) => n + 1 + valueBytes(v), 0);
  if (value.M) return 3 + Object.entries(value.M).reduce((n, [name, v]) => n + 1 + utf8(name) + valueBytes(v), 0);
  throw new Error(`Unknown attribute value ${JSON.stringify(value)}`);
}

/** The size of these attributes: their names and values. */
export function itemBytes(item: StoredItem): number {
  return Object.entries(item).reduce((n, [name, value]) => n + utf8(name) + valueBytes(value), 0);
}

export interface IndexKeys {
  partitionKey: string;
  sortKey: string;
  projection: IndexProjection;
}

/** The item's entry in one GSI, or null when the item lacks the index's keys (a sparse index holds no entry for it). */
export function indexEntry(item: StoredItem, tableKeys: readonly string[], index: IndexKeys, projection = index.projection): StoredItem | null {
  if (!item[index.partitionKey] || !item[index.sortKey]) return null;
  if (projection.type === 'ALL') return item;
  const kept = new Set([...tableKeys, index.partitionKey, index.sortKey, ...(projection.type === 'INCLUDE' ? projection.nonKeyAttributes : [])]);
  return Object.fromEntries(Object.entries(item).filter(([name]) => kept.has(name)));
}

/** Write units of writing `bytes` once, as a standard write (the model bills index entries so, transactions or not). */
export const writeUnits = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));

/** Bytes billed as storage for an item or an index entry of `bytes`. */
export const storedBytes = (bytes: number) => bytes + 100;

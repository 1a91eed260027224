import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { indexEntry, itemBytes, storedBytes, writeUnits } from '../../../bench/cost/item-size.ts';

// DynamoDB's item size rules ("DynamoDB item sizes and formats"), on which the bench's index figures rest.
const gsi = { partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: { type: 'ALL' as const } };

describe('itemBytes', () => {
  it('given strings, numbers, a boolean and a null, when sized, then each is its name plus its value as the rules say', () => {
    // "name"+"Ana" = 4+3; "age"+"27" = 3+(1+1); "ok"+true = 2+1; "gone"+null = 4+1; "price"+"-0.50" = 5+(1+1)
    expect(itemBytes(marshall({ name: 'Ana', age: 27, ok: true, gone: null, price: -0.5 }))).toBe(7 + 5 + 3 + 5 + 7);
  });

  it('given a map and a list, when sized, then each is 3 bytes plus its elements, 1 byte more per element', () => {
    // "bundle" 6 + (3 + ("status" 6 + "OPEN" 4 + 1)); "tags" 4 + (3 + ("a" 1 + 1) + ("bc" 2 + 1))
    expect(itemBytes(marshall({ bundle: { status: 'OPEN' } }))).toBe(6 + 3 + 11);
    expect(itemBytes(marshall({ tags: ['a', 'bc'] }))).toBe(4 + 3 + 2 + 3);
  });

  it('given multi-byte characters, when sized, then their UTF-8 bytes count', () => {
    expect(itemBytes(marshall({ n: 'é' }))).toBe(1 + 2);
  });
});

describe('indexEntry', () => {
  const item = marshall({ pk: 'A#1', sk: 'A', gsi1pk: 'OWNER#u', gsi1sk: 'A#1', gsi2pk: 'S#DRAFT', firstName: 'Ana', version: 3 });

  it('given ALL, when the entry is built, then it is the whole item', () => {
    expect(indexEntry(item, ['pk', 'sk'], gsi)).toEqual(item);
  });

  it('given KEYS_ONLY or INCLUDE, when the entry is built, then it holds the table keys, the index keys and the included attributes only', () => {
    expect(Object.keys(indexEntry(item, ['pk', 'sk'], gsi, { type: 'KEYS_ONLY' })!).sort()).toEqual(['gsi1pk', 'gsi1sk', 'pk', 'sk']);
    expect(Object.keys(indexEntry(item, ['pk', 'sk'], gsi, { type: 'INCLUDE', nonKeyAttributes: ['version'] })!).sort()).toEqual([
      'gsi1pk',
      'gsi1sk',
      'pk',
      'sk',
      'version',
    ]);
  });

  it('given an item without the index keys, when the entry is built, then there is none (a sparse index)', () => {
    expect(indexEntry(item, ['pk', 'sk'], { ...gsi, partitionKey: 'gsi3pk', sortKey: 'gsi3sk' })).toBeNull();
  });
});

describe('units', () => {
  it('given sizes around 1 KB, when a write is priced, then each started KB is a unit and storage adds 100 bytes', () => {
    expect([writeUnits(10), writeUnits(1024), writeUnits(1025), writeUnits(2100)]).toEqual([1, 1, 2, 3]);
    expect(storedBytes(900)).toBe(1000);
  });
});

import { describe, expect, it } from 'vitest';
import * as ddb from '../../../local/appsync/dynamodb-helpers.ts';
import { operations } from '../../../local/appsync/dynamodb-expressions.ts';

// Inputs: the examples of "Built-in modules" (DynamoDB module functions) and of the typings in
// @aws-appsync/utils/dynamodb. Outputs: the request objects of "AWS AppSync JavaScript resolver function reference
// for DynamoDB" (GetItem, PutItem, UpdateItem, DeleteItem, Query, Scan, Sync, Batch*, Transact*).

describe('given get', () => {
  it('when given a key, then it answers a GetItem request with the key in DynamoDB JSON', () => {
    expect(ddb.get({ key: { id: 'id' } })).toEqual({ operation: 'GetItem', key: { id: { S: 'id' } } });
  });

  it('when given consistentRead and a projection, then both are carried, the projection as an expression', () => {
    expect(ddb.get({ key: { pk: 'A', sk: 1 }, consistentRead: true, projection: ['id', 'author.name'] })).toEqual({
      operation: 'GetItem',
      key: { pk: { S: 'A' }, sk: { N: 1 } },
      consistentRead: true,
      projection: { expression: '#proj_0, #proj_1.#proj_2', expressionNames: { '#proj_0': 'id', '#proj_1': 'author', '#proj_2': 'name' } },
    });
  });
});

describe('given put and remove', () => {
  it('when putting an item with a condition, then attributeValues and a condition expression are produced', () => {
    expect(
      ddb.put({
        key: { id: 'T1' },
        item: { title: 'New Task', owner: 'u1', isComplete: false },
        condition: { owner: { eq: 'u1' } },
      }),
    ).toEqual({
      operation: 'PutItem',
      key: { id: { S: 'T1' } },
      attributeValues: { title: { S: 'New Task' }, owner: { S: 'u1' }, isComplete: { BOOL: false } },
      condition: { expression: '(#owner = :owner_eq)', expressionNames: { '#owner': 'owner' }, expressionValues: { ':owner_eq': { S: 'u1' } } },
    });
  });

  it('when versioning fields are given, then they pass through', () => {
    expect(ddb.put({ key: { id: '1' }, item: {}, customPartitionKey: 'pk', populateIndexFields: true, _version: 2 })).toMatchObject({
      customPartitionKey: 'pk',
      populateIndexFields: true,
      _version: 2,
    });
  });

  it('when removing, then a DeleteItem request carries the key and the condition', () => {
    expect(ddb.remove({ key: { id: '1' }, condition: { id: { attributeExists: true } } })).toEqual({
      operation: 'DeleteItem',
      key: { id: { S: '1' } },
      condition: { expression: '(attribute_exists(#id))', expressionNames: { '#id': 'id' }, expressionValues: {} },
    });
  });
});

describe('given update with operations', () => {
  it('when values and every operation are used, then one SET/REMOVE expression is produced', () => {
    const request = ddb.update({
      key: { id: 1 },
      update: {
        name: 'Jane',
        address: operations.add({ city: 'NYC' }),
        nickname: operations.remove(),
        profile: operations.replace({ bio: 'x' }),
        friendsCount: operations.increment(10),
        credits: operations.decrement(),
        friendsIds: operations.append([101, 104]),
        history: operations.prepend(['a']),
        tags: [operations.updateListItem('102', 1)],
        settings: { theme: 'dark' },
      },
      condition: { version: { eq: 3 } },
    });
    expect(request).toEqual({
      operation: 'UpdateItem',
      key: { id: { N: 1 } },
      update: {
        expression:
          'SET #upd_0 = :upd_0, #upd_1 = :upd_1, #upd_3 = :upd_2, #upd_4 = #upd_4 + :upd_3, ' +
          '#upd_5 = #upd_5 - :upd_4, #upd_6 = list_append(#upd_6, :upd_5), ' +
          '#upd_7 = list_append(:upd_6, #upd_7), #upd_8[1] = :upd_7, #upd_9.#upd_10 = :upd_8 REMOVE #upd_2',
        expressionNames: {
          '#upd_0': 'name',
          '#upd_1': 'address',
          '#upd_2': 'nickname',
          '#upd_3': 'profile',
          '#upd_4': 'friendsCount',
          '#upd_5': 'credits',
          '#upd_6': 'friendsIds',
          '#upd_7': 'history',
          '#upd_8': 'tags',
          '#upd_9': 'settings',
          '#upd_10': 'theme',
        },
        expressionValues: {
          ':upd_0': { S: 'Jane' },
          ':upd_1': { M: { city: { S: 'NYC' } } },
          ':upd_2': { M: { bio: { S: 'x' } } },
          ':upd_3': { N: 10 },
          ':upd_4': { N: 1 },
          ':upd_5': { L: [{ N: 101 }, { N: 104 }] },
          ':upd_6': { L: [{ S: 'a' }] },
          ':upd_7': { S: '102' },
          ':upd_8': { S: 'dark' },
        },
      },
      condition: { expression: '(#version = :version_eq)', expressionNames: { '#version': 'version' }, expressionValues: { ':version_eq': { N: 3 } } },
    });
  });

  it('when an operation object is inspected, then it shows its _type as the typings describe', () => {
    expect(operations.increment(2)._type).toBe('increment');
    expect(operations.remove()._type).toBe('remove');
  });
});

describe('given query and scan', () => {
  it('when querying with the key-condition input shape, then a Query request with a key expression is produced', () => {
    expect(
      ddb.query({
        query: { pk: { eq: 'CHAT#1' }, sk: { beginsWith: 'MSG#' } },
        filter: { deleted: { ne: true } },
        index: 'gsi1',
        limit: 20,
        nextToken: 'abc',
        scanIndexForward: false,
        consistentRead: false,
        select: 'ALL_ATTRIBUTES',
      }),
    ).toEqual({
      operation: 'Query',
      query: {
        expression: '#key_0 = :key_0 AND begins_with(#key_1, :key_1)',
        expressionNames: { '#key_0': 'pk', '#key_1': 'sk' },
        expressionValues: { ':key_0': { S: 'CHAT#1' }, ':key_1': { S: 'MSG#' } },
      },
      filter: { expression: '(#deleted <> :deleted_ne)', expressionNames: { '#deleted': 'deleted' }, expressionValues: { ':deleted_ne': { BOOL: true } } },
      index: 'gsi1',
      limit: 20,
      nextToken: 'abc',
      scanIndexForward: false,
      consistentRead: false,
      select: 'ALL_ATTRIBUTES',
    });
  });

  it('when the sort key uses between or a comparison, then the key expression says so', () => {
    expect(ddb.query({ query: { id: { eq: 1 }, age: { between: [20, 30] } } }).query.expression).toBe(
      '#key_0 = :key_0 AND #key_1 BETWEEN :key_1 AND :key_2',
    );
    expect(ddb.query({ query: { name: { eq: 'John' }, age: { gt: 20 } } }).query.expression).toBe('#key_0 = :key_0 AND #key_1 > :key_1');
  });

  it('when optional inputs are null or undefined, then they are left out', () => {
    expect(ddb.query({ query: { id: { eq: '1' } }, limit: undefined, nextToken: null })).not.toHaveProperty('nextToken');
  });

  it('when scanning a segment, then a Scan request carries segment and totalSegments', () => {
    expect(ddb.scan({ limit: 5, segment: 1, totalSegments: 4 })).toEqual({ operation: 'Scan', limit: 5, segment: 1, totalSegments: 4 });
  });

  it('when syncing, then a Sync request carries the sync inputs', () => {
    expect(ddb.sync({ limit: 10, nextToken: 't', lastSync: 5 })).toEqual({ operation: 'Sync', limit: 10, nextToken: 't', lastSync: 5 });
  });
});

describe('given the batch helpers (reference examples)', () => {
  it('when batchGet lists keys per table, then a BatchGetItem request keyed by table name is produced', () => {
    expect(
      ddb.batchGet({
        tables: { post: { keys: [{ id: '1' }, { id: '2' }], consistentRead: false, projection: ['id', 'name', 'nested.object[1]'] } },
      }),
    ).toEqual({
      operation: 'BatchGetItem',
      tables: {
        post: {
          keys: [{ id: { S: '1' } }, { id: { S: '2' } }],
          consistentRead: false,
          projection: {
            expression: '#proj_0, #proj_1, #proj_2.#proj_3[1]',
            expressionNames: { '#proj_0': 'id', '#proj_1': 'name', '#proj_2': 'nested', '#proj_3': 'object' },
          },
        },
      },
    });
  });

  it('when batchPut and batchDelete list items per table, then items and keys are in DynamoDB JSON', () => {
    expect(ddb.batchPut({ tables: { post: [{ id: 'one', value: 'x' }], comment: [{ id: 'one', text: 't' }] } })).toEqual({
      operation: 'BatchPutItem',
      tables: { post: [{ id: { S: 'one' }, value: { S: 'x' } }], comment: [{ id: { S: 'one' }, text: { S: 't' } }] },
    });
    expect(ddb.batchDelete({ tables: { post: [{ id: 'one' }, { id: 'two' }] } })).toEqual({
      operation: 'BatchDeleteItem',
      tables: { post: [{ id: { S: 'one' } }, { id: { S: 'two' } }] },
    });
  });
});

describe('given the transaction helpers (reference examples)', () => {
  it('when transactGet lists items, then transactItems carry table, key and projection', () => {
    expect(ddb.transactGet({ items: [{ table: 'post', key: { id: '1' }, projection: ['name'] }] })).toEqual({
      operation: 'TransactGetItems',
      transactItems: [{ table: 'post', key: { id: { S: '1' } }, projection: { expression: '#proj_0', expressionNames: { '#proj_0': 'name' } } }],
    });
  });

  it('when transactWrite mixes putItem, deleteItem, updateItem and conditionCheck, then each becomes a typed transactItem', () => {
    const request = ddb.transactWrite({
      items: [
        { putItem: { table: 'post', key: { id: '1' }, item: { title: 't' }, condition: { id: { attributeExists: false } } } },
        { deleteItem: { table: 'post', key: { id: '2' } } },
        { updateItem: { table: 'post', key: { id: '3' }, update: { views: operations.increment() } } },
        { conditionCheck: { table: 'post', key: { id: '4' }, condition: { status: { eq: 'open' } } } },
      ],
    });
    expect(request).toEqual({
      operation: 'TransactWriteItems',
      transactItems: [
        {
          table: 'post',
          operation: 'PutItem',
          key: { id: { S: '1' } },
          attributeValues: { title: { S: 't' } },
          condition: { expression: '(attribute_not_exists(#id))', expressionNames: { '#id': 'id' }, expressionValues: {} },
        },
        { table: 'post', operation: 'DeleteItem', key: { id: { S: '2' } } },
        {
          table: 'post',
          operation: 'UpdateItem',
          key: { id: { S: '3' } },
          update: {
            expression: 'SET #upd_0 = #upd_0 + :upd_0',
            expressionNames: { '#upd_0': 'views' },
            expressionValues: { ':upd_0': { N: 1 } },
          },
        },
        {
          table: 'post',
          operation: 'ConditionCheck',
          key: { id: { S: '4' } },
          condition: { expression: '(#status = :status_eq)', expressionNames: { '#status': 'status' }, expressionValues: { ':status_eq': { S: 'open' } } },
        },
      ],
    });
  });

  it('when an item names no known operation, then it fails', () => {
    expect(() => ddb.transactWrite({ items: [{ upsert: { table: 'post', key: { id: '1' } } }] })).toThrow(/Unknown transactWrite item/);
  });
});

describe('given the set helpers of the module', () => {
  it('when converting lists, then they answer SS / NS / BS', () => {
    expect(ddb.toStringSet(['a', 'b'])).toEqual({ SS: ['a', 'b'] });
    expect(ddb.toNumberSet([1, 2, 3])).toEqual({ NS: [1, 2, 3] });
    expect(ddb.toBinarySet(['SGVsbG8=', 'V29ybGQ='])).toEqual({ BS: ['SGVsbG8=', 'V29ybGQ='] });
  });
});

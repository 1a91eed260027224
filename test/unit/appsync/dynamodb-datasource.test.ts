import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDynamoDbDataSource } from '../../../local/appsync/dynamodb-datasource.ts';
import * as ddb from '../../../local/appsync/dynamodb-helpers.ts';
import { runResolver } from '../../../local/appsync/run-resolver.ts';
import type { DataSource } from '../../../local/appsync/types.ts';
import { ensureTable } from '../../../local/emulators/table.ts';
import { awsClientConfig, localStack } from '../../setup/local-stack.ts';

// Behaviour per "AWS AppSync JavaScript resolver function reference for DynamoDB" and its condition expression,
// Batch* and Transact* pages, checked against a real DynamoDB Local: the run's shared one, on a table of this file's own.

const TABLE = `datasource-${randomUUID()}`;
let client: DynamoDBClient;
let source: DataSource;
let requests: string[] = [];
const none = {};

beforeAll(async () => {
  client = new DynamoDBClient(awsClientConfig(localStack().urls.dynamodb));
  await ensureTable(client, TABLE);
  source = createDynamoDbDataSource({ client, tableName: TABLE, onRequest: (operation) => requests.push(operation) });
});

afterAll(() => {
  client?.destroy();
});

beforeEach(() => {
  requests = [];
});

const put = (item: Record<string, unknown>, condition?: Record<string, unknown>) =>
  source.invoke(ddb.put({ key: { pk: item.pk, sk: item.sk }, item, condition }), none);

describe('given PutItem and GetItem', () => {
  it('when an item is put and read back, then the result is plain JSON and missing items are null', async () => {
    const item = { pk: 'USER#1', sk: 'PROFILE', name: 'Ada', age: 36, tags: ['a'], nested: { ok: true }, nothing: null };
    expect(await put(item)).toEqual({ result: item });
    expect(await source.invoke(ddb.get({ key: { pk: 'USER#1', sk: 'PROFILE' }, consistentRead: true }), none)).toEqual({ result: item });
    expect(await source.invoke(ddb.get({ key: { pk: 'USER#1', sk: 'NOPE' } }), none)).toEqual({ result: null });
    expect(requests).toEqual(['PutItem', 'GetItem', 'GetItem']);
  });

  it('when a projection is given, then only those attributes come back', async () => {
    await put({ pk: 'USER#2', sk: 'PROFILE', name: 'Bo', age: 4, address: { city: 'Oslo', zip: '0150' } });
    const { result } = await source.invoke(ddb.get({ key: { pk: 'USER#2', sk: 'PROFILE' }, projection: ['name', 'address.city'] }), none);
    expect(result).toEqual({ name: 'Bo', address: { city: 'Oslo' } });
  });

  it('when sets and numbers come in typed JSON, then they are stored and converted back as AppSync does', async () => {
    await source.invoke(
      {
        operation: 'PutItem',
        key: { pk: { S: 'SET#1' }, sk: { S: 'A' } },
        attributeValues: { ss: { SS: ['x', 'y'] }, ns: { NS: [1, 2.5] }, n: { N: '42' }, b: { B: 'aGk=' } },
      },
      none,
    );
    const { result } = await source.invoke(ddb.get({ key: { pk: 'SET#1', sk: 'A' } }), none);
    expect(result).toMatchObject({ n: 42, b: 'aGk=' });
    expect((result as { ss: string[] }).ss.sort()).toEqual(['x', 'y']);
    expect((result as { ns: number[] }).ns.sort()).toEqual([1, 2.5]);
  });
});

describe('given a conditional PutItem', () => {
  const key = { pk: 'APP#1', sk: 'META' };

  it('when the condition fails and the stored item differs, then ctx.error is DynamoDB:ConditionalCheckFailedException and ctx.result the stored item', async () => {
    await put({ ...key, status: 'draft' });
    requests = [];
    const outcome = await put({ ...key, status: 'submitted' }, { pk: { attributeExists: false } });
    expect(outcome.result).toEqual({ ...key, status: 'draft' });
    expect(outcome.error?.type).toBe('DynamoDB:ConditionalCheckFailedException');
    expect(outcome.error?.message).toMatch(/^The conditional request failed \(Service: DynamoDb, Status Code: 400, Request ID: [^)]+\)$/);
    expect(requests).toEqual(['PutItem', 'GetItem']);
  });

  it('when the condition fails but the stored item already equals the desired one, then it counts as a success', async () => {
    await put({ ...key, status: 'same' });
    expect(await put({ ...key, status: 'same' }, { pk: { attributeExists: false } })).toEqual({ result: { ...key, status: 'same' } });
  });

  it('when equalsIgnore names the differing attributes, then the write still counts as a success', async () => {
    await put({ ...key, status: 'same', version: 1 });
    const request = ddb.put({ key, item: { ...key, status: 'same', version: 2 }, condition: { pk: { attributeExists: false } } });
    const outcome = await source.invoke({ ...request, condition: { ...request.condition, equalsIgnore: ['version'] } }, none);
    expect(outcome.error).toBeUndefined();
    expect(outcome.result).toEqual({ ...key, status: 'same', version: 1 });
  });
});

describe('given UpdateItem with operations', () => {
  it('when every operation is applied, then the result is the updated item (ALL_NEW)', async () => {
    await put({ pk: 'POST#1', sk: 'META', title: 'old', views: 5, likes: 0, credits: 0, tags: ['b'], history: [], list: ['x', 'y'], drop: 'me', settings: { theme: 'light', size: 1 } });
    const outcome = await source.invoke(
      ddb.update({
        key: { pk: 'POST#1', sk: 'META' },
        update: {
          title: 'new',
          views: ddb.operations.increment(3),
          likes: ddb.operations.increment(),
          credits: ddb.operations.decrement(2),
          tags: ddb.operations.append(['c']),
          history: ddb.operations.prepend(['first']),
          list: [ddb.operations.updateListItem('Y', 1)],
          drop: ddb.operations.remove(),
          settings: { theme: 'dark' },
          author: ddb.operations.add({ name: 'Ada' }),
          profile: ddb.operations.replace({ bio: 'hi' }),
        },
      }),
      none,
    );
    expect(outcome).toEqual({
      result: {
        pk: 'POST#1',
        sk: 'META',
        title: 'new',
        views: 8,
        likes: 1,
        credits: -2,
        tags: ['b', 'c'],
        history: ['first'],
        list: ['x', 'Y'],
        settings: { theme: 'dark', size: 1 },
        author: { name: 'Ada' },
        profile: { bio: 'hi' },
      },
    });
  });

  it.each([
    ['increment', ddb.operations.increment(1)],
    ['decrement', ddb.operations.decrement(1)],
    ['append', ddb.operations.append(['a'])],
    ['prepend', ddb.operations.prepend(['a'])],
  ])('when %s names an attribute the item lacks, then DynamoDB refuses it as under AppSync (no if_not_exists)', async (_name, operation) => {
    await put({ pk: 'POST#3', sk: 'META' });
    const outcome = await source.invoke(ddb.update({ key: { pk: 'POST#3', sk: 'META' }, update: { missing: operation } }), none);
    expect(outcome.result).toBeNull();
    expect(outcome.error?.type).toBe('DynamoDB:ValidationException');
    expect(outcome.error?.message).toMatch(/attribute that does not exist in the item/);
  });

  it('when the version condition fails, then ctx.error is DynamoDB:ConditionalCheckFailedException and ctx.result the stored item, without a second read', async () => {
    await put({ pk: 'POST#2', sk: 'META', version: 2 });
    requests = [];
    const outcome = await source.invoke(
      ddb.update({ key: { pk: 'POST#2', sk: 'META' }, update: { version: 4 }, condition: { version: { eq: 3 } } }),
      none,
    );
    expect(outcome).toMatchObject({
      result: { pk: 'POST#2', sk: 'META', version: 2 },
      error: { type: 'DynamoDB:ConditionalCheckFailedException', message: expect.stringMatching(/^The conditional request failed \(Service: DynamoDb/) },
    });
    expect(requests).toEqual(['UpdateItem']);
  });
});

describe('given DeleteItem', () => {
  it('when an item is deleted, then the result is the old item', async () => {
    await put({ pk: 'DEL#1', sk: 'A', v: 1 });
    expect(await source.invoke(ddb.remove({ key: { pk: 'DEL#1', sk: 'A' } }), none)).toEqual({ result: { pk: 'DEL#1', sk: 'A', v: 1 } });
  });

  it('when the condition fails on an existing item, then the delete is rejected', async () => {
    await put({ pk: 'DEL#2', sk: 'A', owner: 'u1' });
    const outcome = await source.invoke(ddb.remove({ key: { pk: 'DEL#2', sk: 'A' }, condition: { owner: { eq: 'u2' } } }), none);
    expect(outcome.error?.type).toBe('DynamoDB:ConditionalCheckFailedException');
    expect(outcome.result).toEqual({ pk: 'DEL#2', sk: 'A', owner: 'u1' });
  });
});

describe('given Query', () => {
  beforeAll(async () => {
    for (let i = 1; i <= 5; i += 1) {
      await put({ pk: `MSG#${i}`, sk: 'META', gsi1pk: 'THREAD#1', gsi1sk: `2026-01-0${i}`, n: i, hidden: i === 4 });
    }
  });

  it('when paging an index newest first with limit and nextToken, then pages follow each other until nextToken is null', async () => {
    const page = (nextToken?: string) =>
      source.invoke(ddb.query({ index: 'gsi1', query: { gsi1pk: { eq: 'THREAD#1' } }, limit: 2, scanIndexForward: false, nextToken }), none);
    const first = (await page()).result as { items: { n: number }[]; nextToken: string | null; scannedCount: number };
    expect(first.items.map((item) => item.n)).toEqual([5, 4]);
    expect(first.scannedCount).toBe(2);
    expect(typeof first.nextToken).toBe('string');
    const second = (await page(first.nextToken!)).result as typeof first;
    expect(second.items.map((item) => item.n)).toEqual([3, 2]);
    const third = (await page(second.nextToken!)).result as typeof first;
    expect(third.items.map((item) => item.n)).toEqual([1]);
    expect(third.nextToken).toBeNull();
  });

  it('when a sort-key condition, filter and select are given, then they apply', async () => {
    const { result } = await source.invoke(
      ddb.query({
        index: 'gsi1',
        query: { gsi1pk: { eq: 'THREAD#1' }, gsi1sk: { between: ['2026-01-02', '2026-01-04'] } },
        filter: { hidden: { eq: false } },
        select: 'ALL_ATTRIBUTES',
      }),
      none,
    );
    expect((result as { items: { n: number }[] }).items.map((item) => item.n)).toEqual([2, 3]);
    expect((result as { scannedCount: number }).scannedCount).toBe(3);
  });

  it('when a nextToken is forged from a key, altered, or presented to another index, then it is refused as AppSync refuses it', async () => {
    const thread = { gsi1pk: { eq: 'THREAD#1' } };
    const first = (await source.invoke(ddb.query({ index: 'gsi1', query: thread, limit: 2 }), none)).result as { nextToken: string };
    const envelope = JSON.parse(Buffer.from(first.nextToken, 'base64').toString('utf8')) as { version: number; token: string };
    expect(first.nextToken).not.toContain('MSG');
    expect(Buffer.from(envelope.token, 'base64').toString('latin1')).not.toContain('MSG#');

    const forged = Buffer.from(JSON.stringify({ pk: { S: 'MSG#2' }, sk: { S: 'META' }, gsi1pk: { S: 'THREAD#1' }, gsi1sk: { S: '2026-01-02' } })).toString('base64');
    const sealed = Buffer.from(envelope.token, 'base64');
    sealed[sealed.length - 1] = (sealed[sealed.length - 1]! + 1) % 256;
    const altered = Buffer.from(JSON.stringify({ ...envelope, token: sealed.toString('base64') })).toString('base64');
    requests = [];
    for (const nextToken of [forged, altered]) {
      const outcome = await source.invoke(ddb.query({ index: 'gsi1', query: thread, limit: 2, nextToken }), none);
      expect(outcome).toEqual({ result: null, error: { type: 'DynamoDB:InvalidNextTokenException', message: 'Invalid pagination token given.' } });
    }
    const elsewhere = await source.invoke(ddb.query({ query: { pk: { eq: 'MSG#1' } }, nextToken: first.nextToken }), none);
    expect(elsewhere.error?.type).toBe('DynamoDB:InvalidNextTokenException');
    expect(requests).toEqual([]);
  });

  it('when the nextToken is garbage, then ctx.error says so', async () => {
    const outcome = await source.invoke(ddb.query({ query: { pk: { eq: 'MSG#1' } }, nextToken: '%%%' }), none);
    expect(outcome.error?.type).toMatch(/^DynamoDB:/);
    expect(outcome.result).toBeNull();
  });
});

describe('given Scan', () => {
  it('when scanning two segments with a filter, then together they cover the matching items', async () => {
    const items: unknown[] = [];
    for (const segment of [0, 1]) {
      const { result } = await source.invoke(ddb.scan({ segment, totalSegments: 2, filter: { gsi1pk: { eq: 'THREAD#1' } } }), none);
      items.push(...(result as { items: unknown[] }).items);
    }
    expect(items).toHaveLength(5);
  });
});

describe('given TransactWriteItems and TransactGetItems', () => {
  it('when every item succeeds, then the result lists the keys and no cancellation reasons', async () => {
    await put({ pk: 'TX#2', sk: 'A', n: 1 });
    await put({ pk: 'TX#5', sk: 'A', n: 1 });
    const outcome = await source.invoke(
      ddb.transactWrite({
        items: [
          { putItem: { table: TABLE, key: { pk: 'TX#1', sk: 'A' }, item: { n: 1 }, condition: { pk: { attributeExists: false } } } },
          { updateItem: { table: TABLE, key: { pk: 'TX#2', sk: 'A' }, update: { n: ddb.operations.increment() } } },
          { conditionCheck: { table: TABLE, key: { pk: 'TX#5', sk: 'A' }, condition: { n: { eq: 1 } } } },
        ],
      }),
      none,
    );
    expect(outcome).toEqual({
      result: { keys: [{ pk: 'TX#1', sk: 'A' }, { pk: 'TX#2', sk: 'A' }, { pk: 'TX#5', sk: 'A' }], cancellationReasons: null },
    });
  });

  it('when a condition fails, then nothing is written and cancellation reasons explain each item', async () => {
    await put({ pk: 'TX#3', sk: 'A', status: 'closed' });
    const outcome = await source.invoke(
      ddb.transactWrite({
        items: [
          { putItem: { table: TABLE, key: { pk: 'TX#4', sk: 'A' }, item: { n: 1 } } },
          { updateItem: { table: TABLE, key: { pk: 'TX#3', sk: 'A' }, update: { status: 'open' }, condition: { status: { eq: 'draft' } } } },
        ],
      }),
      none,
    );
    expect(outcome.error?.type).toBe('DynamoDB:TransactionCanceledException');
    expect(outcome.result).toEqual({
      keys: [{ pk: 'TX#4', sk: 'A' }, { pk: 'TX#3', sk: 'A' }],
      cancellationReasons: [
        { type: 'None', message: null },
        { type: 'ConditionalCheckFailed', message: expect.stringMatching(/conditional request failed/i), item: { pk: 'TX#3', sk: 'A', status: 'closed' } },
      ],
    });
    expect((await source.invoke(ddb.get({ key: { pk: 'TX#4', sk: 'A' } }), none)).result).toBeNull();
  });

  it('when reading items in a transaction, then they come back in order with null for missing ones', async () => {
    const outcome = await source.invoke(
      ddb.transactGet({ items: [{ table: TABLE, key: { pk: 'TX#2', sk: 'A' } }, { table: TABLE, key: { pk: 'TX#404', sk: 'A' }, projection: ['pk'] }] }),
      none,
    );
    expect(outcome).toEqual({ result: { items: [{ pk: 'TX#2', sk: 'A', n: 2 }, null], cancellationReasons: null } });
  });
});

describe('given the batch operations', () => {
  it('when putting, getting and deleting in batches, then data is keyed by table in request order', async () => {
    const items = [
      { pk: 'B#1', sk: 'A', v: 1 },
      { pk: 'B#2', sk: 'A', v: 2 },
    ];
    expect(await source.invoke(ddb.batchPut({ tables: { [TABLE]: items } }), none)).toEqual({
      result: { data: { [TABLE]: items }, unprocessedItems: { [TABLE]: [] } },
    });
    const keys = [{ pk: 'B#2', sk: 'A' }, { pk: 'B#404', sk: 'A' }, { pk: 'B#1', sk: 'A' }];
    expect(await source.invoke(ddb.batchGet({ tables: { [TABLE]: { keys, consistentRead: true } } }), none)).toEqual({
      result: { data: { [TABLE]: [items[1], null, items[0]] }, unprocessedKeys: { [TABLE]: [] } },
    });
    expect(await source.invoke(ddb.batchDelete({ tables: { [TABLE]: [keys[0]!, keys[2]!] } }), none)).toEqual({
      result: { data: { [TABLE]: [keys[0], keys[2]] }, unprocessedKeys: { [TABLE]: [] } },
    });
    expect(requests).toEqual(['BatchWriteItem', 'BatchGetItem', 'BatchWriteItem']);
  });
});

describe('given requests the local runtime does not run', () => {
  it('when the operation is Sync or unknown, then ctx.error explains it without a DynamoDB request', async () => {
    expect((await source.invoke(ddb.sync({ limit: 1 }), none)).error?.message).toMatch(/not supported/);
    expect((await source.invoke({ operation: 'Teleport' }, none)).error?.message).toMatch(/Unsupported operation/);
    expect(requests).toEqual([]);
  });

  it('when DynamoDB rejects the request, then ctx.error carries its prefixed code', async () => {
    const outcome = await source.invoke({ operation: 'GetItem', key: { nope: { S: 'x' } } }, none);
    expect(outcome).toMatchObject({ result: null, error: { type: 'DynamoDB:ValidationException' } });
  });
});

describe('given a unit resolver on this data source', () => {
  const code = `
    import { util } from '@aws-appsync/utils';
    import * as ddb from '@aws-appsync/utils/dynamodb';
    export function request(ctx) {
      const { id, title } = ctx.args;
      return ddb.put({ key: { pk: 'DOC#' + id, sk: 'META' }, item: { title, owner: ctx.identity.sub }, condition: { pk: { attributeExists: false } } });
    }
    export function response(ctx) {
      if (ctx.error) util.error('Document already exists', ctx.error.type);
      return ctx.result;
    }`;
  const create = (title: string) =>
    runResolver({
      resolver: { kind: 'UNIT', code, dataSource: 'table' },
      dataSources: { table: source },
      context: { arguments: { id: '9', title }, identity: { sub: 'u1', username: 'u1' }, info: { fieldName: 'createDoc', parentTypeName: 'Mutation' } },
    });

  it('when the resolver code runs twice with different data, then the first writes and the second reports the conditional failure', async () => {
    expect(await create('First')).toMatchObject({ data: { pk: 'DOC#9', sk: 'META', title: 'First', owner: 'u1' }, errors: [] });
    expect(requests).toEqual(['PutItem']);
    expect(await create('Second')).toMatchObject({
      data: null,
      errors: [{ message: 'Document already exists', errorType: 'DynamoDB:ConditionalCheckFailedException' }],
    });
  });
});

import { randomUUID } from 'node:crypto';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  PutItemCommand,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { tableDefinition } from '../../../infra/table.ts';
import { startDynamoDbLocal } from '../../../local/emulators/dynamodb-local.ts';
import { freePort } from '../../../local/emulators/ports.ts';
import { ensureTable } from '../../../local/emulators/table.ts';
import { awsClientConfig, localStack } from '../../setup/local-stack.ts';

// Against the shared stack's DynamoDB Local, each test on a table of its own.
describe('ensureTable', () => {
  let client: DynamoDBClient;
  beforeAll(() => {
    client = new DynamoDBClient(awsClientConfig(localStack().urls.dynamodb));
  });
  const describeTable = async (name: string) =>
    (await client.send(new DescribeTableCommand({ TableName: name }))).Table;

  it('creates the table of infra/table.ts (keys, each GSI with its projection, on demand, TTL on), once', async () => {
    const name = `ensure-${randomUUID()}`;
    expect(await ensureTable(client, name)).toEqual({ created: true });
    expect(await ensureTable(client, name)).toEqual({ created: false });

    const table = await describeTable(name);
    expect(table?.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    const indexes = (table?.GlobalSecondaryIndexes ?? []).map((i) => ({
      name: i.IndexName,
      keys: i.KeySchema?.map((k) => k.AttributeName),
      projection: i.Projection,
    }));
    expect(indexes.sort((a, b) => String(a.name).localeCompare(String(b.name)))).toEqual(
      tableDefinition.globalSecondaryIndexes.map((i) => ({
        name: i.name,
        keys: [i.partitionKey, i.sortKey],
        projection: i.projection.type === 'INCLUDE' ? { ProjectionType: 'INCLUDE', NonKeyAttributes: i.projection.nonKeyAttributes } : { ProjectionType: i.projection.type },
      })),
    );
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: name }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
  });

  // On a DynamoDB Local of its own: the shared one, busy with the whole suite, can leave an added index CREATING for minutes.
  it('adds the indexes a table kept from an earlier start lacks, keeping its items', async () => {
    const own = await startDynamoDbLocal({ port: await freePort(), inMemory: true });
    const client = new DynamoDBClient(awsClientConfig(own.endpoint));
    const describeTable = async (name: string) =>
      (await client.send(new DescribeTableCommand({ TableName: name }))).Table;
    onTestFinished(() => own.stop());
    const name = `older-${randomUUID()}`;
    await client.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
      }),
    );
    await client.send(new PutItemCommand({ TableName: name, Item: { pk: { S: 'A' }, sk: { S: 'B' } } }));

    expect(await ensureTable(client, name)).toEqual({ created: false });
    const names = (await describeTable(name))?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort();
    expect(names).toEqual(tableDefinition.globalSecondaryIndexes.map((i) => i.name));
    expect((await client.send(new ScanCommand({ TableName: name }))).Count).toBe(1);
  }, 60_000);

  it('with recreate, starts a kept table over empty', async () => {
    const name = `recreate-${randomUUID()}`;
    await ensureTable(client, name);
    await client.send(new PutItemCommand({ TableName: name, Item: { pk: { S: 'A' }, sk: { S: 'B' } } }));
    expect(await ensureTable(client, name, { recreate: true })).toEqual({ created: true });
    expect((await client.send(new ScanCommand({ TableName: name }))).Count).toBe(0);
  });
});

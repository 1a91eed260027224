import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type AttributeDefinition,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { tableDefinition } from '../../infra/table.ts';
import { waitUntil } from './wait.ts';

const stringAttribute = (AttributeName: string): AttributeDefinition => ({ AttributeName, AttributeType: 'S' });

function indexSpec(index: (typeof tableDefinition.globalSecondaryIndexes)[number]): GlobalSecondaryIndex {
  return {
    IndexName: index.name,
    KeySchema: [
      { AttributeName: index.partitionKey, KeyType: 'HASH' },
      { AttributeName: index.sortKey, KeyType: 'RANGE' },
    ],
    Projection:
      index.projection.type === 'INCLUDE'
        ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.projection.nonKeyAttributes] }
        : { ProjectionType: index.projection.type },
  };
}

function attributeDefinitions(): AttributeDefinition[] {
  const names = [
    tableDefinition.partitionKey,
    tableDefinition.sortKey,
    ...tableDefinition.globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
  return [...new Set(names)].map(stringAttribute);
}

const indexActive = (table: TableDescription | undefined, name: string) =>
  table?.GlobalSecondaryIndexes?.find((i) => i.IndexName === name)?.IndexStatus === 'ACTIVE';

async function describe(client: DynamoDBClient, tableName: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

/**
 * Makes the local table match infra/table.ts: creates it (on-demand, each GSI with its projection, TTL on) when missing;
 * on a table kept from an earlier start, adds the indexes the definition gained since. Safe to call on every start.
 * `recreate` drops a kept table first (its content is known to be unusable, e.g. a seed cut short).
 */
export async function ensureTable(
  client: DynamoDBClient,
  tableName: string,
  { recreate = false }: { recreate?: boolean } = {},
): Promise<{ created: boolean }> {
  let existing = await describe(client, tableName);
  if (existing && recreate) {
    await client.send(new DeleteTableCommand({ TableName: tableName }));
    existing = undefined;
  }
  let created = false;
  if (!existing) {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: attributeDefinitions(),
        KeySchema: [
          { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
          { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map(indexSpec),
      }),
    );
    created = true;
  } else {
    const present = new Set((existing.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
    // DynamoDB creates one index per UpdateTable call.
    for (const index of tableDefinition.globalSecondaryIndexes.filter((i) => !present.has(i.name))) {
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: attributeDefinitions(),
          GlobalSecondaryIndexUpdates: [{ Create: indexSpec(index) }],
        }),
      );
      // …and refuses the next while one is still being built (LimitExceededException).
      await waitUntil(`index ${index.name} of ${tableName}`, async () => indexActive(await describe(client, tableName), index.name), {
        timeoutMs: 120_000,
        intervalMs: 200,
      });
    }
  }
  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  if (ttl.TimeToLiveDescription?.TimeToLiveStatus !== 'ENABLED') {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
      }),
    );
  }
  return { created };
}

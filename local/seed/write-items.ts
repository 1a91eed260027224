import { BatchWriteItemCommand, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { TableItem } from './items.ts';

/** BatchWriteItem takes at most 25 requests. */
const batchSize = 25;

/** Puts the items, 25 per BatchWriteItem, retrying what DynamoDB leaves unprocessed. */
export async function putItems(client: DynamoDBClient, tableName: string, items: TableItem[]): Promise<void> {
  for (let i = 0; i < items.length; i += batchSize) {
    let pending: WriteRequest[] = items
      .slice(i, i + batchSize)
      .map((item) => ({ PutRequest: { Item: marshall(item, { removeUndefinedValues: true }) } }));
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      if (attempt === 5) throw new Error(`DynamoDB left ${pending.length} demo items unprocessed after 5 attempts`);
      const { UnprocessedItems } = await client.send(
        new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }),
      );
      pending = UnprocessedItems?.[tableName] ?? [];
      if (pending.length > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
  }
}

// Test support: items written straight into the shared stack's table for what another issue's mutations create
// (documents come from requestDocumentUpload and the S3 handler, payments from checkout and the Stripe webhook), and
// direct reads to check what a mutation wrote, or did not write. Keys only through resolvers/lib/keys.ts.
import { DynamoDBClient, GetItemCommand, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { monotonicFactory } from 'ulid';
import { countersPartition, sumCounterShards } from '../../../resolvers/lib/counters.ts';
import { auditKey, documentKey, gsi, paymentKey, type Key } from '../../../resolvers/lib/keys.ts';
import { awsClientConfig, localStack } from '../../setup/local-stack.ts';

let client: DynamoDBClient | undefined;
function dynamodb(): DynamoDBClient {
  client ??= new DynamoDBClient(awsClientConfig(localStack().urls.dynamodb));
  return client;
}

type Item = Record<string, unknown>;

/** Ids that sort in creation order even when two are made in the same millisecond, as lists are newest first. */
const ulid = monotonicFactory();

async function put(item: Item): Promise<void> {
  await dynamodb().send(new PutItemCommand({ TableName: localStack().tableName, Item: marshall(item, { removeUndefinedValues: true }) }));
}

export async function getItem(key: Key): Promise<Item | null> {
  const { Item } = await dynamodb().send(new GetItemCommand({ TableName: localStack().tableName, Key: marshall(key), ConsistentRead: true }));
  return Item ? unmarshall(Item) : null;
}

/** Every audit event of one resource, oldest first. */
export async function auditEventsOf(resourceType: string, resourceId: string): Promise<Item[]> {
  const { Items } = await dynamodb().send(
    new QueryCommand({
      TableName: localStack().tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: marshall({ ':pk': auditKey(resourceType, resourceId, '').pk }),
      ConsistentRead: true,
    }),
  );
  return (Items ?? []).map((item) => unmarshall(item));
}

/** Every dashboard counter shard (lib/counters.ts). */
export async function counterShards(): Promise<Item[]> {
  const { Items } = await dynamodb().send(
    new QueryCommand({
      TableName: localStack().tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: marshall({ ':pk': countersPartition }),
      ConsistentRead: true,
    }),
  );
  return (Items ?? []).map((item) => unmarshall(item));
}

/** The dashboard counter `name`, summed over the shards (0 when never moved). */
export async function counter(name: string): Promise<number> {
  return sumCounterShards(await counterShards()).totals[name] ?? 0;
}

const now = () => new Date().toISOString();

/** A document of an applicant as the upload flow leaves it (UPLOADED, scan CLEAN unless overridden). */
export async function putDocument(applicant: { id: string; ownerId: string }, overrides: Item = {}): Promise<Item> {
  const id = ulid();
  const at = now();
  const document: Item = {
    type: 'DOCUMENT',
    id,
    applicantId: applicant.id,
    ownerId: applicant.ownerId,
    fileName: `document-${id.slice(-6)}.pdf`,
    contentType: 'PDF',
    sizeBytes: 123_456,
    status: 'UPLOADED',
    scanStatus: 'CLEAN',
    uploadedBy: applicant.ownerId,
    createdAt: at,
    updatedAt: at,
    version: 1,
    ...overrides,
  };
  await put({ ...documentKey(applicant.id, id), ...document });
  return document;
}

/** A payment of an applicant as checkout and the webhook leave it (SUCCEEDED unless overridden). */
export async function putPayment(applicant: { id: string; ownerId: string }, overrides: Item = {}): Promise<Item> {
  const id = ulid();
  const at = now();
  const payment: Item = {
    type: 'PAYMENT',
    id,
    applicantId: applicant.id,
    ownerId: applicant.ownerId,
    userId: applicant.ownerId,
    service: 'APPLICATION_SUPPORT',
    amountCents: 25_000,
    currency: 'usd',
    status: 'SUCCEEDED',
    stripeCheckoutSessionId: `cs_test_${id}`,
    createdAt: at,
    updatedAt: at,
    version: 2,
    gsi1pk: gsi.payer(applicant.ownerId),
    gsi1sk: id,
    gsi4pk: gsi.allPayments,
    gsi4sk: id,
    ...overrides,
  };
  await put({ ...paymentKey(applicant.id, id), ...payment });
  return payment;
}

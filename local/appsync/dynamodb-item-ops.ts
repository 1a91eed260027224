import {
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  type DeleteItemCommandOutput,
  type GetItemCommandOutput,
  type UpdateItemCommandOutput,
} from '@aws-sdk/client-dynamodb';
import { asExpression, expressionAttributes, toDataSourceError, type DynamoDbCall, type Request } from './dynamodb-call.ts';
import { fromItem, toItem, type Item } from './dynamodb-values.ts';
import type { DataSourceResult } from './types.ts';

// GetItem, PutItem, UpdateItem, DeleteItem. Reference: "AWS AppSync JavaScript resolver function reference for
// DynamoDB" (https://docs.aws.amazon.com/appsync/latest/devguide/js-resolver-reference-dynamodb.html) and its
// "Condition expressions" page: when a condition fails, AppSync reads the item (strongly consistent unless
// condition.consistentRead is false); if it already equals the desired result (ignoring `equalsIgnore`
// attributes) the write counts as a success, otherwise ctx.error is DynamoDB:ConditionalCheckFailedException.
// The desired result is known for PutItem (the item written) and DeleteItem (no item); UpdateItem always rejects.
// A rejected write leaves the current item (null when there is none) in ctx.result, as AppSync does, and an error
// message in AppSync's longer form: "The conditional request failed (Service: DynamoDb, Status Code: 400, Request ID: …)".
// UpdateItem gets the current item from DynamoDB itself (ReturnValuesOnConditionCheckFailure), without a second read.
// A `conditionalCheckFailedHandler` with strategy Custom (a Lambda ARN) is not supported locally: it rejects.

interface ConditionInput {
  expression?: string;
  equalsIgnore?: string[];
  consistentRead?: boolean;
}

function sameItem(current: Item | undefined, desired: Item, ignore: string[]): boolean {
  if (!current) return false;
  const strip = (item: Item) => {
    const plain = fromItem(item) ?? {};
    for (const name of ignore) delete plain[name];
    return JSON.stringify(Object.entries(plain).sort(([a], [b]) => a.localeCompare(b)));
  };
  return strip(current) === strip(desired);
}

async function onConditionFailure(
  call: DynamoDbCall,
  request: Request,
  error: unknown,
  desired: Item | null | 'unknown',
): Promise<DataSourceResult> {
  const condition = (request.condition ?? {}) as ConditionInput;
  let current = (error as { Item?: Item }).Item;
  if (desired !== 'unknown') {
    const read = await call.send<GetItemCommandOutput>(
      'GetItem',
      new GetItemCommand({ TableName: call.tableName, Key: toItem(request.key), ConsistentRead: condition.consistentRead !== false }),
    );
    current = read.Item;
    if (desired === null ? !current : sameItem(current, desired, condition.equalsIgnore ?? [])) {
      return { result: fromItem(current) };
    }
  }
  return { result: fromItem(current), error: conditionFailedError(error) };
}

/** DynamoDB's error as AppSync words it, with the service, status code and request id after the message. */
function conditionFailedError(error: unknown): ReturnType<typeof toDataSourceError> {
  const plain = toDataSourceError(error);
  const metadata = (error as { $metadata?: { httpStatusCode?: number; requestId?: string } }).$metadata ?? {};
  const details = `Service: DynamoDb, Status Code: ${metadata.httpStatusCode ?? 400}, Request ID: ${metadata.requestId ?? 'null'}`;
  return { ...plain, message: `${plain.message} (${details})` };
}

function isConditionFailure(error: unknown): boolean {
  return (error as { name?: string } | null)?.name === 'ConditionalCheckFailedException';
}

export async function getItem(call: DynamoDbCall, request: Request): Promise<DataSourceResult> {
  const projection = asExpression(request.projection);
  const output = await call.send<GetItemCommandOutput>(
    'GetItem',
    new GetItemCommand({
      TableName: call.tableName,
      Key: toItem(request.key),
      ConsistentRead: request.consistentRead as boolean | undefined,
      ProjectionExpression: projection?.expression,
      ...expressionAttributes(projection),
    }),
  );
  return { result: fromItem(output.Item) };
}

export async function putItem(call: DynamoDbCall, request: Request): Promise<DataSourceResult> {
  const item = { ...toItem(request.attributeValues), ...toItem(request.key) };
  const condition = asExpression(request.condition);
  try {
    await call.send(
      'PutItem',
      new PutItemCommand({
        TableName: call.tableName,
        Item: item,
        ConditionExpression: condition?.expression,
        ...expressionAttributes(condition),
      }),
    );
    return { result: fromItem(item) };
  } catch (error) {
    if (isConditionFailure(error)) return onConditionFailure(call, request, error, item);
    throw error;
  }
}

export async function updateItem(call: DynamoDbCall, request: Request): Promise<DataSourceResult> {
  const update = asExpression(request.update);
  const condition = asExpression(request.condition);
  try {
    const output = await call.send<UpdateItemCommandOutput>(
      'UpdateItem',
      new UpdateItemCommand({
        TableName: call.tableName,
        Key: toItem(request.key),
        UpdateExpression: update?.expression,
        ConditionExpression: condition?.expression,
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: condition ? 'ALL_OLD' : undefined,
        ...expressionAttributes(update, condition),
      }),
    );
    return { result: fromItem(output.Attributes) };
  } catch (error) {
    if (isConditionFailure(error)) return onConditionFailure(call, request, error, 'unknown');
    throw error;
  }
}

export async function deleteItem(call: DynamoDbCall, request: Request): Promise<DataSourceResult> {
  const condition = asExpression(request.condition);
  try {
    const output = await call.send<DeleteItemCommandOutput>(
      'DeleteItem',
      new DeleteItemCommand({
        TableName: call.tableName,
        Key: toItem(request.key),
        ConditionExpression: condition?.expression,
        ReturnValues: 'ALL_OLD',
        ...expressionAttributes(condition),
      }),
    );
    return { result: fromItem(output.Attributes) };
  } catch (error) {
    if (isConditionFailure(error)) return onConditionFailure(call, request, error, null);
    throw error;
  }
}

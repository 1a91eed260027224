import {
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  type CancellationReason,
  type TransactGetItemsCommandOutput,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { asExpression, expressionAttributes, toDataSourceError, type DynamoDbCall, type Request } from './dynamodb-call.js';
import { fromItem, toItem } from './dynamodb-values.js';
import type { DataSourceResult } from './types.js';

// TransactGetItems and TransactWriteItems. Reference: the TransactGetItems / TransactWriteItems pages of
// "AWS AppSync JavaScript resolver function reference for DynamoDB" and "Transaction condition expressions":
// success gives { items } / { keys } with cancellationReasons null; a cancelled transaction sets ctx.error
// (DynamoDB:TransactionCanceledException) and ctx.result.cancellationReasons = [{ type, message, item? }] in request
// order. The item that failed a condition is returned unless returnValuesOnConditionCheckFailure is false.

function isCancellation(error: unknown): error is { CancellationReasons?: CancellationReason[] } {
  return (error as { name?: string } | null)?.name === 'TransactionCanceledException';
}

function toReasons(error: { CancellationReasons?: CancellationReason[] }) {
  return (error.CancellationReasons ?? []).map((reason) => {
    const out: Record<string, unknown> = { type: reason.Code ?? 'None', message: reason.Message ?? null };
    if (reason.Item) out.item = fromItem(reason.Item);
    return out;
  });
}

function items(request: Request): Request[] {
  return Array.isArray(request.transactItems) ? (request.transactItems as Request[]) : [];
}

export async function transactGetItems(call: DynamoDbCall, request: Request): Promise<DataSourceResult> {
  const transactItems = items(request).map((item) => {
    const projection = asExpression(item.projection);
    return {
      Get: {
        TableName: item.table as string,
        Key: toItem(item.key),
        ProjectionExpression: projection?.expression,
        ExpressionAttributeNames: expressionAttributes(projection).ExpressionAttributeNames,
      },
    };
  });
  try {
    const output = await call.send<TransactGetItemsCommandOutput>('TransactGetItems', new TransactGetItemsCommand({ TransactItems: transactItems }));
    return { result: { items: (output.Responses ?? []).map((response) => fromItem(response.Item)), cancellationReasons: null } };
  } catch (error) {
    if (!isCancellation(error)) throw error;
    return { result: { items: null, cancellationReasons: toReasons(error) }, error: toDataSourceError(error) };
  }
}

function toWriteItem(item: Request): TransactWriteItem {
  const condition = asExpression(item.condition) as
    | (ReturnType<typeof asExpression> & { returnValuesOnConditionCheckFailure?: boolean })
    | undefined;
  const update = asExpression(item.update);
  const common = {
    TableName: item.table as string,
    Key: toItem(item.key),
    ConditionExpression: condition?.expression,
    ReturnValuesOnConditionCheckFailure: condition
      ? condition.returnValuesOnConditionCheckFailure === false
        ? ('NONE' as const)
        : ('ALL_OLD' as const)
      : undefined,
    ...expressionAttributes(update, condition),
  };
  switch (item.operation) {
    case 'PutItem': {
      const { Key, ...rest } = common;
      return { Put: { ...rest, Item: { ...toItem(item.attributeValues), ...Key } } };
    }
    case 'UpdateItem':
      return { Update: { ...common, UpdateExpression: update?.expression } };
    case 'DeleteItem':
      return { Delete: common };
    case 'ConditionCheck':
      return { ConditionCheck: { ...common, ConditionExpression: condition?.expression ?? '' } };
    default:
      throw Object.assign(new Error(`Unsupported transactItems operation '${String(item.operation)}'`), { name: 'ValidationException' });
  }
}

export async function transactWriteItems(call: DynamoDbCall, request: Request): Promise<DataSourceResult> {
  const requested = items(request);
  const keys = requested.map((item) => fromItem(toItem(item.key)));
  const transactItems = requested.map(toWriteItem);
  try {
    await call.send('TransactWriteItems', new TransactWriteItemsCommand({ TransactItems: transactItems }));
    return { result: { keys, cancellationReasons: null } };
  } catch (error) {
    if (!isCancellation(error)) throw error;
    return { result: { keys, cancellationReasons: toReasons(error) }, error: toDataSourceError(error) };
  }
}

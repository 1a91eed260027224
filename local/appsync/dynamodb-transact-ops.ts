import {
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  type CancellationReason,
  type TransactGetItemsCommandOutput,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { asExpression, expressionAttributes, toDataSourceError, type DynamoDbCall, type Request } from './dynamodb-call.ts';
import { fromItem, toItem } from './dynamodb-values.ts';
import type { DataSourceResult } from './types.ts';

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

/**
 * DynamoDB cancels a transaction that touches an item another transaction is still writing (CancellationReason
 * `TransactionConflict` on that item, `None` on the others) rather than queueing it; DynamoDB Local serializes them,
 * so it never does. Opt in (tests, bench/) and overlapping TransactWriteItems on one item are cancelled as AWS
 * cancels them. `holdMs` keeps each transaction's items held that much longer, to widen the window.
 */
export interface TransactionConflictOptions {
  holdMs?: number;
  /**
   * The item a transaction item is held as (default: itself; ids are JSON `[table, key]`). bench/ maps the 16 counter
   * shards to one item to measure the single counters item they replaced.
   */
  heldAs?: (itemId: string) => string;
}

export interface TransactionConflicts {
  /** Runs `write` with these items held; refuses at once, as a cancellation, when another write holds one. */
  hold<T>(itemIds: string[], write: () => Promise<T>): Promise<T>;
}

export function createTransactionConflicts(options: TransactionConflictOptions = {}): TransactionConflicts {
  const held = new Map<string, number>();
  return {
    async hold(requestedIds, write) {
      const itemIds = options.heldAs ? requestedIds.map(options.heldAs) : requestedIds;
      const conflicting = itemIds.map((id) => held.has(id));
      if (conflicting.some(Boolean)) {
        const codes = conflicting.map((c) => (c ? 'TransactionConflict' : 'None'));
        throw Object.assign(new Error(`Transaction cancelled, please refer cancellation reasons for specific reasons [${codes.join(', ')}]`), {
          name: 'TransactionCanceledException',
          CancellationReasons: codes.map((Code) => (Code === 'None' ? { Code } : { Code, Message: 'Transaction is ongoing for the item' })),
        });
      }
      for (const id of itemIds) held.set(id, (held.get(id) ?? 0) + 1);
      try {
        if (options.holdMs) await new Promise((resolve) => setTimeout(resolve, options.holdMs));
        return await write();
      } finally {
        for (const id of itemIds) {
          const count = (held.get(id) ?? 1) - 1;
          if (count > 0) held.set(id, count);
          else held.delete(id);
        }
      }
    },
  };
}

export async function transactWriteItems(call: DynamoDbCall, request: Request, conflicts?: TransactionConflicts): Promise<DataSourceResult> {
  const requested = items(request);
  const keys = requested.map((item) => fromItem(toItem(item.key)));
  const transactItems = requested.map(toWriteItem);
  const itemIds = requested.map((item, i) => JSON.stringify([item.table, keys[i]]));
  const send = () => call.send('TransactWriteItems', new TransactWriteItemsCommand({ TransactItems: transactItems }));
  try {
    await (conflicts ? conflicts.hold(itemIds, send) : send());
    return { result: { keys, cancellationReasons: null } };
  } catch (error) {
    if (!isCancellation(error)) throw error;
    return { result: { keys, cancellationReasons: toReasons(error) }, error: toDataSourceError(error) };
  }
}

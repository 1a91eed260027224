// Raw DynamoDB request objects, as "AWS AppSync JavaScript resolver function reference for DynamoDB" shapes them.
// Transactions are written raw so each condition and update expression reads exactly as docs/data-model.md says.
import { util, type Context } from '@aws-appsync/utils';
import type { Key } from './keys.ts';
import { pageToken } from './validate.ts';

export type Expression = {
  expression: string;
  expressionNames?: Record<string, string>;
  expressionValues?: Record<string, unknown>;
};

/** An expression whose values are plain JSON, converted to DynamoDB's typed form. */
export function expression(text: string, names?: Record<string, string>, values?: Record<string, unknown>): Expression {
  return {
    expression: text,
    ...(names ? { expressionNames: names } : {}),
    ...(values ? { expressionValues: util.dynamodb.toMapValues(values) } : {}),
  };
}

/** The item must not exist yet. */
export const itemIsNew: Expression = expression('attribute_not_exists(pk)');

/** The item must exist. */
export const itemExists: Expression = expression('attribute_exists(pk)');

/** The item exists and is still at the version the caller read. */
export function versionIs(version: number): Expression {
  return expression('attribute_exists(pk) AND #version = :expectedVersion', { '#version': 'version' }, { ':expectedVersion': version });
}

/**
 * An update expression: `set` values (null removes the attribute), `add` numbers (atomic, creating the attribute
 * when missing). Attribute names are plain identifiers in this model, so they are used in placeholders as they are.
 */
export function update(changes: { set?: Record<string, unknown>; add?: Record<string, number> }): Expression {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  const removes: string[] = [];
  const adds: string[] = [];
  const set = changes.set || {};
  for (const name of Object.keys(set)) {
    names[`#${name}`] = name;
    if (set[name] === null || set[name] === undefined) {
      removes.push(`#${name}`);
    } else {
      values[`:${name}`] = set[name];
      sets.push(`#${name} = :${name}`);
    }
  }
  const add = changes.add || {};
  for (const name of Object.keys(add)) {
    names[`#${name}`] = name;
    values[`:add_${name}`] = add[name];
    adds.push(`#${name} :add_${name}`);
  }
  const clauses: string[] = [];
  if (sets.length > 0) clauses.push(`SET ${sets.join(', ')}`);
  if (removes.length > 0) clauses.push(`REMOVE ${removes.join(', ')}`);
  if (adds.length > 0) clauses.push(`ADD ${adds.join(', ')}`);
  return expression(clauses.join(' '), names, Object.keys(values).length > 0 ? values : undefined);
}

/**
 * Whether a read in this operation must be strongly consistent. A query's or a subscription's read only authorizes
 * reading, so an eventual read (half the read units) does; anything else (a mutation) decides a write, so it reads
 * strongly. Per read, docs/data-model.md "Read consistency".
 */
export function readsStrongly(ctx: Context): boolean {
  const operation = ctx.info.parentTypeName;
  return operation !== 'Query' && operation !== 'Subscription';
}

export function getItem(key: Key, consistentRead = false) {
  return { operation: 'GetItem' as const, key: util.dynamodb.toMapValues(key), consistentRead };
}

/** One page of one partition (optionally narrowed by a sort-key prefix), newest first unless said otherwise. */
export function queryPage(page: {
  index?: string;
  partitionKey: string;
  partitionValue: string;
  sortKey?: string;
  sortBeginsWith?: string;
  limit: number;
  nextToken?: string | null;
  newestFirst?: boolean;
  filter?: Expression;
}) {
  const names: Record<string, string> = { '#pk': page.partitionKey };
  const values: Record<string, unknown> = { ':pk': page.partitionValue };
  let text = '#pk = :pk';
  if (page.sortKey && page.sortBeginsWith) {
    names['#sk'] = page.sortKey;
    values[':skPrefix'] = page.sortBeginsWith;
    text = `${text} AND begins_with(#sk, :skPrefix)`;
  }
  return {
    operation: 'Query' as const,
    ...(page.index ? { index: page.index } : {}),
    query: expression(text, names, values),
    limit: page.limit,
    nextToken: pageToken('nextToken', page.nextToken),
    scanIndexForward: page.newestFirst === false,
    ...(page.filter ? { filter: page.filter } : {}),
  };
}

export function txPut(table: string, key: Key, item: Record<string, unknown>, condition: Expression = itemIsNew) {
  return {
    table,
    operation: 'PutItem' as const,
    key: util.dynamodb.toMapValues(key),
    attributeValues: util.dynamodb.toMapValues(item),
    condition,
  };
}

export function txUpdate(table: string, key: Key, changes: Expression, condition?: Expression) {
  return { table, operation: 'UpdateItem' as const, key: util.dynamodb.toMapValues(key), update: changes, ...(condition ? { condition } : {}) };
}

export function txDelete(table: string, key: Key, condition?: Expression) {
  return { table, operation: 'DeleteItem' as const, key: util.dynamodb.toMapValues(key), ...(condition ? { condition } : {}) };
}

export function txConditionCheck(table: string, key: Key, condition: Expression) {
  return { table, operation: 'ConditionCheck' as const, key: util.dynamodb.toMapValues(key), condition };
}

export type TransactItem =
  | ReturnType<typeof txPut>
  | ReturnType<typeof txUpdate>
  | ReturnType<typeof txDelete>
  | ReturnType<typeof txConditionCheck>;

/** All or nothing: the change, its counters and its audit event. */
export function transactWrite(items: TransactItem[]) {
  return { operation: 'TransactWriteItems' as const, transactItems: items };
}

import { buildKeyCondition, buildProjection, buildUpdateExpression, operations } from './dynamodb-expressions.ts';
import { toBinarySet, toMapValues, toNumberSet, toStringSet } from './util-dynamodb.ts';
import { buildDynamoDBExpression } from './util-transform.ts';

// The `@aws-appsync/utils/dynamodb` module. Reference: "Built-in modules" → DynamoDB module functions
// (https://docs.aws.amazon.com/appsync/latest/devguide/built-in-modules-js.html). Each function returns the request
// object of "AWS AppSync JavaScript resolver function reference for DynamoDB": keys and items go through
// util.dynamodb.toMapValues, conditions and filters through util.transform's condition/filter expression.

export { operations, toBinarySet, toNumberSet, toStringSet };

type Input = Record<string, unknown>;

/** Drops null/undefined members, so optional inputs do not appear in the request. */
function compact<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined && value !== null)) as T;
}

function expressionFrom(filter: unknown, what: string) {
  if (filter === undefined || filter === null) return undefined;
  const built = buildDynamoDBExpression(filter);
  if (built === null) throw new Error(`Invalid ${what} object: ${JSON.stringify(filter)}`);
  return built.expression === '' ? undefined : built;
}

const versioning = (input: Input) => ({
  customPartitionKey: input.customPartitionKey,
  populateIndexFields: input.populateIndexFields,
  _version: input._version,
});

export function get(input: Input) {
  return compact({
    operation: 'GetItem',
    key: toMapValues(input.key),
    consistentRead: input.consistentRead,
    projection: buildProjection(input.projection),
  });
}

export function put(input: Input) {
  return compact({
    operation: 'PutItem',
    key: toMapValues(input.key),
    attributeValues: toMapValues(input.item),
    condition: expressionFrom(input.condition, 'condition'),
    ...versioning(input),
  });
}

export function update(input: Input) {
  return compact({
    operation: 'UpdateItem',
    key: toMapValues(input.key),
    update: buildUpdateExpression(input.update),
    condition: expressionFrom(input.condition, 'condition'),
    ...versioning(input),
  });
}

export function remove(input: Input) {
  return compact({
    operation: 'DeleteItem',
    key: toMapValues(input.key),
    condition: expressionFrom(input.condition, 'condition'),
    ...versioning(input),
  });
}

const readOptions = (input: Input) => ({
  index: input.index,
  nextToken: input.nextToken,
  limit: input.limit,
  consistentRead: input.consistentRead,
  select: input.select,
  filter: expressionFrom(input.filter, 'filter'),
  projection: buildProjection(input.projection),
});

export function query(input: Input) {
  return compact({
    operation: 'Query',
    query: buildKeyCondition(input.query),
    scanIndexForward: input.scanIndexForward,
    ...readOptions(input),
  });
}

export function scan(input: Input) {
  return compact({
    operation: 'Scan',
    ...readOptions(input),
    totalSegments: input.totalSegments,
    segment: input.segment,
  });
}

export function sync(input: Input) {
  return compact({
    operation: 'Sync',
    basePartitionKey: input.basePartitionKey,
    deltaIndexName: input.deltaIndexName,
    limit: input.limit,
    nextToken: input.nextToken,
    lastSync: input.lastSync,
    filter: expressionFrom(input.filter, 'filter'),
  });
}

function tablesOf(input: Input): [string, unknown][] {
  const tables = input.tables;
  return tables !== null && typeof tables === 'object' ? Object.entries(tables) : [];
}

export function batchGet(input: Input) {
  const tables = tablesOf(input).map(([table, spec]) => {
    const { keys, consistentRead, projection } = (spec ?? {}) as Input;
    const keyList = Array.isArray(keys) ? keys.map((key) => toMapValues(key)) : [];
    return [table, compact({ keys: keyList, consistentRead, projection: buildProjection(projection) })];
  });
  return { operation: 'BatchGetItem', tables: Object.fromEntries(tables) };
}

export function batchPut(input: Input) {
  const tables = tablesOf(input).map(([table, items]) => [table, (items as unknown[]).map((item) => toMapValues(item))]);
  return { operation: 'BatchPutItem', tables: Object.fromEntries(tables) };
}

export function batchDelete(input: Input) {
  const tables = tablesOf(input).map(([table, keys]) => [table, (keys as unknown[]).map((key) => toMapValues(key))]);
  return { operation: 'BatchDeleteItem', tables: Object.fromEntries(tables) };
}

export function transactGet(input: Input) {
  const items = Array.isArray(input.items) ? (input.items as Input[]) : [];
  return {
    operation: 'TransactGetItems',
    transactItems: items.map((item) =>
      compact({ table: item.table, key: toMapValues(item.key), projection: buildProjection(item.projection) }),
    ),
  };
}

function transactWriteItem(item: Input) {
  const [kind, spec] = Object.entries(item)[0] ?? [];
  const body = (spec ?? {}) as Input;
  const common = { table: body.table, key: toMapValues(body.key), condition: expressionFrom(body.condition, 'condition') };
  switch (kind) {
    case 'putItem':
      return compact({ ...common, operation: 'PutItem', attributeValues: toMapValues(body.item) });
    case 'updateItem':
      return compact({ ...common, operation: 'UpdateItem', update: buildUpdateExpression(body.update) });
    case 'deleteItem':
      return compact({ ...common, operation: 'DeleteItem' });
    case 'conditionCheck':
      return compact({ ...common, operation: 'ConditionCheck' });
    default:
      throw new Error(`Unknown transactWrite item '${String(kind)}': use putItem, updateItem, deleteItem or conditionCheck`);
  }
}

export function transactWrite(input: Input) {
  const items = Array.isArray(input.items) ? (input.items as Input[]) : [];
  return { operation: 'TransactWriteItems', transactItems: items.map(transactWriteItem) };
}

/** The module object that `import ... from '@aws-appsync/utils/dynamodb'` receives inside resolver code. */
export const dynamodbModule = Object.freeze({
  get,
  put,
  update,
  remove,
  query,
  scan,
  sync,
  batchGet,
  batchPut,
  batchDelete,
  transactGet,
  transactWrite,
  toStringSet,
  toNumberSet,
  toBinarySet,
  operations,
});

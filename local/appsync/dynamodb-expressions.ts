import { toDynamoDB, type AttributeValueJson } from './util-dynamodb.ts';

// Expression builders behind the `@aws-appsync/utils/dynamodb` module (Reference: "Built-in modules", DynamoDB
// module functions and `operations`: https://docs.aws.amazon.com/appsync/latest/devguide/built-in-modules-js.html).
// The reference documents the inputs and the request types, not the placeholder names, so these use their own
// prefixes (#upd_/:upd_, #key_/:key_, #proj_) that cannot clash with the "#field"/":field_op" names of conditions.

export interface ExpressionJson {
  expression: string;
  expressionNames: Record<string, string>;
  expressionValues: Record<string, AttributeValueJson>;
}

export interface ProjectionJson {
  expression: string;
  expressionNames: Record<string, string>;
}

const OPERATION = Symbol('appsync.dynamodb.operation');

export interface UpdateOperation {
  readonly _type: 'add' | 'remove' | 'replace' | 'increment' | 'decrement' | 'append' | 'prepend' | 'updateListItem';
  readonly value?: unknown;
  readonly by?: number;
  readonly index?: number;
}

function operation(fields: UpdateOperation): UpdateOperation {
  const op = { ...fields };
  Object.defineProperty(op, OPERATION, { value: true });
  return Object.freeze(op);
}

function isOperation(value: unknown): value is UpdateOperation {
  return value !== null && typeof value === 'object' && (value as Record<symbol, unknown>)[OPERATION] === true;
}

export const operations = Object.freeze({
  add: (payload: unknown) => operation({ _type: 'add', value: payload }),
  remove: () => operation({ _type: 'remove' }),
  replace: (payload: unknown) => operation({ _type: 'replace', value: payload }),
  increment: (by = 1) => operation({ _type: 'increment', by }),
  decrement: (by = 1) => operation({ _type: 'decrement', by }),
  append: (payload: unknown[]) => operation({ _type: 'append', value: payload }),
  prepend: (payload: unknown[]) => operation({ _type: 'prepend', value: payload }),
  updateListItem: (payload: unknown, index: number) => operation({ _type: 'updateListItem', value: payload, index }),
});

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

class Placeholders {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, AttributeValueJson> = {};
  private readonly byName = new Map<string, string>();
  private valueCount = 0;

  constructor(private readonly prefix: string) {}

  name(attribute: string): string {
    let placeholder = this.byName.get(attribute);
    if (!placeholder) {
      placeholder = `#${this.prefix}${this.byName.size}`;
      this.byName.set(attribute, placeholder);
      this.names[placeholder] = attribute;
    }
    return placeholder;
  }

  value(value: unknown): string {
    const placeholder = `:${this.prefix}${this.valueCount++}`;
    this.values[placeholder] = toDynamoDB(value);
    return placeholder;
  }
}

/** Update object → SET/REMOVE expression. Plain nested objects update only the paths they name. */
export function buildUpdateExpression(update: unknown): ExpressionJson {
  const ph = new Placeholders('upd_');
  const sets: string[] = [];
  const removes: string[] = [];
  const apply = (op: UpdateOperation, path: string) => {
    switch (op._type) {
      case 'remove':
        removes.push(path);
        break;
      // As AppSync writes them: no if_not_exists, so DynamoDB refuses them on an attribute the item lacks.
      case 'increment':
      case 'decrement':
        sets.push(`${path} = ${path} ${op._type === 'increment' ? '+' : '-'} ${ph.value(op.by)}`);
        break;
      case 'append':
        sets.push(`${path} = list_append(${path}, ${ph.value(op.value)})`);
        break;
      case 'prepend':
        sets.push(`${path} = list_append(${ph.value(op.value)}, ${path})`);
        break;
      case 'updateListItem':
        sets.push(`${path}[${op.index}] = ${ph.value(op.value)}`);
        break;
      default:
        sets.push(`${path} = ${ph.value(op.value)}`);
    }
  };
  const walk = (object: Record<string, unknown>, parent: string[]) => {
    for (const [attribute, value] of Object.entries(object)) {
      if (value === undefined) continue;
      const segments = [...parent, ph.name(attribute)];
      const path = segments.join('.');
      if (isOperation(value)) apply(value, path);
      else if (Array.isArray(value) && value.length > 0 && value.every((item) => isOperation(item) && item._type === 'updateListItem')) {
        for (const item of value as UpdateOperation[]) apply(item, path);
      } else if (isPlainObject(value)) walk(value, segments);
      else sets.push(`${path} = ${ph.value(value)}`);
    }
  };
  if (isPlainObject(update)) walk(update, []);
  const clauses = [sets.length ? `SET ${sets.join(', ')}` : '', removes.length ? `REMOVE ${removes.join(', ')}` : ''];
  return { expression: clauses.filter(Boolean).join(' '), expressionNames: ph.names, expressionValues: ph.values };
}

const KEY_COMPARISONS: Record<string, string> = { eq: '=', le: '<=', lt: '<', ge: '>=', gt: '>' };

/** Key-condition input (`{ pk: { eq: 'x' }, sk: { beginsWith: 'MSG#' } }`) → key condition expression. */
export function buildKeyCondition(query: unknown): ExpressionJson {
  const ph = new Placeholders('key_');
  const parts: string[] = [];
  if (isPlainObject(query)) {
    for (const [attribute, operators] of Object.entries(query)) {
      if (!isPlainObject(operators)) continue;
      const name = ph.name(attribute);
      for (const [op, operand] of Object.entries(operators)) {
        if (operand === undefined || operand === null) continue;
        if (op in KEY_COMPARISONS) parts.push(`${name} ${KEY_COMPARISONS[op]} ${ph.value(operand)}`);
        else if (op === 'beginsWith') parts.push(`begins_with(${name}, ${ph.value(operand)})`);
        else if (op === 'between' && Array.isArray(operand)) {
          parts.push(`${name} BETWEEN ${ph.value(operand[0])} AND ${ph.value(operand[1])}`);
        } else throw new Error(`Unsupported key condition operator '${op}' on '${attribute}'`);
      }
    }
  }
  return { expression: parts.join(' AND '), expressionNames: ph.names, expressionValues: ph.values };
}

/** ['id', 'nested.object[1]'] → { expression: '#proj_0, #proj_1.#proj_2[1]', expressionNames }. */
export function buildProjection(paths: unknown): ProjectionJson | undefined {
  if (!Array.isArray(paths) || paths.length === 0) return undefined;
  const ph = new Placeholders('proj_');
  const expression = paths
    .map((path) =>
      String(path)
        .split('.')
        .map((segment) => {
          const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(segment);
          if (!match) throw new Error(`Invalid projection path '${String(path)}'`);
          return `${ph.name(match[1]!)}${match[2]}`;
        })
        .join('.'),
    )
    .join(', ');
  return { expression, expressionNames: ph.names };
}

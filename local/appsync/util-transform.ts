import { toDynamoDB, type AttributeValueJson } from './util-dynamodb.ts';

// Reference: "Transformation helpers in util.transform"
// (https://docs.aws.amazon.com/appsync/latest/devguide/transformation-helpers-in-utils-transform-js.html):
// toDynamoDBFilterExpression / toDynamoDBConditionExpression return a JSON *string* of
// { expression, expressionNames, expressionValues }, or null for an object they cannot read.
// The layout (parentheses, " AND " joins, ":<prefix><field>_<op>" value names, "and_0_" / "or_1_" / "not_"
// prefixes, BETWEEN ..._start/_end, IN ..._in_0) matches outputs recorded from AppSync's own evaluator.

export interface DynamoDBExpressionJson {
  expression: string;
  expressionNames: Record<string, string>;
  expressionValues: Record<string, AttributeValueJson>;
}

const COMPARISONS: Record<string, string> = { eq: '=', ne: '<>', le: '<=', lt: '<', ge: '>=', gt: '>' };
const FUNCTIONS: Record<string, string> = { contains: 'contains', notContains: 'NOT contains', beginsWith: 'begins_with' };
const ATTRIBUTE_TYPES: Record<string, string> = {
  _null: 'NULL',
  string: 'S',
  stringSet: 'SS',
  number: 'N',
  numberSet: 'NS',
  binary: 'B',
  binarySet: 'BS',
  boolean: 'BOOL',
  list: 'L',
  map: 'M',
};

class Unreadable extends Error {}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function definedEntries(value: Record<string, unknown>): [string, unknown][] {
  return Object.entries(value).filter(([, item]) => item !== undefined);
}

class ExpressionBuilder {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, AttributeValueJson> = {};

  group(filter: unknown, prefix: string): string {
    if (!isPlainObject(filter)) throw new Unreadable();
    return definedEntries(filter)
      .map(([key, value]) => {
        if (key === 'and' || key === 'or') return this.junction(key, value, prefix);
        if (key === 'not') {
          if (!isPlainObject(value)) throw new Unreadable();
          return `(NOT ${this.group(value, `${prefix}not_`)})`;
        }
        return this.field(key, value, prefix);
      })
      .join(' AND ');
  }

  private junction(key: 'and' | 'or', members: unknown, prefix: string): string {
    if (!Array.isArray(members)) throw new Unreadable();
    const parts = members.map((member, index) => this.group(member, `${prefix}${key}_${index}_`));
    if (parts.length <= 1) return parts[0] ?? '';
    return `(${parts.join(key === 'and' ? ' AND ' : ' OR ')})`;
  }

  private field(name: string, operators: unknown, prefix: string): string {
    if (!isPlainObject(operators)) throw new Unreadable();
    this.names[`#${name}`] = name;
    const parts = this.operators(`#${name}`, `${prefix}${name}`, operators);
    if (parts.length <= 1) return parts[0] ?? '';
    return `(${parts.join(' AND ')})`;
  }

  private value(name: string, value: unknown): string {
    this.values[`:${name}`] = toDynamoDB(value);
    return `:${name}`;
  }

  private operators(path: string, valueName: string, operators: Record<string, unknown>): string[] {
    const parts: string[] = [];
    for (const [op, operand] of definedEntries(operators)) {
      if (op in COMPARISONS) {
        parts.push(`(${path} ${COMPARISONS[op]} ${this.value(`${valueName}_${op}`, operand)})`);
      } else if (op in FUNCTIONS) {
        parts.push(`(${FUNCTIONS[op]}(${path},${this.value(`${valueName}_${op}`, operand)}))`);
      } else if (op === 'between') {
        if (!Array.isArray(operand) || operand.length < 2) throw new Unreadable();
        const start = this.value(`${valueName}_between_start`, operand[0]);
        const end = this.value(`${valueName}_between_end`, operand[1]);
        parts.push(`(${path} BETWEEN ${start} AND ${end})`);
      } else if (op === 'in') {
        if (!Array.isArray(operand)) throw new Unreadable();
        const names = operand.map((item, index) => this.value(`${valueName}_in_${index}`, item));
        // AppSync renders an empty list as "(null)"; kept so local output matches.
        parts.push(names.length === 0 ? '(null)' : `(${path} IN (${names.join(', ')}))`);
      } else if (op === 'attributeExists') {
        if (typeof operand !== 'boolean') throw new Unreadable();
        parts.push(`(${operand ? 'attribute_exists' : 'attribute_not_exists'}(${path}))`);
      } else if (op === 'attributeType') {
        const code = typeof operand === 'string' ? ATTRIBUTE_TYPES[operand] : undefined;
        if (!code) throw new Unreadable();
        this.values[`:${valueName}_attributeType`] = { S: code };
        parts.push(`(attribute_type(${path},:${valueName}_attributeType))`);
      } else if (op === 'size') {
        if (!isPlainObject(operand)) throw new Unreadable();
        const sizePath = path.startsWith('size(') ? path : `size(${path})`;
        parts.push(...this.operators(sizePath, `${valueName}_size`, operand));
      } else {
        throw new Unreadable();
      }
    }
    return parts;
  }
}

/** The parsed form; null when AppSync would answer null. */
export function buildDynamoDBExpression(filter: unknown): DynamoDBExpressionJson | null {
  const builder = new ExpressionBuilder();
  try {
    const expression = builder.group(filter, '');
    return { expression, expressionNames: builder.names, expressionValues: builder.values };
  } catch (error) {
    if (error instanceof Unreadable) return null;
    throw error;
  }
}

export function toDynamoDBFilterExpression(filter: unknown): string | null {
  const built = buildDynamoDBExpression(filter);
  return built === null ? null : JSON.stringify(built);
}

export const toDynamoDBConditionExpression = toDynamoDBFilterExpression;

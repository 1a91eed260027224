import { describe, expect, it } from 'vitest';
import { toDynamoDBConditionExpression, toDynamoDBFilterExpression } from '../../../local/appsync/util-transform.ts';

// Expected values: the example on "Transformation helpers in util.transform", and outputs of AppSync's own
// evaluator (EvaluateCode) for the same inputs.

const filter = (input: unknown) => JSON.parse(toDynamoDBFilterExpression(input) ?? 'null');
const condition = (input: unknown) => JSON.parse(toDynamoDBConditionExpression(input) ?? 'null');

describe('given the reference example of toDynamoDBFilterExpression', () => {
  it('when title contains "Hello World", then it renders contains(#title,...) with a typed value', () => {
    expect(filter({ title: { contains: 'Hello World' } })).toEqual({
      expression: '(contains(#title,:title_contains))',
      expressionNames: { '#title': 'title' },
      expressionValues: { ':title_contains': { S: 'Hello World' } },
    });
  });

  it('when called, then the result is a JSON string, not an object', () => {
    expect(toDynamoDBFilterExpression({ content: { contains: 'foo' } })).toBe(
      '{"expression":"(contains(#content,:content_contains))","expressionNames":{"#content":"content"},"expressionValues":{":content_contains":{"S":"foo"}}}',
    );
  });
});

describe('given comparison operators', () => {
  it.each([
    ['eq', '='],
    ['ne', '<>'],
    ['lt', '<'],
    ['le', '<='],
    ['gt', '>'],
    ['ge', '>='],
  ])('when the operator is %s, then it renders %s', (op, symbol) => {
    expect(filter({ v: { [op]: 'x' } })).toEqual({
      expression: `(#v ${symbol} :v_${op})`,
      expressionNames: { '#v': 'v' },
      expressionValues: { [`:v_${op}`]: { S: 'x' } },
    });
  });

  it('when operands are numbers, booleans, null, maps and lists, then they keep their DynamoDB types', () => {
    expect(filter({ v: { eq: 10 } }).expressionValues).toEqual({ ':v_eq': { N: 10 } });
    expect(filter({ v: { eq: 1.5 } }).expressionValues).toEqual({ ':v_eq': { N: 1.5 } });
    expect(filter({ v: { eq: true } }).expressionValues).toEqual({ ':v_eq': { BOOL: true } });
    expect(filter({ v: { eq: null } }).expressionValues).toEqual({ ':v_eq': { NULL: null } });
    expect(filter({ v: { eq: { a: 1 } } }).expressionValues).toEqual({ ':v_eq': { M: { a: { N: 1 } } } });
    expect(filter({ v: { eq: [1, 2] } }).expressionValues).toEqual({ ':v_eq': { L: [{ N: 1 }, { N: 2 }] } });
  });
});

describe('given function and range operators', () => {
  it('when notContains and beginsWith are used, then they render as DynamoDB functions without a space after the comma', () => {
    expect(filter({ v: { notContains: 'x' } }).expression).toBe('(NOT contains(#v,:v_notContains))');
    expect(filter({ v: { beginsWith: 'x' } }).expression).toBe('(begins_with(#v,:v_beginsWith))');
  });

  it('when between has bounds, then they are named _start and _end and extra bounds are ignored', () => {
    expect(filter({ v: { between: ['1', '9', '3'] } })).toEqual({
      expression: '(#v BETWEEN :v_between_start AND :v_between_end)',
      expressionNames: { '#v': 'v' },
      expressionValues: { ':v_between_start': { S: '1' }, ':v_between_end': { S: '9' } },
    });
  });

  it('when in lists values, then they are separated by a comma and a space', () => {
    expect(filter({ v: { in: ['a', 'b'] } })).toEqual({
      expression: '(#v IN (:v_in_0, :v_in_1))',
      expressionNames: { '#v': 'v' },
      expressionValues: { ':v_in_0': { S: 'a' }, ':v_in_1': { S: 'b' } },
    });
  });

  it('when attributeExists and attributeType are used, then they become attribute_exists/attribute_type', () => {
    expect(filter({ v: { attributeExists: true } }).expression).toBe('(attribute_exists(#v))');
    expect(filter({ v: { attributeExists: false } })).toEqual({
      expression: '(attribute_not_exists(#v))',
      expressionNames: { '#v': 'v' },
      expressionValues: {},
    });
    expect(filter({ a: { attributeType: '_null' }, b: { attributeType: 'stringSet' } })).toEqual({
      expression: '(attribute_type(#a,:a_attributeType)) AND (attribute_type(#b,:b_attributeType))',
      expressionNames: { '#a': 'a', '#b': 'b' },
      expressionValues: { ':a_attributeType': { S: 'NULL' }, ':b_attributeType': { S: 'SS' } },
    });
  });

  it('when size carries operators, then each compares size(#field)', () => {
    expect(filter({ v: { size: { gt: 2, lt: 5 } } })).toEqual({
      expression: '((size(#v) > :v_size_gt) AND (size(#v) < :v_size_lt))',
      expressionNames: { '#v': 'v' },
      expressionValues: { ':v_size_gt': { N: 2 }, ':v_size_lt': { N: 5 } },
    });
    expect(filter({ v: { size: { between: [1, 3] } } }).expression).toBe(
      '(size(#v) BETWEEN :v_size_between_start AND :v_size_between_end)',
    );
    expect(filter({ v: { size: { size: { gt: 1 } } } }).expression).toBe('(size(#v) > :v_size_size_gt)');
  });
});

describe('given grouping with and / or / not', () => {
  it('when two fields sit at the top level, then they are joined with AND without outer parentheses', () => {
    expect(filter({ a: { eq: 1 }, b: { eq: 2 } }).expression).toBe('(#a = :a_eq) AND (#b = :b_eq)');
  });

  it('when a field carries two operators, then they are wrapped together', () => {
    expect(filter({ v: { ge: 1, le: 5 } }).expression).toBe('((#v >= :v_ge) AND (#v <= :v_le))');
  });

  it('when an and has one member, then it is not wrapped; with two, it is', () => {
    expect(filter({ and: [{ a: { eq: 1 } }] }).expression).toBe('(#a = :and_0_a_eq)');
    expect(filter({ and: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }).expression).toBe('((#a = :and_0_a_eq) AND (#b = :and_1_b_eq))');
  });

  it('when groups nest, then value names carry every level of the nesting', () => {
    expect(filter({ or: [{ and: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }, { c: { eq: 3 } }] })).toEqual({
      expression: '(((#a = :or_0_and_0_a_eq) AND (#b = :or_0_and_1_b_eq)) OR (#c = :or_1_c_eq))',
      expressionNames: { '#a': 'a', '#b': 'b', '#c': 'c' },
      expressionValues: { ':or_0_and_0_a_eq': { N: 1 }, ':or_0_and_1_b_eq': { N: 2 }, ':or_1_c_eq': { N: 3 } },
    });
    expect(filter({ and: [{ or: [{ and: [{ a: { eq: 1 } }] }] }] }).expressionValues).toEqual({ ':and_0_or_0_and_0_a_eq': { N: 1 } });
  });

  it('when not is used, then it wraps its filter in (NOT ...) and prefixes values with not_', () => {
    expect(filter({ not: { a: { eq: 1 } } }).expression).toBe('(NOT (#a = :not_a_eq))');
    expect(filter({ not: { not: { a: { eq: 1 } } } }).expression).toBe('(NOT (NOT (#a = :not_not_a_eq)))');
    expect(filter({ and: [{ not: { a: { eq: 1 } } }, { b: { eq: 2 } }] }).expression).toBe(
      '((NOT (#a = :and_0_not_a_eq)) AND (#b = :and_1_b_eq))',
    );
  });

  it('when a field sits beside a group, then both are joined at the top level', () => {
    expect(filter({ a: { eq: 1 }, and: [{ b: { eq: 2 } }] }).expression).toBe('(#a = :a_eq) AND (#b = :and_0_b_eq)');
  });
});

describe('given filters that render no expression', () => {
  it('when the filter or a group is empty, then the expression is empty', () => {
    expect(filter({})).toEqual({ expression: '', expressionNames: {}, expressionValues: {} });
    expect(filter({ and: [] })).toEqual({ expression: '', expressionNames: {}, expressionValues: {} });
    expect(filter({ v: {} })).toEqual({ expression: '', expressionNames: { '#v': 'v' }, expressionValues: {} });
  });

  it('when an empty member is joined, then the joiner dangles as in AppSync', () => {
    expect(filter({ a: { eq: 1 }, b: {} }).expression).toBe('(#a = :a_eq) AND ');
    expect(filter({ and: [{ a: { eq: 1 } }, {}] }).expression).toBe('((#a = :and_0_a_eq) AND )');
    expect(filter({ not: {} }).expression).toBe('(NOT )');
    expect(filter({ v: { in: [] } }).expression).toBe('(null)');
  });
});

describe('given filters that cannot be read', () => {
  it.each([
    ['null', null],
    ['an array', []],
    ['a string', 'string'],
    ['an unknown operator', { v: { foo: 1 } }],
    ['a field holding a value', { v: 'x' }],
    ['a field nested in a field', { a: { b: { eq: 1 } } }],
    ['an and given a map', { and: { a: { eq: 1 } } }],
    ['an and given null', { and: null }],
    ['a group holding null', { and: [{ a: { eq: 1 } }, null] }],
    ['a not given a list', { not: [{ a: { eq: 1 } }] }],
    ['a range with one bound', { v: { between: [1] } }],
    ['a range that is not a list', { v: { between: 'x' } }],
    ['in given a non-list', { v: { in: 'x' } }],
    ['attributeExists given a string', { v: { attributeExists: 'yes' } }],
    ['attributeType given a type code', { v: { attributeType: 'S' } }],
    ['size given a value', { v: { size: 3 } }],
  ])('when it is %s, then the answer is null', (_name, input) => {
    expect(toDynamoDBFilterExpression(input)).toBeNull();
  });
});

describe('given toDynamoDBConditionExpression', () => {
  it('when given the condition guarding a create, then it renders like the filter', () => {
    expect(toDynamoDBConditionExpression({ and: [{ id: { attributeExists: false } }] })).toBe(
      '{"expression":"(attribute_not_exists(#id))","expressionNames":{"#id":"id"},"expressionValues":{}}',
    );
  });

  it('when given the condition guarding an update, then exists and version checks combine', () => {
    expect(condition({ and: [{ id: { attributeExists: true } }, { _version: { eq: 1 } }] })).toEqual({
      expression: '((attribute_exists(#id)) AND (#_version = :and_1__version_eq))',
      expressionNames: { '#id': 'id', '#_version': '_version' },
      expressionValues: { ':and_1__version_eq': { N: 1 } },
    });
  });

  it('when given a negated range, then it matches the filter rendering', () => {
    const input = { not: { id: { between: ['1', '9'] } } };
    expect(condition(input)).toEqual(filter(input));
    expect(condition(input).expression).toBe('(NOT (#id BETWEEN :not_id_between_start AND :not_id_between_end))');
  });
});

import { describe, expect, it } from 'vitest';
import { dynamodbUtils as ddb } from '../../../local/appsync/util-dynamodb.ts';

// Expected values: the examples of "DynamoDB helpers in util.dynamodb" (numbers stay JSON numbers).

describe('given util.dynamodb.toDynamoDB', () => {
  it('when given a string, number or boolean, then it answers the typed value', () => {
    expect(ddb.toDynamoDB('foo')).toEqual({ S: 'foo' });
    expect(ddb.toDynamoDB(12345)).toEqual({ N: 12345 });
    expect(ddb.toDynamoDB(true)).toEqual({ BOOL: true });
    expect(ddb.toDynamoDB(null)).toEqual({ NULL: null });
  });

  it('when given an object, then maps and lists nest (lists, never sets)', () => {
    expect(ddb.toDynamoDB({ foo: 'bar', baz: 1234, beep: ['boop'] })).toEqual({
      M: { foo: { S: 'bar' }, baz: { N: 1234 }, beep: { L: [{ S: 'boop' }] } },
    });
  });
});

describe('given the single-type converters', () => {
  it('when converting, then each answers its DynamoDB type as in the reference', () => {
    expect(ddb.toString('foo')).toEqual({ S: 'foo' });
    expect(ddb.toStringSet(['foo', 'bar', 'baz'])).toEqual({ SS: ['foo', 'bar', 'baz'] });
    expect(ddb.toNumber(12345)).toEqual({ N: 12345 });
    expect(ddb.toNumberSet([1, 23, 4.56])).toEqual({ NS: [1, 23, 4.56] });
    expect(ddb.toBinary('foo')).toEqual({ B: 'foo' });
    expect(ddb.toBinarySet(['foo', 'bar', 'baz'])).toEqual({ BS: ['foo', 'bar', 'baz'] });
    expect(ddb.toBoolean(true)).toEqual({ BOOL: true });
    expect(ddb.toNull()).toEqual({ NULL: null });
  });

  it('when given null, then the nullable converters answer null', () => {
    expect(ddb.toString(null)).toBeNull();
    expect(ddb.toNumber(undefined)).toBeNull();
  });

  it('when converting lists and maps, then members convert recursively', () => {
    expect(ddb.toList(['foo', 123, { bar: 'baz' }])).toEqual({ L: [{ S: 'foo' }, { N: 123 }, { M: { bar: { S: 'baz' } } }] });
    expect(ddb.toMap({ foo: 'bar', baz: 1234, beep: ['boop'] })).toEqual({
      M: { foo: { S: 'bar' }, baz: { N: 1234 }, beep: { L: [{ S: 'boop' }] } },
    });
  });
});

describe('given util.dynamodb.toMapValues', () => {
  it('when given the reference object, then it answers the contents of toMap(...).M', () => {
    const input = { foo: 'bar', baz: 1234, beep: ['boop'] };
    expect(ddb.toMapValues(input)).toEqual({ foo: { S: 'bar' }, baz: { N: 1234 }, beep: { L: [{ S: 'boop' }] } });
    expect(ddb.toMapValues(input)).toEqual(ddb.toMap(input)?.M);
  });

  it('when a value is undefined, then the attribute is left out', () => {
    expect(ddb.toMapValues({ a: 1, b: undefined })).toEqual({ a: { N: 1 } });
  });
});

describe('given S3 objects', () => {
  it('when converting key, bucket and region (and version), then a string holds the s3 JSON', () => {
    expect(ddb.toS3Object('foo', 'bar', 'baz')).toEqual({ S: '{"s3":{"key":"foo","bucket":"bar","region":"baz"}}' });
    expect(ddb.toS3Object('foo', 'bar', 'baz', 'beep')).toEqual({
      S: '{"s3":{"key":"foo","bucket":"bar","region":"baz","version":"beep"}}',
    });
  });

  it('when reading the string back, then fromS3ObjectJson answers key, bucket, region', () => {
    expect(ddb.fromS3ObjectJson('{"s3":{"key":"foo","bucket":"bar","region":"baz"}}')).toEqual({ key: 'foo', bucket: 'bar', region: 'baz' });
  });
});

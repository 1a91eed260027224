// Reference: "DynamoDB helpers in util.dynamodb"
// (https://docs.aws.amazon.com/appsync/latest/devguide/dynamodb-helpers-in-util-dynamodb-js.html).
// Numbers stay JSON numbers ({ "N": 1234 }, { "NS": [1, 23, 4.56] }) exactly as the reference examples show;
// the DynamoDB data source turns them into strings when it calls DynamoDB.

export type AttributeValueJson = Record<string, unknown>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function toDynamoDB(value: unknown): AttributeValueJson {
  if (value === null || value === undefined) return { NULL: null };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: value };
  if (typeof value === 'boolean') return { BOOL: value };
  if (Array.isArray(value)) return { L: value.map(toDynamoDB) };
  if (isPlainObject(value)) return { M: toMapValues(value) };
  return { S: String(value) };
}

export function toMapValues(value: unknown): Record<string, AttributeValueJson> {
  const out: Record<string, AttributeValueJson> = {};
  if (!isPlainObject(value)) return out;
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined) out[key] = toDynamoDB(item);
  }
  return out;
}

function nullable<T, R>(convert: (value: T) => R): (value: T | null | undefined) => R | null {
  return (value) => (value === null || value === undefined ? null : convert(value));
}

export function toStringSet(list: string[]): AttributeValueJson {
  return { SS: [...list] };
}

export function toNumberSet(list: number[]): AttributeValueJson {
  return { NS: [...list] };
}

export function toBinarySet(list: string[]): AttributeValueJson {
  return { BS: [...list] };
}

export interface S3ObjectRef {
  key: string;
  bucket: string;
  region: string;
  version?: string;
}

export const dynamodbUtils = {
  toDynamoDB,
  toString: nullable((value: string) => ({ S: value })),
  toStringSet: nullable(toStringSet),
  toNumber: nullable((value: number) => ({ N: value })),
  toNumberSet: nullable(toNumberSet),
  toBinary: nullable((value: string) => ({ B: value })),
  toBinarySet: nullable(toBinarySet),
  toBoolean: nullable((value: boolean) => ({ BOOL: value })),
  toNull: () => ({ NULL: null }),
  toList: nullable((value: unknown[]) => ({ L: value.map(toDynamoDB) })),
  toMap: nullable((value: Record<string, unknown>) => ({ M: toMapValues(value) })),
  toMapValues,
  toS3Object(key: string, bucket: string, region: string, version?: string): AttributeValueJson {
    const s3: S3ObjectRef = version === undefined ? { key, bucket, region } : { key, bucket, region, version };
    return { S: JSON.stringify({ s3 }) };
  },
  fromS3ObjectJson(s3ObjectString: string): S3ObjectRef {
    return (JSON.parse(s3ObjectString) as { s3: S3ObjectRef }).s3;
  },
};

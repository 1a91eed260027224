import type { AttributeValue } from '@aws-sdk/client-dynamodb';

// Conversions at the DynamoDB data source boundary. Requests carry AppSync's typed JSON, where numbers may be
// JSON numbers ({ "N": 1234 }) and binaries base64 strings; results go back as plain JSON the way AppSync
// converts them (Reference: "AWS AppSync JavaScript resolver function reference for DynamoDB", type system:
// numbers and number sets become JSON numbers, string sets lists, binaries base64 strings).

export type Item = Record<string, AttributeValue>;

function fail(value: unknown): never {
  throw new Error(`Invalid DynamoDB attribute value: ${JSON.stringify(value)}`);
}

/** AppSync typed JSON → SDK AttributeValue. */
export function toAttributeValue(value: unknown): AttributeValue {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(value);
  const [type, inner] = Object.entries(value as Record<string, unknown>)[0] ?? fail(value);
  switch (type) {
    case 'S':
      return { S: String(inner) };
    case 'N':
      return { N: String(inner) };
    case 'BOOL':
      return { BOOL: Boolean(inner) };
    case 'NULL':
      return { NULL: true };
    case 'B':
      return { B: Buffer.from(String(inner), 'base64') };
    case 'SS':
      return { SS: (inner as unknown[]).map(String) };
    case 'NS':
      return { NS: (inner as unknown[]).map(String) };
    case 'BS':
      return { BS: (inner as unknown[]).map((item) => Buffer.from(String(item), 'base64')) };
    case 'L':
      return { L: (inner as unknown[]).map(toAttributeValue) };
    case 'M':
      return { M: toItem(inner) };
    default:
      return fail(value);
  }
}

export function toItem(map: unknown): Item {
  const out: Item = {};
  if (map === null || map === undefined) return out;
  for (const [name, value] of Object.entries(map as Record<string, unknown>)) out[name] = toAttributeValue(value);
  return out;
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

/** SDK AttributeValue → plain JSON. */
export function fromAttributeValue(value: AttributeValue): unknown {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return Number(value.N);
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.NULL !== undefined) return null;
  if (value.B !== undefined) return toBase64(value.B);
  if (value.SS !== undefined) return [...value.SS];
  if (value.NS !== undefined) return value.NS.map(Number);
  if (value.BS !== undefined) return value.BS.map(toBase64);
  if (value.L !== undefined) return value.L.map(fromAttributeValue);
  if (value.M !== undefined) return fromItem(value.M);
  return null;
}

export function fromItem(item: Item | undefined): Record<string, unknown> | null {
  if (!item) return null;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) out[name] = fromAttributeValue(value);
  return out;
}

/** SDK AttributeValue → AppSync typed JSON (binaries as base64), so keys survive a JSON round trip. */
export function toTypedJson(item: Item): Record<string, unknown> {
  const convert = (value: AttributeValue): unknown => {
    if (value.B !== undefined) return { B: toBase64(value.B) };
    if (value.BS !== undefined) return { BS: value.BS.map(toBase64) };
    if (value.L !== undefined) return { L: value.L.map(convert) };
    if (value.M !== undefined) return { M: toTypedJson(value.M) };
    return value;
  };
  return Object.fromEntries(Object.entries(item).map(([name, value]) => [name, convert(value)]));
}

/** Canonical text of a key, to match BatchGetItem responses back to the requested keys. */
export function keyFingerprint(key: Record<string, unknown>, names: string[]): string {
  return JSON.stringify(names.map((name) => key[name] ?? null));
}

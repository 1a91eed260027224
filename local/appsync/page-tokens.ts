import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { toItem, toTypedJson, type Item } from './dynamodb-values.ts';

// AppSync's nextToken is opaque and checked: a token it did not issue, or one altered, is refused with
// "Invalid pagination token given." (DynamoDB:InvalidNextTokenException here, as raiseDataSourceError expects).
// Locally the LastEvaluatedKey is sealed with AES-256-GCM under a key made when the process starts, bound to the
// table and index it pages, so a token cannot be forged, edited, or replayed against another list; a restart of the
// local API makes earlier tokens invalid (AppSync's also expire).

const key = randomBytes(32);
const VERSION = 1;

function invalidToken(): Error {
  return Object.assign(new Error('Invalid pagination token given.'), { name: 'InvalidNextTokenException' });
}

/** What a token pages: the same table and index must present it back. */
function scopeOf(tableName: string, index: unknown): Buffer {
  return Buffer.from(`${tableName}\u0000${typeof index === 'string' ? index : ''}`);
}

export function sealNextToken(lastEvaluatedKey: Item | undefined, tableName: string, index: unknown): string | null {
  if (!lastEvaluatedKey) return null;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(scopeOf(tableName, index));
  const sealed = Buffer.concat([cipher.update(JSON.stringify(toTypedJson(lastEvaluatedKey)), 'utf8'), cipher.final()]);
  const token = Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
  return Buffer.from(JSON.stringify({ version: VERSION, token })).toString('base64');
}

export function openNextToken(token: unknown, tableName: string, index: unknown): Item | undefined {
  if (token === undefined || token === null) return undefined;
  try {
    const envelope = JSON.parse(Buffer.from(String(token), 'base64').toString('utf8')) as { version?: unknown; token?: unknown };
    if (envelope.version !== VERSION || typeof envelope.token !== 'string') throw invalidToken();
    const bytes = Buffer.from(envelope.token, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
    decipher.setAAD(scopeOf(tableName, index));
    decipher.setAuthTag(bytes.subarray(12, 28));
    const plain = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    return toItem(JSON.parse(plain));
  } catch {
    throw invalidToken();
  }
}

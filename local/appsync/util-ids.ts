import { randomBytes, randomUUID } from 'node:crypto';
import { monotonicFactory } from 'ulid';

// Reference: "Runtime utilities / util" (https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html):
// autoId = 128-bit random UUID, autoUlid = ULID, autoKsuid = KSUID base62-encoded as a 27-character string.

export function autoId(): string {
  return randomUUID();
}

// Monotonic, so two ids made in the same millisecond still sort in creation order.
const nextUlid = monotonicFactory();

export function autoUlid(): string {
  return nextUlid();
}

const KSUID_EPOCH_SECONDS = 1_400_000_000;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** KSUID: 4-byte timestamp (seconds since 2014-05-13) + 16 random bytes, base62, left-padded to 27 chars. */
export function autoKsuid(nowMs: number = Date.now()): string {
  const bytes = Buffer.alloc(20);
  bytes.writeUInt32BE(Math.floor(nowMs / 1000) - KSUID_EPOCH_SECONDS, 0);
  randomBytes(16).copy(bytes, 4);
  let value = BigInt(`0x${bytes.toString('hex')}`);
  let encoded = '';
  while (value > 0n) {
    encoded = BASE62[Number(value % 62n)] + encoded;
    value /= 62n;
  }
  return encoded.padStart(27, '0');
}

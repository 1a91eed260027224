// Deterministic new ids from old ones, so a rerun writes the same items and a crashed run resumes where it stopped.
import { createHash } from 'node:crypto';
import { encodeTime } from 'ulid';

const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** A ULID-shaped id: the old row's created_at as the time part, a hash of table and old id as the "random" part. */
export function legacyUlid(table: string, oldId: number | string, createdAt: Date): string {
  const bytes = digest(`${table}:${oldId}`);
  let random = '';
  for (let i = 0; i < 16; i += 1) random += crockford[(bytes[i] ?? 0) % 32];
  return encodeTime(Math.max(0, createdAt.getTime()), 10) + random;
}

/**
 * The user id old user rows are written under until their owner first signs in and the data is claimed for their
 * Cognito sub (docs/migration.md, "Users and passwords"). UUID-shaped like a sub, and never equal to one.
 */
export function legacyUserId(oldId: number): string {
  const hex = digest(`user:${oldId}`).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Naive UTC timestamps of the old database as ISO-8601. */
export const iso = (at: Date): string => at.toISOString();

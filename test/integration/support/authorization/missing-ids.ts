// "As if missing": the same call with every id in its variables swapped for a fresh id nobody has (ULIDs for API
// items, UUIDs for users), and a way to write the fresh ids back into its answer, so the answer for another
// applicant's item can be compared, byte for byte, with the answer for an item that does not exist.
import { randomUUID } from 'node:crypto';
import { ulid } from 'ulid';

const ulidPattern = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface MissingIds<V> {
  variables: V;
  /** The answer to the swapped call, with the original ids written back where the fresh ones appear. */
  restore<T>(answer: T): T;
  /** How many ids were swapped (0: the call names no item, so there is nothing to compare). */
  swapped: number;
}

export function withMissingIds<V>(variables: V): MissingIds<V> {
  const fresh = new Map<string, string>();
  const swap = (value: unknown): unknown => {
    if (typeof value === 'string' && (ulidPattern.test(value) || uuidPattern.test(value))) {
      if (!fresh.has(value)) fresh.set(value, ulidPattern.test(value) ? ulid() : randomUUID());
      return fresh.get(value);
    }
    if (Array.isArray(value)) return value.map(swap);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, swap(v)]));
    return value;
  };
  const swapped = swap(variables) as V;
  return {
    variables: swapped,
    swapped: fresh.size,
    restore<T>(answer: T): T {
      let text = JSON.stringify(answer);
      for (const [original, replacement] of fresh) text = text.split(replacement).join(original);
      return JSON.parse(text) as T;
    },
  };
}

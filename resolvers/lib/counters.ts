// Sharded dashboard counters (docs/data-model.md, "Dashboard counters"): a write adds to the shard of its applicant.
import { util } from '@aws-appsync/utils';
import { countersPartition, counterShardKey, type Key } from './keys.ts';
import { txUpdate, update } from './requests.ts';

const shardNumbers = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
export const counterShardCount = shardNumbers.length;

/** The dashboard counter of applicants in one status. */
export const applicantStatusCounter = (status: string): string => `applicants_${status}`;

const crockfordBase32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The shard of an id, from its last character (a ULID's end is random). APPSYNC_JS has no charCodeAt, so the character
 * is looked up in the ULID alphabet; anything outside it lands on the last shard.
 */
export function counterShardOf(id: string): number {
  return (crockfordBase32.indexOf(id.slice(-1).toUpperCase()) + crockfordBase32.length) % counterShardCount;
}

/** Every shard's key, for whoever recomputes the counters (migration, repair). */
export function counterShardKeys(): Key[] {
  const keys: Key[] = [];
  for (const shard of shardNumbers) keys.push(counterShardKey(shard));
  return keys;
}

export { countersPartition };

/**
 * Moves dashboard counters inside the transaction of the write that changes them (ADD creates missing counters),
 * on the shard of `shardId` (the applicant's id, or the task's when it has no applicant).
 */
export function countersUpdate(table: string, shardId: string, deltas: Record<string, number>) {
  return txUpdate(table, counterShardKey(counterShardOf(shardId)), update({ set: { updatedAt: util.time.nowISO8601() }, add: deltas }));
}

/** The figures summed over the shards read, and the latest updatedAt. */
export function sumCounterShards(shards: Record<string, unknown>[]): { totals: Record<string, number>; updatedAt: string | null } {
  const totals: Record<string, number> = {};
  let updatedAt: string | null = null;
  for (const shard of shards) {
    for (const name of Object.keys(shard)) {
      const value = shard[name];
      if (typeof value === 'number' && name !== 'shard') totals[name] = (totals[name] || 0) + value;
    }
    const at = shard.updatedAt;
    if (typeof at === 'string' && (updatedAt === null || at > updatedAt)) updatedAt = at;
  }
  return { totals, updatedAt };
}

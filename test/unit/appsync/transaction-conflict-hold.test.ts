import { describe, expect, it } from 'vitest';
import { createTransactionConflicts } from '../../../local/appsync/dynamodb-transact-ops.ts';

// The opt-in conflict simulation: a write holding an item cancels another that touches it while it runs.

const shard = (n: number) => JSON.stringify(['table', { pk: 'COUNTERS', sk: `DASHBOARD#${n}` }]);

/** Starts a write that holds `ids` until released, and the function that releases it. */
function heldWrite(conflicts: ReturnType<typeof createTransactionConflicts>, ids: string[]) {
  let release = () => {};
  const done = conflicts.hold(ids, () => new Promise<void>((resolve) => (release = resolve)));
  return { done, release: () => release() };
}

describe('transaction conflict simulation', () => {
  it('given a write holding one counter shard, when another shard is written meanwhile, then both succeed', async () => {
    const conflicts = createTransactionConflicts();
    const first = heldWrite(conflicts, [shard(1)]);
    await expect(conflicts.hold([shard(2)], async () => 'second')).resolves.toBe('second');
    first.release();
    await first.done;
  });

  it('given heldAs mapping every shard to one item, when another shard is written meanwhile, then it is cancelled with TransactionConflict', async () => {
    const one = JSON.stringify(['table', { pk: 'COUNTERS', sk: 'DASHBOARD' }]);
    const conflicts = createTransactionConflicts({ heldAs: (id) => (id.includes('DASHBOARD#') ? one : id) });
    const first = heldWrite(conflicts, [shard(1)]);
    const second = await conflicts.hold([shard(2)], async () => 'second').catch((error: { name: string; CancellationReasons: unknown }) => error);
    expect(second).toMatchObject({ name: 'TransactionCanceledException', CancellationReasons: [{ Code: 'TransactionConflict' }] });
    first.release();
    await first.done;
  });
});

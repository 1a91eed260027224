import type { RunningEmulator } from '../emulators/types.ts';

/** Starts the parts in parallel; when one fails, stops those that started, then fails with the first error. */
export async function startAll<T extends readonly unknown[]>(
  starts: { [K in keyof T]: Promise<T[K]> },
  stoppable: (value: unknown) => RunningEmulator | undefined,
): Promise<T> {
  const settled = await Promise.allSettled(starts);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await Promise.all(
      settled.map((s) => (s.status === 'fulfilled' ? stoppable(s.value)?.stop() : undefined)).filter(Boolean),
    );
    throw failed.reason;
  }
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/** Whatever was started and can be stopped (an emulator, the Stripe stand-in). */
export const isEmulator = (value: unknown): RunningEmulator | undefined =>
  value && typeof value === 'object' && 'stop' in value && 'endpoint' in value ? (value as RunningEmulator) : undefined;

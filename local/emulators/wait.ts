import { request } from 'node:http';

/** True once anything answers HTTP on the URL (any status): the server is accepting requests. */
export function answersHttp(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'GET', timeout: 1_000 }, (res) => {
      res.resume();
      resolve(true);
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(false));
    req.end();
  });
}

/**
 * Polls `probe` until it answers true. `failure` is checked between polls so a process that died while starting
 * ends the wait at once with its own error, instead of a timeout.
 */
export async function waitUntil(
  what: string,
  probe: () => Promise<boolean>,
  {
    timeoutMs = 30_000,
    intervalMs = 100,
    failure,
  }: { timeoutMs?: number; intervalMs?: number; failure?: () => Error | undefined } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const failed = failure?.();
    if (failed) throw failed;
    if (await probe()) return;
    const failedAfterProbe = failure?.();
    if (failedAfterProbe) throw failedAfterProbe;
    if (Date.now() > deadline) throw new Error(`${what} did not answer within ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

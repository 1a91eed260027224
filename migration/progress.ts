// The progress bar on stderr (cli-progress), silent when stderr is not a terminal or when asked.
import cliProgress from 'cli-progress';

export interface Progress {
  start(total: number, label: string): void;
  advance(n: number): void;
  stop(): void;
}

export function progressBar(enabled: boolean): Progress {
  if (!enabled || !process.stderr.isTTY) return { start() {}, advance() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { format: '{label} [{bar}] {value}/{total} items', stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  return {
    start: (total, label) => bar.start(total, 0, { label }),
    advance: (n) => bar.increment(n),
    stop: () => bar.stop(),
  };
}

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Suites share one set of emulators started by the global setup; files run in parallel on 2 cores.
    pool: 'forks',
  },
});

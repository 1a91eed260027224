import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // One in-memory local stack (DynamoDB Local, Cognito, S3, SES and the API) per run, on random ports, shared by
    // every file through inject('localStack') (test/setup/local-stack.ts). LOCAL_STACK=off skips it.
    globalSetup: ['test/setup/global-setup.ts'],
    pool: 'forks',
    // CI also writes a JSON report, from which .ci/run prints the plain "N passed, N failed" closing line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'build/test-report.json' }]] : ['default'],
    // One file at a time: integration suites assert deltas of the shared dashboard counters, which another file moving
    // the same counters at the same moment would disturb. (On a 2-core machine vitest uses one worker anyway.)
    fileParallelism: false,
  },
});

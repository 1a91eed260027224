import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // One in-memory local stack (DynamoDB Local, Cognito, S3, SES and the API) per run, on random ports, shared by
    // every file through inject('localStack') (test/setup/local-stack.ts). LOCAL_STACK=off skips it.
    globalSetup: ['test/setup/global-setup.ts'],
    // Files run in parallel on 2 cores.
    pool: 'forks',
  },
});

// Vitest global setup: ONE in-memory local stack per test run, on random ports (so it never collides with a running
// `npm start`), shared by every test file through `inject('localStack')` (see ./local-stack.ts).
// A stack that cannot start (no Java, say) does not fail the run: suites that need it fail with the reason, the
// others run as usual. LOCAL_STACK=off skips it for runs that need no emulators.
import type { TestProject } from 'vitest/node';
import type { LocalStack, LocalStackInfo } from '../../local/stack.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared local stack, or null when it did not start (see localStackError). */
    localStack: LocalStackInfo | null;
    localStackError: string | null;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let stack: LocalStack | undefined;
  if (process.env.LOCAL_STACK === 'off') {
    project.provide('localStack', null);
    project.provide('localStackError', 'the local stack is off for this run (LOCAL_STACK=off)');
  } else {
    try {
      const { startLocalStack, stackInfo } = await import('../../local/stack.ts');
      stack = await startLocalStack({
        inMemory: true,
        ports: { http: 0, https: 0, dynamodb: 0, cognito: 0, s3: 0, ses: 0, stripe: 0 },
        seed: true,
      });
      project.provide('localStack', stackInfo(stack));
      project.provide('localStackError', null);
    } catch (error) {
      project.provide('localStack', null);
      project.provide('localStackError', error instanceof Error ? error.message : String(error));
    }
  }
  return async () => {
    await stack?.stop();
  };
}

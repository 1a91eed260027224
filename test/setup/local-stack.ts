import { inject } from 'vitest';
import type { LocalStackInfo } from '../../local/stack.ts';

/** The run's shared local stack (test/setup/global-setup.ts); fails the calling suite when it did not start. */
export function localStack(): LocalStackInfo {
  const stack = inject('localStack');
  if (!stack) throw new Error(`The local stack is not available: ${inject('localStackError') ?? 'unknown reason'}`);
  return stack;
}

/** Static credentials and region for SDK clients aimed at the stack's emulators. */
export function awsClientConfig(endpoint: string) {
  const stack = localStack();
  return { endpoint, region: stack.region, credentials: { ...stack.credentials } };
}

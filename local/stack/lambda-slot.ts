import type { LocalLambdas } from './lambda-handlers.ts';

/**
 * Where the emulators find the Lambda handlers. They start before the handlers may be imported (a handler reads the
 * environment the stack sets later), so they look the handler up at each call: a trigger that fires before is refused,
 * and handlers put here later (a reload) are the ones called.
 */
export interface LambdaSlot {
  current?: LocalLambdas;
}

export const notLoaded = (): Promise<never> =>
  Promise.reject(new Error('The local Lambda handlers are still loading'));

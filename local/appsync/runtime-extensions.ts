import { toJsonValue } from './json.ts';
import { EarlyReturnSignal, UtilErrorSignal, type SkipTo } from './signals.ts';
import { currentState, type StateHolder } from './util.ts';

// Reference: "Runtime utilities" / runtime.earlyReturn
// (https://docs.aws.amazon.com/appsync/latest/devguide/runtime-utils-js.html): halts the current handler and
// returns `obj` as its result; where execution continues is decided by the runner (run-resolver.ts).
export function createRuntime() {
  return {
    earlyReturn(obj?: unknown, returnOptions?: { skipTo?: SkipTo }): never {
      throw new EarlyReturnSignal(toJsonValue(obj), returnOptions?.skipTo);
    },
  };
}

// Reference: "Extensions" (https://docs.aws.amazon.com/appsync/latest/devguide/extensions-js.html): each call is
// recorded into the evaluation so the subscription layer can act on it. evictFromApiCache is a no-op (no cache locally).
// At most 5 unique invalidateSubscriptions calls in one request; a sixth is a GraphQL error, as in AppSync.

export const maxInvalidationsPerRequest = 5;

export function createExtensions(holder: StateHolder) {
  return {
    setSubscriptionFilter(filter: unknown): void {
      currentState(holder).subscriptionFilter = toJsonValue(filter);
    },
    setSubscriptionInvalidationFilter(filter: unknown): void {
      currentState(holder).subscriptionInvalidationFilter = toJsonValue(filter);
    },
    invalidateSubscriptions(invalidation: unknown): void {
      const state = currentState(holder);
      const value = toJsonValue(invalidation);
      const text = JSON.stringify(value);
      if (state.invalidations.some((earlier) => JSON.stringify(earlier) === text)) return;
      if (state.invalidations.length >= maxInvalidationsPerRequest) {
        throw new UtilErrorSignal({
          message: `At most ${maxInvalidationsPerRequest} unique extensions.invalidateSubscriptions() calls are allowed in one request`,
          errorType: 'InvalidationLimitExceeded',
          data: null,
          errorInfo: null,
        });
      }
      state.invalidations.push(value);
    },
    evictFromApiCache(): void {},
  };
}

import type { AppSyncError } from './types.ts';

// `util.error`, `util.unauthorized` and `runtime.earlyReturn` stop a handler by throwing one of these.
// Resolver code cannot construct or catch them (APPSYNC_JS has no try/catch), so the runner can tell
// them apart from a genuine runtime error.

export class UtilErrorSignal {
  constructor(readonly error: AppSyncError) {}
}

export type SkipTo = 'END' | 'NEXT';

export class EarlyReturnSignal {
  constructor(
    readonly value: unknown,
    readonly skipTo: SkipTo | undefined,
  ) {}
}

/** The outcome of running one handler. */
export type HandlerOutcome =
  | { kind: 'return'; value: unknown }
  | { kind: 'earlyReturn'; value: unknown; skipTo: SkipTo | undefined }
  | { kind: 'error'; error: AppSyncError };

/** Errors thrown by the evaluated code itself (TypeError and the like), reported as AppSync reports code errors. */
export function runtimeErrorToAppSyncError(thrown: unknown): AppSyncError {
  const message =
    thrown !== null && typeof thrown === 'object' && typeof (thrown as { message?: unknown }).message === 'string'
      ? (thrown as { message: string }).message
      : String(thrown);
  return { message, errorType: 'Code', data: null, errorInfo: null };
}

export function toOutcome(run: () => unknown): HandlerOutcome {
  try {
    return { kind: 'return', value: run() };
  } catch (thrown) {
    if (thrown instanceof UtilErrorSignal) return { kind: 'error', error: thrown.error };
    if (thrown instanceof EarlyReturnSignal) return { kind: 'earlyReturn', value: thrown.value, skipTo: thrown.skipTo };
    return { kind: 'error', error: runtimeErrorToAppSyncError(thrown) };
  }
}

/**
 * A value built on first use and kept for the life of the container: SDK clients and secrets are created once per
 * cold start, not per invocation, and not at import time (the local runtime imports handlers before it sets the
 * environment they read).
 */
export function once<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => {
    built ??= { value: build() };
    return built.value;
  };
}

/** The same for a value built asynchronously; a failed build is not kept, so the next invocation tries again. */
export function onceAsync<T>(build: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= build().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

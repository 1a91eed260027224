// AppSync's limits on what the wiring table deploys (AppSync quotas and the CreateResolver / CreateFunction API
// reference). The build, synth, the local server and the local APPSYNC_JS runtime all read them from here.

/** At most this many functions in one pipeline resolver (and at least one). */
export const maxPipelineFunctions = 10;

/** Resolver and function `code` is at most this many characters. */
export const appSyncCodeLimit = 32_768;

/** Why AppSync would refuse `code` for its length, or null when it fits. */
export function codeLengthProblem(code: string): string | null {
  return code.length > appSyncCodeLimit
    ? `${code.length} characters; AppSync accepts at most ${appSyncCodeLimit}`
    : null;
}

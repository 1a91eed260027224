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

// The cost bound per request ("Configuring GraphQL run complexity, query depth, and introspection with AWS AppSync":
// https://docs.aws.amazon.com/appsync/latest/devguide/configuration-limits.html). CDK sets the first two on the API,
// the local server enforces all three. The client operations in schema/operations/ need depth 4 and at most one
// resolver per list item (101 for a page of 100); GraphiQL's introspection query needs depth 15.

/** AppSync `queryDepthLimit` (1–75): a field nested deeper than this is refused with QueryDepthLimitReached. */
export const queryDepthLimit = 20;

/** AppSync `resolverCountLimit` (1–10,000): resolver invocations past this in one request fail with ResolverExecutionLimitReached. */
export const resolverCountLimit = 1_000;

/**
 * Local server only (AppSync has no such setting): a document with more lexical tokens than this is refused before
 * it is parsed, so neither a 1,000-alias document nor a 5,000-level nesting is ever parsed, validated or run.
 * The largest client operation with its fragments has about 250 tokens, GraphiQL's introspection query 183.
 */
export const documentTokenLimit = 2_000;

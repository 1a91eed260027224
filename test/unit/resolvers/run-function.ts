import { createNoneDataSource, runResolver, type RunResolverResult } from '../../../local/appsync/index.ts';
import { type Caller, functionBundle, infoFor, tableName } from './evaluate-resolver.ts';

// Test support: runs one pipeline function's request handler through the local runtime, so a test sees the error
// type a handler raises (EvaluateCode reports only the message). The pipeline around it only passes values through.

const passThrough = 'export function request() { return {}; }\nexport function response(ctx) { return ctx.prev.result; }';

/** Runs `name` with this stash; the NONE data source hands its request back, and the function's response runs. */
export async function runFunction(name: string, caller: Caller | null, stash: Record<string, unknown>): Promise<RunResolverResult> {
  return runResolver({
    resolver: { kind: 'PIPELINE', code: passThrough, functions: [{ code: functionBundle(name), dataSource: 'none' }] },
    dataSources: { none: createNoneDataSource() },
    context: { identity: caller, stash, info: infoFor(name, 'Mutation'), env: { TABLE_NAME: tableName } },
  });
}

/** The errorType of the first error, or undefined. */
export const errorTypeOf = (run: RunResolverResult): string | null | undefined => run.errors[0]?.errorType;

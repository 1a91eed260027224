import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLSchema } from 'graphql';

const schemaDir = new URL('.', import.meta.url);

/** The schema exactly as AppSync receives it. */
export const schemaSdl = readFileSync(new URL('schema.graphql', schemaDir), 'utf8');

/** AppSync's built-in scalars and directives, declared for graphql-js. */
export const appSyncBuiltinsSdl = readFileSync(new URL('appsync-builtins.graphql', schemaDir), 'utf8');

let cached: GraphQLSchema | undefined;

/** The executable graphql-js schema: AppSync's built-ins plus ours. */
export function loadSchema(): GraphQLSchema {
  cached ??= buildSchema(`${appSyncBuiltinsSdl}\n${schemaSdl}`);
  return cached;
}

import { getNamedType, GraphQLError, isObjectType, type GraphQLSchema } from 'graphql';

// AppSync's GraphQL error entries: `{ path, data, errorType, errorInfo, locations, message }`, with locations as
// `{ line, column, sourceName: null }` (the shape AppSync responses carry, e.g. for util.error and for
// "Not Authorized to access <field> on type <Type>"; "AWS AppSync JavaScript resolver overview", util.error:
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-overview-js.html).

export interface AppSyncErrorEntry {
  path: readonly (string | number)[] | null;
  data: unknown;
  errorType: string | null;
  errorInfo: unknown;
  locations: { line: number; column: number; sourceName: null }[] | null;
  message: string;
}

/** An error a field produces, carried through graphql-js as the original error. */
export class AppSyncFieldError extends Error {
  constructor(
    message: string,
    readonly errorType: string | null,
    readonly data: unknown = null,
    readonly errorInfo: unknown = null,
  ) {
    super(message);
    this.name = 'AppSyncFieldError';
  }
}

const NON_NULL_PATTERN = /^Cannot return null for non-nullable field ([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)\.$/;

/** graphql-java's wording, which AppSync answers with: "Cannot return null for non-nullable type: 'ID' within parent 'Message' (/onMessage/id)". */
function nonNullMessage(schema: GraphQLSchema, error: GraphQLError): string | null {
  const match = NON_NULL_PATTERN.exec(error.message);
  if (!match) return null;
  const [, parentName = '', fieldName = ''] = match;
  const parent = schema.getType(parentName);
  const field = isObjectType(parent) ? parent.getFields()[fieldName] : undefined;
  if (!field) return null;
  const path = (error.path ?? []).join('/');
  return `Cannot return null for non-nullable type: '${getNamedType(field.type).name}' within parent '${parentName}' (/${path})`;
}

export function formatGraphQLError(schema: GraphQLSchema, error: GraphQLError): AppSyncErrorEntry {
  const locations = error.locations?.map(({ line, column }) => ({ line, column, sourceName: null })) ?? null;
  const path = error.path ?? null;
  const original = error.originalError;
  if (original instanceof AppSyncFieldError) {
    return { path, data: original.data, errorType: original.errorType, errorInfo: original.errorInfo, locations, message: original.message };
  }
  const nonNull = nonNullMessage(schema, error);
  if (nonNull) return { path, data: null, errorType: null, errorInfo: null, locations: null, message: nonNull };
  return { path, data: null, errorType: null, errorInfo: null, locations, message: error.message };
}

/** An error raised for a field, with the path and locations graphql-js knows there. */
export function fieldError(error: AppSyncFieldError, nodes: GraphQLError['nodes'], path: readonly (string | number)[]): GraphQLError {
  return new GraphQLError(error.message, { nodes, path, originalError: error });
}

import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FieldNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { documentTokenLimit, queryDepthLimit, resolverCountLimit } from '../../infra/wiring/limits.ts';
import { AppSyncFieldError } from './errors.ts';
import { fragmentsOf } from './fragments.ts';

// The cost bound of one request, with the values CDK deploys (infra/wiring/limits.ts): the document's size in tokens
// (checked while parsing), the depth of its fields (checked before it runs) and the resolvers it invokes (counted
// while it runs; "Configuring GraphQL run complexity, query depth, and introspection with AWS AppSync").

export interface RequestLimits {
  /** Fields may nest this deep (a root field is at depth 1); introspection fields count too. */
  queryDepth: number;
  /** Resolver invocations one request may make; the ones past it fail with ResolverExecutionLimitReached. */
  resolverCount: number;
  /** Lexical tokens a document may have; larger ones are refused before they are parsed. */
  documentTokens: number;
}

export const deployedRequestLimits: RequestLimits = {
  queryDepth: queryDepthLimit,
  resolverCount: resolverCountLimit,
  documentTokens: documentTokenLimit,
};

/** The error of a document graphql-js stopped parsing at `maxTokens`. */
export function tokenLimitError(limit: number): GraphQLError {
  const message = `The document has more than ${limit} tokens, the most this API parses`;
  return new GraphQLError(message, { originalError: new AppSyncFieldError(message, 'DocumentTokenLimitReached') });
}

/** graphql-js words it "Document contains more that <n> tokens. Parsing aborted." */
export function isTokenLimitError(error: unknown): boolean {
  return error instanceof GraphQLError && /^Syntax Error: Document contains more tha[nt] \d+ tokens/.test(error.message);
}

/**
 * One QueryDepthLimitReached error per field at depth `limit + 1` (what lies below it is never reached), with the
 * field's response path. Fragments are followed; validation has already refused fragment cycles.
 */
export function queryDepthErrors(document: DocumentNode, operation: OperationDefinitionNode, limit: number): GraphQLError[] {
  const fragments = fragmentsOf(document);
  const errors: GraphQLError[] = [];
  const message = `The query is nested deeper than ${limit} levels, the query depth limit of this API`;
  const visit = (selectionSet: SelectionSetNode, depth: number, path: string[]): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, depth, path);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet, depth, path);
      } else visitField(selection, depth + 1, path);
    }
  };
  const visitField = (field: FieldNode, depth: number, parentPath: string[]): void => {
    const path = [...parentPath, field.alias?.value ?? field.name.value];
    if (depth > limit) {
      errors.push(new GraphQLError(message, { nodes: field, path, originalError: new AppSyncFieldError(message, 'QueryDepthLimitReached') }));
      return;
    }
    if (field.selectionSet) visit(field.selectionSet, depth, path);
  };
  visit(operation.selectionSet, 0, []);
  return errors;
}

/** The error of a resolver invocation past the request's resolver count limit (the resolver does not run). */
export function resolverLimitError(limit: number): AppSyncFieldError {
  return new AppSyncFieldError(
    `The request invoked more than ${limit} resolvers, the resolver count limit of this API`,
    'ResolverExecutionLimitReached',
  );
}

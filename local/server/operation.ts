import {
  execute,
  getNamedType,
  getOperationAST,
  GraphQLError,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import type { Caller } from '../auth/index.ts';
import { formatGraphQLError, type AppSyncErrorEntry } from './errors.ts';
import { createFieldResolver, type ExecutionScope } from './field-resolver.ts';
import { fragmentsOf } from './fragments.ts';
import { toFieldNamedValue } from './mutation-payload.ts';
import { withGraphqlOperation } from './request-counter.ts';
import type { ApiRuntime } from './runtime.ts';

// Runs one query or mutation sent over HTTP, and says what it publishes to subscribers.

export interface OperationInput {
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  caller: Caller;
  headers: Record<string, string>;
  domainName: string | null;
}

export interface Publication {
  mutationField: string;
  payload: Record<string, unknown>;
}

export interface OperationOutcome {
  body: { data: unknown; errors?: AppSyncErrorEntry[] };
  publications: Publication[];
  invalidations: unknown[];
  responseHeaders: Record<string, string>;
}

function rootFields(operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>): FieldNode[] {
  const collect = (selections: OperationDefinitionNode['selectionSet']['selections']): FieldNode[] =>
    selections.flatMap((selection) => {
      if (selection.kind === Kind.FIELD) return [selection];
      if (selection.kind === Kind.INLINE_FRAGMENT) return collect(selection.selectionSet.selections);
      const fragment = fragments[selection.name.value];
      return fragment ? collect(fragment.selectionSet.selections) : [];
    });
  return collect(operation.selectionSet.selections);
}

/** The name requests are counted under: the operation name, else its root fields. */
export function operationLabel(operation: OperationDefinitionNode | null, fragments: Record<string, FragmentDefinitionNode>): string {
  if (!operation) return 'anonymous';
  if (operation.name) return operation.name.value;
  return `${operation.operation} { ${rootFields(operation, fragments).map((f) => f.name.value).join(' ')} }`;
}

export async function runOperation(runtime: ApiRuntime, input: OperationInput): Promise<OperationOutcome> {
  const { schema } = runtime;
  const operation = getOperationAST(input.document, input.operationName ?? undefined) ?? null;
  const fragments = fragmentsOf(input.document);
  if (operation?.operation === 'subscription') {
    const error = new GraphQLError(
      'Subscriptions are served over the real-time WebSocket endpoint (<endpoint>/realtime), not over HTTP POST',
      { nodes: operation },
    );
    const entry = { ...formatGraphQLError(schema, error), errorType: 'UnsupportedOperation' };
    return { body: { data: null, errors: [entry] }, publications: [], invalidations: [], responseHeaders: {} };
  }

  const scope: ExecutionScope = {
    caller: input.caller,
    headers: input.headers,
    domainName: input.domainName,
    extraErrors: [],
    invalidations: [],
    responseHeaders: {},
    resolverInvocations: 0,
  };
  const result = await withGraphqlOperation(operationLabel(operation, fragments), () =>
    execute({
      schema,
      document: input.document,
      operationName: input.operationName,
      variableValues: input.variables,
      contextValue: scope,
      fieldResolver: createFieldResolver(runtime),
    }),
  );
  const errors = [...(result.errors ?? []), ...scope.extraErrors].map((error) => formatGraphQLError(schema, error));
  const body = errors.length > 0 ? { data: result.data ?? null, errors } : { data: result.data ?? null };

  const publications: Publication[] = [];
  const mutationType = schema.getMutationType();
  if (operation?.operation === 'mutation' && mutationType && result.data) {
    for (const node of rootFields(operation, fragments)) {
      if (!runtime.subscriptionsByMutation.has(node.name.value)) continue;
      const value = result.data[node.alias?.value ?? node.name.value];
      const field = mutationType.getFields()[node.name.value];
      if (!field || value === null || value === undefined || typeof value !== 'object') continue;
      const payload = toFieldNamedValue(value, node.selectionSet, getNamedType(field.type), fragments);
      publications.push({ mutationField: node.name.value, payload: payload as Record<string, unknown> });
    }
  }
  return { body, publications, invalidations: scope.invalidations, responseHeaders: scope.responseHeaders };
}

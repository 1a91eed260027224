import {
  defaultFieldResolver,
  execute,
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Kind,
  type FieldNode,
  type GraphQLFieldResolver,
} from 'graphql';
import { unauthorizedMessage, type Caller } from '../../auth/index.ts';
import { AppSyncFieldError, formatGraphQLError } from '../errors.ts';
import { runWiredField } from '../field-resolver.ts';
import { fragmentsOf } from '../fragments.ts';
import { operationLabel } from '../operation.ts';
import { withGraphqlOperation } from '../request-counter.ts';
import type { ApiRuntime } from '../runtime.ts';
import { parseSubscriptionFilter, type SubscriptionFilter } from './filters.ts';
import type { ProtocolError } from './messages.ts';

// A `start` message: the subscription is parsed and validated against the schema, its field authorized for the caller
// with the schema's directives, and its resolver (if the wiring table attaches one) run once, as AppSync runs a
// subscription resolver when the client subscribes; the resolver may refuse (util.unauthorized()) or set enhanced and
// invalidation filters ("Defining enhanced subscriptions filters in AWS AppSync").

export interface StartedSubscription {
  fieldName: string;
  arguments: Record<string, unknown>;
  filter: SubscriptionFilter | null;
  invalidationFilter: SubscriptionFilter | null;
  /** Renders a published payload through the subscriber's selection set. */
  render(payload: Record<string, unknown>): Promise<{ data: unknown; errors?: unknown[] }>;
}

export type StartOutcome = { ok: true; subscription: StartedSubscription } | { ok: false; errors: ProtocolError[] };

function fail(errorType: string | null, message: string): StartOutcome {
  return { ok: false, errors: [{ errorType, message }] };
}

function graphqlFailure(runtime: ApiRuntime, errors: readonly GraphQLError[]): StartOutcome {
  return {
    ok: false,
    errors: errors.map((error) => {
      const { errorType, message } = formatGraphQLError(runtime.schema, error);
      return { errorType, message };
    }),
  };
}

function parseRequest(data: unknown): { query: string; variables: Record<string, unknown> } | null {
  if (typeof data !== 'string') return null;
  try {
    const parsed = JSON.parse(data) as { query?: unknown; variables?: unknown };
    if (typeof parsed.query !== 'string') return null;
    const variables = parsed.variables && typeof parsed.variables === 'object' ? (parsed.variables as Record<string, unknown>) : {};
    return { query: parsed.query, variables };
  } catch {
    return null;
  }
}

export async function startSubscription(
  runtime: ApiRuntime,
  data: unknown,
  caller: Caller,
  headers: Record<string, string>,
): Promise<StartOutcome> {
  const { schema, authorizer, registry } = runtime;
  const request = parseRequest(data);
  if (!request) return fail('BadRequestException', 'payload.data must be a JSON string of { "query": ..., "variables": ... }');

  const prepared = runtime.prepareDocument(request.query);
  if (!prepared.ok) return graphqlFailure(runtime, prepared.errors);
  const depthErrors = prepared.depthErrors(undefined);
  if (depthErrors.length > 0) return graphqlFailure(runtime, depthErrors);
  const { document } = prepared;
  const operation = getOperationAST(document);
  if (!operation || operation.operation !== 'subscription') {
    return fail('UnsupportedOperation', 'The real-time endpoint serves one subscription operation per start message');
  }
  const fragments = fragmentsOf(document);
  const subscriptionType = schema.getSubscriptionType();
  const fieldNode = operation.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD);
  const field = fieldNode && subscriptionType ? subscriptionType.getFields()[fieldNode.name.value] : undefined;
  if (!subscriptionType || !fieldNode || !field) return fail('UnsupportedOperation', 'The subscription must select one Subscription field directly');

  if (!authorizer.allows(subscriptionType.name, field.name, caller)) {
    return fail('Unauthorized', unauthorizedMessage(subscriptionType.name, field.name));
  }
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables);
  if (coerced.errors) return graphqlFailure(runtime, coerced.errors);
  const variableValues = coerced.coerced;
  let args: Record<string, unknown>;
  try {
    args = getArgumentValues(field, fieldNode, variableValues);
  } catch (error) {
    return graphqlFailure(runtime, [error as GraphQLError]);
  }

  let filter: SubscriptionFilter | null = null;
  let invalidationFilter: SubscriptionFilter | null = null;
  const wired = registry.get(subscriptionType.name, field.name);
  if (wired) {
    const info = { fieldName: field.name, parentType: subscriptionType, variableValues, fieldNodes: [fieldNode], returnType: field.type, fragments };
    let result;
    try {
      result = await withGraphqlOperation(operationLabel(operation, fragments), () =>
        runWiredField(runtime, wired, { args, source: null, scope: { caller, headers, domainName: null }, info }),
      );
    } catch (error) {
      const failure = error as AppSyncFieldError;
      return fail(failure.errorType ?? 'InternalFailure', failure.message);
    }
    if (result.errors.length > 0) {
      return { ok: false, errors: result.errors.map(({ errorType, message }) => ({ errorType, message })) };
    }
    for (const [name, value] of [
      ['filter', result.subscriptionFilter],
      ['invalidation filter', result.subscriptionInvalidationFilter],
    ] as const) {
      if (value === undefined || value === null) continue;
      const parsed = parseSubscriptionFilter(value);
      if ('error' in parsed) return fail('BadRequestException', `The subscription ${name} is invalid: ${parsed.error}`);
      if (name === 'filter') filter = parsed.filter;
      else invalidationFilter = parsed.filter;
    }
  }

  const rootName = field.name;
  const deliveryResolver: GraphQLFieldResolver<unknown, Caller> = (source, fieldArgs, subscriber, info) => {
    if (!authorizer.allows(info.parentType.name, info.fieldName, subscriber)) {
      throw new AppSyncFieldError(unauthorizedMessage(info.parentType.name, info.fieldName), 'Unauthorized');
    }
    return defaultFieldResolver(source, fieldArgs, subscriber, info);
  };
  return {
    ok: true,
    subscription: {
      fieldName: rootName,
      arguments: args,
      filter,
      invalidationFilter,
      async render(payload) {
        const result = await execute({
          schema,
          document,
          variableValues: request.variables,
          rootValue: { [rootName]: payload },
          contextValue: caller,
          fieldResolver: deliveryResolver,
        });
        const errors = result.errors?.map((error) => formatGraphQLError(schema, error));
        return errors && errors.length > 0 ? { data: result.data ?? null, errors } : { data: result.data ?? null };
      },
    },
  };
}

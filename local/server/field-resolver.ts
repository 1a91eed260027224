import { defaultFieldResolver, responsePathAsArray, type GraphQLError, type GraphQLFieldResolver, type GraphQLResolveInfo } from 'graphql';
import { ResolverCodeError, runResolver, type AppSyncError, type RunResolverResult } from '../appsync/index.ts';
import { authTypeName, unauthorizedMessage, type Caller } from '../auth/index.ts';
import { selectedErrorData } from './error-data.ts';
import { AppSyncFieldError, fieldError } from './errors.ts';
import { resolverLimitError } from './request-limits.ts';
import type { WiredField } from './resolver-registry.ts';
import type { ApiRuntime } from './runtime.ts';
import { selectionSetGraphQL, selectionSetList } from './selection-set.ts';

// Resolves one field the way AppSync does: the auth directives first (an unauthorized field is null with an
// "Unauthorized" error and the rest of the query still runs), then the attached resolver if the wiring table names
// one, else the property of the parent object with the field's name.

/** Per-operation state shared by all fields. */
export interface ExecutionScope {
  caller: Caller;
  /** ctx.request.headers: the request's headers, lower-case, without cookie. */
  headers: Record<string, string>;
  domainName: string | null;
  /** Errors resolvers appended (util.appendError) next to data they returned. */
  extraErrors: GraphQLError[];
  /** extensions.invalidateSubscriptions() calls made by mutation resolvers. */
  invalidations: unknown[];
  /** util.http.addResponseHeader(s) calls, for the HTTP response. */
  responseHeaders: Record<string, string>;
  /** Resolvers invoked so far in this request, against the resolver count limit. */
  resolverInvocations: number;
}

/** What a resolver's ctx.info is built from (a GraphQLResolveInfo, or its equivalent for a subscription start). */
export type FieldInfo = Pick<GraphQLResolveInfo, 'fieldName' | 'parentType' | 'variableValues' | 'fieldNodes' | 'returnType' | 'fragments'>;

function toFieldError(error: AppSyncError, info: FieldInfo): AppSyncFieldError {
  const data = selectedErrorData(error.data ?? null, info.fieldNodes, info.fragments);
  return new AppSyncFieldError(error.message, error.errorType, data, error.errorInfo ?? null);
}

/** Runs a wired field's resolver; code or configuration problems become a field error instead of a crash. */
export async function runWiredField(
  runtime: ApiRuntime,
  wired: WiredField,
  input: { args: Record<string, unknown>; source: unknown; scope: Pick<ExecutionScope, 'caller' | 'headers' | 'domainName'>; info: FieldInfo },
): Promise<RunResolverResult> {
  const { args, source, scope, info } = input;
  const field = `${wired.typeName}.${wired.fieldName}`;
  try {
    const result = await runResolver({
      resolver: wired.config(),
      dataSources: runtime.dataSources,
      context: {
        arguments: args,
        source: source ?? null,
        identity: scope.caller.identity,
        authType: authTypeName(scope.caller),
        request: { headers: scope.headers, domainName: scope.domainName },
        env: runtime.env,
        info: {
          fieldName: info.fieldName,
          parentTypeName: info.parentType.name,
          variables: info.variableValues,
          selectionSetList: selectionSetList(info),
          selectionSetGraphQL: selectionSetGraphQL(info),
        },
      },
    });
    if (result.logs.length > 0) runtime.onResolverLogs?.(field, result.logs);
    return result;
  } catch (error) {
    const codeErrors = error instanceof ResolverCodeError ? error.codeErrors.map((e) => ` ${e.value}`).join('') : '';
    const message = `${error instanceof Error ? error.message : String(error)}${codeErrors}`;
    const errorType = error instanceof ResolverCodeError ? 'Code' : 'InternalFailure';
    throw new AppSyncFieldError(`${field}: ${message}`, errorType);
  }
}

export function createFieldResolver(runtime: ApiRuntime): GraphQLFieldResolver<unknown, ExecutionScope> {
  const mutationTypeName = runtime.schema.getMutationType()?.name;

  return async (source, args, scope, info) => {
    const typeName = info.parentType.name;
    if (!runtime.authorizer.allows(typeName, info.fieldName, scope.caller)) {
      throw new AppSyncFieldError(unauthorizedMessage(typeName, info.fieldName), 'Unauthorized');
    }
    const wired = runtime.registry.get(typeName, info.fieldName);
    if (!wired) return defaultFieldResolver(source, args, scope, info);
    scope.resolverInvocations += 1;
    if (scope.resolverInvocations > runtime.limits.resolverCount) throw resolverLimitError(runtime.limits.resolverCount);

    const result = await runWiredField(runtime, wired, { args, source, scope, info });
    if (typeName === mutationTypeName && result.invalidation) scope.invalidations.push(...result.invalidation);
    if (result.responseHeaders) Object.assign(scope.responseHeaders, result.responseHeaders);
    const path = responsePathAsArray(info.path);
    const errors = result.errors.map((error) => toFieldError(error, info));
    const failed = result.data === null || result.data === undefined ? errors.pop() : undefined;
    scope.extraErrors.push(...errors.map((error) => fieldError(error, info.fieldNodes, path)));
    if (failed) throw failed;
    return result.data;
  };
}

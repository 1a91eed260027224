import { toJsonValue } from './json.ts';
import type { AuthTypeName, DataSourceError, ResolverInfo, ResolverRequestInfo } from './types.ts';

// The `ctx` handed to request/response handlers. Reference: "AWS AppSync JavaScript resolver context object
// reference" (https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html):
// arguments (alias args), identity, source, stash, prev.result, result, error, request, info, env.

export interface ResolverInvocationContext {
  arguments?: Record<string, unknown>;
  source?: unknown;
  identity?: unknown;
  request?: ResolverRequestInfo;
  info: ResolverInfo;
  stash?: Record<string, unknown>;
  env?: Record<string, string>;
  /** Overrides what util.authType() infers from `identity`. */
  authType?: AuthTypeName;
}

/** The parts of ctx that stay the same for every handler of one resolver run. */
export interface BaseContext {
  arguments: Record<string, unknown>;
  identity: unknown;
  source: unknown;
  request: { headers: Record<string, string>; domainName: string | null };
  info: Required<ResolverInfo>;
  env: Record<string, string>;
  stash: Record<string, unknown>;
}

export function toBaseContext(input: Partial<ResolverInvocationContext>): BaseContext {
  const info = input.info ?? { fieldName: '', parentTypeName: '' };
  return {
    arguments: (toJsonValue(input.arguments ?? {}) ?? {}) as Record<string, unknown>,
    identity: toJsonValue(input.identity),
    source: toJsonValue(input.source),
    request: { headers: { ...(input.request?.headers ?? {}) }, domainName: input.request?.domainName ?? null },
    info: {
      fieldName: info.fieldName,
      parentTypeName: info.parentTypeName,
      variables: info.variables ?? {},
      selectionSetList: info.selectionSetList ?? [],
      selectionSetGraphQL: info.selectionSetGraphQL ?? '',
    },
    env: { ...(input.env ?? {}) },
    stash: (toJsonValue(input.stash ?? {}) ?? {}) as Record<string, unknown>,
  };
}

export interface HandlerContextParts {
  prev?: { result?: unknown };
  result?: unknown;
  error?: DataSourceError;
}

export function handlerContext(base: BaseContext, parts: HandlerContextParts = {}): Record<string, unknown> {
  const ctx: Record<string, unknown> = {
    arguments: base.arguments,
    args: base.arguments,
    identity: base.identity,
    source: base.source,
    stash: base.stash,
    prev: parts.prev ?? {},
    request: base.request,
    info: base.info,
    env: base.env,
  };
  if ('result' in parts) ctx.result = parts.result;
  if (parts.error) ctx.error = { ...parts.error };
  return ctx;
}

/** util.authType() from the identity shape when the caller did not say. */
export function inferAuthType(identity: unknown): AuthTypeName {
  if (identity === null || typeof identity !== 'object') return 'API Key Authorization';
  const fields = identity as Record<string, unknown>;
  if ('resolverContext' in fields) return 'Lambda Authorization';
  if ('accountId' in fields || 'userArn' in fields) return 'IAM Authorization';
  if ('username' in fields || 'defaultAuthStrategy' in fields || 'groups' in fields) return 'User Pool Authorization';
  if (typeof fields.issuer === 'string' && fields.issuer.includes('cognito-idp.')) return 'User Pool Authorization';
  if ('claims' in fields) return 'Open ID Connect Authorization';
  return 'API Key Authorization';
}

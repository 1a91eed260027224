// Shared shapes of the local APPSYNC_JS runtime.

/** One entry of the GraphQL `errors` array a resolver produces. */
export interface AppSyncError {
  message: string;
  errorType: string | null;
  data: unknown;
  errorInfo: unknown;
}

/** `ctx.error` as a data source sets it (`{ message, type }`, type prefixed e.g. `DynamoDB:`). */
export interface DataSourceError {
  message: string;
  type: string;
}

export interface DataSourceResult {
  result: unknown;
  error?: DataSourceError;
}

/** What a data source may know about the call besides the request object. */
export interface DataSourceInvocation {
  identity?: unknown;
  arguments?: unknown;
  source?: unknown;
  info?: ResolverInfo;
}

export interface DataSource {
  invoke(request: unknown, invocation: DataSourceInvocation): Promise<DataSourceResult>;
}

export interface ResolverInfo {
  fieldName: string;
  parentTypeName: string;
  variables?: Record<string, unknown>;
  selectionSetList?: string[];
  selectionSetGraphQL?: string;
}

export interface ResolverRequestInfo {
  headers: Record<string, string>;
  domainName?: string | null;
}

/** The strings `util.authType()` answers. */
export type AuthTypeName =
  | 'API Key Authorization'
  | 'IAM Authorization'
  | 'User Pool Authorization'
  | 'Open ID Connect Authorization'
  | 'Lambda Authorization';

/** Everything one evaluation (one handler, or one whole resolver) records besides its return value. */
export interface EvaluationState {
  errors: AppSyncError[];
  logs: string[];
  authType: AuthTypeName;
  info?: ResolverInfo;
  subscriptionFilter?: unknown;
  subscriptionInvalidationFilter?: unknown;
  invalidations: unknown[];
  /** util.http.addResponseHeader(s): headers for the GraphQL HTTP response. */
  responseHeaders: Record<string, string>;
}

export function createEvaluationState(authType: AuthTypeName, info?: ResolverInfo): EvaluationState {
  return { errors: [], logs: [], authType, info, invalidations: [], responseHeaders: {} };
}

// Public API of the local APPSYNC_JS runtime.
export { loadResolverCode, ResolverCodeError } from './load-code.ts';
export type { CodeError, Handler, ResolverModule } from './load-code.ts';
export { runResolver } from './run-resolver.ts';
export type { FunctionConfig, ResolverConfig, RunResolverInput, RunResolverResult } from './run-resolver.ts';
export { evaluateCode } from './evaluate-code.ts';
export type { EvaluateCodeInput, EvaluateCodeOutput } from './evaluate-code.ts';
export { inferAuthType } from './context.ts';
export type { ResolverInvocationContext } from './context.ts';
export { createDynamoDbDataSource } from './dynamodb-datasource.ts';
export type { DynamoDbDataSourceOptions } from './dynamodb-datasource.ts';
export { createLambdaDataSource } from './lambda-datasource.ts';
export type { LambdaDataSourceOptions, LambdaHandler } from './lambda-datasource.ts';
export { createNoneDataSource } from './none-datasource.ts';
export { createUtil } from './util.ts';
export { createRuntime, createExtensions } from './runtime-extensions.ts';
export { dynamodbModule } from './dynamodb-helpers.ts';
export { toSubscriptionFilter } from './util-subscription-filter.ts';
export type { SubscriptionFilter, SubscriptionFilterEntry } from './util-subscription-filter.ts';
export { toDynamoDBConditionExpression, toDynamoDBFilterExpression } from './util-transform.ts';
export type {
  AppSyncError,
  AuthTypeName,
  DataSource,
  DataSourceError,
  DataSourceInvocation,
  DataSourceResult,
  EvaluationState,
  ResolverInfo,
  ResolverRequestInfo,
} from './types.ts';

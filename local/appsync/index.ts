// Public API of the local APPSYNC_JS runtime.
export { loadResolverCode, MAX_CODE_LENGTH, ResolverCodeError } from './load-code.js';
export type { CodeError, Handler, ResolverModule } from './load-code.js';
export { runResolver, MAX_PIPELINE_FUNCTIONS } from './run-resolver.js';
export type { FunctionConfig, ResolverConfig, RunResolverInput, RunResolverResult } from './run-resolver.js';
export { evaluateCode } from './evaluate-code.js';
export type { EvaluateCodeInput, EvaluateCodeOutput } from './evaluate-code.js';
export { inferAuthType } from './context.js';
export type { ResolverInvocationContext } from './context.js';
export { createDynamoDbDataSource } from './dynamodb-datasource.js';
export type { DynamoDbDataSourceOptions } from './dynamodb-datasource.js';
export { createLambdaDataSource } from './lambda-datasource.js';
export type { LambdaDataSourceOptions, LambdaHandler } from './lambda-datasource.js';
export { createNoneDataSource } from './none-datasource.js';
export { createUtil } from './util.js';
export { createRuntime, createExtensions } from './runtime-extensions.js';
export { dynamodbModule } from './dynamodb-helpers.js';
export { toSubscriptionFilter } from './util-subscription-filter.js';
export type { SubscriptionFilter, SubscriptionFilterEntry } from './util-subscription-filter.js';
export { toDynamoDBConditionExpression, toDynamoDBFilterExpression } from './util-transform.js';
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
} from './types.js';

// Errors a Lambda data source raises on purpose. AppSync hands a Lambda failure to the resolver as
// ctx.error = { message, type: 'Lambda:Unhandled' }, so the GraphQL error type travels at the front of the message,
// "[ValidationError] input.sizeBytes: ...", and resolvers/lib/lambda.ts turns it back into util.error(message, type).

export const apiErrorTypes = ['ValidationError', 'NotFound', 'ConflictError'] as const;
export type ApiErrorType = (typeof apiErrorTypes)[number];

export class ApiError extends Error {
  constructor(
    readonly type: ApiErrorType,
    readonly detail: string,
  ) {
    super(`[${type}] ${detail}`);
    this.name = type;
  }
}

/** Bad input: names the field and the rule. */
export function validationError(field: string, rule: string): ApiError {
  return new ApiError('ValidationError', `${field}: ${rule}`);
}

export function notFoundError(what: string): ApiError {
  return new ApiError('NotFound', `${what} not found`);
}

export function conflictError(detail: string): ApiError {
  return new ApiError('ConflictError', detail);
}

/** The name an AWS SDK v3 service exception carries (`UsernameExistsException`, ...), or undefined. */
export function awsErrorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

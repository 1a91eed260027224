import { util, type Context } from '@aws-appsync/utils';

/** Bad input: the message names the field and the rule, and nothing is written. */
export function invalid(field: string, rule: string): never {
  return util.error(`${field}: ${rule}`, 'ValidationError', null, { field, rule });
}

/** Not found, or not the caller's to see: the same answer, so existence is never revealed. */
export function notFound(what: string): never {
  return util.error(`${what} not found`, 'NotFound');
}

/** Someone else changed the item since the caller read it. */
export function conflict(what: string, expectedVersion: number): never {
  return util.error(
    `${what} was changed by someone else: expectedVersion ${expectedVersion} is not its current version; read it again`,
    'ConflictError',
    null,
    { expectedVersion },
  );
}

/**
 * Surfaces a data source error. A cancelled transaction whose condition failed means a concurrent change (the
 * resolver checked everything else before writing), so it is a conflict; anything else is passed on as it came.
 */
export function raiseIfDataSourceError(ctx: Context, what: string, expectedVersion: number): void {
  const error = ctx.error;
  if (!error) return;
  const reasons: { type?: string }[] = (ctx.result && ctx.result.cancellationReasons) || [];
  const conditionFailed =
    error.type === 'DynamoDB:ConditionalCheckFailedException' ||
    reasons.some((r) => r && r.type === 'ConditionalCheckFailed');
  if (conditionFailed) conflict(what, expectedVersion);
  util.error(error.message, error.type);
}

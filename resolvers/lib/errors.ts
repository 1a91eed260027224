import { util, type Context } from '@aws-appsync/utils';
import { conditionFailedAt } from './transactions.ts';

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
 * The one way a response handler surfaces ctx.error, so no data-source internals (DynamoDB exception names, endpoints,
 * addresses) ever reach a client:
 * - a write whose caller check failed (the caller was deactivated or lost the role their token claims): Unauthorized;
 * - a transaction cancelled because another request touched one of its items at the same moment: TransactionConflict,
 *   retryable (DynamoDB cancels concurrent transactions on one item rather than queueing them);
 * - a page token the data source refused: a ValidationError naming `nextToken`;
 * - anything else: logged (AppSync's field logs) and answered as ServiceUnavailable.
 * Conditions a handler expects (versions, statuses, referenced items) are checked by the handler before calling this.
 */
export function raiseDataSourceError(ctx: Context): void {
  raiseWriteRefusal(ctx);
  const error = ctx.error;
  if (!error) return;
  const type = error.type || '';
  const pageTokenGiven = !!(ctx.args && ctx.args.nextToken);
  if (type.indexOf('InvalidNextToken') >= 0 || (pageTokenGiven && type.indexOf('ValidationException') >= 0)) {
    invalid('nextToken', 'must be the nextToken of the previous page of this same list');
  }
  console.log(`Data source request failed: ${type}: ${error.message}`);
  util.error('The data store could not complete the request; try again later', 'ServiceUnavailable');
}

/**
 * Raised first by every write's response handler, before the handler reads its own conditions: the caller check
 * (resolvers/lib/caller-check.ts) and transaction conflicts outrank whatever else the cancellation reports.
 */
export function raiseWriteRefusal(ctx: Context): void {
  if (!ctx.error) return;
  const checkAt = ctx.stash.callerCheckAt;
  if (typeof checkAt === 'number' && conditionFailedAt(ctx, checkAt)) util.unauthorized();
  if (transactionConflicted(ctx)) {
    util.error(
      'Another request changed the same data at the same moment, so nothing was written; send the same request again',
      'TransactionConflict',
      null,
      { retryable: true },
    );
  }
}

/** DynamoDB's TransactionConflict cancellation, on any item of the transaction. */
export function transactionConflicted(ctx: Context): boolean {
  const reasons: { type?: string }[] = (ctx.result && ctx.result.cancellationReasons) || [];
  return reasons.some((r) => !!r && r.type === 'TransactionConflict');
}

/**
 * A write's error. A cancelled transaction whose condition failed means a concurrent change (the resolver checked
 * everything else before writing), so it is a conflict; anything else as raiseDataSourceError says.
 */
export function raiseIfDataSourceError(ctx: Context, what: string, expectedVersion: number): void {
  const error = ctx.error;
  if (!error) return;
  raiseWriteRefusal(ctx);
  const reasons: { type?: string }[] = (ctx.result && ctx.result.cancellationReasons) || [];
  const conditionFailed =
    error.type === 'DynamoDB:ConditionalCheckFailedException' ||
    reasons.some((r) => r && r.type === 'ConditionalCheckFailed');
  if (conditionFailed) conflict(what, expectedVersion);
  raiseDataSourceError(ctx);
}

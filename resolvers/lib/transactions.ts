import type { Context } from '@aws-appsync/utils';

/**
 * Whether the TransactWriteItems item at this position (request order) was cancelled because its condition failed.
 * Lets a resolver tell "the assignee does not exist" (a ConditionCheck) from a concurrent change of the item itself.
 */
export function conditionFailedAt(ctx: Context, index: number): boolean {
  if (!ctx.error) return false;
  const reasons: { type?: string }[] = (ctx.result && ctx.result.cancellationReasons) || [];
  const reason = reasons[index];
  return !!reason && reason.type === 'ConditionalCheckFailed';
}

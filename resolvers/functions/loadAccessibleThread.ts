// Pipeline function: reads the message thread of ctx.stash.applicantId and stops with NotFound unless the caller
// may see it. The thread item repeats its applicant's ownerId, so this one GetItem is the whole access check.
// Strongly consistent in markThreadRead (its answer is built from the thread read), eventual for reads.
import type { Context } from '@aws-appsync/utils';
import { canAccessApplicant } from '../lib/access.ts';
import { notFound, raiseDataSourceError } from '../lib/errors.ts';
import { threadKey } from '../lib/keys.ts';
import { getItem, readsStrongly } from '../lib/requests.ts';

export function request(ctx: Context) {
  return getItem(threadKey(ctx.stash.applicantId), readsStrongly(ctx));
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  if (!canAccessApplicant(ctx, ctx.result)) notFound('Applicant');
  ctx.stash.thread = ctx.result;
  return ctx.result;
}

// Pipeline function: reads the applicant named by ctx.stash.applicantId and stops the pipeline with NotFound
// unless the caller may act on it (its owner, staff or an admin). Leaves it in ctx.stash.applicant. Strongly
// consistent in a mutation (the write that follows relies on what it read), eventual in a query or subscription.
import type { Context } from '@aws-appsync/utils';
import { canAccessApplicant } from '../lib/access.ts';
import { notFound, raiseDataSourceError } from '../lib/errors.ts';
import { applicantKey } from '../lib/keys.ts';
import { getItem, readsStrongly } from '../lib/requests.ts';

export function request(ctx: Context) {
  return getItem(applicantKey(ctx.stash.applicantId), readsStrongly(ctx));
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  if (!canAccessApplicant(ctx, ctx.result)) notFound('Applicant');
  ctx.stash.applicant = ctx.result;
  return ctx.result;
}

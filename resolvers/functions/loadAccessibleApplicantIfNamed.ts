// Pipeline function: for lists whose applicantId is optional (listTasks, listPayments, onPaymentChanged). When
// ctx.stash.applicantId is set it does what loadAccessibleApplicant does (NotFound unless the caller is the owner,
// staff or an admin; the applicant in ctx.stash.applicant); when it is not set it reads nothing.
import { runtime, type Context } from '@aws-appsync/utils';
import { canAccessApplicant } from '../lib/access.ts';
import { notFound, raiseDataSourceError } from '../lib/errors.ts';
import { applicantKey } from '../lib/keys.ts';
import { getItem, readsStrongly } from '../lib/requests.ts';

export function request(ctx: Context) {
  if (!ctx.stash.applicantId) runtime.earlyReturn(null);
  return getItem(applicantKey(ctx.stash.applicantId), readsStrongly(ctx));
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  if (!canAccessApplicant(ctx, ctx.result)) notFound('Applicant');
  ctx.stash.applicant = ctx.result;
  return ctx.result;
}

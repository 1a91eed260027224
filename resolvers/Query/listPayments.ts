// Pipeline: loadAccessibleApplicantIfNamed → queryPayments. One applicant's payments for its owner, staff and
// admins; every payment, without applicantId, for admins only.
import type { Context } from '@aws-appsync/utils';
import { isAdmin } from '../lib/context.ts';
import { invalid } from '../lib/errors.ts';
import { pageLimit } from '../lib/paging.ts';

export function request(ctx: Context) {
  pageLimit(ctx.args.limit);
  if (!ctx.args.applicantId && !isAdmin(ctx)) invalid('applicantId', 'is required (only admins list every payment)');
  ctx.stash.applicantId = ctx.args.applicantId || null;
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}

// One applicant's payments for its owner, staff and admins; every payment, without applicantId, for admins only.
import type { Context } from '@aws-appsync/utils';
import { isAdmin } from '../lib/context.ts';
import { invalid } from '../lib/errors.ts';
import { pageLimit } from '../lib/paging.ts';
import { optionalUlid } from '../lib/validate.ts';

export function request(ctx: Context) {
  pageLimit(ctx.args.limit);
  if (!ctx.args.applicantId && !isAdmin(ctx)) invalid('applicantId', 'is required (only admins list every payment)');
  ctx.stash.applicantId = optionalUlid('applicantId', ctx.args.applicantId);
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}

// One applicant's eligibility checks, newest first.
import type { Context } from '@aws-appsync/utils';
import { applicantChildPrefix } from '../lib/keys.ts';
import { pageLimit } from '../lib/paging.ts';
import { ulid } from '../lib/validate.ts';

export function request(ctx: Context) {
  pageLimit(ctx.args.limit);
  ctx.stash.applicantId = ulid('applicantId', ctx.args.applicantId);
  ctx.stash.childPrefix = applicantChildPrefix.eligibility;
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}

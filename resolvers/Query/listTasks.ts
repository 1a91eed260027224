// With applicantId the caller must be able to see that applicant (NotFound otherwise, as for one that does not exist);
// see queryTasks for which key serves which filters.
import type { Context } from '@aws-appsync/utils';
import { pageLimit } from '../lib/paging.ts';
import { optionalUserId } from '../lib/users.ts';
import { optionalUlid } from '../lib/validate.ts';

export function request(ctx: Context) {
  pageLimit(ctx.args.limit);
  const applicantId = optionalUlid('applicantId', ctx.args.applicantId);
  const assigneeId = optionalUserId('assigneeId', ctx.args.assigneeId);
  const status = ctx.args.status;
  ctx.stash.applicantId = applicantId || null;
  ctx.stash.taskFilters = { applicantId: applicantId || null, assigneeId: assigneeId || null, status: status || null };
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}

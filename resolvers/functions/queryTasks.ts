// Pipeline function (listTasks, after loadAccessibleApplicantIfNamed): one Query on the most selective key given.
// By applicant: gsi1 (an assignee or status given too is a filter inside that applicant's few tasks); by assignee
// and status: gsi5; by assignee: gsi3 (TASK# items only); by status: gsi2. With no applicant and no assignee, or for
// an applicant without applicantId, the caller's own tasks (with a status: gsi5). Newest first (ULID ids).
// An applicant asking for someone else's tasks gets an empty page, as for an assignee with no tasks.
import { runtime, type Context } from '@aws-appsync/utils';
import { allOf, attributeIs } from '../lib/conditions.ts';
import { callerId, isTeam } from '../lib/context.ts';
import { assigneePrefix, gsi } from '../lib/keys.ts';
import { connection, pageLimit } from '../lib/paging.ts';
import { queryPage, type Expression } from '../lib/requests.ts';
import { raiseDataSourceError } from '../lib/errors.ts';

function filterOf(parts: Expression[]): Expression | undefined {
  return parts.length > 0 ? allOf(parts) : undefined;
}

export function request(ctx: Context) {
  const { applicantId, assigneeId, status } = ctx.stash.taskFilters;
  const caller = callerId(ctx);
  const page = { limit: pageLimit(ctx.args.limit), nextToken: ctx.args.nextToken };
  if (applicantId) {
    return queryPage({
      ...page,
      index: 'gsi1',
      partitionKey: 'gsi1pk',
      partitionValue: gsi.applicantTasks(applicantId),
      filter: filterOf([
        ...(assigneeId ? [attributeIs('assigneeId', assigneeId)] : []),
        ...(status ? [attributeIs('status', status)] : []),
      ]),
    });
  }
  const team = isTeam(ctx);
  if (!team && assigneeId && assigneeId !== caller) runtime.earlyReturn({ items: [], nextToken: null });
  if (team && status && !assigneeId) {
    return queryPage({ ...page, index: 'gsi2', partitionKey: 'gsi2pk', partitionValue: gsi.taskStatus(status) });
  }
  const assignee = assigneeId || caller;
  return queryPage({
    ...page,
    ...(status
      ? { index: 'gsi5', partitionKey: 'gsi5pk', partitionValue: gsi.assigneeStatus(assignee, status), sortKey: 'gsi5sk' }
      : { index: 'gsi3', partitionKey: 'gsi3pk', partitionValue: gsi.assignee(assignee), sortKey: 'gsi3sk' }),
    sortBeginsWith: assigneePrefix.task,
  });
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  return connection(ctx.result);
}

// Pipeline function (listTasks, after loadAccessibleApplicantIfNamed): one Query on the most selective key given,
// the other filters as a filter expression. By applicant: gsi1; by assignee: gsi3 (TASK# items only); by status:
// gsi2. With none, or for an applicant without applicantId, the caller's own tasks. Newest first (ULID ids).
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
  return queryPage({
    ...page,
    index: 'gsi3',
    partitionKey: 'gsi3pk',
    partitionValue: gsi.assignee(assigneeId || caller),
    sortKey: 'gsi3sk',
    sortBeginsWith: assigneePrefix.task,
    filter: filterOf(status ? [attributeIs('status', status)] : []),
  });
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  return connection(ctx.result);
}

// Pipeline function (listApplicants, before attachAssignedStaff). The staff queue (staff and admins, by the schema
// directive), newest first, one Query whatever the arguments:
// by assignee and status: gsi5 ASSIGNEE_STATUS#<id>#<status>; by assignee: gsi3 ASSIGNEE#<id> begins_with
// APPLICANT#; by status: gsi2 APPLICANT_STATUS#<status>; neither: gsi4 APPLICANTS. Never a filter, so a page is full
// whenever that many applicants match.
import type { Context } from '@aws-appsync/utils';
import { raiseDataSourceError } from '../lib/errors.ts';
import { assigneePrefix, gsi } from '../lib/keys.ts';
import { connection, pageLimit } from '../lib/paging.ts';
import { queryPage } from '../lib/requests.ts';
import { optionalUserId } from '../lib/users.ts';

export function request(ctx: Context) {
  const { status, nextToken } = ctx.args;
  const limit = pageLimit(ctx.args.limit);
  const assignedStaffId = optionalUserId('assignedStaffId', ctx.args.assignedStaffId);
  if (assignedStaffId) {
    return queryPage({
      ...(status
        ? { index: 'gsi5', partitionKey: 'gsi5pk', partitionValue: gsi.assigneeStatus(assignedStaffId, status), sortKey: 'gsi5sk' }
        : { index: 'gsi3', partitionKey: 'gsi3pk', partitionValue: gsi.assignee(assignedStaffId), sortKey: 'gsi3sk' }),
      sortBeginsWith: assigneePrefix.applicant,
      limit,
      nextToken,
    });
  }
  if (status) {
    return queryPage({ index: 'gsi2', partitionKey: 'gsi2pk', partitionValue: gsi.applicantStatus(status), limit, nextToken });
  }
  return queryPage({ index: 'gsi4', partitionKey: 'gsi4pk', partitionValue: gsi.allApplicants, limit, nextToken });
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  return connection(ctx.result);
}

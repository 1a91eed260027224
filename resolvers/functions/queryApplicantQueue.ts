// Pipeline function (listApplicants, before attachAssignedStaff). The staff queue (staff and admins, by the schema
// directive), newest first, one Query whatever the arguments:
// by assignee: gsi3 ASSIGNEE#<id> begins_with APPLICANT# (a status given too narrows it with a filter);
// by status: gsi2 APPLICANT_STATUS#<status>; neither: gsi4 APPLICANTS.
import type { Context } from '@aws-appsync/utils';
import { raiseDataSourceError } from '../lib/errors.ts';
import { assigneePrefix, gsi } from '../lib/keys.ts';
import { connection, pageLimit } from '../lib/paging.ts';
import { expression, queryPage } from '../lib/requests.ts';
import { optionalUserId } from '../lib/users.ts';

export function request(ctx: Context) {
  const { status, nextToken } = ctx.args;
  const limit = pageLimit(ctx.args.limit);
  const assignedStaffId = optionalUserId('assignedStaffId', ctx.args.assignedStaffId);
  if (assignedStaffId) {
    return queryPage({
      index: 'gsi3',
      partitionKey: 'gsi3pk',
      partitionValue: gsi.assignee(assignedStaffId),
      sortKey: 'gsi3sk',
      sortBeginsWith: assigneePrefix.applicant,
      limit,
      nextToken,
      ...(status ? { filter: expression('#status = :status', { '#status': 'status' }, { ':status': status }) } : {}),
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

// The assigned staff member's profile. In a list, the parent's pipeline (attachAssignedStaff) has already fetched
// the page's profiles in one BatchGetItem and left this one on the source: answered without a request. Otherwise
// (a single applicant, a mutation's result) one GetItem, or null without a request when nobody is assigned.
// The parent applicant was already authorized by the field that returned it.
import { runtime, type Context } from '@aws-appsync/utils';
import { userKey } from '../lib/keys.ts';
import { getItem } from '../lib/requests.ts';
import { raiseDataSourceError } from '../lib/errors.ts';

export function request(ctx: Context) {
  const source = ctx.source || {};
  if (source.assignedStaff !== undefined) runtime.earlyReturn(source.assignedStaff);
  const staffId = source.assignedStaffId;
  if (!staffId) runtime.earlyReturn(null);
  return getItem(userKey(staffId));
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  return ctx.result || null;
}

// Pipeline function: reads the profile of ctx.stash.assignment.staffId and refuses, naming the field, unless it is
// an active staff member or admin. Skipped when unassigning (staffId null).
import { runtime, type Context } from '@aws-appsync/utils';
import { invalid, raiseDataSourceError } from '../lib/errors.ts';
import { userKey } from '../lib/keys.ts';
import { getItem } from '../lib/requests.ts';
import { isAssignableProfile } from '../lib/users.ts';

export function request(ctx: Context) {
  const staffId = ctx.stash.assignment.staffId;
  if (!staffId) runtime.earlyReturn(null);
  return getItem(userKey(staffId), true);
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  if (!isAssignableProfile(ctx.result)) invalid('input.staffId', 'must be an active staff member or admin');
  ctx.stash.staffProfile = ctx.result;
  return ctx.result;
}

// Pipeline function (setUserRole, deactivateUser): the profile of the user an admin acts on, or NotFound.
import type { Context } from '@aws-appsync/utils';
import { notFound, raiseDataSourceError } from '../lib/errors.ts';
import { userKey } from '../lib/keys.ts';
import { getItem } from '../lib/requests.ts';

export function request(ctx: Context) {
  return getItem(userKey(ctx.stash.targetUserId), true);
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  if (!ctx.result) notFound('User');
  ctx.stash.targetUser = ctx.result;
  return ctx.result;
}

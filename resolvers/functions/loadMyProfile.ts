// Pipeline function: reads the caller's own profile (consistent read) into ctx.stash.profile, or NotFound. A caller
// deactivated or demoted since their token was issued is refused (lib/caller-check.ts); the write that follows is
// conditioned on the version read, which deactivateUser and setUserRole move.
import { util, type Context } from '@aws-appsync/utils';
import { callerProfileStands } from '../lib/caller-check.ts';
import { callerId } from '../lib/context.ts';
import { notFound, raiseDataSourceError } from '../lib/errors.ts';
import { userKey } from '../lib/keys.ts';
import { getItem } from '../lib/requests.ts';

export function request(ctx: Context) {
  return getItem(userKey(callerId(ctx)), true);
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  if (!ctx.result) notFound('Profile');
  if (!callerProfileStands(ctx, ctx.result)) util.unauthorized();
  ctx.stash.profile = ctx.result;
  return ctx.result;
}

// Pipeline function, first in the mutations that call Cognito administration (inviteStaff, setUserRole,
// deactivateUser): the caller's profile must still be active and in a role covering their token's groups before any
// Cognito call is made, since Cognito changes cannot be rolled back by a transaction (lib/caller-check.ts). One
// consistent GetItem; these admin mutations are rare, so the extra read is the cheapest sound check.
import { util, type Context } from '@aws-appsync/utils';
import { callerProfileStands } from '../lib/caller-check.ts';
import { callerId } from '../lib/context.ts';
import { raiseDataSourceError } from '../lib/errors.ts';
import { userKey } from '../lib/keys.ts';
import { getItem } from '../lib/requests.ts';

export function request(ctx: Context) {
  return getItem(userKey(callerId(ctx)), true);
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  if (!callerProfileStands(ctx, ctx.result)) util.unauthorized();
  return null;
}

// Pipeline (admins): loadTargetUser → callIdentityAdmin → writeUserRole. Moves the user to the role's Cognito group
// (new tokens carry it; tokens issued before keep the old groups until they expire) and updates the profile, whose
// team listing (gsi4 TEAM) follows the role. An admin cannot take their own admin role away.
import type { Context } from '@aws-appsync/utils';
import { callerId } from '../lib/context.ts';
import { invalid } from '../lib/errors.ts';
import { userId } from '../lib/users.ts';

export function request(ctx: Context) {
  const target = userId('userId', ctx.args.userId);
  const role = ctx.args.role;
  if (target === callerId(ctx) && role !== 'ADMIN') invalid('role', 'an admin cannot remove their own admin role; ask another admin');
  ctx.stash.targetUserId = target;
  ctx.stash.newRole = role;
  ctx.stash.identityCall = { field: 'setUserRole', userId: target, role };
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}

// Pipeline (admins): loadTargetUser → callIdentityAdmin → writeUserDeactivated. Disables the Cognito user and
// signs them out everywhere (refresh stops at once; access and ID tokens already issued work until they expire,
// 60 minutes by default: docs/runbook.md), then marks the profile inactive. Admins cannot deactivate themselves.
import type { Context } from '@aws-appsync/utils';
import { callerId } from '../lib/context.ts';
import { invalid } from '../lib/errors.ts';
import { userId } from '../lib/users.ts';

export function request(ctx: Context) {
  const target = userId('userId', ctx.args.userId);
  if (target === callerId(ctx)) invalid('userId', 'an admin cannot deactivate themselves; ask another admin');
  ctx.stash.targetUserId = target;
  ctx.stash.identityCall = { field: 'deactivateUser', userId: target };
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}

// The caller renames themself; email, role and active belong to Cognito and the admins.
import type { Context } from '@aws-appsync/utils';
import { maxFullNameLength } from '../lib/users.ts';
import { expectedVersion, text } from '../lib/validate.ts';

export function request(ctx: Context) {
  const input = ctx.args.input;
  ctx.stash.profileChanges = {
    set: { fullName: text('input.fullName', input.fullName, 1, maxFullNameLength) },
    action: 'PROFILE_UPDATED',
    details: { fields: ['fullName'] },
    expectedVersion: expectedVersion('input.expectedVersion', input.expectedVersion),
  };
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}

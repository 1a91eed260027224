// Staff and admins (schema directive) assign an applicant to a team member, or unassign it with staffId null.
import type { Context } from '@aws-appsync/utils';
import { optionalUserId } from '../lib/users.ts';
import { expectedVersion, ulid } from '../lib/validate.ts';

export function request(ctx: Context) {
  const input = ctx.args.input;
  ctx.stash.applicantId = ulid('input.id', input.id);
  ctx.stash.assignment = {
    staffId: optionalUserId('input.staffId', input.staffId),
    expectedVersion: expectedVersion('input.expectedVersion', input.expectedVersion),
  };
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}

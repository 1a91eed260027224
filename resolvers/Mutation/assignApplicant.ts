// Staff and admins (schema directive) assign an applicant to a team member, or unassign it with staffId null. The team
// member is not read first: the write's ConditionCheck on their profile refuses anyone but an active staff member or
// admin, naming input.staffId.
import type { Context } from '@aws-appsync/utils';
import { optionalUserId } from '../lib/users.ts';
import { expectedVersion, ulid } from '../lib/validate.ts';
import { requireSubscriptionFields, subscriptionFilterFields } from '../lib/subscription-fields.ts';

export function request(ctx: Context) {
  requireSubscriptionFields(ctx, subscriptionFilterFields.applicant);
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

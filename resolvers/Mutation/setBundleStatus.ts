// Staff and admins (schema directive) set the status of the applicant's document bundle.
import type { Context } from '@aws-appsync/utils';
import { expectedVersion, ulid } from '../lib/validate.ts';
import { requireSubscriptionFields, subscriptionFilterFields } from '../lib/subscription-fields.ts';

export function request(ctx: Context) {
  requireSubscriptionFields(ctx, subscriptionFilterFields.applicant);
  const input = ctx.args.input;
  ctx.stash.applicantId = ulid('input.applicantId', input.applicantId);
  ctx.stash.bundleChange = {
    status: input.status,
    expectedVersion: expectedVersion('input.expectedVersion', input.expectedVersion),
  };
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}

// The owner writes as the applicant side, staff and admins as staff.
import type { Context } from '@aws-appsync/utils';
import { maxMessageLength } from '../lib/messages.ts';
import { optionalText, text, ulid } from '../lib/validate.ts';
import { requireSubscriptionFields, subscriptionFilterFields } from '../lib/subscription-fields.ts';

export function request(ctx: Context) {
  requireSubscriptionFields(ctx, subscriptionFilterFields.message);
  const input = ctx.args.input;
  const applicantId = ulid('input.applicantId', input.applicantId);
  ctx.stash.applicantId = applicantId;
  ctx.stash.message = {
    applicantId,
    body: text('input.body', input.body, 1, maxMessageLength),
    recipientId: optionalText('input.recipientId', input.recipientId, 64),
  };
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}

// Staff and admins (schema directive) accept or reject a document; a rejection needs a reason the applicant can act on.
import type { Context } from '@aws-appsync/utils';
import { maxRejectionReasonLength } from '../lib/document-review.ts';
import { invalid } from '../lib/errors.ts';
import { expectedVersion, text, ulid } from '../lib/validate.ts';
import { requireSubscriptionFields, subscriptionFilterFields } from '../lib/subscription-fields.ts';

export function request(ctx: Context) {
  requireSubscriptionFields(ctx, subscriptionFilterFields.document);
  const input = ctx.args.input;
  const rejected = input.decision === 'REJECTED';
  if (!rejected && input.reason) invalid('input.reason', 'is given only when the decision is REJECTED');
  ctx.stash.applicantId = ulid('input.applicantId', input.applicantId);
  ctx.stash.documentId = ulid('input.documentId', input.documentId);
  ctx.stash.review = {
    decision: input.decision,
    reason: rejected ? text('input.reason', input.reason, 1, maxRejectionReasonLength) : null,
    expectedVersion: expectedVersion('input.expectedVersion', input.expectedVersion),
  };
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}

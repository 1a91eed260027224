// The owner while the document is not ACCEPTED; staff and admins always. Removes the item; the S3 object's removal
// belongs to the uploads Lambda (issue 5).
import type { Context } from '@aws-appsync/utils';
import { expectedVersion, ulid } from '../lib/validate.ts';
import { requireSubscriptionFields, subscriptionFilterFields } from '../lib/subscription-fields.ts';

export function request(ctx: Context) {
  requireSubscriptionFields(ctx, subscriptionFilterFields.document);
  ctx.stash.applicantId = ulid('applicantId', ctx.args.applicantId);
  ctx.stash.documentId = ulid('documentId', ctx.args.documentId);
  ctx.stash.expectedVersion = expectedVersion('expectedVersion', ctx.args.expectedVersion);
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}

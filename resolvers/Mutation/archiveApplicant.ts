// The owner or staff archive from any status but ARCHIVED; previousStatus keeps where it was, so staff can restore it
// (docs/pipeline.md).
import type { Context } from '@aws-appsync/utils';
import { expectedVersion, ulid } from '../lib/validate.ts';
import { requireSubscriptionFields, subscriptionFilterFields } from '../lib/subscription-fields.ts';

export function request(ctx: Context) {
  requireSubscriptionFields(ctx, subscriptionFilterFields.applicant);
  ctx.stash.applicantId = ulid('id', ctx.args.id);
  ctx.stash.statusMove = {
    via: 'archiveApplicant',
    to: 'ARCHIVED',
    expectedVersion: expectedVersion('expectedVersion', ctx.args.expectedVersion),
    note: null,
  };
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}

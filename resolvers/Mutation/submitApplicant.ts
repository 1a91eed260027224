// The owner submits a DRAFT: DOCUMENTS_SUBMITTED, and the bundle becomes SUBMITTED (docs/pipeline.md).
import type { Context } from '@aws-appsync/utils';
import { expectedVersion, ulid } from '../lib/validate.ts';
import { requireSubscriptionFields, subscriptionFilterFields } from '../lib/subscription-fields.ts';

export function request(ctx: Context) {
  requireSubscriptionFields(ctx, subscriptionFilterFields.applicant);
  ctx.stash.applicantId = ulid('id', ctx.args.id);
  ctx.stash.statusMove = {
    via: 'submitApplicant',
    to: 'DOCUMENTS_SUBMITTED',
    expectedVersion: expectedVersion('expectedVersion', ctx.args.expectedVersion),
    note: null,
  };
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}

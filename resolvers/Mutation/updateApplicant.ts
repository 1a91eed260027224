// Only the fields given change; the owner edits while DRAFT or DOCUMENTS_SUBMITTED, staff and admins in any status but
// ARCHIVED (docs/pipeline.md).
import type { Context } from '@aws-appsync/utils';
import { applicantFields } from '../lib/applicants.ts';
import { invalid } from '../lib/errors.ts';
import { expectedVersion, ulid } from '../lib/validate.ts';
import { requireSubscriptionFields, subscriptionFilterFields } from '../lib/subscription-fields.ts';

export function request(ctx: Context) {
  requireSubscriptionFields(ctx, subscriptionFilterFields.applicant);
  const input = ctx.args.input;
  ctx.stash.applicantId = ulid('input.id', input.id);
  const changes = applicantFields(input, 'input');
  if (Object.keys(changes).length === 0) invalid('input', 'give at least one field to change');
  ctx.stash.applicantChanges = {
    fields: changes,
    expectedVersion: expectedVersion('input.expectedVersion', input.expectedVersion),
  };
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}

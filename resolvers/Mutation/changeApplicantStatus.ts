// Staff and admins (schema directive) move an applicant one step forward, send it back one step, decide it, or restore
// it from ARCHIVED (docs/pipeline.md).
import type { Context } from '@aws-appsync/utils';
import { maxStatusNoteLength } from '../lib/applicants.ts';
import { expectedVersion, optionalText, ulid } from '../lib/validate.ts';
import { requireSubscriptionFields, subscriptionFilterFields } from '../lib/subscription-fields.ts';

export function request(ctx: Context) {
  requireSubscriptionFields(ctx, subscriptionFilterFields.applicant);
  const input = ctx.args.input;
  ctx.stash.applicantId = ulid('input.id', input.id);
  ctx.stash.statusMove = {
    via: 'changeApplicantStatus',
    to: input.status,
    expectedVersion: expectedVersion('input.expectedVersion', input.expectedVersion),
    note: optionalText('input.note', input.note, maxStatusNoteLength),
  };
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}

// The applicant's owner, staff or admins.
import type { Context } from '@aws-appsync/utils';
import { eligibilityLimits } from '../lib/eligibility.ts';
import { intRange, numberRange, optionalText, ulid } from '../lib/validate.ts';

export function request(ctx: Context) {
  const input = ctx.args.input;
  ctx.stash.applicantId = ulid('input.applicantId', input.applicantId);
  ctx.stash.eligibilityInput = {
    gpa: numberRange('input.gpa', input.gpa, 0, eligibilityLimits.gpaMax),
    toefl: intRange('input.toefl', input.toefl, 0, eligibilityLimits.toeflMax),
    notes: optionalText('input.notes', input.notes, eligibilityLimits.notesMax),
  };
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}

// Staff and admins (schema directive) review an applicant.
import type { Context } from '@aws-appsync/utils';
import { intRange, text, ulid } from '../lib/validate.ts';

const maxFeedbackLength = 5000;

export function request(ctx: Context) {
  const input = ctx.args.input;
  ctx.stash.applicantId = ulid('input.applicantId', input.applicantId);
  ctx.stash.review = {
    positive: input.positive,
    feedback: text('input.feedback', input.feedback, 1, maxFeedbackLength),
    scholarshipLikelihoodPercent: intRange('input.scholarshipLikelihoodPercent', input.scholarshipLikelihoodPercent, 0, 100),
  };
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}

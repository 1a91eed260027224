// Pipeline: loadAccessibleThread → writeMessage. The owner writes as the applicant side, staff and admins as staff.
import type { Context } from '@aws-appsync/utils';
import { maxMessageLength } from '../lib/messages.ts';
import { optionalText, text } from '../lib/validate.ts';

export function request(ctx: Context) {
  const input = ctx.args.input;
  ctx.stash.applicantId = input.applicantId;
  ctx.stash.message = {
    applicantId: input.applicantId,
    body: text('input.body', input.body, 1, maxMessageLength),
    recipientId: optionalText('input.recipientId', input.recipientId, 64),
  };
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}

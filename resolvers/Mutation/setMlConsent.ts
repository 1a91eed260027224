// The signed-in user records or revokes their consent for an applicant they may access, at the current consent version.
import type { Context } from '@aws-appsync/utils';
import { ulid } from '../lib/validate.ts';

export function request(ctx: Context) {
  ctx.stash.applicantId = ulid('input.applicantId', ctx.args.input.applicantId);
  ctx.stash.consentGiven = ctx.args.input.consentGiven;
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}

import type { Context } from '@aws-appsync/utils';
import { ulid } from '../lib/validate.ts';

export function request(ctx: Context) {
  ctx.stash.applicantId = ulid('applicantId', ctx.args.applicantId);
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}

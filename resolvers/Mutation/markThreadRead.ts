// Pipeline: loadAccessibleThread → resetUnreadCount.
import type { Context } from '@aws-appsync/utils';

export function request(ctx: Context) {
  ctx.stash.applicantId = ctx.args.applicantId;
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}

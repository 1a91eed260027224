import { util, type Context } from '@aws-appsync/utils';
import { callerId } from '../lib/context.ts';
import { userKey } from '../lib/keys.ts';
import { getItem } from '../lib/requests.ts';

export function request(ctx: Context) {
  return getItem(userKey(callerId(ctx)));
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return ctx.result;
}

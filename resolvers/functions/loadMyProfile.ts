// Pipeline function: reads the caller's own profile (consistent read) into ctx.stash.profile, or NotFound.
import { util, type Context } from '@aws-appsync/utils';
import { callerId } from '../lib/context.ts';
import { notFound } from '../lib/errors.ts';
import { userKey } from '../lib/keys.ts';
import { getItem } from '../lib/requests.ts';

export function request(ctx: Context) {
  return getItem(userKey(callerId(ctx)), true);
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  if (!ctx.result) notFound('Profile');
  ctx.stash.profile = ctx.result;
  return ctx.result;
}

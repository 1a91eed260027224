import type { Context } from '@aws-appsync/utils';
import { callerId } from '../lib/context.ts';
import { userKey } from '../lib/keys.ts';
import { getItem } from '../lib/requests.ts';
import { raiseDataSourceError } from '../lib/errors.ts';

export function request(ctx: Context) {
  return getItem(userKey(callerId(ctx)));
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  return ctx.result;
}

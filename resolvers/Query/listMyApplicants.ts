// One Query for the page, then at most one BatchGetItem for the assigned staff of the whole page (none when the client
// does not select assignedStaff).
import type { Context } from '@aws-appsync/utils';
import { pageLimit } from '../lib/paging.ts';

export function request(ctx: Context) {
  pageLimit(ctx.args.limit);
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}

// Staff and admins for assignment pickers: one Query of gsi4 TEAM, sorted by name (A to Z).
import type { Context } from '@aws-appsync/utils';
import { gsi } from '../lib/keys.ts';
import { connection, pageLimit } from '../lib/paging.ts';
import { queryPage } from '../lib/requests.ts';
import { raiseDataSourceError } from '../lib/errors.ts';

export function request(ctx: Context) {
  return queryPage({
    index: 'gsi4',
    partitionKey: 'gsi4pk',
    partitionValue: gsi.team,
    limit: pageLimit(ctx.args.limit),
    nextToken: ctx.args.nextToken,
    newestFirst: false,
  });
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  return connection(ctx.result);
}

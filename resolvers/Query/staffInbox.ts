// Threads with messages staff have not read (staff and admins, by the schema directive): one Query of gsi2
// INBOX#UNREAD, whose sort key starts with the last message time, so the most recent come first.
import type { Context } from '@aws-appsync/utils';
import { gsi } from '../lib/keys.ts';
import { connection, pageLimit } from '../lib/paging.ts';
import { queryPage } from '../lib/requests.ts';
import { raiseDataSourceError } from '../lib/errors.ts';

export function request(ctx: Context) {
  return queryPage({
    index: 'gsi2',
    partitionKey: 'gsi2pk',
    partitionValue: gsi.unreadInbox,
    limit: pageLimit(ctx.args.limit),
    nextToken: ctx.args.nextToken,
  });
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  return connection(ctx.result);
}

import type { Context } from '@aws-appsync/utils';
import { applicantChildPrefix, threadKey } from '../lib/keys.ts';
import { connection, pageLimit } from '../lib/paging.ts';
import { queryPage } from '../lib/requests.ts';
import { raiseDataSourceError } from '../lib/errors.ts';

export function request(ctx: Context) {
  return queryPage({
    partitionKey: 'pk',
    partitionValue: threadKey(ctx.stash.applicantId).pk,
    sortKey: 'sk',
    sortBeginsWith: applicantChildPrefix.message,
    limit: pageLimit(ctx.args.limit),
    nextToken: ctx.args.nextToken,
  });
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  return connection(ctx.result);
}

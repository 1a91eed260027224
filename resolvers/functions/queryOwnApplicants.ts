// Pipeline function (listMyApplicants, before attachAssignedStaff). The caller's own applicants: one Query of gsi1
// OWNER#<sub>, newest first (the sort key ends in the ULID).
import type { Context } from '@aws-appsync/utils';
import { raiseDataSourceError } from '../lib/errors.ts';
import { callerId } from '../lib/context.ts';
import { gsi } from '../lib/keys.ts';
import { connection, pageLimit } from '../lib/paging.ts';
import { queryPage } from '../lib/requests.ts';

export function request(ctx: Context) {
  return queryPage({
    index: 'gsi1',
    partitionKey: 'gsi1pk',
    partitionValue: gsi.owner(callerId(ctx)),
    limit: pageLimit(ctx.args.limit),
    nextToken: ctx.args.nextToken,
  });
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  return connection(ctx.result);
}

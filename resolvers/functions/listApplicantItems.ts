// Pipeline function: one page of the items under an applicant whose sort key starts with ctx.stash.childPrefix
// (documents, reviews, eligibility checks, payments), newest first (their ids are ULIDs), optionally narrowed by
// ctx.stash.childFilter. Runs after loadAccessibleApplicant, which has already checked the caller may see them.
import type { Context } from '@aws-appsync/utils';
import { applicantKey } from '../lib/keys.ts';
import { connection, pageLimit } from '../lib/paging.ts';
import { queryPage } from '../lib/requests.ts';
import { raiseDataSourceError } from '../lib/errors.ts';

export function request(ctx: Context) {
  return queryPage({
    partitionKey: 'pk',
    partitionValue: applicantKey(ctx.stash.applicantId).pk,
    sortKey: 'sk',
    sortBeginsWith: ctx.stash.childPrefix,
    limit: pageLimit(ctx.args.limit),
    nextToken: ctx.args.nextToken,
    filter: ctx.stash.childFilter || undefined,
  });
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  return connection(ctx.result);
}

// Pipeline function (listPayments, after loadAccessibleApplicantIfNamed): one applicant's payments (base table,
// PAYMENT# items), or, for admins without an applicantId (the resolver refuses anyone else), every payment (gsi4).
// Newest first (ULID ids).
import type { Context } from '@aws-appsync/utils';
import { applicantChildPrefix, applicantKey, gsi } from '../lib/keys.ts';
import { connection, pageLimit } from '../lib/paging.ts';
import { queryPage } from '../lib/requests.ts';
import { raiseDataSourceError } from '../lib/errors.ts';

export function request(ctx: Context) {
  const page = { limit: pageLimit(ctx.args.limit), nextToken: ctx.args.nextToken };
  const applicantId = ctx.stash.applicantId;
  if (applicantId) {
    return queryPage({
      ...page,
      partitionKey: 'pk',
      partitionValue: applicantKey(applicantId).pk,
      sortKey: 'sk',
      sortBeginsWith: applicantChildPrefix.payment,
    });
  }
  return queryPage({ ...page, index: 'gsi4', partitionKey: 'gsi4pk', partitionValue: gsi.allPayments });
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  return connection(ctx.result);
}

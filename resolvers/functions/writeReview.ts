// Pipeline function (postReview, after loadAccessibleApplicant): puts the review and its audit event in one
// TransactWriteItems. Leaves ctx.stash.notification for the "review posted" email (issue 5 appends the email function).
import { util, type Context } from '@aws-appsync/utils';
import { auditPut } from '../lib/audit.ts';
import { callerTransactWrite } from '../lib/caller-check.ts';
import { callerId, tableName } from '../lib/context.ts';
import { reviewKey } from '../lib/keys.ts';
import { txPut } from '../lib/requests.ts';
import { raiseDataSourceError } from '../lib/errors.ts';

export function request(ctx: Context) {
  const table = tableName(ctx);
  const applicant = ctx.stash.applicant;
  const { positive, feedback, scholarshipLikelihoodPercent } = ctx.stash.review;
  const id = util.autoUlid();
  const review = {
    type: 'REVIEW',
    id,
    applicantId: applicant.id,
    ownerId: applicant.ownerId,
    reviewerId: callerId(ctx),
    positive,
    feedback,
    scholarshipLikelihoodPercent,
    createdAt: util.time.nowISO8601(),
  };
  ctx.stash.posted = review;
  ctx.stash.notification = { topic: 'REVIEW_POSTED', recipientId: applicant.ownerId, applicantId: applicant.id, reviewId: id };
  return callerTransactWrite(ctx, table, [
    txPut(table, reviewKey(applicant.id, id), review),
    auditPut(ctx, table, {
      action: 'REVIEW_POSTED',
      resourceType: 'REVIEW',
      resourceId: id,
      details: { applicantId: applicant.id, positive, scholarshipLikelihoodPercent },
    }),
  ]);
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  return ctx.stash.posted;
}

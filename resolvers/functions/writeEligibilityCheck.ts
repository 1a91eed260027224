// Pipeline function (runEligibilityCheck, after loadAccessibleApplicant): assesses the input with the eligibility
// rules and stores the check, with who ran it, and its audit event in one TransactWriteItems.
import { util, type Context } from '@aws-appsync/utils';
import { auditPut } from '../lib/audit.ts';
import { callerTransactWrite } from '../lib/caller-check.ts';
import { callerId, tableName } from '../lib/context.ts';
import { assessEligibility } from '../lib/eligibility.ts';
import { eligibilityKey } from '../lib/keys.ts';
import { txPut } from '../lib/requests.ts';
import { raiseDataSourceError } from '../lib/errors.ts';

export function request(ctx: Context) {
  const table = tableName(ctx);
  const applicant = ctx.stash.applicant;
  const { gpa, toefl, notes } = ctx.stash.eligibilityInput;
  const { eligible, recommendations } = assessEligibility(gpa, toefl);
  const id = util.autoUlid();
  const check = {
    type: 'ELIGIBILITY_CHECK',
    id,
    applicantId: applicant.id,
    ownerId: applicant.ownerId,
    gpa,
    toefl,
    notes,
    eligible,
    recommendations,
    ranBy: callerId(ctx),
    createdAt: util.time.nowISO8601(),
  };
  ctx.stash.check = check;
  return callerTransactWrite(ctx, table, [
    txPut(table, eligibilityKey(applicant.id, id), check),
    auditPut(ctx, table, {
      action: 'ELIGIBILITY_CHECKED',
      resourceType: 'ELIGIBILITY_CHECK',
      resourceId: id,
      details: { applicantId: applicant.id, gpa, toefl, eligible },
    }),
  ]);
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  return ctx.stash.check;
}

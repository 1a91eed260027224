// Pipeline function after loadAccessibleApplicant: ONE TransactWriteItems with the applicant update (the bundle's
// status and updatedAt, version + 1) conditioned on the version and status read, and the audit event. Staff may
// set any status but the one the bundle has (docs/pipeline.md: the bundle is staff's call).
import { util, type Context } from '@aws-appsync/utils';
import { afterWrite, applicantUpdate, bundleWithStatus, requireVersion, type StoredApplicant } from '../lib/applicants.ts';
import { auditPut } from '../lib/audit.ts';
import { callerTransactWrite } from '../lib/caller-check.ts';
import { tableName } from '../lib/context.ts';
import { invalid, raiseIfDataSourceError } from '../lib/errors.ts';
import {  } from '../lib/requests.ts';

export function request(ctx: Context) {
  const applicant: StoredApplicant = ctx.stash.applicant;
  const { status, expectedVersion } = ctx.stash.bundleChange;
  requireVersion(applicant, expectedVersion);
  const from = applicant.bundle.status;
  if (status === from) invalid('input.status', `the bundle is already ${from}`);
  const table = tableName(ctx);
  const now = util.time.nowISO8601();
  const set = { bundle: bundleWithStatus(applicant, status, now) };
  ctx.stash.updatedApplicant = afterWrite(applicant, set, now);
  return callerTransactWrite(ctx, table, [
    applicantUpdate(table, applicant, set, now),
    auditPut(ctx, table, {
      action: 'BUNDLE_STATUS_SET',
      resourceType: 'APPLICANT',
      resourceId: applicant.id,
      details: { from, to: status },
    }),
  ]);
}

export function response(ctx: Context) {
  raiseIfDataSourceError(ctx, 'Applicant', ctx.stash.bundleChange.expectedVersion);
  return ctx.stash.updatedApplicant;
}

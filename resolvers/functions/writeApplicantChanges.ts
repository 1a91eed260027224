// Pipeline function after loadAccessibleApplicant: applies ctx.stash.applicantChanges in ONE TransactWriteItems:
// the applicant update (only the given fields, version + 1) conditioned on the version and status read, the
// thread's applicantName when a name changes (the staff inbox shows it), and the audit event.
import { util, type Context } from '@aws-appsync/utils';
import {
  afterWrite,
  applicantName,
  applicantUpdate,
  editRefusal,
  notEditable,
  requireVersion,
  type StoredApplicant,
} from '../lib/applicants.ts';
import { auditPut } from '../lib/audit.ts';
import { callerTransactWrite } from '../lib/caller-check.ts';
import { isTeam, tableName } from '../lib/context.ts';
import { raiseIfDataSourceError } from '../lib/errors.ts';
import { threadKey } from '../lib/keys.ts';
import { itemExists, txUpdate, update, type TransactItem } from '../lib/requests.ts';

export function request(ctx: Context) {
  const applicant: StoredApplicant = ctx.stash.applicant;
  const { fields, expectedVersion } = ctx.stash.applicantChanges;
  requireVersion(applicant, expectedVersion);
  const refusal = editRefusal(applicant.status, isTeam(ctx));
  if (refusal) notEditable(refusal, applicant.status);

  const table = tableName(ctx);
  const now = util.time.nowISO8601();
  const updated = afterWrite(applicant, fields, now);
  ctx.stash.updatedApplicant = updated;
  const items: TransactItem[] = [applicantUpdate(table, applicant, fields, now)];
  const name = applicantName(updated);
  if (name !== applicantName(applicant)) {
    items.push(txUpdate(table, threadKey(applicant.id), update({ set: { applicantName: name, updatedAt: now }, add: { version: 1 } }), itemExists));
  }
  items.push(
    auditPut(ctx, table, {
      action: 'APPLICANT_UPDATED',
      resourceType: 'APPLICANT',
      resourceId: applicant.id,
      details: { fields: Object.keys(fields) },
    }),
  );
  return callerTransactWrite(ctx, table, items);
}

export function response(ctx: Context) {
  raiseIfDataSourceError(ctx, 'Applicant', ctx.stash.applicantChanges.expectedVersion);
  return ctx.stash.updatedApplicant;
}

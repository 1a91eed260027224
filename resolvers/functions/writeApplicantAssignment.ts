// Pipeline function after loadAccessibleApplicant: ONE TransactWriteItems with the
// applicant update (assignedStaffId and its gsi3 assignee and gsi5 assignee-status keys set, or removed when unassigning; version + 1)
// conditioned on the version and status read, a ConditionCheck that the staff profile still has a team role and
// is active (the only check of the assignee: no read before, and a role change racing this write cancels it), and the audit event.
import { util, type Context } from '@aws-appsync/utils';
import { afterWrite, applicantUpdate, requireVersion, type StoredApplicant } from '../lib/applicants.ts';
import { auditPut } from '../lib/audit.ts';
import { callerTransactWrite } from '../lib/caller-check.ts';
import { tableName } from '../lib/context.ts';
import { invalid, raiseIfDataSourceError, raiseWriteRefusal } from '../lib/errors.ts';
import { assigneePrefix, assigneeStatusKeys, gsi, userKey } from '../lib/keys.ts';
import { txConditionCheck, type TransactItem } from '../lib/requests.ts';
import { conditionFailedAt } from '../lib/transactions.ts';
import { assignableProfile } from '../lib/users.ts';

export function request(ctx: Context) {
  const applicant: StoredApplicant = ctx.stash.applicant;
  const { staffId, expectedVersion } = ctx.stash.assignment;
  requireVersion(applicant, expectedVersion);
  const current = applicant.assignedStaffId || null;
  if (staffId === current) {
    invalid('input.staffId', staffId ? 'the applicant is already assigned to this staff member' : 'the applicant is not assigned');
  }
  const table = tableName(ctx);
  const now = util.time.nowISO8601();
  const set = {
    assignedStaffId: staffId,
    gsi3pk: staffId ? gsi.assignee(staffId) : null,
    gsi3sk: staffId ? `${assigneePrefix.applicant}${applicant.id}` : null,
    ...assigneeStatusKeys('applicant', applicant.id, staffId, applicant.status),
  };
  ctx.stash.updatedApplicant = afterWrite(applicant, set, now);
  const items: TransactItem[] = [applicantUpdate(table, applicant, set, now)];
  if (staffId) items.push(txConditionCheck(table, userKey(staffId), assignableProfile));
  items.push(
    auditPut(ctx, table, {
      action: staffId ? 'APPLICANT_ASSIGNED' : 'APPLICANT_UNASSIGNED',
      resourceType: 'APPLICANT',
      resourceId: applicant.id,
      details: { from: current, to: staffId },
    }),
  );
  return callerTransactWrite(ctx, table, items);
}

export function response(ctx: Context) {
  raiseWriteRefusal(ctx);
  // Transaction items in order: the applicant, then the staff check. The applicant unchanged but the check failed
  // means the staff member lost their team role or was deactivated meanwhile.
  if (!conditionFailedAt(ctx, 0) && conditionFailedAt(ctx, 1)) invalid('input.staffId', 'must be an active staff member or admin');
  raiseIfDataSourceError(ctx, 'Applicant', ctx.stash.assignment.expectedVersion);
  return ctx.stash.updatedApplicant;
}

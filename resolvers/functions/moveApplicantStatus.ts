// Pipeline function after loadAccessibleApplicant: checks the move in ctx.stash.statusMove against the pipeline
// (lib/pipeline.ts, docs/pipeline.md), then ONE TransactWriteItems: the applicant update (status, who and when,
// version + 1, its gsi2 queue key and, when assigned, its gsi5 assignee-status key, the bundle or previousStatus where the move changes them) conditioned on the
// version AND the status read, the counters (old −1, new +1) and the audit event.
// When someone other than the owner moves it, it leaves ctx.stash.notification for the status-change email.
import { util, type Context } from '@aws-appsync/utils';
import { afterWrite, applicantUpdate, bundleWithStatus, requireVersion, type StoredApplicant } from '../lib/applicants.ts';
import { auditPut } from '../lib/audit.ts';
import { callerTransactWrite } from '../lib/caller-check.ts';
import { callerId, isTeam, tableName } from '../lib/context.ts';
import { applicantStatusCounter, countersUpdate } from '../lib/counters.ts';
import { raiseIfDataSourceError } from '../lib/errors.ts';
import { assigneeStatusKeys, gsi } from '../lib/keys.ts';
import { findTransition, transitionRefusal, type ApplicantStatus, type StatusMutation } from '../lib/pipeline.ts';

type Requested = { via: StatusMutation; to: ApplicantStatus; expectedVersion: number; note: string | null };

export function request(ctx: Context) {
  const applicant: StoredApplicant = ctx.stash.applicant;
  const requested: Requested = ctx.stash.statusMove;
  requireVersion(applicant, requested.expectedVersion);
  const actor = callerId(ctx);
  const from = applicant.status as ApplicantStatus;
  const to = requested.to;
  const move = {
    via: requested.via,
    from,
    to,
    previousStatus: (applicant.previousStatus as ApplicantStatus | null | undefined) || null,
    callerIsOwner: applicant.ownerId === actor,
    callerIsTeam: isTeam(ctx),
  };
  const refusal = transitionRefusal(move);
  const rule = findTransition(move);
  if (refusal || !rule) return util.error(refusal || `${from} → ${to}`, 'TransitionNotAllowed', null, { from, to });

  const table = tableName(ctx);
  const now = util.time.nowISO8601();
  const set: Record<string, unknown> = {
    status: to,
    statusChangedAt: now,
    statusChangedBy: actor,
    gsi2pk: gsi.applicantStatus(to),
    ...(applicant.assignedStaffId ? assigneeStatusKeys('applicant', applicant.id, applicant.assignedStaffId, to) : {}),
  };
  // previousStatus exists only while ARCHIVED: set on archive, removed on restore.
  if (to === 'ARCHIVED') set.previousStatus = from;
  if (from === 'ARCHIVED') set.previousStatus = null;
  if (rule.bundleStatus) set.bundle = bundleWithStatus(applicant, rule.bundleStatus, now);

  ctx.stash.updatedApplicant = afterWrite(applicant, set, now);
  // The status-change email's seam (issue 5 appends sendNotification): the owner hears of moves others make.
  if (applicant.ownerId !== actor) {
    ctx.stash.notification = {
      topic: 'STATUS_CHANGED',
      recipientId: applicant.ownerId,
      applicantId: applicant.id,
      status: to,
      previousStatus: from,
      ...(requested.note ? { note: requested.note } : {}),
    };
  }
  return callerTransactWrite(ctx, table, [
    applicantUpdate(table, applicant, set, now),
    countersUpdate(table, applicant.id, { [applicantStatusCounter(from)]: -1, [applicantStatusCounter(to)]: 1 }),
    auditPut(ctx, table, {
      action: rule.action,
      resourceType: 'APPLICANT',
      resourceId: applicant.id,
      details: { from, to, via: requested.via, ...(requested.note ? { note: requested.note } : {}) },
    }),
  ]);
}

export function response(ctx: Context) {
  raiseIfDataSourceError(ctx, 'Applicant', ctx.stash.statusMove.expectedVersion);
  return ctx.stash.updatedApplicant;
}

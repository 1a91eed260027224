// Pipeline function (createTask): one TransactWriteItems puts the task in PENDING, checks that the assignee is an
// existing, active user and, when given, that the applicant exists (ConditionChecks), adds it to pendingTasks and
// writes the audit event. A failed check names its field; nothing is written. A task for someone other than its
// creator leaves ctx.stash.notification for the "task assigned" email (issue 5 appends the email function).
import { util, type Context } from '@aws-appsync/utils';
import { auditPut } from '../lib/audit.ts';
import { callerTransactWrite } from '../lib/caller-check.ts';
import { activeUserProfile } from '../lib/conditions.ts';
import { callerId, tableName } from '../lib/context.ts';
import { countersUpdate } from '../lib/counters.ts';
import { invalid, raiseDataSourceError, raiseWriteRefusal } from '../lib/errors.ts';
import { applicantKey, taskKey, userKey } from '../lib/keys.ts';
import { itemExists, txConditionCheck, txPut, type TransactItem } from '../lib/requests.ts';
import { pendingTasksDelta, taskIndexKeys } from '../lib/tasks.ts';
import { conditionFailedAt } from '../lib/transactions.ts';

export function request(ctx: Context) {
  const table = tableName(ctx);
  const { applicantId, assigneeId, title, description, dueAt } = ctx.stash.newTask;
  const creator = callerId(ctx);
  const id = util.autoUlid();
  const now = util.time.nowISO8601();
  const task = {
    type: 'TASK',
    id,
    ...(applicantId ? { applicantId } : {}),
    assigneeId,
    title,
    ...(description ? { description } : {}),
    status: 'PENDING',
    ...(dueAt ? { dueAt } : {}),
    createdBy: creator,
    createdAt: now,
    updatedAt: now,
    version: 1,
    ...taskIndexKeys({ id, applicantId, assigneeId, status: 'PENDING' }),
  };
  ctx.stash.task = task;
  if (assigneeId !== creator) {
    ctx.stash.notification = { topic: 'TASK_ASSIGNED', recipientId: assigneeId, applicantId, taskId: id, title, dueAt };
  }
  const items: TransactItem[] = [txPut(table, taskKey(id), task), txConditionCheck(table, userKey(assigneeId), activeUserProfile())];
  if (applicantId) items.push(txConditionCheck(table, applicantKey(applicantId), itemExists));
  items.push(countersUpdate(table, applicantId || id, { pendingTasks: pendingTasksDelta(null, 'PENDING') }));
  items.push(
    auditPut(ctx, table, {
      action: 'TASK_CREATED',
      resourceType: 'TASK',
      resourceId: id,
      details: { applicantId, assigneeId, title, dueAt },
    }),
  );
  return callerTransactWrite(ctx, table, items);
}

export function response(ctx: Context) {
  raiseWriteRefusal(ctx);
  if (conditionFailedAt(ctx, 1)) invalid('input.assigneeId', 'must be an existing, active user');
  if (ctx.stash.task.applicantId && conditionFailedAt(ctx, 2)) invalid('input.applicantId', 'must be an existing applicant');
  raiseDataSourceError(ctx);
  return ctx.stash.task;
}

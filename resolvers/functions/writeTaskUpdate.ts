// Pipeline function (updateTask, after loadAccessibleTask): changes only the fields given. A new assignee must be an
// existing, active user (a ConditionCheck on their profile) and moves the task's gsi3 and gsi5 keys with it. One
// TransactWriteItems: the update conditioned on the version read, the assignee check, the audit event. A new assignee
// other than the caller leaves ctx.stash.notification for the "task assigned" email (issue 5 appends the email function).
import { util, type Context } from '@aws-appsync/utils';
import { auditPut } from '../lib/audit.ts';
import { callerTransactWrite } from '../lib/caller-check.ts';
import { activeUserProfile } from '../lib/conditions.ts';
import { callerId, tableName } from '../lib/context.ts';
import { conflict, invalid, raiseIfDataSourceError, raiseWriteRefusal } from '../lib/errors.ts';
import { taskKey, userKey } from '../lib/keys.ts';
import { txConditionCheck, txUpdate, update, versionIs, type TransactItem } from '../lib/requests.ts';
import { taskIndexKeys } from '../lib/tasks.ts';
import { conditionFailedAt } from '../lib/transactions.ts';

export function request(ctx: Context) {
  const table = tableName(ctx);
  const task = ctx.stash.task;
  const { changes, expectedVersion } = ctx.stash.taskUpdate;
  if (task.version !== expectedVersion) conflict('Task', expectedVersion);
  const newAssigneeId: string | null = changes.assigneeId && changes.assigneeId !== task.assigneeId ? changes.assigneeId : null;
  const moved = newAssigneeId ? taskIndexKeys({ ...task, assigneeId: newAssigneeId }) : null;
  const set = {
    ...changes,
    ...(moved ? { gsi3pk: moved.gsi3pk, gsi3sk: moved.gsi3sk, gsi5pk: moved.gsi5pk, gsi5sk: moved.gsi5sk } : {}),
    updatedAt: util.time.nowISO8601(),
  };
  ctx.stash.assigneeMoved = !!newAssigneeId;
  if (newAssigneeId && newAssigneeId !== callerId(ctx)) {
    const after = { ...task, ...changes };
    ctx.stash.notification = {
      topic: 'TASK_ASSIGNED',
      recipientId: newAssigneeId,
      applicantId: task.applicantId || null,
      taskId: task.id,
      title: after.title,
      dueAt: after.dueAt || null,
    };
  }
  ctx.stash.updatedTask = { ...task, ...set, version: task.version + 1 };
  const items: TransactItem[] = [txUpdate(table, taskKey(task.id), update({ set, add: { version: 1 } }), versionIs(expectedVersion))];
  if (newAssigneeId) items.push(txConditionCheck(table, userKey(newAssigneeId), activeUserProfile()));
  items.push(
    auditPut(ctx, table, {
      action: 'TASK_UPDATED',
      resourceType: 'TASK',
      resourceId: task.id,
      details: {
        fields: Object.keys(changes),
        ...(newAssigneeId ? { previousAssigneeId: task.assigneeId, assigneeId: newAssigneeId } : {}),
      },
    }),
  );
  return callerTransactWrite(ctx, table, items);
}

export function response(ctx: Context) {
  raiseWriteRefusal(ctx);
  if (ctx.stash.assigneeMoved && conditionFailedAt(ctx, 1)) invalid('input.assigneeId', 'must be an existing, active user');
  raiseIfDataSourceError(ctx, 'Task', ctx.stash.taskUpdate.expectedVersion);
  return ctx.stash.updatedTask;
}

// Pipeline function (setTaskStatus, after loadAccessibleTask): moves a task along the allowed moves (lib/tasks.ts,
// docs/pipeline.md). One TransactWriteItems: the update conditioned on the version and status read (and, for an
// assignee who is not staff, on still being the assignee), the pendingTasks counter when the task enters or leaves
// the open set, and the audit event.
import { util, type Context } from '@aws-appsync/utils';
import { auditPut } from '../lib/audit.ts';
import { callerTransactWrite } from '../lib/caller-check.ts';
import { allOf, attributeIs } from '../lib/conditions.ts';
import { callerId, isTeam, tableName } from '../lib/context.ts';
import { countersUpdate } from '../lib/counters.ts';
import { conflict, raiseIfDataSourceError } from '../lib/errors.ts';
import { assigneeStatusKeys, gsi, taskKey } from '../lib/keys.ts';
import { txUpdate, update, versionIs, type TransactItem } from '../lib/requests.ts';
import { allowedTaskMoves, pendingTasksDelta } from '../lib/tasks.ts';

export function request(ctx: Context) {
  const table = tableName(ctx);
  const task = ctx.stash.task;
  const { status, expectedVersion } = ctx.stash.statusChange;
  if (task.version !== expectedVersion) conflict('Task', expectedVersion);
  const team = isTeam(ctx);
  const allowed = allowedTaskMoves(task.status, team);
  if (!allowed.includes(status)) {
    const from = task.status;
    const options = allowed.length > 0 ? `it may move to ${allowed.join(', ')}` : 'it is finished; only staff reopen it, to PENDING';
    util.error(`Task status cannot change from ${from} to ${status}: ${options} (see docs/pipeline.md)`, 'TransitionNotAllowed', null, {
      from,
      to: status,
    });
  }
  const now = util.time.nowISO8601();
  const set = { status, gsi2pk: gsi.taskStatus(status), ...assigneeStatusKeys('task', task.id, task.assigneeId, status), updatedAt: now };
  ctx.stash.updatedTask = { ...task, ...set, version: task.version + 1 };
  const condition = allOf([
    versionIs(expectedVersion),
    attributeIs('status', task.status),
    ...(team ? [] : [attributeIs('assigneeId', callerId(ctx))]),
  ]);
  const items: TransactItem[] = [txUpdate(table, taskKey(task.id), update({ set, add: { version: 1 } }), condition)];
  const delta = pendingTasksDelta(task.status, status);
  if (delta !== 0) items.push(countersUpdate(table, task.applicantId || task.id, { pendingTasks: delta }));
  items.push(
    auditPut(ctx, table, {
      action: 'TASK_STATUS_CHANGED',
      resourceType: 'TASK',
      resourceId: task.id,
      details: { from: task.status, to: status },
    }),
  );
  return callerTransactWrite(ctx, table, items);
}

export function response(ctx: Context) {
  raiseIfDataSourceError(ctx, 'Task', ctx.stash.statusChange.expectedVersion);
  return ctx.stash.updatedTask;
}

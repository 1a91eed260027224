// Pipeline function: reads the task ctx.stash.taskId and stops with NotFound unless the caller may act on it: staff
// and admins on any task, anyone else only on a task assigned to them. Leaves it in ctx.stash.task.
import type { Context } from '@aws-appsync/utils';
import { cognitoIdentity, isTeam } from '../lib/context.ts';
import { notFound, raiseDataSourceError } from '../lib/errors.ts';
import { taskKey } from '../lib/keys.ts';
import { getItem } from '../lib/requests.ts';

export function request(ctx: Context) {
  return getItem(taskKey(ctx.stash.taskId), true);
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  const task = ctx.result;
  const identity = cognitoIdentity(ctx);
  const mayAct = !!task && (isTeam(ctx) || (!!identity && task.assigneeId === identity.sub));
  if (!mayAct) notFound('Task');
  ctx.stash.task = task;
  return task;
}

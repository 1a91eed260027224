// Pipeline: writeNewTask. Staff and admins (schema directive) create a task in PENDING for an assignee, optionally on
// an applicant. A pipeline of one function so the "task assigned" email can be appended after it (issue 5).
import type { Context } from '@aws-appsync/utils';
import { taskLimits } from '../lib/tasks.ts';
import { optionalText, text } from '../lib/validate.ts';

export function request(ctx: Context) {
  const input = ctx.args.input;
  ctx.stash.newTask = {
    title: text('input.title', input.title, 1, taskLimits.title),
    description: optionalText('input.description', input.description, taskLimits.description),
    assigneeId: text('input.assigneeId', input.assigneeId, 1, 128),
    applicantId: optionalText('input.applicantId', input.applicantId, 128),
    dueAt: input.dueAt || null,
  };
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}

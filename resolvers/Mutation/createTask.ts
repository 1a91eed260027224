// Staff and admins (schema directive) create a task in PENDING for an assignee, optionally on an applicant. A pipeline
// of one function so the "task assigned" email can be appended after it (issue 5).
import type { Context } from '@aws-appsync/utils';
import { taskLimits } from '../lib/tasks.ts';
import { optionalText, optionalUlid, text } from '../lib/validate.ts';
import { userId } from '../lib/users.ts';
import { requireSubscriptionFields, subscriptionFilterFields } from '../lib/subscription-fields.ts';

export function request(ctx: Context) {
  requireSubscriptionFields(ctx, subscriptionFilterFields.task);
  const input = ctx.args.input;
  ctx.stash.newTask = {
    title: text('input.title', input.title, 1, taskLimits.title),
    description: optionalText('input.description', input.description, taskLimits.description),
    assigneeId: userId('input.assigneeId', input.assigneeId),
    applicantId: optionalUlid('input.applicantId', input.applicantId),
    dueAt: input.dueAt || null,
  };
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}

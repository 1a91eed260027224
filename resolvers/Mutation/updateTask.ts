// Staff and admins (schema directive) change only the fields given; a field given as null is cleared where it may be
// empty (description, dueAt).
import type { Context } from '@aws-appsync/utils';
import { invalid } from '../lib/errors.ts';
import { taskLimits } from '../lib/tasks.ts';
import { expectedVersion, optionalText, text, ulid } from '../lib/validate.ts';
import { userId } from '../lib/users.ts';
import { requireSubscriptionFields, subscriptionFilterFields } from '../lib/subscription-fields.ts';

export function request(ctx: Context) {
  requireSubscriptionFields(ctx, subscriptionFilterFields.task);
  const input = ctx.args.input;
  const changes: Record<string, unknown> = {};
  if (input.title !== undefined) changes.title = text('input.title', input.title, 1, taskLimits.title);
  if (input.description !== undefined) changes.description = optionalText('input.description', input.description, taskLimits.description);
  if (input.dueAt !== undefined) changes.dueAt = input.dueAt;
  if (input.assigneeId !== undefined) changes.assigneeId = userId('input.assigneeId', input.assigneeId);
  if (Object.keys(changes).length === 0) invalid('input', 'give at least one of title, description, dueAt, assigneeId');
  ctx.stash.taskId = ulid('input.id', input.id);
  ctx.stash.taskUpdate = { changes, expectedVersion: expectedVersion('input.expectedVersion', input.expectedVersion) };
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}

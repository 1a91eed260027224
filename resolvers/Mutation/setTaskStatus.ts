// The task's assignee, staff or admins; the allowed moves are in lib/tasks.ts and docs/pipeline.md.
import type { Context } from '@aws-appsync/utils';
import { expectedVersion, ulid } from '../lib/validate.ts';
import { requireSubscriptionFields, subscriptionFilterFields } from '../lib/subscription-fields.ts';

export function request(ctx: Context) {
  requireSubscriptionFields(ctx, subscriptionFilterFields.task);
  const input = ctx.args.input;
  ctx.stash.taskId = ulid('input.id', input.id);
  ctx.stash.statusChange = { status: input.status, expectedVersion: expectedVersion('input.expectedVersion', input.expectedVersion) };
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}

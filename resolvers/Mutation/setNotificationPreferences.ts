// Replaces the caller's email opt-outs (every topic is on unless listed); repeated topics are kept once.
import type { Context } from '@aws-appsync/utils';
import { expectedVersion } from '../lib/validate.ts';

export function request(ctx: Context) {
  const input = ctx.args.input;
  const topics: string[] = input.optedOut || [];
  const optedOut = topics.filter((topic, i) => topics.indexOf(topic) === i);
  ctx.stash.profileChanges = {
    set: { notificationPreferences: { optedOut } },
    action: 'NOTIFICATION_PREFERENCES_SET',
    details: { optedOut },
    expectedVersion: expectedVersion('input.expectedVersion', input.expectedVersion),
  };
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}

// Pipeline function on the `email` data source, appended to any pipeline that may tell someone by email. It sends
// ctx.stash.notification (shape: functions/email/template-data.ts `Notification`: topic, recipientId, applicantId
// and the topic's fields) to the email Lambda as an asynchronous Event invocation, so the mutation never waits for
// SES and never fails because of it (failures are retried by Lambda, then land in its dead-letter queue).
// Without a notification it does nothing. Either way it passes on the previous function's result.
import { runtime, type Context } from '@aws-appsync/utils';
import { invokeAsync } from '../lib/lambda.ts';

export function request(ctx: Context) {
  const notification = ctx.stash.notification;
  if (!notification) runtime.earlyReturn(ctx.prev.result);
  return invokeAsync({ notification });
}

export function response(ctx: Context) {
  if (ctx.error) console.log(`Email notification ${ctx.stash.notification.topic} not queued: ${ctx.error.type}: ${ctx.error.message}`);
  return ctx.prev.result;
}

// The `email` Lambda data source, invoked asynchronously (invocationType Event) by the sendNotification pipeline
// function, so the user's mutation never waits for SES. A thrown error is retried by Lambda (twice), then the event
// goes to the dead-letter queue (docs/runbook.md: redrive).
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { requireConfig } from '../shared/config.ts';
import { createLogger, withContext, type LambdaContext } from '../shared/logger.ts';
import { once } from '../shared/once.ts';
import { sendNotification, type NotificationOutcome } from './send-notification.ts';
import type { Notification } from './template-data.ts';

/** The payload resolvers/functions/sendNotification.ts sends. */
export interface EmailEvent {
  notification: Notification;
}

const logger = createLogger('email');
const deps = once(() => ({
  dynamodb: new DynamoDBClient({}),
  ses: new SESv2Client({}),
  tableName: requireConfig('tableName'),
  fromAddress: requireConfig('emailFromAddress'),
  templatePrefix: requireConfig('emailTemplatePrefix'),
  logger,
}));

export async function handler(event: EmailEvent, context?: LambdaContext): Promise<{ outcome: NotificationOutcome }> {
  withContext(logger, context);
  return { outcome: await sendNotification(deps(), event.notification) };
}

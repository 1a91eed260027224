// One notification: the recipient's profile decides whether and where it goes (inactive users and opted-out topics
// get nothing), then one templated SES email.
import { GetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Logger } from '@aws-lambda-powertools/logger';
import { applicantKey, userKey, type Key } from '../../resolvers/lib/keys.ts';
import {
  checkNotification,
  isOptedOut,
  templateData,
  templateValues,
  type ApplicantSummary,
  type Notification,
  type RecipientProfile,
} from './template-data.ts';
import { sesTemplateName, templateForTopic } from './templates.ts';

export interface NotificationDeps {
  dynamodb: DynamoDBClient;
  ses: SESv2Client;
  tableName: string;
  fromAddress: string;
  templatePrefix: string;
  logger: Logger;
}

export type NotificationOutcome = 'sent' | 'no-recipient' | 'inactive' | 'opted-out';

async function getItem<T>(deps: NotificationDeps, key: Key): Promise<T | null> {
  const { Item } = await deps.dynamodb.send(new GetItemCommand({ TableName: deps.tableName, Key: { pk: { S: key.pk }, sk: { S: key.sk } } }));
  return Item ? (unmarshall(Item) as T) : null;
}

export async function sendNotification(deps: NotificationDeps, notification: Notification): Promise<NotificationOutcome> {
  checkNotification(notification);
  const { topic, recipientId, applicantId } = notification;
  const recipient = await getItem<RecipientProfile>(deps, userKey(recipientId));
  if (!recipient || !recipient.email) {
    deps.logger.warn('no profile to email', { topic, recipientId });
    return 'no-recipient';
  }
  if (recipient.active === false) {
    deps.logger.info('recipient deactivated; not emailed', { topic, recipientId });
    return 'inactive';
  }
  if (isOptedOut(recipient, topic)) {
    deps.logger.info('recipient opted out', { topic, recipientId });
    return 'opted-out';
  }
  const applicant = applicantId ? await getItem<ApplicantSummary>(deps, applicantKey(applicantId)) : null;
  const template = templateForTopic(topic);
  const { MessageId } = await deps.ses.send(
    new SendEmailCommand({
      FromEmailAddress: deps.fromAddress,
      Destination: { ToAddresses: [recipient.email] },
      Content: {
        Template: {
          TemplateName: sesTemplateName(deps.templatePrefix, template),
          TemplateData: templateData(templateValues(notification, recipient, applicant)),
        },
      },
      EmailTags: [{ Name: 'topic', Value: topic }],
    }),
  );
  deps.logger.info('email sent', { topic, recipientId, template: template.name, messageId: MessageId });
  return 'sent';
}

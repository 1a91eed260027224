import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installEmailTemplates } from '../../functions/email/install-templates.ts';
import { sendNotification, type NotificationDeps } from '../../functions/email/send-notification.ts';
import type { Notification } from '../../functions/email/template-data.ts';
import { emailTemplates } from '../../functions/email/templates.ts';
import { createLogger } from '../../functions/shared/logger.ts';
import { applicantKey, userKey } from '../../resolvers/lib/keys.ts';
import { awsClientConfig, localStack } from '../setup/local-stack.ts';
import { uniqueEmail } from '../setup/users.ts';
import { emailsTo } from './support/api.ts';

// The email Lambda's work against the stack's DynamoDB Local and SES emulator (aws-ses-v2-local renders the stored
// templates with Handlebars, as SES does): who gets an email, and what it says.

let dynamodb: DynamoDBClient;
let ses: SESv2Client;
let deps: NotificationDeps;
const prefix = `email-test-${Date.now()}-`;
const applicantId = `01JEMAILTEST${Date.now()}`.slice(0, 26);

async function putProfile(overrides: Record<string, unknown> = {}) {
  const id = `email-test-${Math.random().toString(36).slice(2)}`;
  const profile = {
    ...userKey(id),
    type: 'USER',
    id,
    email: uniqueEmail('recipient'),
    fullName: 'Ana Lima',
    role: 'APPLICANT',
    active: true,
    notificationPreferences: { optedOut: [] as string[] },
    version: 1,
    ...overrides,
  };
  await dynamodb.send(new PutItemCommand({ TableName: localStack().tableName, Item: marshall(profile) }));
  return profile;
}

beforeAll(async () => {
  const stack = localStack();
  dynamodb = new DynamoDBClient(awsClientConfig(stack.urls.dynamodb));
  ses = new SESv2Client(awsClientConfig(stack.urls.ses));
  await installEmailTemplates(ses, prefix);
  await dynamodb.send(
    new PutItemCommand({
      TableName: stack.tableName,
      Item: marshall({ ...applicantKey(applicantId), type: 'APPLICANT', id: applicantId, firstName: 'Ana', lastName: 'Lima & <Co>', ownerId: 'x' }),
    }),
  );
  deps = { dynamodb, ses, tableName: stack.tableName, fromAddress: 'no-reply@scholarvalley.local', templatePrefix: prefix, logger: createLogger('email-test') };
});
afterAll(() => {
  dynamodb.destroy();
  ses.destroy();
});

const rejection = (recipientId: string): Notification => ({
  topic: 'DOCUMENT_REJECTED',
  recipientId,
  applicantId,
  documentId: 'D1',
  fileName: 'passport.pdf',
  reason: 'The file is empty',
});

describe('email notifications', () => {
  it('given the templates, when installed twice, then every template is there once (create, then update)', async () => {
    await expect(installEmailTemplates(ses, prefix)).resolves.toEqual(emailTemplates.map((t) => `${prefix}${t.name}`));
  });

  it('given an active recipient, when a document rejection is sent, then the templated email reaches their address, with the applicant’s name escaped in HTML', async () => {
    const recipient = await putProfile();
    await expect(sendNotification(deps, rejection(recipient.id))).resolves.toBe('sent');
    const [email] = await emailsTo(recipient.email);
    expect(email).toMatchObject({ from: 'no-reply@scholarvalley.local', subject: 'Document not accepted: passport.pdf' });
    expect(email?.body.text).toContain('The document "passport.pdf" for Ana Lima & <Co> was not accepted.');
    expect(email?.body.html).toContain('for Ana Lima &amp; &lt;Co&gt; was not accepted.');
    expect(email?.body.text).toContain('turn off "Documents not accepted"');
  });

  it('given a recipient who opted out of the topic, when it is sent, then no email goes out', async () => {
    const recipient = await putProfile({ notificationPreferences: { optedOut: ['DOCUMENT_REJECTED'] } });
    await expect(sendNotification(deps, rejection(recipient.id))).resolves.toBe('opted-out');
    expect(await emailsTo(recipient.email)).toEqual([]);
  });

  it('given a recipient who opted out of another topic only, when it is sent, then the email goes out', async () => {
    const recipient = await putProfile({ notificationPreferences: { optedOut: ['NEW_MESSAGE'] } });
    await expect(sendNotification(deps, rejection(recipient.id))).resolves.toBe('sent');
    expect(await emailsTo(recipient.email)).toHaveLength(1);
  });

  it('given a deactivated recipient, when it is sent, then no email goes out', async () => {
    const recipient = await putProfile({ active: false });
    await expect(sendNotification(deps, rejection(recipient.id))).resolves.toBe('inactive');
    expect(await emailsTo(recipient.email)).toEqual([]);
  });

  it('given a recipient without a profile, when it is sent, then nothing is sent and nothing fails', async () => {
    await expect(sendNotification(deps, rejection('no-such-user'))).resolves.toBe('no-recipient');
  });

  it('given a notification missing a field its template needs, when it is sent, then it fails naming the field (and would go to the failure queue)', async () => {
    const recipient = await putProfile();
    const { reason: _reason, ...incomplete } = rejection(recipient.id);
    await expect(sendNotification(deps, incomplete as Notification)).rejects.toThrow('[ValidationError] notification.reason: is required for DOCUMENT_REJECTED');
    expect(await emailsTo(recipient.email)).toEqual([]);
  });
});

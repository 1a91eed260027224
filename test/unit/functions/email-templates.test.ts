import { describe, expect, it } from 'vitest';
// The Handlebars renderer of aws-ses-v2-local, which renders stored templates as SES does (strict: a value the
// template names but the data lacks fails the test instead of rendering empty).
import { compileTemplateParts } from 'aws-ses-v2-local/dist/v2/renderTemplate.js';
import {
  checkNotification,
  formatAmount,
  templateData,
  templateValues,
  type Notification,
  type RecipientProfile,
} from '../../../functions/email/template-data.ts';
import { emailTemplates, sesTemplateName, templateForTopic, topicLabels, type NotificationTopic } from '../../../functions/email/templates.ts';

const recipient: RecipientProfile = { id: 'user-1', email: 'ana@example.com', fullName: 'Ana Lima', active: true };
const applicant = { firstName: 'Ana', lastName: 'Lima' };
const now = new Date('2025-03-01T14:05:09.000Z');

/** One valid notification of every topic. */
const examples: Record<NotificationTopic, Notification> = {
  NEW_MESSAGE: { topic: 'NEW_MESSAGE', recipientId: 'user-1', applicantId: 'A1', senderName: 'Sam Staff', preview: 'Please upload your transcript.' },
  TASK_ASSIGNED: { topic: 'TASK_ASSIGNED', recipientId: 'user-1', title: 'Call the applicant', dueAt: '2025-03-04T09:00:00.000Z' },
  REVIEW_POSTED: { topic: 'REVIEW_POSTED', recipientId: 'user-1', applicantId: 'A1', reviewId: 'R1' },
  STATUS_CHANGED: { topic: 'STATUS_CHANGED', recipientId: 'user-1', applicantId: 'A1', status: 'IN_REVIEW', previousStatus: 'DOCUMENTS_ACCEPTED' },
  DOCUMENT_REJECTED: { topic: 'DOCUMENT_REJECTED', recipientId: 'user-1', applicantId: 'A1', fileName: 'passport.pdf', reason: 'The file is empty' },
  PAYMENT_RECEIPT: {
    topic: 'PAYMENT_RECEIPT',
    recipientId: 'user-1',
    applicantId: 'A1',
    paymentId: '01JPAYMENT00000000000000P1',
    amountCents: 150000,
    currency: 'usd',
    service: 'SCHOLARSHIP_SUPPORT',
    levelOfStudy: null,
    paidAt: '2025-03-01T14:05:09.000Z',
  },
};

function render(notification: Notification) {
  const template = templateForTopic(notification.topic);
  const data = JSON.parse(templateData(templateValues(notification, recipient, applicant, now))) as Record<string, unknown>;
  return compileTemplateParts({ Subject: template.subject, Html: template.html, Text: template.text }, { strict: true })(data);
}

describe('email templates', () => {
  it('given the catalogue of templates, then there is exactly one per notification topic, each with a subject, a text and an HTML part', () => {
    expect(emailTemplates.map((t) => t.topic).sort()).toEqual(Object.keys(topicLabels).sort());
    for (const template of emailTemplates) {
      expect(template.subject && template.text && template.html).toBeTruthy();
    }
  });

  it.each(Object.keys(examples) as NotificationTopic[])(
    'given a %s notification, when its template is rendered, then it greets the recipient and says how to opt out of that topic',
    (topic) => {
      const email = render(examples[topic]);
      expect(email.text).toContain('Hello Ana Lima,');
      expect(email.text).toContain(`turn off "${topicLabels[topic]}"`);
      expect(email.html).toContain(`turn off &ldquo;${topicLabels[topic]}&rdquo;`);
      expect(email.subject).not.toMatch(/\n/);
    },
  );

  it('given a payment receipt, when rendered, then it states the amount, the service label from the catalogue and the payment reference', () => {
    const email = render(examples.PAYMENT_RECEIPT);
    expect(email.subject).toBe('Payment received: Scholarship Support');
    expect(email.text).toContain('we received your payment of $1,500.00 for Scholarship Support (Ana Lima)');
    expect(email.text).toContain('Payment reference: 01JPAYMENT00000000000000P1. Paid on 2025-03-01 14:05 UTC.');
  });

  it('given a document rejection, when rendered, then the file name is in the subject and the reason in the body', () => {
    const email = render(examples.DOCUMENT_REJECTED);
    expect(email.subject).toBe('Document not accepted: passport.pdf');
    expect(email.text).toContain('Reason: The file is empty');
  });

  it('given a message whose text holds markup and a line break, when rendered, then the HTML part escapes it, the text part keeps it as typed, the subject stays one line', () => {
    const email = render({ ...examples.NEW_MESSAGE, senderName: 'Eve <script>alert(1)</script>', preview: 'line one\nline "two" & <b>three</b>' });
    expect(email.html).toContain('Eve &lt;script&gt;alert(1)&lt;/script&gt; wrote about Ana Lima:');
    expect(email.html).toContain('&quot;two&quot; &amp; &lt;b&gt;three&lt;/b&gt;');
    expect(email.html).not.toContain('<script>');
    expect(email.text).toContain('Eve <script>alert(1)</script> wrote about Ana Lima:');
    expect(email.text).toContain('"line one line "two" & <b>three</b>"');
  });

  it('given a long message, when rendered, then the email quotes its first 140 characters', () => {
    const email = render({ ...examples.NEW_MESSAGE, preview: 'x'.repeat(500) });
    expect(email.text).toContain(`"${'x'.repeat(140)}…"`);
    expect(email.text).not.toContain('x'.repeat(141));
  });

  it('given a task without a due date, when rendered, then it says so', () => {
    expect(render({ ...examples.TASK_ASSIGNED, dueAt: null }).text).toContain('You have been assigned the task "Call the applicant" (no due date).');
  });

  it('given a deployment prefix, when the SES template name is made, then it is the prefix and the template name', () => {
    expect(sesTemplateName('scholarvalley-prod-', templateForTopic('PAYMENT_RECEIPT'))).toBe('scholarvalley-prod-paymentReceipt');
  });

  it('given amounts in cents, when formatted, then they read as US dollars', () => {
    expect(formatAmount(500, 'usd')).toBe('$5.00');
    expect(formatAmount(25000, 'usd')).toBe('$250.00');
  });
});

describe('notification checks', () => {
  it('given a document rejection without its reason, when checked, then the error names the field and the topic', () => {
    const { reason: _reason, ...withoutReason } = examples.DOCUMENT_REJECTED;
    expect(() => checkNotification(withoutReason as Notification)).toThrow('[ValidationError] notification.reason: is required for DOCUMENT_REJECTED');
  });

  it('given a topic about an applicant without applicantId, when checked, then the error names applicantId', () => {
    expect(() => checkNotification({ topic: 'REVIEW_POSTED', recipientId: 'user-1' })).toThrow(
      '[ValidationError] notification.applicantId: must name the applicant for REVIEW_POSTED',
    );
  });

  it('given an unknown topic, when checked, then the error lists the topics', () => {
    expect(() => checkNotification({ topic: 'SPAM' as NotificationTopic, recipientId: 'user-1' })).toThrow(
      '[ValidationError] notification.topic: must be one of NEW_MESSAGE, TASK_ASSIGNED, REVIEW_POSTED, STATUS_CHANGED, DOCUMENT_REJECTED, PAYMENT_RECEIPT',
    );
  });

  it.each(Object.keys(examples) as NotificationTopic[])('given a complete %s notification, when checked, then it passes', (topic) => {
    expect(() => checkNotification(examples[topic])).not.toThrow();
  });
});

// The API's emails, defined once: CDK creates each as an SES template (AWS::SES::Template, named
// EMAIL_TEMPLATE_PREFIX + name), the local stack installs the same ones into aws-ses-v2-local
// (install-templates.ts), and the email Lambda sends them by name with SES v2 SendEmail Content.Template.
//
// Values are inserted with Handlebars triple braces, which neither SES nor the local emulator escapes, and the
// Lambda passes every value twice: as written under `text` (subject and text part) and HTML-escaped under `html`
// (HTML part). So what a user typed can never inject markup, and both renderers produce the same email.

export const notificationTopics = [
  'NEW_MESSAGE',
  'TASK_ASSIGNED',
  'REVIEW_POSTED',
  'STATUS_CHANGED',
  'DOCUMENT_REJECTED',
  'PAYMENT_RECEIPT',
] as const;

export type NotificationTopic = (typeof notificationTopics)[number];

/** How the notification settings name each topic; every email says which one to turn off. */
export const topicLabels: Record<NotificationTopic, string> = {
  NEW_MESSAGE: 'New messages',
  TASK_ASSIGNED: 'Task assignments',
  REVIEW_POSTED: 'Reviews of your profile',
  STATUS_CHANGED: 'Application status changes',
  DOCUMENT_REJECTED: 'Documents not accepted',
  PAYMENT_RECEIPT: 'Payment receipts',
};

export interface EmailTemplate {
  /** The template's name without the deployment's prefix. */
  name: string;
  topic: NotificationTopic;
  subject: string;
  text: string;
  html: string;
}

const text = (name: string) => `{{{text.${name}}}}`;
const html = (name: string) => `{{{html.${name}}}}`;

const textFooter = [
  '',
  '--',
  `You get this email because "${text('topicLabel')}" emails are on for your Scholarvalley account.`,
  `To stop them, sign in to Scholarvalley, open Notification settings and turn off "${text('topicLabel')}".`,
].join('\n');

const htmlFooter =
  `<hr><p style="color:#666;font-size:12px">You get this email because &ldquo;${html('topicLabel')}&rdquo; emails are on ` +
  `for your Scholarvalley account. To stop them, sign in to Scholarvalley, open Notification settings and turn off ` +
  `&ldquo;${html('topicLabel')}&rdquo;.</p>`;

/** One template from its lines: each line is a paragraph; `{name}` marks a value. */
function template(name: string, topic: NotificationTopic, subject: string, lines: string[]): EmailTemplate {
  const fill = (line: string, as: (value: string) => string) => line.replace(/\{(\w+)\}/g, (_, value: string) => as(value));
  return {
    name,
    topic,
    subject: fill(subject, text),
    text: [`Hello ${text('recipientName')},`, '', ...lines.map((line) => fill(line, text)), textFooter].join('\n'),
    html: [
      `<p>Hello ${html('recipientName')},</p>`,
      ...lines.map((line) => `<p>${fill(line, html)}</p>`),
      htmlFooter,
    ].join('\n'),
  };
}

export const emailTemplates: EmailTemplate[] = [
  template('newMessage', 'NEW_MESSAGE', 'New message about {applicantName}', [
    '{senderName} wrote about {applicantName}:',
    '"{preview}"',
    'Sign in to Scholarvalley to read the whole message and reply.',
  ]),
  template('taskAssigned', 'TASK_ASSIGNED', 'Task assigned to you: {taskTitle}', [
    'You have been assigned the task "{taskTitle}" ({dueText}).',
    'Sign in to Scholarvalley to see it.',
  ]),
  template('reviewPosted', 'REVIEW_POSTED', 'A review of {applicantName} is ready', [
    'Our team has posted a review of the profile of {applicantName}.',
    'Sign in to Scholarvalley to read it.',
  ]),
  template('statusChanged', 'STATUS_CHANGED', '{applicantName}: {statusLabel}', [
    'The application of {applicantName} moved from {previousStatusLabel} to {statusLabel}.',
    'Sign in to Scholarvalley for the details.',
  ]),
  template('documentRejected', 'DOCUMENT_REJECTED', 'Document not accepted: {fileName}', [
    'The document "{fileName}" for {applicantName} was not accepted.',
    'Reason: {reason}',
    'Sign in to Scholarvalley to upload a new one.',
  ]),
  template('paymentReceipt', 'PAYMENT_RECEIPT', 'Payment received: {serviceLabel}', [
    'Thank you: we received your payment of {amount} for {serviceLabel} ({applicantName}).',
    'Payment reference: {paymentId}. Paid on {paidAt}.',
    'Keep this email as your receipt.',
  ]),
];

export function templateForTopic(topic: NotificationTopic): EmailTemplate {
  const found = emailTemplates.find((t) => t.topic === topic);
  if (!found) throw new Error(`No email template for topic ${topic}`);
  return found;
}

/** The SES template name in one deployment (EMAIL_TEMPLATE_PREFIX + name). */
export function sesTemplateName(prefix: string, template: Pick<EmailTemplate, 'name'>): string {
  return `${prefix}${template.name}`;
}

// The values one email is rendered with: from the notification the resolver left in ctx.stash.notification, the
// recipient's profile and the applicant it is about. Missing values are an error naming the topic and the field.
import { findPrice } from '../../resolvers/lib/price-catalog.ts';
import { validationError } from '../shared/errors.ts';
import { topicLabels, type NotificationTopic } from './templates.ts';

/**
 * What pipeline resolvers put in ctx.stash.notification for resolvers/functions/sendNotification.ts: the topic, the
 * one user to tell, the applicant it is about (when there is one) and the topic's own fields (see `requiredFields`).
 */
export interface Notification {
  topic: NotificationTopic;
  recipientId: string;
  applicantId?: string;
  [field: string]: unknown;
}

/** Fields each topic needs besides topic, recipientId and applicantId (the templates' other values come from items). */
export const requiredFields: Record<NotificationTopic, string[]> = {
  NEW_MESSAGE: ['senderName', 'preview'],
  TASK_ASSIGNED: ['title'],
  REVIEW_POSTED: [],
  STATUS_CHANGED: ['status'],
  DOCUMENT_REJECTED: ['fileName', 'reason'],
  PAYMENT_RECEIPT: ['paymentId', 'amountCents', 'currency', 'service'],
};

/** Topics about an applicant: the notification must name it, and the email names the applicant. */
export const applicantTopics: NotificationTopic[] = [
  'NEW_MESSAGE',
  'REVIEW_POSTED',
  'STATUS_CHANGED',
  'DOCUMENT_REJECTED',
  'PAYMENT_RECEIPT',
];

export interface RecipientProfile {
  id: string;
  email: string;
  fullName: string;
  active?: boolean;
  notificationPreferences?: { optedOut?: string[] };
}

export interface ApplicantSummary {
  firstName: string;
  lastName: string;
}

export type TemplateValues = Record<string, string>;

const previewLength = 140;

/** One line of plain text: control characters (a newline could not go in a subject) become spaces. */
function plain(value: unknown): string {
  const characters = Array.from(String(value ?? ''), (c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 || code === 0x7f ? ' ' : c;
  });
  return characters.join('').replace(/ {2,}/g, ' ').trim();
}

export function statusLabel(status: string): string {
  const words = status.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function formatAmount(amountCents: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() }).format(amountCents / 100);
}

/** "2025-03-01 14:05 UTC" from an ISO timestamp. */
export function formatUtc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function checkNotification(notification: Notification): void {
  if (!notification || !Object.keys(topicLabels).includes(notification.topic)) {
    throw validationError('notification.topic', `must be one of ${Object.keys(topicLabels).join(', ')}`);
  }
  if (typeof notification.recipientId !== 'string' || !notification.recipientId) {
    throw validationError('notification.recipientId', 'must name the user to email');
  }
  if (applicantTopics.includes(notification.topic) && !notification.applicantId) {
    throw validationError('notification.applicantId', `must name the applicant for ${notification.topic}`);
  }
  for (const field of requiredFields[notification.topic]) {
    const value = notification[field];
    if (value === undefined || value === null || value === '') {
      throw validationError(`notification.${field}`, `is required for ${notification.topic}`);
    }
  }
}

function topicValues(n: Notification, now: Date): TemplateValues {
  switch (n.topic) {
    case 'NEW_MESSAGE': {
      const preview = plain(n.preview);
      return {
        senderName: plain(n.senderName),
        preview: preview.length > previewLength ? `${preview.slice(0, previewLength)}…` : preview,
      };
    }
    case 'TASK_ASSIGNED':
      return { taskTitle: plain(n.title), dueText: n.dueAt ? `due ${formatUtc(plain(n.dueAt))}` : 'no due date' };
    case 'REVIEW_POSTED':
      return {};
    case 'STATUS_CHANGED':
      return {
        statusLabel: statusLabel(plain(n.status)),
        previousStatusLabel: n.previousStatus ? statusLabel(plain(n.previousStatus)) : 'its previous status',
      };
    case 'DOCUMENT_REJECTED':
      return { fileName: plain(n.fileName), reason: plain(n.reason) };
    case 'PAYMENT_RECEIPT': {
      const price = findPrice(plain(n.service), plain(n.levelOfStudy));
      return {
        amount: formatAmount(Number(n.amountCents), plain(n.currency)),
        serviceLabel: price ? price.label : statusLabel(plain(n.service)),
        paymentId: plain(n.paymentId),
        paidAt: formatUtc(n.paidAt ? plain(n.paidAt) : now.toISOString()),
      };
    }
  }
}

/** Every value the topic's template uses, as plain text. */
export function templateValues(
  notification: Notification,
  recipient: RecipientProfile,
  applicant: ApplicantSummary | null,
  now: Date = new Date(),
): TemplateValues {
  return {
    recipientName: plain(recipient.fullName) || 'there',
    topicLabel: topicLabels[notification.topic],
    applicantName: applicant ? plain(`${applicant.firstName} ${applicant.lastName}`) : '',
    ...topicValues(notification, now),
  };
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** SES TemplateData: the values as text for the subject and text part, HTML-escaped for the HTML part. */
export function templateData(values: TemplateValues): string {
  const html = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, escapeHtml(value)]));
  return JSON.stringify({ text: values, html });
}

export function isOptedOut(recipient: RecipientProfile, topic: NotificationTopic): boolean {
  return (recipient.notificationPreferences?.optedOut ?? []).includes(topic);
}

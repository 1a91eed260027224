import type { Context } from '@aws-appsync/utils';
import { auditPut } from './audit.ts';
import { callerTransactWrite } from './caller-check.ts';
import { gsi, messageKey, threadKey } from './keys.ts';
import { expression, txPut, txUpdate, update, type Expression } from './requests.ts';

/**
 * How a sender is named in a thread and in the email it sends: their profile's name (read with the thread, see
 * functions/loadThreadAndSender.ts), else its email. Never a token claim: the access token Amplify sends has neither.
 */
export function senderName(profile: { fullName?: string; email?: string }): string {
  return profile.fullName || profile.email || 'Scholarvalley';
}

/** The inbox shows the start of the latest message. */
export const previewLength = 140;

export const maxMessageLength = 5000;

/** A staff reply is written only if the applicant's unread count is still the one read: it decides the email. */
export function unreadByApplicantIs(count: number): Expression {
  const text = count === 0 ? 'attribute_exists(pk) AND (attribute_not_exists(#unread) OR #unread = :unreadRead)' : 'attribute_exists(pk) AND #unread = :unreadRead';
  return expression(text, { '#unread': 'unreadByApplicant' }, { ':unreadRead': count });
}

/** The applicant has unread replies: a run of replies is open, so this one sends no email. */
export const unreadRunOpen: Expression = expression('attribute_exists(pk) AND #unread > :none', { '#unread': 'unreadByApplicant' }, { ':none': 0 });

/**
 * The one TransactWriteItems of ctx.stash.sent: the message, the thread (last message, the other side's unread count,
 * the staff inbox key when an applicant writes) on `threadCondition`, and the audit event. Items: 0 the message,
 * 1 the thread, 2 the audit event, then the caller check.
 */
export function messageTransaction(ctx: Context, table: string, threadCondition: Expression) {
  const message = ctx.stash.sent;
  const { applicantId, body, createdAt: now, id } = message;
  const side = message.senderSide;
  const threadChanges = {
    lastMessageAt: now,
    lastMessagePreview: body.substring(0, previewLength),
    lastSenderSide: side,
    ...(side === 'APPLICANT' ? { gsi2pk: gsi.unreadInbox, gsi2sk: `${now}#${applicantId}` } : {}),
  };
  const unread: Record<string, number> = side === 'APPLICANT' ? { unreadByStaff: 1, version: 1 } : { unreadByApplicant: 1, version: 1 };
  return callerTransactWrite(ctx, table, [
    txPut(table, messageKey(applicantId, id), message),
    txUpdate(table, threadKey(applicantId), update({ set: threadChanges, add: unread }), threadCondition),
    auditPut(ctx, table, {
      action: 'MESSAGE_SENT',
      resourceType: 'MESSAGE_THREAD',
      resourceId: applicantId,
      details: { messageId: id, senderSide: side, length: body.length },
    }),
  ]);
}

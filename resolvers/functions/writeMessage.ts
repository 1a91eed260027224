// Pipeline function: one TransactWriteItems puts the message, moves the thread's unread count for the other side
// (and puts the thread in the staff inbox when an applicant writes), and writes the audit event. A staff reply leaves
// a NEW_MESSAGE notification for sendNotification.
import { util, type Context } from '@aws-appsync/utils';
import { auditPut } from '../lib/audit.ts';
import { callerId, callerSide, tableName } from '../lib/context.ts';
import { raiseIfDataSourceError } from '../lib/errors.ts';
import { gsi, messageKey, threadKey } from '../lib/keys.ts';
import { previewLength, senderName } from '../lib/messages.ts';
import { itemExists, transactWrite, txPut, txUpdate, update } from '../lib/requests.ts';

export function request(ctx: Context) {
  const table = tableName(ctx);
  const { applicantId, body, recipientId } = ctx.stash.message;
  const thread = ctx.stash.thread;
  const side = callerSide(ctx);
  const id = util.autoUlid();
  const now = util.time.nowISO8601();
  const message = {
    type: 'MESSAGE',
    id,
    applicantId,
    ownerId: thread.ownerId,
    senderId: callerId(ctx),
    senderSide: side,
    senderName: senderName(ctx),
    recipientId: recipientId || null,
    body,
    createdAt: now,
  };
  ctx.stash.sent = message;
  // Staff replies email the owner once per unread run (the first reply they have not read), so a conversation does not
  // become a stream of emails. Applicants' messages reach staff live (staff inbox subscription) and in the inbox list.
  if (side === 'STAFF' && thread.unreadByApplicant === 0) {
    ctx.stash.notification = {
      topic: 'NEW_MESSAGE',
      recipientId: thread.ownerId,
      applicantId,
      senderName: message.senderName,
      preview: message.body.substring(0, previewLength),
    };
  }
  const threadChanges = {
    lastMessageAt: now,
    lastMessagePreview: body.substring(0, previewLength),
    lastSenderSide: side,
    ...(side === 'APPLICANT' ? { gsi2pk: gsi.unreadInbox, gsi2sk: `${now}#${applicantId}` } : {}),
  };
  const unread: Record<string, number> =
    side === 'APPLICANT' ? { unreadByStaff: 1, version: 1 } : { unreadByApplicant: 1, version: 1 };
  return transactWrite([
    txPut(table, messageKey(applicantId, id), message),
    txUpdate(table, threadKey(applicantId), update({ set: threadChanges, add: unread }), itemExists),
    auditPut(ctx, table, {
      action: 'MESSAGE_SENT',
      resourceType: 'MESSAGE_THREAD',
      resourceId: applicantId,
      details: { messageId: id, senderSide: side, length: body.length },
    }),
  ]);
}

export function response(ctx: Context) {
  raiseIfDataSourceError(ctx, 'Thread', ctx.stash.thread.version);
  return ctx.stash.sent;
}

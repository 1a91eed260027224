// Pipeline function: one TransactWriteItems puts the message, moves the thread's unread count for the other side
// (and puts the thread in the staff inbox when an applicant writes), and writes the audit event.
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

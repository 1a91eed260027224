// Pipeline function: one TransactWriteItems puts the message, moves the thread's unread count for the other side
// (and puts the thread in the staff inbox when an applicant writes), and writes the audit event (lib/messages.ts).
// Staff replies email the owner once per unread run (the first reply they have not read), so a conversation does not
// become a stream of emails. That is decided inside the transaction: a staff reply is conditioned on the unread count
// read, and emails only when it was 0. When the condition fails another reply (or the owner reading) got there first:
// no email, and writeMessageInOpenRun writes the reply again on an open run. Applicants' messages reach staff live
// (staff inbox subscription) and in the inbox list.
import { util, type Context } from '@aws-appsync/utils';
import { callerId, callerSide, tableName } from '../lib/context.ts';
import { raiseIfDataSourceError, raiseWriteRefusal } from '../lib/errors.ts';
import { itemExists } from '../lib/requests.ts';
import { messageTransaction, previewLength, senderName, unreadByApplicantIs } from '../lib/messages.ts';
import { conditionFailedAt } from '../lib/transactions.ts';

export function request(ctx: Context) {
  const table = tableName(ctx);
  const { applicantId, body, recipientId } = ctx.stash.message;
  const thread = ctx.stash.thread;
  const side = callerSide(ctx);
  const message = {
    type: 'MESSAGE',
    id: util.autoUlid(),
    applicantId,
    ownerId: thread.ownerId,
    senderId: callerId(ctx),
    senderSide: side,
    senderName: senderName(ctx.stash.senderProfile),
    recipientId: recipientId || null,
    assignedStaffId: ctx.stash.assignedStaffId,
    body,
    createdAt: util.time.nowISO8601(),
  };
  ctx.stash.sent = message;
  if (side === 'APPLICANT') return messageTransaction(ctx, table, itemExists);
  const unreadRead = thread.unreadByApplicant || 0;
  if (unreadRead === 0) {
    ctx.stash.notification = {
      topic: 'NEW_MESSAGE',
      recipientId: thread.ownerId,
      applicantId,
      senderName: message.senderName,
      preview: message.body.substring(0, previewLength),
    };
  }
  return messageTransaction(ctx, table, unreadByApplicantIs(unreadRead));
}

export function response(ctx: Context) {
  raiseWriteRefusal(ctx);
  if (ctx.stash.sent.senderSide === 'STAFF' && conditionFailedAt(ctx, 1)) {
    ctx.stash.notification = null;
    ctx.stash.writeInOpenRun = true;
    return null;
  }
  raiseIfDataSourceError(ctx, 'Thread', ctx.stash.thread.version);
  return ctx.stash.sent;
}

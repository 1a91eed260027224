// Pipeline function (sendMessage, after writeMessage): runs only when a staff reply lost the race for the unread
// count it read (ctx.stash.writeInOpenRun). Writes the same message again, conditioned on a run of unread replies
// being open, so it sends no email: the reply that opened the run sent it. If the run closed meanwhile too (the owner
// read the thread between both attempts), nothing is written and the sender is asked to send again.
import { runtime, util, type Context } from '@aws-appsync/utils';
import { tableName } from '../lib/context.ts';
import { raiseDataSourceError, raiseWriteRefusal } from '../lib/errors.ts';
import { messageTransaction, unreadRunOpen } from '../lib/messages.ts';
import { conditionFailedAt } from '../lib/transactions.ts';

export function request(ctx: Context) {
  if (!ctx.stash.writeInOpenRun) runtime.earlyReturn(ctx.prev.result);
  return messageTransaction(ctx, tableName(ctx), unreadRunOpen);
}

export function response(ctx: Context) {
  raiseWriteRefusal(ctx);
  if (conditionFailedAt(ctx, 1)) {
    util.error('The thread changed twice while the message was sent, so it was not sent; send it again', 'TransactionConflict', null, {
      retryable: true,
    });
  }
  raiseDataSourceError(ctx);
  return ctx.stash.sent;
}

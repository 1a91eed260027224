// Pipeline function: the caller's side of the thread has read everything. Staff reading also takes the thread out
// of the staff inbox (the sparse gsi2 key is removed). Not conditioned on the version: a message that lands meanwhile
// must not make "mark as read" fail; it is read up to now.
import type { Context } from '@aws-appsync/utils';
import { auditPut } from '../lib/audit.ts';
import { callerTransactWrite } from '../lib/caller-check.ts';
import { callerSide, tableName } from '../lib/context.ts';
import { raiseIfDataSourceError } from '../lib/errors.ts';
import { threadKey } from '../lib/keys.ts';
import { itemExists, txUpdate, update } from '../lib/requests.ts';

export function request(ctx: Context) {
  const table = tableName(ctx);
  const thread = ctx.stash.thread;
  const side = callerSide(ctx);
  const changes =
    side === 'STAFF' ? { unreadByStaff: 0, gsi2pk: null, gsi2sk: null } : { unreadByApplicant: 0 };
  ctx.stash.updatedThread = { ...thread, ...changes, version: thread.version + 1 };
  return callerTransactWrite(ctx, table, [
    txUpdate(table, threadKey(thread.applicantId), update({ set: changes, add: { version: 1 } }), itemExists),
    auditPut(ctx, table, {
      action: 'THREAD_READ',
      resourceType: 'MESSAGE_THREAD',
      resourceId: thread.applicantId,
      details: { side },
    }),
  ]);
}

export function response(ctx: Context) {
  raiseIfDataSourceError(ctx, 'Thread', ctx.stash.thread.version);
  return ctx.stash.updatedThread;
}

// Pipeline function (inviteStaff, after callIdentityAdmin): the invited user's profile, listed in the team index
// (gsi4 TEAM, by name), and the audit event, in one TransactWriteItems.
import { util, type Context } from '@aws-appsync/utils';
import { auditPut } from '../lib/audit.ts';
import { tableName } from '../lib/context.ts';
import { gsi, teamSortKey, userKey } from '../lib/keys.ts';
import { transactWrite, txPut } from '../lib/requests.ts';
import { raiseDataSourceError } from '../lib/errors.ts';

export function request(ctx: Context) {
  const table = tableName(ctx);
  const { email, fullName, role } = ctx.stash.invite;
  const id = ctx.stash.identityResult.userId;
  const now = util.time.nowISO8601();
  const profile = {
    type: 'USER',
    id,
    email,
    fullName,
    role,
    active: true,
    notificationPreferences: { optedOut: [] },
    createdAt: now,
    updatedAt: now,
    version: 1,
    gsi4pk: gsi.team,
    gsi4sk: teamSortKey(fullName, id),
  };
  ctx.stash.profile = profile;
  return transactWrite([
    txPut(table, userKey(id), profile),
    auditPut(ctx, table, { action: 'STAFF_INVITED', resourceType: 'USER', resourceId: id, details: { role } }),
  ]);
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  return ctx.stash.profile;
}

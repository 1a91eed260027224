// Pipeline function (deactivateUser, after callIdentityAdmin): the profile marked inactive (emails stop, they can no
// longer be assigned work), conditioned on the version read, with the audit event. An inactive profile stays as it is.
import { runtime, util, type Context } from '@aws-appsync/utils';
import { auditPut } from '../lib/audit.ts';
import { tableName } from '../lib/context.ts';
import { userKey } from '../lib/keys.ts';
import { transactWrite, txUpdate, update, versionIs } from '../lib/requests.ts';
import { conditionFailedAt } from '../lib/transactions.ts';
import { raiseDataSourceError } from '../lib/errors.ts';

export function request(ctx: Context) {
  const profile = ctx.stash.targetUser;
  if (profile.active === false) runtime.earlyReturn(profile);
  const table = tableName(ctx);
  const changes = { active: false, updatedAt: util.time.nowISO8601() };
  ctx.stash.updatedProfile = { ...profile, ...changes, version: profile.version + 1 };
  return transactWrite([
    txUpdate(table, userKey(profile.id), update({ set: changes, add: { version: 1 } }), versionIs(profile.version)),
    auditPut(ctx, table, { action: 'USER_DEACTIVATED', resourceType: 'USER', resourceId: profile.id }),
  ]);
}

export function response(ctx: Context) {
  if (conditionFailedAt(ctx, 0)) util.error('The user profile changed meanwhile; run deactivateUser again', 'ConflictError');
  raiseDataSourceError(ctx);
  return ctx.stash.updatedProfile;
}

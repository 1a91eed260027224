// Pipeline function (setUserRole, after callIdentityAdmin): the profile's role, and its team listing with it (gsi4
// TEAM for staff and admins, removed for applicants), conditioned on the version read, with the audit event. A role
// the profile has already is no change: nothing is written.
import { runtime, util, type Context } from '@aws-appsync/utils';
import { auditPut } from '../lib/audit.ts';
import { tableName } from '../lib/context.ts';
import { gsi, teamSortKey, userKey } from '../lib/keys.ts';
import { transactWrite, txUpdate, update, versionIs } from '../lib/requests.ts';
import { conditionFailedAt } from '../lib/transactions.ts';
import { teamRoles } from '../lib/users.ts';
import { raiseDataSourceError } from '../lib/errors.ts';

export function request(ctx: Context) {
  const profile = ctx.stash.targetUser;
  const role = ctx.stash.newRole;
  if (profile.role === role) runtime.earlyReturn(profile);
  const table = tableName(ctx);
  const team = teamRoles.includes(role);
  const changes = {
    role,
    updatedAt: util.time.nowISO8601(),
    gsi4pk: team ? gsi.team : null,
    gsi4sk: team ? teamSortKey(profile.fullName, profile.id) : null,
  };
  ctx.stash.updatedProfile = { ...profile, ...changes, version: profile.version + 1 };
  return transactWrite([
    txUpdate(table, userKey(profile.id), update({ set: changes, add: { version: 1 } }), versionIs(profile.version)),
    auditPut(ctx, table, { action: 'USER_ROLE_CHANGED', resourceType: 'USER', resourceId: profile.id, details: { from: profile.role, to: role } }),
  ]);
}

export function response(ctx: Context) {
  if (conditionFailedAt(ctx, 0)) util.error('The user profile changed meanwhile; run setUserRole again', 'ConflictError');
  raiseDataSourceError(ctx);
  return ctx.stash.updatedProfile;
}

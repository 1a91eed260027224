// Pipeline function after loadMyProfile: applies ctx.stash.profileChanges ({ set, action, details, expectedVersion }) in ONE
// TransactWriteItems: the profile update (version + 1) conditioned on the version, and the audit event. A team
// member's profile is listed in gsi4 TEAM by name, so a new fullName moves its sort key in the same update.
import { util, type Context } from '@aws-appsync/utils';
import { auditPut } from '../lib/audit.ts';
import { callerId, tableName } from '../lib/context.ts';
import { conflict, raiseIfDataSourceError } from '../lib/errors.ts';
import { gsi, teamSortKey, userKey } from '../lib/keys.ts';
import { transactWrite, txUpdate, update, versionIs } from '../lib/requests.ts';

export function request(ctx: Context) {
  const profile = ctx.stash.profile;
  const { set, action, details, expectedVersion } = ctx.stash.profileChanges;
  if (profile.version !== expectedVersion) conflict('Profile', expectedVersion);
  const sub = callerId(ctx);
  const table = tableName(ctx);
  const now = util.time.nowISO8601();
  const changes: Record<string, unknown> = { ...set, updatedAt: now };
  if (set.fullName && profile.gsi4pk === gsi.team) changes.gsi4sk = teamSortKey(set.fullName, sub);
  ctx.stash.updatedProfile = { ...profile, ...changes, version: profile.version + 1 };
  return transactWrite([
    txUpdate(table, userKey(sub), update({ set: changes, add: { version: 1 } }), versionIs(expectedVersion)),
    auditPut(ctx, table, { action, resourceType: 'USER', resourceId: sub, details }),
  ]);
}

export function response(ctx: Context) {
  raiseIfDataSourceError(ctx, 'Profile', ctx.stash.profileChanges.expectedVersion);
  return ctx.stash.updatedProfile;
}

// user → the profile item (under the legacy user id until claimed) and the legacy credential the sign-in trigger reads.
import { gsi, legacyCredentialKey, teamSortKey, userKey } from '../../resolvers/lib/keys.ts';
import { iso, legacyUserId } from '../ids.ts';
import type { Row } from '../legacy-rows.ts';
import { text, type MapContext, type MappedUser, type NewRole, type TableItem } from './context.ts';

const roles: Record<string, NewRole> = { client: 'APPLICANT', manager: 'STAFF', root: 'ADMIN' };

export function mapUser(ctx: MapContext, row: Row): TableItem[] {
  const email = String(row.email).trim().toLowerCase();
  const legacyId = legacyUserId(row.id);
  const id = ctx.claimed.get(legacyId) ?? legacyId;
  const role = roles[String(row.role)] ?? 'APPLICANT';
  const fullName = text(row.full_name) ?? email.split('@')[0] ?? email;
  if (!text(row.full_name)) ctx.report.dirty('user', row.id, 'userNoFullName');
  if (!/@[^@]+\.[^@]+$/.test(email)) ctx.report.dirty('user', row.id, 'userEmailNoDomain', email);
  const active = row.is_active !== false;
  if (!active) ctx.report.dirty('user', row.id, 'userInactive');
  const user: MappedUser = { oldId: row.id, id, role, active, email, fullName, claimed: id !== legacyId };
  ctx.users.set(row.id, user);
  const created = iso(row.created_at);
  const team = role !== 'APPLICANT';
  const items: TableItem[] = [
    {
      ...userKey(id),
      type: 'USER',
      id,
      email,
      fullName,
      role,
      active,
      notificationPreferences: { optedOut: [] },
      legacyUserId: row.id,
      createdAt: created,
      updatedAt: created,
      version: 1,
      ...(team ? { gsi4pk: gsi.team, gsi4sk: teamSortKey(fullName, id) } : {}),
    },
  ];
  // Once claimed, the hash has been used and removed: it is never written again. Inactive users never get one: they
  // are in Cognito already, disabled (migration/disabled-users.ts).
  if (id === legacyId && active) {
    items.push({
      ...legacyCredentialKey(email),
      type: 'LEGACY_CREDENTIAL',
      email,
      legacyUserId: legacyId,
      passwordHash: String(row.hashed_password),
      role,
      active,
      fullName,
    });
  }
  return items;
}

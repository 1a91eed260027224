// Inactive old users (is_active = false): created in Cognito at migration time, in their role's group, with no
// password and no email sent, then disabled, so they exist as the old system had them and cannot sign in. Their data
// is written under the sub Cognito assigned (no legacy credential, no claim list: the old hash is never copied).
// An admin who re-enables one in Cognito also sends a password reset (docs/migration.md, "Inactive users").
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { roleGroups } from '../functions/identity/roles.ts';
import { legacyUserId } from './ids.ts';
import type { Row } from './legacy-rows.ts';

export interface UserPool {
  cognito: CognitoIdentityProviderClient;
  userPoolId: string;
}

const roles = { client: 'APPLICANT', manager: 'STAFF', root: 'ADMIN' } as const;

async function existingSub(pool: UserPool, email: string): Promise<{ sub: string; enabled: boolean } | null> {
  try {
    const user = await pool.cognito.send(new AdminGetUserCommand({ UserPoolId: pool.userPoolId, Username: email }));
    const sub = user.UserAttributes?.find((a) => a.Name === 'sub')?.Value;
    return sub ? { sub, enabled: user.Enabled !== false } : null;
  } catch (error) {
    if ((error as Error).name === 'UserNotFoundException') return null;
    throw error;
  }
}

/** Each inactive user's Cognito sub (creating and disabling them where needed), by legacy user id. */
export async function ensureDisabledUsers(pool: UserPool, users: Row[]): Promise<Map<string, string>> {
  const subs = new Map<string, string>();
  for (const row of users.filter((u) => u.is_active === false)) {
    const email = String(row.email).trim().toLowerCase();
    const role = roles[String(row.role) as keyof typeof roles] ?? 'APPLICANT';
    let found = await existingSub(pool, email);
    if (!found) {
      const created = await pool.cognito.send(
        new AdminCreateUserCommand({
          UserPoolId: pool.userPoolId,
          Username: email,
          MessageAction: 'SUPPRESS',
          UserAttributes: [
            { Name: 'email', Value: email },
            { Name: 'email_verified', Value: 'true' },
            { Name: 'name', Value: String(row.full_name ?? '').trim() || (email.split('@')[0] ?? email) },
          ],
        }),
      );
      const sub = created.User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
      if (!sub) throw new Error(`Cognito created inactive user ${row.id} without a sub`);
      await pool.cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: pool.userPoolId, Username: sub, GroupName: roleGroups[role] }));
      found = { sub, enabled: true };
    }
    if (found.enabled) await pool.cognito.send(new AdminDisableUserCommand({ UserPoolId: pool.userPoolId, Username: found.sub }));
    subs.set(legacyUserId(row.id), found.sub);
  }
  return subs;
}

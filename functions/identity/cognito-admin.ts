// The Cognito side of inviteStaff, setUserRole and deactivateUser. Users are named by their `sub`, which the admin
// APIs accept as the username (the pool signs in with email, so the username Cognito generates is the sub).
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUserGlobalSignOutCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { awsErrorName, notFoundError, validationError } from '../shared/errors.ts';
import { roleGroups, type UserRole } from './roles.ts';

export interface CognitoAdmin {
  cognito: CognitoIdentityProviderClient;
  userPoolId: string;
}

/** Runs one admin call; a user Cognito does not know is NotFound, as for a profile that does not exist. */
async function forUser<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (awsErrorName(error) === 'UserNotFoundException') throw notFoundError('User');
    throw error;
  }
}

/**
 * Creates the invited user and puts them in their role's group. Cognito emails the invitation itself, with the
 * temporary password (functions/identity/invitation-message.ts is its text), so no password ever passes through
 * this API, its logs or its queues.
 */
export async function inviteUser(
  admin: CognitoAdmin,
  invite: { email: string; fullName: string; role: UserRole },
): Promise<{ userId: string }> {
  let created;
  try {
    created = await admin.cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: admin.userPoolId,
        Username: invite.email,
        UserAttributes: [
          { Name: 'email', Value: invite.email },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'name', Value: invite.fullName },
        ],
        DesiredDeliveryMediums: ['EMAIL'],
      }),
    );
  } catch (error) {
    if (awsErrorName(error) === 'UsernameExistsException') {
      throw validationError('input.email', 'belongs to an existing user; change their role with setUserRole instead');
    }
    throw error;
  }
  const sub = created.User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
  const username = created.User?.Username;
  if (!sub || !username) throw new Error('Cognito created the user without a sub');
  await admin.cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: admin.userPoolId, Username: username, GroupName: roleGroups[invite.role] }));
  return { userId: sub };
}

/**
 * Moves the user into the role's group and out of the other role groups: added first, so a failure halfway never
 * leaves them in no group. Every step is safe to repeat, so retrying a failed setUserRole completes it.
 */
export async function moveToRole(admin: CognitoAdmin, userId: string, role: UserRole): Promise<void> {
  const { Groups = [] } = await forUser(() =>
    admin.cognito.send(new AdminListGroupsForUserCommand({ UserPoolId: admin.userPoolId, Username: userId })),
  );
  const current = new Set(Groups.map((g) => g.GroupName));
  const target = roleGroups[role];
  if (!current.has(target)) {
    await admin.cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: admin.userPoolId, Username: userId, GroupName: target }));
  }
  for (const group of Object.values(roleGroups).filter((g) => g !== target && current.has(g))) {
    await admin.cognito.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: admin.userPoolId, Username: userId, GroupName: group }));
  }
}

/**
 * Disables the user (no more sign-in) and signs them out everywhere (their refresh tokens stop working at once).
 * Access and ID tokens already issued stay valid until they expire (60 minutes by default): docs/runbook.md.
 */
export async function deactivate(admin: CognitoAdmin, userId: string): Promise<void> {
  await forUser(() => admin.cognito.send(new AdminDisableUserCommand({ UserPoolId: admin.userPoolId, Username: userId })));
  await admin.cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId: admin.userPoolId, Username: userId }));
}

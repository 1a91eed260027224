import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminSetUserPasswordCommand,
  UserNotFoundException,
  type AttributeType,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { GroupName } from '../emulators/user-pool.ts';

export interface CognitoUserSpec {
  email: string;
  fullName: string;
  password: string;
  group: GroupName;
}

const subOf = (attributes: AttributeType[] | undefined): string | undefined =>
  attributes?.find((a) => a.Name === 'sub')?.Value;

/**
 * A confirmed user with a permanent password in one group, as an admin would set one up: created when missing
 * (no invitation email), its password and group membership put right when it exists. Returns its `sub`.
 */
export async function ensureCognitoUser(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
  spec: CognitoUserSpec,
): Promise<string> {
  let sub: string | undefined;
  try {
    sub = subOf(
      (await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: spec.email }))).UserAttributes,
    );
  } catch (error) {
    if (!(error instanceof UserNotFoundException)) throw error;
    const { User } = await client.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: spec.email,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: spec.email },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'name', Value: spec.fullName },
        ],
      }),
    );
    sub = subOf(User?.Attributes);
  }
  if (!sub) throw new Error(`Cognito returned no sub for ${spec.email}`);

  await client.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: userPoolId,
      Username: spec.email,
      Password: spec.password,
      Permanent: true,
    }),
  );
  const { Groups = [] } = await client.send(
    new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: spec.email }),
  );
  if (!Groups.some((g) => g.GroupName === spec.group)) {
    await client.send(
      new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: spec.email, GroupName: spec.group }),
    );
  }
  return sub;
}

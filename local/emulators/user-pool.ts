import {
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  UpdateUserPoolClientCommand,
  type CognitoIdentityProviderClient,
  type ExplicitAuthFlowsType,
  type PreventUserExistenceErrorTypes,
} from '@aws-sdk/client-cognito-identity-provider';
import type { userGroups } from '../../infra/constructs/user-directory.ts';
import { webClientSignIn } from '../../infra/web-client-sign-in.ts';

export const localUserPoolName = 'scholarvalley-local';
export const localAppClientName = 'scholarvalley-local-web';

/**
 * The deployed web client's sign-in settings (infra/web-client-sign-in.ts) in the API's words: SRP (Amplify's default),
 * USER_PASSWORD_AUTH (the legacy migration) and refresh (CDK always allows it), user-existence errors prevented.
 */
export const localAppClientSignIn: {
  ExplicitAuthFlows: ExplicitAuthFlowsType[];
  PreventUserExistenceErrors: PreventUserExistenceErrorTypes;
  EnableTokenRevocation: boolean;
} = {
  ExplicitAuthFlows: [
    ...(webClientSignIn.authFlows.userPassword ? (['ALLOW_USER_PASSWORD_AUTH'] as const) : []),
    ...(webClientSignIn.authFlows.userSrp ? (['ALLOW_USER_SRP_AUTH'] as const) : []),
    'ALLOW_REFRESH_TOKEN_AUTH' as const,
  ],
  PreventUserExistenceErrors: webClientSignIn.preventUserExistenceErrors ? 'ENABLED' : 'LEGACY',
  EnableTokenRevocation: webClientSignIn.enableTokenRevocation,
};

/** The API's groups, as infra/constructs/user-directory.ts defines them. */
export type GroupName = (typeof userGroups)[number]['name'];

/**
 * The user pool settings the CDK stack deploys (infra/constructs/user-directory.ts), passed in rather than imported
 * here because that module loads aws-cdk-lib (about 2 s): the stack imports it while the emulators boot.
 */
export interface UserPoolSettings {
  groups: ReadonlyArray<{ name: string; precedence: number; description: string }>;
  passwordPolicy: {
    minLength: number;
    requireLowercase: boolean;
    requireUppercase: boolean;
    requireDigits: boolean;
    requireSymbols: boolean;
  };
}

export interface UserPoolIds {
  userPoolId: string;
  userPoolClientId: string;
}

async function findPool(client: CognitoIdentityProviderClient, remembered?: string): Promise<string | undefined> {
  if (remembered) {
    try {
      await client.send(new DescribeUserPoolCommand({ UserPoolId: remembered }));
      return remembered;
    } catch {
      // Forgotten by the emulator (its state was removed): look it up by name below.
    }
  }
  const { UserPools = [] } = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  return UserPools.find((p) => p.Name === localUserPoolName)?.Id;
}

async function updateSignInSettings(client: CognitoIdentityProviderClient, userPoolId: string, clientId: string) {
  const { UserPoolClient: kept } = await client.send(
    new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId }),
  );
  const upToDate =
    kept?.PreventUserExistenceErrors === localAppClientSignIn.PreventUserExistenceErrors &&
    kept.EnableTokenRevocation === localAppClientSignIn.EnableTokenRevocation &&
    [...(kept.ExplicitAuthFlows ?? [])].sort().join() === [...localAppClientSignIn.ExplicitAuthFlows].sort().join();
  if (upToDate) return;
  await client.send(
    new UpdateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientId: clientId,
      ...localAppClientSignIn,
      ExplicitAuthFlows: [...localAppClientSignIn.ExplicitAuthFlows],
    }),
  );
}

/**
 * The local user pool, its web app client and the groups: found by name when cognito-local kept them from an
 * earlier start, created otherwise. Users sign in with their email; the client has no secret and the deployed
 * client's sign-in settings (`localAppClientSignIn`), which a client kept from an earlier start is brought up to.
 */
export async function ensureUserPool(
  client: CognitoIdentityProviderClient,
  settings: UserPoolSettings,
  remembered: Partial<UserPoolIds> = {},
): Promise<UserPoolIds & { created: boolean }> {
  let userPoolId = await findPool(client, remembered.userPoolId);
  const created = !userPoolId;
  if (!userPoolId) {
    const { UserPool } = await client.send(
      new CreateUserPoolCommand({
        PoolName: localUserPoolName,
        UsernameAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
        Policies: {
          PasswordPolicy: {
            MinimumLength: settings.passwordPolicy.minLength,
            RequireLowercase: settings.passwordPolicy.requireLowercase,
            RequireUppercase: settings.passwordPolicy.requireUppercase,
            RequireNumbers: settings.passwordPolicy.requireDigits,
            RequireSymbols: settings.passwordPolicy.requireSymbols,
          },
        },
      }),
    );
    userPoolId = UserPool?.Id;
    if (!userPoolId) throw new Error('cognito-local created a user pool without an id');
  }

  const { UserPoolClients = [] } = await client.send(
    new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }),
  );
  let userPoolClientId = UserPoolClients.find((c) => c.ClientName === localAppClientName)?.ClientId;
  if (!userPoolClientId) {
    const { UserPoolClient } = await client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: localAppClientName,
        GenerateSecret: false,
        ...localAppClientSignIn,
        ExplicitAuthFlows: [...localAppClientSignIn.ExplicitAuthFlows],
      }),
    );
    userPoolClientId = UserPoolClient?.ClientId;
    if (!userPoolClientId) throw new Error('cognito-local created an app client without an id');
  } else {
    await updateSignInSettings(client, userPoolId, userPoolClientId);
  }

  const { Groups = [] } = await client.send(new ListGroupsCommand({ UserPoolId: userPoolId }));
  const existing = new Set(Groups.map((g) => g.GroupName));
  for (const group of settings.groups.filter((g) => !existing.has(g.name))) {
    await client.send(
      new CreateGroupCommand({
        UserPoolId: userPoolId,
        GroupName: group.name,
        Precedence: group.precedence,
        Description: group.description,
      }),
    );
  }
  return { userPoolId, userPoolClientId, created };
}

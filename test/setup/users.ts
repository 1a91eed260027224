// Users for tests, in the shared stack's Cognito: sign in, create one in a group (as an admin would), or sign up as an
// applicant (the real post-confirmation trigger then writes the profile and adds the group).
import { randomUUID } from 'node:crypto';
import {
  AdminConfirmSignUpCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { GroupName } from '../../local/emulators/user-pool.ts';
import { ensureCognitoUser } from '../../local/seed/cognito-users.ts';
import type { DemoUserKey } from '../../local/seed/demo-users.ts';
import { profileItem } from '../../local/seed/items.ts';
import { putItems } from '../../local/seed/write-items.ts';
import { awsClientConfig, localStack } from './local-stack.ts';

/** Which of a user's tokens goes in the Authorization header: AppSync takes either; Amplify JS v6 sends the access token. */
export type TokenUse = 'id' | 'access';

export interface SignedInUser {
  sub: string;
  email: string;
  password: string;
  groups: string[];
  idToken: string;
  accessToken: string;
  refreshToken?: string;
  /** The ID token's claims. */
  claims: Record<string, unknown>;
  /** The token this user's calls send (authorizationOf); the ID token unless set. */
  sends?: TokenUse;
}

/** The token `user`'s calls send as Authorization. */
export function authorizationOf(user: SignedInUser): string {
  return user.sends === 'access' ? user.accessToken : user.idToken;
}

/** The same user, calling with their access token, as Amplify JS v6 does. */
export function withAccessToken(user: SignedInUser): SignedInUser {
  return { ...user, sends: 'access' };
}

let clients: { cognito: CognitoIdentityProviderClient; dynamodb: DynamoDBClient } | undefined;
function sdk() {
  const stack = localStack();
  clients ??= {
    cognito: new CognitoIdentityProviderClient(awsClientConfig(stack.urls.cognito)),
    dynamodb: new DynamoDBClient(awsClientConfig(stack.urls.dynamodb)),
  };
  return clients;
}

/** A JWT's claims (no verification: the API under test does that). */
export function decodeJwt(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('Not a JWT');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** USER_PASSWORD_AUTH against the local Cognito. */
export async function signIn(email: string, password: string): Promise<SignedInUser> {
  const stack = localStack();
  const { AuthenticationResult: result } = await sdk().cognito.send(
    new InitiateAuthCommand({
      ClientId: stack.userPoolClientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );
  if (!result?.IdToken || !result.AccessToken) throw new Error(`No tokens for ${email}`);
  const claims = decodeJwt(result.IdToken);
  return {
    sub: String(claims.sub),
    email,
    password,
    groups: (claims['cognito:groups'] as string[] | undefined) ?? [],
    idToken: result.IdToken,
    accessToken: result.AccessToken,
    refreshToken: result.RefreshToken,
    claims,
  };
}

/** One of the seeded demo users (local/seed/demo-users.ts). */
export async function signInDemoUser(key: DemoUserKey): Promise<SignedInUser> {
  const user = localStack().demoUsers.find((u) => u.key === key);
  if (!user) throw new Error(`The stack has no demo user ${key}`);
  return signIn(user.email, user.password);
}

export const uniqueEmail = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}@test.example.com`;
const strongPassword = () => `Test-${randomUUID()}-aA1!`;

/**
 * A new confirmed user in `group` with a profile item, as an admin (staff, admins) or the post-confirmation trigger
 * (applicants) leaves one, signed in.
 */
export async function createUser(options: {
  group: GroupName;
  fullName?: string;
  email?: string;
}): Promise<SignedInUser> {
  const stack = localStack();
  const email = options.email ?? uniqueEmail(options.group);
  const fullName = options.fullName ?? `Test ${options.group} ${email.split('@')[0]}`;
  const password = strongPassword();
  const sub = await ensureCognitoUser(sdk().cognito, stack.userPoolId, {
    email,
    fullName,
    password,
    group: options.group,
  });
  const now = new Date().toISOString();
  await putItems(sdk().dynamodb, stack.tableName, [profileItem({ email, fullName, group: options.group, sub }, now)]);
  return signIn(email, password);
}

/** Self sign-up and confirmation, as a new applicant does it; the post-confirmation Lambda does the rest. */
export async function signUpApplicant(options: { fullName?: string; email?: string } = {}): Promise<SignedInUser> {
  const stack = localStack();
  const email = options.email ?? uniqueEmail('applicant');
  const password = strongPassword();
  await sdk().cognito.send(
    new SignUpCommand({
      ClientId: stack.userPoolClientId,
      Username: email,
      Password: password,
      UserAttributes: [{ Name: 'name', Value: options.fullName ?? `Applicant ${email.split('@')[0]}` }],
    }),
  );
  await sdk().cognito.send(new AdminConfirmSignUpCommand({ UserPoolId: stack.userPoolId, Username: email }));
  return signIn(email, password);
}

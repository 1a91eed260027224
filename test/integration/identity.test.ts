import {
  AdminListGroupsForUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient, GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureApplicantProfile } from '../../functions/identity/applicant-profile.ts';
import { auditKey, userKey } from '../../resolvers/lib/keys.ts';
import { DeactivateUserDocument, InviteStaffDocument, ListStaffDocument, MeDocument, SetUserRoleDocument } from '../../schema/generated/client/graphql.ts';
import { awsClientConfig, localStack } from '../setup/local-stack.ts';
import { createUser, decodeJwt, signIn, signUpApplicant, uniqueEmail, type SignedInUser } from '../setup/users.ts';
import { gql, gqlOk } from './support/api.ts';

// User administration through the local stack: the identity Lambda against cognito-local, the profile writes in the
// resolvers, and the post-confirmation trigger on self sign-up.

let admin: SignedInUser;
let cognito: CognitoIdentityProviderClient;
let dynamodb: DynamoDBClient;

beforeAll(async () => {
  const stack = localStack();
  cognito = new CognitoIdentityProviderClient(awsClientConfig(stack.urls.cognito));
  dynamodb = new DynamoDBClient(awsClientConfig(stack.urls.dynamodb));
  admin = await createUser({ group: 'admin', fullName: 'Ada Admin' });
});
afterAll(() => {
  cognito.destroy();
  dynamodb.destroy();
});

async function groupsOf(userId: string): Promise<string[]> {
  const { Groups = [] } = await cognito.send(new AdminListGroupsForUserCommand({ UserPoolId: localStack().userPoolId, Username: userId }));
  return Groups.map((g) => g.GroupName ?? '').sort();
}

async function profileItem(userId: string) {
  const { Item } = await dynamodb.send(new GetItemCommand({ TableName: localStack().tableName, Key: marshall(userKey(userId)), ConsistentRead: true }));
  return Item ? unmarshall(Item) : null;
}

/**
 * The invited user's first sign-in: the temporary password Cognito emails (cognito-local only prints it, so the test
 * sets one, as the email would carry), then the new password Cognito asks for.
 */
async function acceptInvitation(email: string): Promise<SignedInUser> {
  const stack = localStack();
  const temporary = `Temp-${randomUUID()}-aA1!`;
  const chosen = `Mine-${randomUUID()}-aA1!`;
  await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: stack.userPoolId, Username: email, Password: temporary, Permanent: false }));
  const challenge = await cognito.send(
    new InitiateAuthCommand({ ClientId: stack.userPoolClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: temporary } }),
  );
  expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  await cognito.send(
    new RespondToAuthChallengeCommand({
      ClientId: stack.userPoolClientId,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: challenge.Session,
      ChallengeResponses: { USERNAME: String(challenge.ChallengeParameters?.USER_ID_FOR_SRP ?? email), NEW_PASSWORD: chosen },
    }),
  );
  return signIn(email, chosen);
}

describe('inviteStaff', () => {
  it('given an admin, when they invite a staff member, then the profile is in the team, and the invited user can sign in and is in `staff`', async () => {
    const email = uniqueEmail('Invited.Staff');
    const invited = await gqlOk(admin, InviteStaffDocument, { input: { email: email.toUpperCase(), fullName: 'Sam Staff', role: 'STAFF' } });
    expect(invited.inviteStaff).toMatchObject({ email: email.toLowerCase(), fullName: 'Sam Staff', role: 'STAFF', active: true, version: 1 });
    const userId = invited.inviteStaff.id;
    expect(await groupsOf(userId)).toEqual(['staff']);

    const staff = await acceptInvitation(email.toLowerCase());
    expect(staff.sub).toBe(userId);
    expect(staff.groups).toEqual(['staff']);
    expect((await gqlOk(staff, MeDocument, {})).me).toMatchObject({ id: userId, role: 'STAFF' });
    const team = (await gqlOk(admin, ListStaffDocument, { limit: 100 })).listStaff.items;
    expect(team.map((p) => p.id)).toContain(userId);
  });

  it('given an email that already belongs to a user, when invited, then it is refused naming input.email and nothing is written', async () => {
    const existing = await signUpApplicant();
    const result = await gql(admin, InviteStaffDocument, { input: { email: existing.email, fullName: 'Someone', role: 'STAFF' } });
    expect(result.errors).toEqual([
      expect.objectContaining({ errorType: 'ValidationError', message: 'input.email: belongs to an existing user; change their role with setUserRole instead' }),
    ]);
    expect(await profileItem(existing.sub)).toMatchObject({ role: 'APPLICANT' });
  });

  it.each([
    ['staff', 'staff'],
    ['an applicant', 'applicant'],
  ] as const)('given %s, when they invite someone, then AppSync refuses it', async (_who, group) => {
    const caller = await createUser({ group });
    const result = await gql(caller, InviteStaffDocument, { input: { email: uniqueEmail('nope'), fullName: 'Nope', role: 'STAFF' } });
    expect(result.errors[0]?.errorType).toBe('Unauthorized');
  });
});

describe('setUserRole', () => {
  it('given an applicant, when an admin makes them STAFF, then Cognito moves them to `staff`, the profile joins the team, and their next token says so', async () => {
    const user = await signUpApplicant({ fullName: 'Promoted Person' });
    const result = await gqlOk(admin, SetUserRoleDocument, { userId: user.sub, role: 'STAFF' });
    expect(result.setUserRole).toMatchObject({ id: user.sub, role: 'STAFF', version: 2 });
    expect(await groupsOf(user.sub)).toEqual(['staff']);
    expect(await profileItem(user.sub)).toMatchObject({ gsi4pk: 'TEAM', gsi4sk: `Promoted Person#${user.sub}` });
    expect((await signIn(user.email, user.password)).groups).toEqual(['staff']);

    const back = await gqlOk(admin, SetUserRoleDocument, { userId: user.sub, role: 'APPLICANT' });
    expect(back.setUserRole).toMatchObject({ role: 'APPLICANT', version: 3 });
    expect(await groupsOf(user.sub)).toEqual(['applicant']);
    expect(await profileItem(user.sub)).not.toHaveProperty('gsi4pk');
  });

  it('given an admin, when they take away their own admin role, then it is refused naming role and nothing changes', async () => {
    const result = await gql(admin, SetUserRoleDocument, { userId: admin.sub, role: 'STAFF' });
    expect(result.errors).toEqual([expect.objectContaining({ errorType: 'ValidationError', message: 'role: an admin cannot remove their own admin role; ask another admin' })]);
    expect(await groupsOf(admin.sub)).toEqual(['admin']);
  });

  it('given a user id nobody has, when an admin sets its role, then it is NotFound', async () => {
    const result = await gql(admin, SetUserRoleDocument, { userId: randomUUID(), role: 'STAFF' });
    expect(result.errors).toEqual([expect.objectContaining({ errorType: 'NotFound', message: 'User not found' })]);
  });
});

describe('deactivateUser', () => {
  it('given a signed-in user, when an admin deactivates them, then they can no longer sign in or refresh, while the token they hold works until it expires', async () => {
    const stack = localStack();
    const user = await signUpApplicant();
    const result = await gqlOk(admin, DeactivateUserDocument, { userId: user.sub });
    expect(result.deactivateUser).toMatchObject({ id: user.sub, active: false, version: 2 });

    await expect(signIn(user.email, user.password)).rejects.toThrow();
    await expect(
      cognito.send(
        new InitiateAuthCommand({ ClientId: stack.userPoolClientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: user.refreshToken ?? '' } }),
      ),
    ).rejects.toThrow();

    // docs/runbook.md: tokens issued before stay valid until they expire (60 minutes by default).
    const expiresInSeconds = Number(decodeJwt(user.idToken).exp) - Math.floor(Date.now() / 1000);
    expect(expiresInSeconds).toBeGreaterThan(0);
    expect((await gqlOk(user, MeDocument, {})).me).toMatchObject({ id: user.sub, active: false });

    const audit = await dynamodb.send(
      new QueryCommand({
        TableName: stack.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: marshall({ ':pk': auditKey('USER', user.sub, '').pk }),
      }),
    );
    expect((audit.Items ?? []).map((i) => unmarshall(i).action)).toContain('USER_DEACTIVATED');
  });

  it('given an admin, when they deactivate themselves, then it is refused naming userId', async () => {
    const result = await gql(admin, DeactivateUserDocument, { userId: admin.sub });
    expect(result.errors).toEqual([expect.objectContaining({ errorType: 'ValidationError', message: 'userId: an admin cannot deactivate themselves; ask another admin' })]);
  });
});

describe('post-confirmation', () => {
  it('given a self sign-up, when it is confirmed, then the trigger wrote the profile (APPLICANT, lower-cased email, the name given) and put them in `applicant`', async () => {
    const email = uniqueEmail('New.Applicant');
    const user = await signUpApplicant({ email, fullName: 'Nia Novak' });
    expect(user.groups).toEqual(['applicant']);
    expect((await gqlOk(user, MeDocument, {})).me).toMatchObject({
      id: user.sub,
      email: email.toLowerCase(),
      fullName: 'Nia Novak',
      role: 'APPLICANT',
      active: true,
      notificationPreferences: { optedOut: [] },
      version: 1,
    });
  });

  it('given the trigger delivered again, then nothing changes; and for a user promoted since, it never puts them back in `applicant`', async () => {
    const stack = localStack();
    const user = await signUpApplicant();
    const deps = { dynamodb, tableName: stack.tableName, admin: { cognito, userPoolId: stack.userPoolId } };
    const signUp = { sub: user.sub, username: user.sub, email: user.email, name: 'Other Name' };

    await expect(ensureApplicantProfile(deps, signUp)).resolves.toBe(false);
    expect(await profileItem(user.sub)).toMatchObject({ version: 1, role: 'APPLICANT' });
    expect(await groupsOf(user.sub)).toEqual(['applicant']);

    await gqlOk(admin, SetUserRoleDocument, { userId: user.sub, role: 'STAFF' });
    await expect(ensureApplicantProfile(deps, signUp)).resolves.toBe(false);
    expect(await groupsOf(user.sub)).toEqual(['staff']);
  });
});
